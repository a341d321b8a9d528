// Test helpers: an isolated SqlClient per backend. PGlite runs in memory; PostgreSQL (only when DATABASE_URL is
// set) gets a fresh schema per suite so parallel runs and other test files do not see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { runMigrations } from "../../src/store/migrations.ts";
import { createPgClient } from "../../src/store/pg-client.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { memoryPgliteClient } from "../support/pglite.ts";

export interface Backend {
  name: "pglite" | "postgres";
  /** Opens a new client on the same database/schema as the others of this backend instance. */
  open(): Promise<SqlClient>;
  /** Connection string that points at this backend's schema (postgres only). */
  url?: string;
  dispose(): Promise<void>;
}

export const TABLES = [
  "checklist_ticks",
  "checklist_runs",
  "unanswered",
  "feedback",
  "seen_requests",
  "conversation_context",
  "handoffs",
  "bot_settings",
];

export async function pgliteBackend(): Promise<Backend> {
  const client = await memoryPgliteClient();
  // In-memory PGlite is one database per instance: "open" hands out the same client (closing it is a no-op here).
  const shared: SqlClient = { ...client, close: async () => undefined };
  return { name: "pglite", open: async () => shared, dispose: () => client.close() };
}

export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

export async function postgresBackend(databaseUrl: string): Promise<Backend> {
  const schema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = withSearchPath(databaseUrl, schema);
  return {
    name: "postgres",
    url,
    open: () => createPgClient({ connectionString: url }),
    async dispose() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export async function truncateAll(client: SqlClient): Promise<void> {
  await client.query(`TRUNCATE ${TABLES.join(", ")} RESTART IDENTITY CASCADE`);
}

/**
 * Inside a describe: opens the backend and one migrated client for the suite, empties every table before each test
 * and closes both afterwards. Returns the open backend and client (valid from the first beforeEach on).
 */
export function useMigratedClient(makeBackend: () => Promise<Backend>): () => { backend: Backend; client: SqlClient } {
  let backend: Backend | undefined;
  let client: SqlClient | undefined;
  beforeAll(async () => {
    backend = await makeBackend();
    client = await backend.open();
    await runMigrations(client);
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await backend?.dispose();
  });
  beforeEach(async () => {
    await truncateAll(client!);
  });
  return () => ({ backend: backend!, client: client! });
}
