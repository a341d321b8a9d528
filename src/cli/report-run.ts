// The logic of `npm run report` (entry: src/cli/report.ts).
// npm run report                  the griffie report as Dutch text
// npm run report -- --days 30     only the last 30 days
// npm run report -- --json        the same report as JSON (src/report/build.ts: GriffieReport)
// npm run report -- --html f.html one self-contained HTML page with charts (src/report/html.ts)
// Opens the store from the environment (.env too): PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set.
import { pino } from "pino";
import { loadConfig } from "../config.ts";
import { ConfigError, StoreLockedError } from "../errors.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import type { KnowledgeBase, SynonymGroups } from "../knowledge/types.ts";
import { parseReportArgs, REPORT_USAGE as USAGE } from "../report/args.ts";
import { buildReport } from "../report/build.ts";
import { markEditorDecisions } from "../report/decisions.ts";
import { readDismissed } from "../learn/session.ts";
import { formatReportText } from "../report/format.ts";
import { writeHtmlReport } from "../report/write-html.ts";
import { createStore } from "../store/index.ts";
import { type CliIo, errLine, loadDotenv, outLine } from "./io.ts";

/** Runs `npm run report` with the arguments after `--`; returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseReportArgs(argv);
  if ("help" in args) {
    outLine(io, USAGE);
    return 0;
  }
  if ("error" in args) {
    errLine(io, `${args.error}\n${USAGE}`);
    return 2;
  }
  loadDotenv(io);
  let config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    errLine(io, err instanceof ConfigError ? err.message : String(err));
    return 1;
  }
  // Logs go to stderr so that --json output stays clean.
  const logger = pino(
    { level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL },
    { write: (line: string) => io.err(line) },
  );

  let titles: Map<string, string> | undefined;
  let synonyms: SynonymGroups | undefined;
  let kb: KnowledgeBase | undefined;
  try {
    kb = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
    titles = new Map(kb.entries.map((e) => [e.id, e.title]));
    synonyms = kb.synonyms;
  } catch (err) {
    const reason = (err as Error).message.split("\n")[0];
    logger.warn({ reason }, "knowledge base not loaded; the report shows ids instead of titles");
  }

  let store;
  try {
    store = await createStore(config, logger);
  } catch (err) {
    if (err instanceof StoreLockedError) {
      errLine(
        io,
        `De ingebouwde database (${config.DATA_DIR}) is in gebruik door de bot (proces ${err.pid}). ` +
          "Stop de bot even, of gebruik PostgreSQL (DATABASE_URL) zodat bot en rapport dezelfde database delen.",
      );
    } else {
      errLine(io, `De database kon niet worden geopend: ${(err as Error).message}`);
    }
    return 1;
  }
  try {
    const now = new Date();
    const since = args.days === null ? undefined : new Date(now.getTime() - args.days * 86_400_000);
    const [unanswered, feedback, handoffs] = await Promise.all([
      store.listUnanswered(since),
      store.listFeedback(since),
      // Open hand-offs of any age: a question stays on the list until the griffie marks it answered.
      store.listHandoffs?.(undefined, "open") ?? Promise.resolve([]),
    ]);
    const built = buildReport({
      unanswered,
      feedback,
      handoffs,
      now,
      days: args.days,
      ...(titles ? { titles } : {}),
      ...(synonyms ? { synonyms } : {}),
    });
    const report = markEditorDecisions(built, kb, await readDismissed(config.KNOWLEDGE_DIR));
    if (args.html) {
      await writeHtmlReport({
        file: args.html,
        store,
        report,
        feedback,
        since,
        kb,
        knowledgeDir: config.KNOWLEDGE_DIR,
      });
      outLine(io, `Rapport geschreven naar ${args.html}`);
      return 0;
    }
    io.out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report));
    return 0;
  } finally {
    await store.close();
  }
}
