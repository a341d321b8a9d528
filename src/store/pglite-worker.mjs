// The embedded database in a worker thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so executing a
// query never blocks the main thread's event loop (and uses a second core). pglite-thread.ts is the other side:
// it implements the SqlClient interface by sending each statement here and awaiting the reply.
// Plain JavaScript on purpose: a worker thread does not inherit tsx's loader on Node 20.
//
// Messages in:  { id, op: "query", sql, params, tx? } | { id, op: "begin" } | { id, op: "end", tx, commit }
//               | { id, op: "close" }
// Messages out: { ready: true } | { initError } once, then { id, rows } | { id, error } per message.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** The fields of a (database) error that survive the trip to the main thread. */
function plainError(err) {
  const e = err instanceof Error ? err : new Error(String(err));
  const out = { name: e.name, message: e.message };
  for (const key of ["code", "detail", "hint", "severity", "constraint", "table", "column", "schema", "position"]) {
    if (e[key] !== undefined) out[key] = e[key];
  }
  return out;
}

/** Open transactions by id: PGlite's transaction callback stays pending until the main thread ends it. */
const transactions = new Map();
let nextTx = 1;

async function handle(db, msg) {
  switch (msg.op) {
    case "query": {
      const executor = msg.tx === undefined ? db : transactions.get(msg.tx)?.tx;
      if (!executor) throw new Error(`store worker: no open transaction ${msg.tx}`);
      return (await executor.query(msg.sql, msg.params)).rows;
    }
    case "begin": {
      const id = nextTx++;
      const entry = { tx: undefined, commit: undefined, rollback: undefined, done: undefined };
      return new Promise((entered, failed) => {
        entry.done = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              Object.assign(entry, { tx, commit, rollback });
              transactions.set(id, entry);
              entered([id]);
            }),
        );
        // Before the callback runs (BEGIN failed) the failure belongs to "begin"; afterwards "end" awaits it.
        entry.done.catch((err) => {
          if (!entry.tx) failed(err);
        });
      });
    }
    case "end": {
      const entry = transactions.get(msg.tx);
      if (!entry) throw new Error(`store worker: no open transaction ${msg.tx}`);
      transactions.delete(msg.tx);
      if (msg.commit) {
        entry.commit();
        await entry.done; // rejects when COMMIT fails
      } else {
        entry.rollback(new Error("rolled back"));
        await entry.done.catch(() => undefined);
      }
      return [];
    }
    case "close":
      await db.close();
      return [];
    default:
      throw new Error(`store worker: unknown op ${msg.op}`);
  }
}

let db;
try {
  const { dataDir, options, loadDataDir } = workerData;
  db = await PGlite.create(dataDir, loadDataDir ? { ...options, loadDataDir } : options);
} catch (err) {
  parentPort.postMessage({ initError: plainError(err) });
  parentPort.close();
}
if (db) {
  parentPort.on("message", (msg) => {
    handle(db, msg).then(
      (rows) => {
        parentPort.postMessage({ id: msg.id, rows });
        if (msg.op === "close") parentPort.close();
      },
      (err) => parentPort.postMessage({ id: msg.id, error: plainError(err) }),
    );
  });
  parentPort.postMessage({ ready: true });
}
