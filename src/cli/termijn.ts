// npm run --silent termijn -- --soort <soort> --vanaf YYYY-MM-DD [--json]: computes a Wgr deadline.
// npm run --silent termijn -- --ics [--register file]: the register's deadlines as an iCalendar file.
// Bad input: a Dutch error on stderr and exit code 2. The logic: src/cli/termijn-run.ts.
import "./quiet-pipe.ts";
import { processIo } from "./io.ts";
import { run } from "./termijn-run.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
