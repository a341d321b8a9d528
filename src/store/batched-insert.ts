// Rows of an append-only log written in batches, off the request path: add() queues a row and returns; the queue
// is written in one multi-row INSERT at most `flushMs` after the first queued row, or at once when `batchRows` are
// queued, and whenever flush() is called (before a read of the log, a purge, a close). flushMs 0 writes each row
// at once (add() then waits for the write). A failed write keeps its rows (bounded) for the next flush.
import type { Logger } from "../log.ts";
import type { SqlExecutor, SqlParam } from "./sql-client.ts";

export interface BatchedInsertOptions<Row> {
  table: string;
  columns: readonly string[];
  /** The row's values, in `columns` order. */
  values: (row: Row) => SqlParam[];
  flushMs: number;
  /** Most rows per INSERT, and the queue length that writes at once. */
  batchRows: number;
  /** Rows kept for a retry while the database cannot be written; beyond this the oldest are dropped (and logged). */
  maxQueued: number;
  /** What the log is, for the warning when a write fails ("the log of asked questions"). */
  what: string;
  logger?: Logger;
  /** Called when a write started by the timer or a full queue fails (nobody awaits those; metrics count them). */
  onBackgroundError?: () => void;
}

export class BatchedInsert<Row> {
  private queue: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: SqlExecutor,
    private readonly opts: BatchedInsertOptions<Row>,
  ) {}

  /** True when nothing is queued or being written. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.writing;
  }

  add(row: Row): Promise<void> {
    this.queue.push(row);
    if (this.opts.flushMs <= 0) return this.flush();
    if (this.queue.length >= this.opts.batchRows) {
      void this.flush().catch(() => this.opts.onBackgroundError?.());
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush().catch(() => this.opts.onBackgroundError?.());
      }, this.opts.flushMs);
      this.timer.unref();
    }
    return Promise.resolve();
  }

  /** Writes the queued rows (one INSERT per batchRows). Rejects when the write fails. */
  async flush(): Promise<void> {
    // One write at a time, so rows keep their order and a failed batch goes back to the front of the queue.
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.queue.length);
    const { table, columns, batchRows } = this.opts;
    const write = (async () => {
      for (let i = 0; i < batch.length; i += batchRows) {
        const rows = batch.slice(i, i + batchRows);
        const params = rows.flatMap(this.opts.values);
        const n = columns.length;
        const values = rows.map((_r, j) => `(${columns.map((_c, k) => `$${j * n + k + 1}`).join(", ")})`);
        try {
          await this.db.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`, params);
        } catch (err) {
          // Keep the unwritten rows for the next flush (bounded), and say so once per failed write.
          const kept = [...batch.slice(i), ...this.queue];
          const dropped = Math.max(0, kept.length - this.opts.maxQueued);
          this.queue = kept.slice(dropped);
          this.opts.logger?.warn(
            {
              // Name and code only: a database error may quote a value (a user's question).
              err: { name: (err as Error).name, code: (err as { code?: unknown }).code },
              queued: this.queue.length,
              dropped,
            },
            `store: could not write ${this.opts.what}; retrying with the next batch`,
          );
          throw err;
        }
      }
    })();
    this.writing = write;
    try {
      await write;
    } finally {
      this.writing = null;
    }
  }
}
