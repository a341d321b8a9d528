// npm run ask -- "vraag"             a Dutch answer in the terminal
// npm run ask -- --json "vraag"      one Reply as JSON
// npm run ask -- --explain "vraag"   why: focus words, expansions, candidates with features, confidence, band
// npm run ask -- --jsonl             one question a line on stdin, one JSON Reply a line on stdout (nothing else)
// The logic: src/cli/ask-run.ts.
import "./quiet-pipe.ts";
import { run } from "./ask-run.ts";
import { processIo } from "./io.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
