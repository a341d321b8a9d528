// npm run ask -- "vraag"      a Dutch answer in the terminal
// npm run ask -- --json "vraag"   one Reply as JSON
// npm run ask -- --jsonl          one question a line on stdin, one JSON Reply a line on stdout (nothing else)
import { createInterface } from "node:readline";
import { normalizeUserText } from "../core/user-text.ts";
import { createEngine } from "../engine/index.ts";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";
import { formatReplyText } from "./format-text.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const jsonl = args.includes("--jsonl");
const question = normalizeUserText(args.filter((a) => !a.startsWith("--")).join(" "));
const dir = process.env.KNOWLEDGE_DIR ?? "knowledge";

async function main(): Promise<number> {
  let engine;
  try {
    engine = createEngine(await loadKnowledgeBase(dir));
  } catch (e) {
    if (e instanceof KnowledgeError) e.problems.forEach((p) => console.error(formatProblem(p)));
    else console.error((e as Error).message);
    return 1;
  }
  if (jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of rl) process.stdout.write(`${JSON.stringify(engine.ask(normalizeUserText(line)))}\n`);
    return 0;
  }
  if (!question.trim() && !json) {
    console.error('Gebruik: npm run ask -- "uw vraag"   (of --json "vraag", of --jsonl met één vraag per regel op stdin)');
    return 2;
  }
  const reply = engine.ask(question);
  console.log(json ? JSON.stringify(reply, null, 2) : formatReplyText(reply));
  return 0;
}

process.exitCode = await main();
