// npm run report                  the griffie report as Dutch text
// npm run report -- --days 30     only the last 30 days
// npm run report -- --json        the same report as JSON (src/report/build.ts: GriffieReport)
// npm run report -- --html f.html one self-contained HTML page with charts (src/report/html.ts)
// Opens the store from the environment (.env too): PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set.
// The logic: src/cli/report-run.ts.
import "./quiet-pipe.ts";
import { processIo } from "./io.ts";
import { run } from "./report-run.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
