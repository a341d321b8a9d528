// npm run kb:learn                                   walk the unanswered questions and 👎 answers (interactive)
// npm run kb:learn -- --days 30                       only the last 30 days
// npm run kb:learn -- --apply <entry-id> "<question>" add one phrasing to an entry (scripts)
// Every write is a normal change in the knowledge folder: review it with git and merge it like any other edit.
// The logic: src/cli/kb-learn-run.ts.
import "./quiet-pipe.ts";
import { processIo } from "./io.ts";
import { run } from "./kb-learn-run.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
