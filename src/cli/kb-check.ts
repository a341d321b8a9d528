// npm run kb:check [-- folder]: validates the knowledge base with the editors' rules as well as the schema;
// prints every problem and exits 1, or a summary. The logic: src/cli/kb-check-run.ts.
import "./quiet-pipe.ts";
import { processIo } from "./io.ts";
import { run } from "./kb-check-run.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
