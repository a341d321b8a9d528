// PGlite in a worker thread (pglite-worker.mjs), behind the same SqlExecutor surface as in-process PGlite.
// PGlite's WebAssembly runs on the thread that calls it: in-process, every statement (the batched INSERT of the
// asked-questions log, a checklist write) stalls the event loop and every request waiting on it. Here the main
// thread only posts the statement and awaits the reply, so request handling goes on while the database works.
// A reply comes after PGlite has executed the statement, so an acknowledged write is as durable as in-process.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SqlExecutor, SqlParam } from "./sql-client.ts";

const WORKER_SCRIPT = new URL("./pglite-worker.mjs", import.meta.url);

let compiledWasm: Promise<WebAssembly.Module | undefined> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process and handed to every thread that opens a database (a compiled
 * module crosses to a worker thread without being compiled again). Each thread compiled it anew before: a thread's
 * open took 533 instead of 378 CPU-ms, which the test suite, opening dozens of databases per process, paid each time. Undefined (PGlite
 * then compiles it itself, as before) if the file is not where this PGlite version keeps it.
 */
export function pgliteWasmModule(): Promise<WebAssembly.Module | undefined> {
  compiledWasm ??= (async () => {
    try {
      const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
      return await WebAssembly.compile(await readFile(join(dirname(entry), "pglite.wasm")));
    } catch {
      return undefined;
    }
  })();
  return compiledWasm;
}

type Request =
  | { op: "query"; sql: string; params: SqlParam[]; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

interface PlainError {
  name: string;
  message: string;
  [field: string]: unknown;
}

type Reply = { id: number; rows: unknown[] } | { id: number; error: PlainError };

/** An Error carrying the database error's fields (`code`, `detail`, …), as node-postgres and PGlite give them. */
function toError(plain: PlainError): Error {
  const { name, message, ...fields } = plain;
  const err = Object.assign(new Error(message), fields);
  err.name = name;
  return err;
}

export interface PgliteThread extends SqlExecutor {
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the database (PGlite flushes its files) and ends the thread. */
  close(): Promise<void>;
}

export interface PgliteThreadOptions {
  dataDir?: string;
  /** PGlite's options (structured-cloneable: the `postgresqlconf` list of pglite-options.ts). */
  options: object;
  loadDataDir?: Blob;
}

/** Starts the worker and resolves once PGlite is open in it; rejects with PGlite's error when it cannot open. */
export async function openPgliteThread(opts: PgliteThreadOptions): Promise<PgliteThread> {
  const pgliteWasm = await pgliteWasmModule();
  const worker = new Worker(WORKER_SCRIPT, {
    workerData: {
      dataDir: opts.dataDir,
      options: pgliteWasm ? { ...opts.options, pgliteWasmModule: pgliteWasm } : opts.options,
      loadDataDir: opts.loadDataDir,
    },
    // V8 flags (--liftoff-only, heap sizes) are process-wide; the main thread's other flags are not valid here.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  let closingRef = false;

  // The thread keeps the process alive only while a statement is in flight: an idle store never holds a CLI open,
  // and a CLI awaiting a statement is never ended early.
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0 && !closingRef) worker.unref();
  };
  const failAll = (err: Error) => {
    failure ??= err;
    for (const [id, p] of pending) {
      settle(id);
      p.reject(err);
    }
  };

  await new Promise<void>((resolve, reject) => {
    const onInit = (msg: { ready?: true; initError?: PlainError }) => {
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (msg.ready) resolve();
      else reject(toError(msg.initError ?? { name: "Error", message: "PGlite worker did not start" }));
    };
    const onError = (err: Error) => {
      worker.off("message", onInit);
      reject(err);
    };
    const onExit = (code: number) => {
      worker.off("message", onInit);
      reject(new Error(`PGlite worker exited (code ${code}) while opening the database`));
    };
    worker.once("message", onInit);
    worker.once("error", onError);
    worker.once("exit", onExit);
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });

  worker.unref();
  worker.on("message", (msg: Reply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    settle(msg.id);
    if ("error" in msg) p.reject(toError(msg.error));
    else p.resolve(msg.rows);
  });
  worker.on("error", (err) => failAll(err));
  worker.on("exit", (code) => failAll(new Error(`PGlite worker exited (code ${code})`)));

  const call = (req: Request): Promise<unknown[]> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<unknown[]>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...req });
    });
  };
  const executor = (tx?: number): SqlExecutor => ({
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      return (await call({ op: "query", sql, params: [...params], tx })) as T[];
    },
  });

  let closing: Promise<void> | undefined;
  return {
    ...executor(),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const [tx] = (await call({ op: "begin" })) as unknown as [number];
      let result: T;
      try {
        result = await fn(executor(tx));
      } catch (err) {
        await call({ op: "end", tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ op: "end", tx, commit: true });
      return result;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        // Referenced until the thread has ended, so the process waits for PGlite to close its files.
        closingRef = true;
        worker.ref();
        const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
        try {
          await call({ op: "close" });
        } finally {
          // The worker ends itself after closing PGlite; terminate() only if it did not (closing failed).
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
          clearTimeout(timer);
          await worker.terminate();
        }
      })();
      return closing;
    },
  };
}
