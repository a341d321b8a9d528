// Versioned schema migrations, the same SQL for PGlite and PostgreSQL. Append new migrations; never edit an
// applied one. They run at start-up inside one transaction that first takes a transaction-scoped advisory lock,
// so two instances starting together apply each migration exactly once.
import type { SqlClient } from "./sql-client.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string[];
}

/** Arbitrary constant that identifies this application's migration lock (pg_advisory_xact_lock key). */
export const MIGRATION_LOCK_KEY = 7_312_004_417;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "feedback, unanswered questions, checklist runs and ticks",
    sql: [
      `CREATE TABLE feedback (
         id          BIGSERIAL PRIMARY KEY,
         entry_id    TEXT NOT NULL,
         helpful     BOOLEAN NOT NULL,
         comment     TEXT,
         platform    TEXT NOT NULL,
         created_at  TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX feedback_created_at_idx ON feedback (created_at)`,
      `CREATE TABLE unanswered (
         id          BIGSERIAL PRIMARY KEY,
         question    TEXT NOT NULL,
         best_guess  TEXT,
         confidence  DOUBLE PRECISION NOT NULL,
         platform    TEXT NOT NULL,
         created_at  TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX unanswered_created_at_idx ON unanswered (created_at)`,
      `CREATE TABLE checklist_runs (
         run_id       UUID PRIMARY KEY,
         checklist_id TEXT NOT NULL,
         context      TEXT NOT NULL,
         created_at   TIMESTAMPTZ NOT NULL,
         updated_at   TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX checklist_runs_lookup_idx ON checklist_runs (checklist_id, context, created_at DESC)`,
      `CREATE TABLE checklist_ticks (
         run_id     UUID NOT NULL REFERENCES checklist_runs (run_id) ON DELETE CASCADE,
         item_id    TEXT NOT NULL,
         user_hash  TEXT NOT NULL,
         ticked_at  TIMESTAMPTZ NOT NULL,
         PRIMARY KEY (run_id, item_id)
       )`,
    ],
  },
  {
    version: 2,
    name: "seen requests (replay and retry records); one feedback row per user and entry",
    sql: [
      `CREATE TABLE seen_requests (
         key         TEXT PRIMARY KEY,
         expires_at  TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX seen_requests_expires_at_idx ON seen_requests (expires_at)`,
      `ALTER TABLE feedback ADD COLUMN user_hash TEXT`,
      // NULLs are distinct: feedback without a user (older rows, the CLI) never conflicts.
      `CREATE UNIQUE INDEX feedback_entry_user_idx ON feedback (entry_id, user_hash)`,
    ],
  },
  {
    version: 3,
    name: "log of asked questions (status, entry, platform; no text) for the HTML report",
    sql: [
      `CREATE TABLE questions_asked (
         id          BIGSERIAL PRIMARY KEY,
         status      TEXT NOT NULL,
         entry_id    TEXT,
         confidence  DOUBLE PRECISION NOT NULL,
         platform    TEXT NOT NULL,
         created_at  TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX questions_asked_created_at_idx ON questions_asked (created_at)`,
    ],
  },
  {
    version: 4,
    name: "conversation context for follow-up questions (hashed conversation key, last entry, expiry)",
    sql: [
      // key_hash: HMAC-SHA256 of "platform:conversation[:thread]" under STORE_HASH_KEY; no text, no user id.
      `CREATE TABLE conversation_context (
         key_hash    TEXT PRIMARY KEY,
         entry_id    TEXT NOT NULL,
         updated_at  TIMESTAMPTZ NOT NULL,
         expires_at  TIMESTAMPTZ NOT NULL
       )`,
      `CREATE INDEX conversation_context_expires_at_idx ON conversation_context (expires_at)`,
    ],
  },
  {
    version: 5,
    name: "feedback reason; hand-offs to the griffie; shared settings",
    sql: [
      // The optional explanation of a reason goes in the existing comment column (cleared by the retention purge).
      `ALTER TABLE feedback ADD COLUMN reason TEXT`,
      `CREATE TABLE handoffs (
         id           UUID PRIMARY KEY,
         question     TEXT NOT NULL,
         best_guess   TEXT,
         platform     TEXT NOT NULL,
         user_hash    TEXT,
         link         TEXT,
         status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
         created_at   TIMESTAMPTZ NOT NULL,
         answered_at  TIMESTAMPTZ,
         answered_by  TEXT
       )`,
      `CREATE INDEX handoffs_created_at_idx ON handoffs (created_at)`,
      `CREATE TABLE bot_settings (
         key         TEXT PRIMARY KEY,
         value       TEXT NOT NULL,
         updated_at  TIMESTAMPTZ NOT NULL
       )`,
    ],
  },
  {
    version: 6,
    name: "sent-log of deadline reminders",
    sql: [
      // One row per reminder posted (deadline, reminder day, chat); the primary key makes each post happen once
      // across instances (src/termijnen/herinneringen.ts). IF NOT EXISTS: earlier versions created it on first use.
      `CREATE TABLE IF NOT EXISTS termijn_herinneringen (
         sleutel      TEXT PRIMARY KEY,
         verzonden_op TIMESTAMPTZ NOT NULL
       )`,
    ],
  },
];

/** Applies every migration not yet in schema_migrations; returns the versions applied now. */
export async function runMigrations(client: SqlClient, list: readonly Migration[] = migrations): Promise<number[]> {
  const versions = list.map((m) => m.version);
  if (new Set(versions).size !== versions.length || versions.some((v, i) => i > 0 && v <= versions[i - 1]!)) {
    throw new Error("Migrations must have unique, increasing version numbers");
  }
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    INTEGER PRIMARY KEY,
         name       TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of list) {
      if (done.has(m.version)) continue;
      for (const statement of m.sql) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
