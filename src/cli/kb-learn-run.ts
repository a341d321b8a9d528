// The logic of `npm run kb:learn` (entry: src/cli/kb-learn.ts).
// npm run kb:learn                                   walk the unanswered questions and 👎 answers (interactive)
// npm run kb:learn -- --days 30                       only the last 30 days
// npm run kb:learn -- --apply <entry-id> "<question>" add one phrasing to an entry (scripts)
// Every write is a normal change in the knowledge folder: review it with git and merge it like any other edit.
import { createInterface, type Interface } from "node:readline";
import { createEngine } from "../engine/index.ts";
import { parseFlags } from "../flags.ts";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";
import { AddQuestionError } from "../learn/add-question.ts";
import { appliedLines, applyQuestion, type ApplyResult } from "../learn/apply.ts";
import {
  attachedEntry,
  isDismissedGroup,
  learnItems,
  readDismissed,
  runLearnSession,
  writeDismissed,
} from "../learn/session.ts";
import { buildReport } from "../report/build.ts";
import type { HandoffRow } from "../store/port.ts";
import { type CliIo, errLine, loadDotenv, outLine } from "./io.ts";
import { cliConfig, openStoreForCli } from "./open-store.ts";

const USAGE = `Gebruik: npm run kb:learn -- [--days N]
       npm run kb:learn -- --apply <onderwerp-id> "<vraag>"`;

function printApplied(io: CliIo, r: ApplyResult, question: string): void {
  for (const line of appliedLines(r, question)) outLine(io, line);
}

/**
 * Answers from stdin, one line per question. Lines are queued (piped input arrives before it is asked for), and
 * the end of the input answers "q" (stop), so a script or a closed terminal ends the session cleanly.
 */
function lineReader(rl: Interface, io: CliIo): (prompt: string) => Promise<string> {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let closed = false;
  rl.on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on("close", () => {
    closed = true;
    for (const w of waiting.splice(0)) w("q");
  });
  // Piped input is not echoed by a terminal: print each answer after its prompt, so the output reads as a session.
  const echo = (line: string): string => {
    if (!io.stdin.isTTY) io.out(`${line}\n`);
    return line;
  };
  return (prompt) => {
    io.out(prompt);
    const line = lines.shift();
    if (line !== undefined) return Promise.resolve(echo(line));
    if (closed) return Promise.resolve(echo("q"));
    return new Promise((resolve) => waiting.push((l) => resolve(echo(l))));
  };
}

/** Runs `npm run kb:learn` with the arguments after `--`; returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags({
    args: argv,
    options: {
      apply: { type: "string" },
      days: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if ("error" in parsed) {
    errLine(io, `${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    outLine(io, USAGE);
    return 0;
  }
  // .env as for the bot and the interactive session (values already in the environment win).
  loadDotenv(io);
  const dir = io.env.KNOWLEDGE_DIR || "knowledge";

  if (parsed.values.apply !== undefined) {
    const question = parsed.positionals.join(" ").trim();
    if (!question) {
      errLine(io, `Geef de vraag mee.\n${USAGE}`);
      return 2;
    }
    try {
      printApplied(io, await applyQuestion(dir, parsed.values.apply, question), question);
      return 0;
    } catch (err) {
      if (err instanceof KnowledgeError) for (const p of err.problems) errLine(io, formatProblem(p));
      else errLine(io, err instanceof AddQuestionError ? `Niet gelukt: ${err.message}` : String(err));
      return 1;
    }
  }

  let days: number | null = null;
  if (parsed.values.days !== undefined) {
    days = Number(parsed.values.days);
    if (!Number.isInteger(days) || days < 1) {
      errLine(io, `--days moet een heel getal van 1 of meer zijn\n${USAGE}`);
      return 2;
    }
  }
  const cfg = cliConfig(io);
  if ("error" in cfg) {
    errLine(io, cfg.error);
    return 1;
  }
  let kb;
  try {
    kb = await loadKnowledgeBase(cfg.config.KNOWLEDGE_DIR);
  } catch (err) {
    if (err instanceof KnowledgeError) for (const p of err.problems) errLine(io, formatProblem(p));
    errLine(io, "Herstel eerst de kennisbank (npm run kb:check).");
    return 1;
  }
  const opened = await openStoreForCli(cfg.config, cfg.logger);
  if ("error" in opened) {
    errLine(io, opened.error);
    return 1;
  }
  const now = new Date();
  let report;
  let handoffs: HandoffRow[] = [];
  try {
    const since = days === null ? undefined : new Date(now.getTime() - days * 86_400_000);
    const [unanswered, feedback, found] = await Promise.all([
      opened.store.listUnanswered(since),
      opened.store.listFeedback(since),
      opened.store.listHandoffs?.(since) ?? [],
    ]);
    handoffs = found;
    report = buildReport({
      unanswered,
      feedback,
      now,
      days,
      titles: new Map(kb.entries.map((e) => [e.id, e.title])),
      synonyms: kb.synonyms,
    });
  } finally {
    // The embedded database is released before the editor starts thinking, so the bot can be started again.
    await opened.store.close();
  }
  const knowledgeDir = cfg.config.KNOWLEDGE_DIR;
  const dismissed = await readDismissed(knowledgeDir);
  const items = learnItems(report, createEngine(kb), kb, dismissed, handoffs);
  const attached = report.unanswered.filter((g) => attachedEntry(g, kb)).length;
  const notOurs = report.unanswered.filter((g) => !attachedEntry(g, kb) && isDismissedGroup(g, dismissed)).length;
  if (attached || notOurs) {
    const groups = (n: number) => `${n} ${n === 1 ? "groep" : "groepen"}`;
    outLine(
      io,
      `Overgeslagen: ${groups(attached)} al gekoppeld aan een onderwerp, ${groups(notOurs)} 'niet ons onderwerp'.`,
    );
  }
  const rl = createInterface({ input: io.stdin, output: io.terminal, terminal: io.stdin.isTTY });
  const ask = lineReader(rl, io);
  try {
    const changes = await runLearnSession(
      items,
      kb,
      { print: (l) => outLine(io, l), ask },
      {
        apply: async (id, question) => {
          try {
            printApplied(io, await applyQuestion(knowledgeDir, id, question), question);
          } catch (err) {
            outLine(io, err instanceof AddQuestionError ? `Niet gelukt: ${err.message}` : String(err));
          }
        },
        dismiss: (question) => writeDismissed(knowledgeDir, question),
      },
    );
    outLine(io, `\nKlaar: ${changes} wijziging(en). Bekijk ze met git diff en dien ze in zoals elke andere wijziging.`);
  } finally {
    rl.close();
  }
  return 0;
}
