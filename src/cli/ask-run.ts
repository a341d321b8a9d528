// The logic of `npm run ask` (entry: src/cli/ask.ts).
// npm run ask -- "vraag"             a Dutch answer in the terminal
// npm run ask -- --json "vraag"      one Reply as JSON
// npm run ask -- --explain "vraag"   why: focus words, expansions, candidates with features, confidence, band
// npm run ask -- --jsonl             one question a line on stdin, one JSON Reply a line on stdout (nothing else)
import { createInterface } from "node:readline";
import { normalizeUserText } from "../core/user-text.ts";
import { parseFlags } from "../flags.ts";
import { createEngine } from "../engine/index.ts";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";
import { loadRegister } from "../termijnen/register.ts";
import { createTermijnService } from "../termijnen/service.ts";
import { formatExplanation } from "./format-explain.ts";
import { formatReplyText } from "./format-text.ts";
import { type CliIo, errLine, outLine } from "./io.ts";

const USAGE =
  'Gebruik: npm run ask -- "uw vraag"   (of --json "vraag", --explain "vraag", of --jsonl met één vraag per regel op stdin)';

/** Runs `npm run ask` with the arguments after `--`; returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
    },
  });
  if ("error" in parsed) {
    errLine(io, `${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const question = normalizeUserText(positionals.join(" "));
  const dir = io.env.KNOWLEDGE_DIR ?? "knowledge";
  let engine, termijnen;
  try {
    engine = createEngine(await loadKnowledgeBase(dir));
    const registerFile = io.env.REGISTER_FILE;
    termijnen = createTermijnService({ register: registerFile ? await loadRegister(registerFile) : null });
  } catch (e) {
    if (e instanceof KnowledgeError) e.problems.forEach((p) => errLine(io, formatProblem(p)));
    else errLine(io, (e as Error).message);
    return 1;
  }
  if (values.jsonl) {
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) io.out(`${JSON.stringify(engine.ask(normalizeUserText(line)))}\n`);
    return 0;
  }
  if (!question.trim() && !values.json) {
    errLine(io, USAGE);
    return 2;
  }
  if (values.explain) {
    const x = engine.explain!(question);
    outLine(io, values.json ? JSON.stringify(x, null, 2) : formatExplanation(x));
    return 0;
  }
  // A deadline or register question is answered by the calculator first, as in the chat (src/termijnen/service.ts).
  const reply = termijnen.antwoord(question) ?? engine.ask(question);
  outLine(io, values.json ? JSON.stringify(reply, null, 2) : formatReplyText(reply));
  return 0;
}
