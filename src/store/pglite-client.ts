// SqlClient over PGlite: PostgreSQL compiled to WebAssembly, embedded in the process (the default store).
// PGlite is single-process: a lock file next to the data folder stops a second process (another bot instance,
// or `npm run report` while the bot runs) from opening the same files and corrupting them.
import { spawn } from "node:child_process";
import { access, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { StoreLockedError } from "../errors.ts";
import { PGLITE_NODE_FLAGS, PGLITE_OPTIONS } from "./pglite-options.ts";
import { openPgliteThread } from "./pglite-thread.ts";
import { rowsExecutor, type SqlClient, type SqlExecutor } from "./sql-client.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Lock files this process holds (a second open in the same process is refused too). */
const held = new Set<string>();

/** Takes `<dataDir>.lock` for this process; a lock left by a process that no longer runs is taken over. */
async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
  if (held.has(lockFile)) throw new StoreLockedError(lockFile, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: "wx" });
      held.add(lockFile);
      return async () => {
        held.delete(lockFile);
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      // Our own pid in a lock we do not hold: left behind by an earlier run (e.g. pid 1 in a restarted container).
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new StoreLockedError(lockFile, pid);
      await unlink(lockFile).catch(() => undefined); // stale
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

const INIT_SCRIPT = fileURLToPath(new URL("./pglite-init.ts", import.meta.url));

/** Initialises a new database folder in a child process (its memory peak leaves with it). */
function initInChild(dataDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...PGLITE_NODE_FLAGS, "--import", "tsx", INIT_SCRIPT, dataDir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString("utf8")).slice(-2000)));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`PGlite initialisation failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export interface PgliteClientOptions {
  /**
   * Initialise a new database folder in a child process (default false). The server sets it: PGlite's first
   * initialisation peaks at ~800 MB, which would otherwise stay resident.
   */
  initInChild?: boolean;
  /** A data folder saved with PGlite's `dumpDataDir()`, loaded instead of running initdb (tests use a template). */
  loadDataDir?: Blob;
  /**
   * Run PGlite in a worker thread (pglite-thread.ts; default false). The server sets it: in-process, each
   * statement runs its WebAssembly on the main thread and stalls every request for its duration.
   */
  worker?: boolean;
}

/**
 * Opens an embedded database. `dataDir` is a folder on disk (created when missing);
 * leave it out for an in-memory database (tests).
 */
export async function createPgliteClient(dataDir?: string, opts: PgliteClientOptions = {}): Promise<SqlClient> {
  let release: () => Promise<void> = async () => undefined;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    release = await acquireLock(`${resolve(dataDir)}.lock`);
  }
  let db: Omit<SqlClient, "kind">;
  try {
    if (dataDir && opts.initInChild && !opts.loadDataDir && !(await exists(join(dataDir, "PG_VERSION"))))
      await initInChild(dataDir);
    db = opts.worker
      ? await openPgliteThread({ dataDir, options: PGLITE_OPTIONS, loadDataDir: opts.loadDataDir })
      : inProcess(
          await PGlite.create(
            dataDir,
            opts.loadDataDir ? { ...PGLITE_OPTIONS, loadDataDir: opts.loadDataDir } : PGLITE_OPTIONS,
          ),
        );
  } catch (err) {
    await release();
    throw err;
  }
  let closed = false;
  return {
    kind: "pglite",
    query: db.query,
    transaction: db.transaction,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}

/** The SqlClient surface over PGlite in this thread. */
function inProcess(db: PGlite): Omit<SqlClient, "kind"> {
  return {
    query: rowsExecutor(db).query,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      // PGlite serialises work behind one mutex; inside the transaction only `tx` may be used.
      return db.transaction(async (tx) => fn(rowsExecutor(tx)));
    },
    close: () => db.close(),
  };
}
