// Store factory: PostgreSQL when DATABASE_URL is set (shared by several instances), else embedded PGlite in DATA_DIR.
import { join } from "node:path";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import { loadOrCreateHashKey } from "./hash.ts";
import { runMigrations } from "./migrations.ts";
import { createPgClient } from "./pg-client.ts";
import { createPgliteClient } from "./pglite-client.ts";
import type { Store } from "./port.ts";
import type { SqlClient } from "./sql-client.ts";
import { SqlStore } from "./sql-store.ts";

export type { Store } from "./port.ts";
export { SqlStore, UnknownRunError } from "./sql-store.ts";
export { StoreLockedError } from "./pglite-client.ts";

export const PURGE_INTERVAL_MS = 86_400_000;
/** Folder under DATA_DIR that holds the PGlite database files. */
export const PGLITE_SUBDIR = "pglite";

export class StoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreConfigError";
  }
}

type StoreConfig = Pick<AppConfig, "NODE_ENV" | "DATA_DIR" | "DATABASE_URL" | "STORE_HASH_KEY" | "RETENTION_DAYS">;

/**
 * Opens the store, applies pending migrations, purges expired rows once and schedules the daily purge.
 * Throws StoreConfigError for a configuration that cannot be used safely.
 */
export async function createStore(config: StoreConfig, logger: Logger): Promise<Store> {
  const log = logger.child({ component: "store" });
  let hashKey = config.STORE_HASH_KEY;
  if (hashKey !== undefined && hashKey.length < 16) {
    throw new StoreConfigError("STORE_HASH_KEY is too short: use at least 16 random characters (e.g. `openssl rand -hex 32`)");
  }
  if (config.DATABASE_URL) {
    if (!hashKey) {
      throw new StoreConfigError(
        "STORE_HASH_KEY is required when DATABASE_URL is set: every instance must hash user ids with the same secret key (e.g. `openssl rand -hex 32`)",
      );
    }
  } else if (!hashKey) {
    if (config.NODE_ENV === "production") {
      throw new StoreConfigError("STORE_HASH_KEY is required in production (user ids are stored as a keyed hash)");
    }
    const generated = await loadOrCreateHashKey(config.DATA_DIR);
    if (generated.created) log.warn({ dataDir: config.DATA_DIR }, "store: STORE_HASH_KEY not set; generated a key in DATA_DIR");
    hashKey = generated.key;
  }

  const client: SqlClient = config.DATABASE_URL
    ? await createPgClient({
        connectionString: config.DATABASE_URL,
        onError: (err) => log.error({ err }, "store: idle PostgreSQL connection failed"),
      })
    : await createPgliteClient(join(config.DATA_DIR, PGLITE_SUBDIR), { initInChild: config.NODE_ENV !== "test" });

  try {
    const applied = await runMigrations(client);
    if (applied.length) log.info({ applied, backend: client.kind }, "store: migrations applied");
    const store = new SqlStore(client, {
      hashKey,
      retentionDays: config.RETENTION_DAYS,
      logger: log,
      purgeIntervalMs: PURGE_INTERVAL_MS,
    });
    const removed = await store.purgeExpired();
    log.info({ backend: client.kind, retentionDays: config.RETENTION_DAYS, removed }, "store: ready");
    return store;
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
}
