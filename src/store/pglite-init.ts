// Creates a new embedded database folder and exits: run as a child process by pglite-client.ts, so that the
// ~800 MB PGlite needs while initialising a database (initdb) is returned to the OS when this process ends,
// instead of staying resident in the server for its whole life.
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_OPTIONS } from "./pglite-options.ts";

const dataDir = process.argv[2];
if (!dataDir) {
  console.error("usage: pglite-init.ts <dataDir>");
  process.exit(2);
}
const db = await PGlite.create(dataDir, PGLITE_OPTIONS);
await db.query("SELECT 1");
await db.close();
