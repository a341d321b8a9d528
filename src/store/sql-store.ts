// The one Store implementation (src/store/port.ts), written against SqlClient so PGlite and PostgreSQL share it.
import { createHash, randomUUID } from "node:crypto";
import type { Logger } from "../log.ts";
import { UnknownRunError } from "../errors.ts";
import { BatchedInsert } from "./batched-insert.ts";
import { hashUserId } from "./hash.ts";
import { ConversationContexts, deleteExpiredContexts } from "./conversation-context.ts";
import type {
  AskedInput,
  AskedRow,
  ChecklistRun,
  ConversationContext,
  FeedbackInput,
  FeedbackReason,
  FeedbackRow,
  HandoffInput,
  HandoffRow,
  HandoffStatus,
  Platform,
  Store,
  UnansweredInput,
  UnansweredRow,
} from "./port.ts";
import { FEEDBACK_REASONS } from "./port.ts";
import type { SqlClient, SqlExecutor, SqlParam } from "./sql-client.ts";
import { MAX_QUESTION_CHARS } from "../limits.ts";

export interface SqlStoreOptions {
  /** HMAC key for user ids. */
  hashKey: string;
  /** Questions, feedback comments and idle checklist runs older than this are purged. */
  retentionDays: number;
  logger?: Logger;
  /** Source of "now" for timestamps (tests). */
  clock?: () => Date;
  /** Run purgeExpired every this many ms (0 = never); the timer is unref'd and cleared on close. */
  purgeIntervalMs?: number;
  /**
   * The log of asked questions is written in batches, off the request path: at most this many ms after a question
   * (default 1000), or as soon as ASKED_BATCH_ROWS are queued, and always before listAsked, purgeExpired and
   * close. 0 writes each row at once.
   */
  askedFlushMs?: number;
  /**
   * The same for unanswered questions (with their text). Default: 1000 on PGlite (one process; a clean close
   * writes the queue, a crash loses at most this long of the log), 0 (each row at once) on PostgreSQL.
   */
  unansweredFlushMs?: number;
}

const DAY_MS = 86_400_000;
/** Longest question text kept; the rest is cut off (the griffie report needs the gist, not an essay). */
export { MAX_QUESTION_CHARS };
export const MAX_COMMENT_CHARS = 2000;
/** Namespace for the per-checklist advisory lock (first key of pg_advisory_xact_lock(int, int)). */
const RUN_LOCK_NAMESPACE = 73_120;
/** Expired seen-request records are deleted at most this often (and by the daily purge). */
const SEEN_SWEEP_MS = 60_000;
/** Longer keys are stored as their SHA-256. */
const MAX_SEEN_KEY = 200;
/** Default delay before queued asked-question rows are written, and the queue length that writes them at once. */
export const ASKED_FLUSH_MS = 1_000;
export const ASKED_BATCH_ROWS = 200;
/** Rows kept for a retry while the database cannot be written; beyond this the oldest are dropped (and logged). */
const ASKED_MAX_QUEUED = 20_000;

const PLATFORMS: ReadonlySet<string> = new Set<Platform>(["slack", "teams", "cli", "preview"]);
const ASK_STATUSES: ReadonlySet<string> = new Set<AskedInput["status"]>(["answer", "ambiguous", "unknown", "help"]);
const REASONS: ReadonlySet<string> = new Set<string>(FEEDBACK_REASONS);
/** Longest link to a thread that is kept (Slack permalinks and Teams deep links are far shorter). */
const MAX_LINK_CHARS = 1000;
const MAX_SETTING_CHARS = 10_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toPlatform(value: string): Platform {
  if (!PLATFORMS.has(value)) throw new Error(`Unknown platform in store: ${value}`);
  return value as Platform;
}

function assertPlatform(value: string): asserts value is Platform {
  toPlatform(value);
}

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

interface RunRow {
  run_id: string;
  checklist_id: string;
  context: string;
  created_at: Date;
  updated_at: Date;
}

interface HandoffDbRow {
  id: string;
  question: string;
  best_guess: string | null;
  platform: string;
  link: string | null;
  status: string;
  created_at: Date;
  answered_at: Date | null;
}

const HANDOFF_COLUMNS = "id, question, best_guess, platform, link, status, created_at, answered_at";

function toHandoff(r: HandoffDbRow): HandoffRow {
  return {
    id: r.id,
    question: r.question,
    bestGuess: r.best_guess,
    platform: toPlatform(r.platform),
    link: r.link,
    status: r.status === "answered" ? "answered" : "open",
    at: asDate(r.created_at),
    answeredAt: r.answered_at ? asDate(r.answered_at) : null,
  };
}

interface TickRow {
  item_id: string;
  user_hash: string;
  ticked_at: Date;
}

export class SqlStore implements Store {
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private closing: Promise<void> | null = null;
  private lastSeenSweep = 0;
  private readonly contexts: ConversationContexts;
  /** The executor for writes whose loss in a database crash costs little (SqlClient.relaxed). */
  private readonly relaxed: SqlExecutor;
  /** The asked-questions log, written in batches (see askedFlushMs). */
  private readonly asked: BatchedInsert<AskedRow>;
  /** The unanswered-questions log (see unansweredFlushMs). */
  private readonly unanswered: BatchedInsert<UnansweredRow>;
  private readonly backgroundListeners: ((operation: string) => void)[] = [];

  constructor(
    /** The SQL connection (also used by the reminders' sent-log, src/termijnen/herinneringen.ts). */
    readonly client: SqlClient,
    private readonly opts: SqlStoreOptions,
  ) {
    if (opts.hashKey.length < 16) throw new Error("The store hash key must be at least 16 characters");
    if (!(opts.retentionDays > 0)) throw new Error("retentionDays must be a positive number");
    this.clock = opts.clock ?? (() => new Date());
    // Replay records, conversation context and the question logs: see SqlClient.relaxed.
    const relaxed = client.relaxed ?? client;
    this.relaxed = relaxed;
    this.contexts = new ConversationContexts(relaxed, opts.hashKey, () => this.clock(), opts.logger);
    const batched = { batchRows: ASKED_BATCH_ROWS, maxQueued: ASKED_MAX_QUEUED, logger: opts.logger };
    const failed = (operation: string) => () => this.backgroundFailed(operation);
    this.asked = new BatchedInsert<AskedRow>(relaxed, {
      ...batched,
      table: "questions_asked",
      columns: ["status", "entry_id", "confidence", "platform", "created_at"],
      values: (r) => [r.status, r.entryId, r.confidence, r.platform, r.at],
      flushMs: opts.askedFlushMs ?? ASKED_FLUSH_MS,
      what: "the log of asked questions",
      onBackgroundError: failed("recordAsked"),
    });
    this.unanswered = new BatchedInsert<UnansweredRow>(relaxed, {
      ...batched,
      table: "unanswered",
      columns: ["question", "best_guess", "confidence", "platform", "created_at"],
      values: (r) => [r.question, r.bestGuess, r.confidence, r.platform, r.at],
      flushMs: opts.unansweredFlushMs ?? (client.kind === "pglite" ? ASKED_FLUSH_MS : 0),
      what: "the log of unanswered questions",
      onBackgroundError: failed("recordUnanswered"),
    });
    const every = opts.purgeIntervalMs ?? 0;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.purgeExpired().then(
          (removed) => opts.logger?.info({ removed }, "store: daily retention purge"),
          (err: unknown) => {
            opts.logger?.error({ err }, "store: retention purge failed");
            this.backgroundFailed("purgeExpired");
          },
        );
      }, every);
      this.timer.unref();
    }
  }

  get backend(): SqlClient["kind"] {
    return this.client.kind;
  }

  async recordFeedback(input: FeedbackInput): Promise<void> {
    assertPlatform(input.platform);
    const comment = input.comment?.trim() ? input.comment.trim().slice(0, MAX_COMMENT_CHARS) : null;
    const userHash = input.userId ? hashUserId(this.opts.hashKey, input.userId) : null;
    if (input.reason !== undefined && !REASONS.has(input.reason))
      throw new Error(`Unknown feedback reason: ${String(input.reason)}`);
    // A reason only goes with a 👎. A later 👎 click without a reason keeps the reason given before; a 👍 clears it.
    const reason: FeedbackReason | null = input.helpful ? null : (input.reason ?? null);
    await this.client.query(
      `INSERT INTO feedback (entry_id, helpful, comment, platform, created_at, user_hash, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (entry_id, user_hash) DO UPDATE
         SET helpful = EXCLUDED.helpful, platform = EXCLUDED.platform, created_at = EXCLUDED.created_at,
             reason = CASE WHEN EXCLUDED.helpful OR EXCLUDED.reason IS NOT NULL THEN EXCLUDED.reason ELSE feedback.reason END,
             comment = CASE WHEN EXCLUDED.helpful OR EXCLUDED.reason IS NOT NULL OR EXCLUDED.comment IS NOT NULL
                            THEN EXCLUDED.comment ELSE feedback.comment END`,
      [input.entryId, input.helpful, comment, input.platform, this.clock(), userHash, reason],
    );
  }

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    const stored = key.length > MAX_SEEN_KEY ? `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}` : key;
    // Insert, or take over a record that has expired; a live record makes this a no-op (no row returned).
    const rows = await this.relaxed.query(
      `INSERT INTO seen_requests (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_requests.expires_at <= $3
       RETURNING key`,
      [stored, new Date(now.getTime() + Math.max(0, ttlMs)), now],
    );
    if (now.getTime() - this.lastSeenSweep >= SEEN_SWEEP_MS) {
      this.lastSeenSweep = now.getTime();
      await this.relaxed.query("DELETE FROM seen_requests WHERE expires_at <= $1", [now]).catch((err: unknown) => {
        this.opts.logger?.warn({ err: { name: (err as Error).name } }, "store: sweeping seen requests failed");
      });
    }
    return rows.length > 0;
  }

  /**
   * On PostgreSQL written at once (instances share the database; an acknowledged question survives a crash of
   * this one). On PGlite queued like the asked-questions log (see unansweredFlushMs): each INSERT there is a
   * commit inside this process, with its WAL write, on the request path.
   */
  async recordUnanswered(input: UnansweredInput): Promise<void> {
    assertPlatform(input.platform);
    if (this.closed) throw new Error("The store is closed");
    const confidence = Number.isFinite(input.confidence) ? Math.min(1, Math.max(0, input.confidence)) : 0;
    return this.unanswered.add({
      question: input.question.trim().slice(0, MAX_QUESTION_CHARS),
      bestGuess: input.bestGuess,
      confidence,
      platform: input.platform,
      at: this.clock(),
    });
  }

  /**
   * Queues the row (validated and time-stamped now) and returns; it is written within askedFlushMs, in one
   * multi-row INSERT with the others queued by then. A clean close writes what is queued; a crash loses at most
   * the last askedFlushMs of this log (counts for the report, never an answer or a user's input).
   */
  async recordAsked(input: AskedInput): Promise<void> {
    assertPlatform(input.platform);
    if (!ASK_STATUSES.has(input.status)) throw new Error(`Unknown reply status: ${String(input.status)}`);
    if (this.closed) throw new Error("The store is closed");
    const confidence = Number.isFinite(input.confidence) ? Math.min(1, Math.max(0, input.confidence)) : 0;
    return this.asked.add({
      status: input.status,
      entryId: input.entryId,
      confidence,
      platform: input.platform,
      at: this.clock(),
    });
  }

  /** Writes the queued asked-question rows (one INSERT per ASKED_BATCH_ROWS). Rejects when the write fails. */
  flushAsked(): Promise<void> {
    return this.asked.flush();
  }

  async listAsked(since?: Date): Promise<AskedRow[]> {
    await this.flushAsked();
    return this.logSince<
      { status: string; entry_id: string | null; confidence: number },
      Omit<AskedRow, "platform" | "at">
    >("questions_asked", ["status", "entry_id", "confidence"], since, (r) => ({
      status: r.status as AskedRow["status"],
      entryId: r.entry_id,
      confidence: Number(r.confidence),
    }));
  }

  getConversationContext(conversation: string): Promise<ConversationContext | null> {
    return this.contexts.get(conversation);
  }

  setConversationContext(conversation: string, entryId: string, ttlMs: number): Promise<void> {
    return this.contexts.set(conversation, entryId, ttlMs);
  }

  async startChecklistRun(checklistId: string, context: string): Promise<ChecklistRun> {
    // Most answers reopen the run this conversation already has: one read. Only a first one takes the lock below.
    const existing = await this.readNewestRun(this.client, "checklist_id = $1 AND context = $2", [
      checklistId,
      context,
    ]);
    if (existing) return existing;
    const runId = await this.client.transaction(async (tx) => {
      // Serialise "find or create" per checklist+context across instances sharing one database.
      await tx.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        RUN_LOCK_NAMESPACE,
        JSON.stringify([checklistId, context]),
      ]);
      const existing = await tx.query<{ run_id: string }>(
        "SELECT run_id FROM checklist_runs WHERE checklist_id = $1 AND context = $2 ORDER BY created_at DESC LIMIT 1",
        [checklistId, context],
      );
      if (existing[0]) return existing[0].run_id;
      const id = randomUUID();
      const now = this.clock();
      await tx.query(
        "INSERT INTO checklist_runs (run_id, checklist_id, context, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
        [id, checklistId, context, now],
      );
      return id;
    });
    const run = await this.getChecklistRun(runId);
    if (!run) throw new UnknownRunError(runId);
    return run;
  }

  async getChecklistRun(runId: string): Promise<ChecklistRun | null> {
    if (!UUID_RE.test(runId)) return null;
    return this.readRun(this.client, runId);
  }

  async setChecklistItem(runId: string, itemId: string, userId: string, checked: boolean): Promise<ChecklistRun> {
    if (!UUID_RE.test(runId)) throw new UnknownRunError(runId);
    const now = this.clock();
    const run = await this.client.transaction(async (tx) => {
      const updated = await tx.query("UPDATE checklist_runs SET updated_at = $2 WHERE run_id = $1 RETURNING run_id", [
        runId,
        now,
      ]);
      if (updated.length === 0) throw new UnknownRunError(runId);
      if (checked) {
        await tx.query(
          `INSERT INTO checklist_ticks (run_id, item_id, user_hash, ticked_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (run_id, item_id) DO NOTHING`,
          [runId, itemId, hashUserId(this.opts.hashKey, userId), now],
        );
      } else {
        await tx.query("DELETE FROM checklist_ticks WHERE run_id = $1 AND item_id = $2", [runId, itemId]);
      }
      return this.readRun(tx, runId);
    });
    if (!run) throw new UnknownRunError(runId);
    return run;
  }

  async listUnanswered(since?: Date): Promise<UnansweredRow[]> {
    await this.unanswered.flush();
    return this.logSince<
      { question: string; best_guess: string | null; confidence: number },
      Omit<UnansweredRow, "platform" | "at">
    >("unanswered", ["question", "best_guess", "confidence"], since, (r) => ({
      question: r.question,
      bestGuess: r.best_guess,
      confidence: Number(r.confidence),
    }));
  }

  async listFeedback(since?: Date): Promise<FeedbackRow[]> {
    return this.logSince<
      { entry_id: string; helpful: boolean; comment: string | null; reason: string | null },
      Omit<FeedbackRow, "platform" | "at">
    >("feedback", ["entry_id", "helpful", "comment", "reason"], since, (r) => ({
      entryId: r.entry_id,
      helpful: r.helpful,
      comment: r.comment,
      // Only rows with a reason carry the field, so rows from before migration 5 read as they did.
      ...(r.reason !== null && REASONS.has(r.reason) ? { reason: r.reason as FeedbackReason } : {}),
    }));
  }

  async recordHandoff(input: HandoffInput): Promise<HandoffRow> {
    assertPlatform(input.platform);
    const question = input.question.trim().slice(0, MAX_QUESTION_CHARS);
    if (!question) throw new Error("A hand-off needs a question");
    const link = input.link && /^https:\/\//.test(input.link) ? input.link.slice(0, MAX_LINK_CHARS) : null;
    const rows = await this.client.query<HandoffDbRow>(
      `INSERT INTO handoffs (id, question, best_guess, platform, user_hash, link, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) RETURNING ${HANDOFF_COLUMNS}`,
      [
        randomUUID(),
        question,
        input.bestGuess,
        input.platform,
        input.userId ? hashUserId(this.opts.hashKey, input.userId) : null,
        link,
        this.clock(),
      ],
    );
    return toHandoff(rows[0]!);
  }

  async markHandoffAnswered(id: string, userId: string): Promise<HandoffRow | null> {
    if (!UUID_RE.test(id)) return null;
    // Only the first "answered" counts: a second click keeps the first time and person.
    await this.client.query(
      "UPDATE handoffs SET status = 'answered', answered_at = $2, answered_by = $3 WHERE id = $1 AND status = 'open'",
      [id, this.clock(), hashUserId(this.opts.hashKey, userId)],
    );
    const rows = await this.client.query<HandoffDbRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE id = $1`, [id]);
    return rows[0] ? toHandoff(rows[0]) : null;
  }

  async listHandoffs(since?: Date, status?: HandoffStatus): Promise<HandoffRow[]> {
    const rows = await this.client.query<HandoffDbRow>(
      `SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE created_at >= $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at, id`,
      [since ?? new Date(0), status ?? null],
    );
    return rows.map(toHandoff);
  }

  async getSetting(key: string): Promise<string | null> {
    const rows = await this.client.query<{ value: string }>("SELECT value FROM bot_settings WHERE key = $1", [key]);
    return rows[0]?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    if (value.length > MAX_SETTING_CHARS) throw new Error(`Setting ${key} is too long`);
    await this.client.query(
      `INSERT INTO bot_settings (key, value, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [key, value, this.clock()],
    );
  }

  /** The rows of one log table from `since` on, oldest first; platform and time are read the same way for each. */
  private async logSince<R extends object, T extends object>(
    table: "unanswered" | "feedback" | "questions_asked",
    columns: readonly (keyof R & string)[],
    since: Date | undefined,
    map: (row: R) => T,
  ): Promise<(T & { platform: Platform; at: Date })[]> {
    const rows = await this.client.query<R & { platform: string; created_at: Date }>(
      `SELECT ${columns.join(", ")}, platform, created_at FROM ${table}
       WHERE created_at >= $1 ORDER BY created_at, id`,
      [since ?? new Date(0)],
    );
    return rows.map((r) => ({ ...map(r), platform: toPlatform(r.platform), at: asDate(r.created_at) }));
  }

  /**
   * Deletes unanswered questions older than the retention period, clears the comments of older feedback (the
   * 👍/👎 counts stay) and deletes checklist runs (with their hashed user ids) not touched within the period.
   * Returns the number of rows removed or cleared.
   */
  async purgeExpired(now: Date = this.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.opts.retentionDays * DAY_MS);
    await this.flushAsked().catch(() => undefined);
    await this.unanswered.flush().catch(() => undefined);
    return this.client.transaction(async (tx) => {
      const questions = await tx.query("DELETE FROM unanswered WHERE created_at < $1 RETURNING id", [cutoff]);
      const asked = await tx.query("DELETE FROM questions_asked WHERE created_at < $1 RETURNING id", [cutoff]);
      const comments = await tx.query(
        "UPDATE feedback SET comment = NULL WHERE comment IS NOT NULL AND created_at < $1 RETURNING id",
        [cutoff],
      );
      const runs = await tx.query("DELETE FROM checklist_runs WHERE updated_at < $1 RETURNING run_id", [cutoff]);
      // Hand-offs hold a question's text and a hashed user id: gone after the same period, answered or not.
      const handoffs = await tx.query("DELETE FROM handoffs WHERE created_at < $1 RETURNING id", [cutoff]);
      // Seen-request records only live minutes; not counted as retention.
      await tx.query("DELETE FROM seen_requests WHERE expires_at <= $1", [now]);
      // Conversation contexts live minutes (FOLLOW_UP_MINUTES); expired ones go here at the latest. Not counted either.
      await deleteExpiredContexts(tx, now);
      return questions.length + asked.length + comments.length + runs.length + handoffs.length;
    });
  }

  async ping(): Promise<boolean> {
    try {
      const rows = await this.client.query<{ ok: number }>("SELECT 1 AS ok");
      return Number(rows[0]?.ok) === 1;
    } catch {
      return false;
    }
  }

  /** Tells `listener` about every failed write nobody awaited (batched logs, the retention purge). */
  onBackgroundError(listener: (operation: string) => void): void {
    this.backgroundListeners.push(listener);
  }

  private backgroundFailed(operation: string): void {
    for (const l of this.backgroundListeners) {
      try {
        l(operation);
      } catch {
        // a listener's failure is not the store's
      }
    }
  }

  async close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    try {
      // What was acknowledged before the close is written before the connection goes.
      for (const log of [this.asked, this.unanswered]) {
        // A failed write is logged by flush(); closing goes on.
        while (!log.idle)
          if (
            !(await log.flush().then(
              () => true,
              () => false,
            ))
          )
            break;
      }
    } finally {
      this.closed = true;
      await this.client.close();
    }
  }

  private readRun(db: SqlExecutor, runId: string): Promise<ChecklistRun | null> {
    return this.readNewestRun(db, "run_id = $1", [runId]);
  }

  /** The newest run matching `where`, with its ticks, in one statement (one round trip; on PGlite one call). */
  private async readNewestRun(db: SqlExecutor, where: string, params: SqlParam[]): Promise<ChecklistRun | null> {
    const rows = await db.query<RunRow & { [K in keyof TickRow]: TickRow[K] | null }>(
      `WITH r AS (
         SELECT run_id, checklist_id, context, created_at, updated_at FROM checklist_runs
         WHERE ${where} ORDER BY created_at DESC LIMIT 1)
       SELECT r.run_id, r.checklist_id, r.context, r.created_at, r.updated_at, t.item_id, t.user_hash, t.ticked_at
       FROM r LEFT JOIN checklist_ticks t ON t.run_id = r.run_id
       ORDER BY t.ticked_at, t.item_id`,
      params,
    );
    const run = rows[0];
    if (!run) return null;
    return {
      runId: run.run_id,
      checklistId: run.checklist_id,
      context: run.context,
      ticked: rows.flatMap((t) =>
        t.item_id !== null && t.user_hash !== null && t.ticked_at !== null
          ? [{ itemId: t.item_id, userHash: t.user_hash, at: asDate(t.ticked_at) }]
          : [],
      ),
      createdAt: asDate(run.created_at),
      updatedAt: asDate(run.updated_at),
    };
  }
}
