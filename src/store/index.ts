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
export { SqlStore } from "./sql-store.ts";

export const PURGE_INTERVAL_MS = 86_400_000;
/** Folder under DATA_DIR that holds the PGlite database files. */
export const PGLITE_SUBDIR = "pglite";

type StoreConfig = Pick<AppConfig, "DATA_DIR" | "DATABASE_URL" | "STORE_HASH_KEY" | "RETENTION_DAYS"> &
  Partial<Pick<AppConfig, "NODE_ENV">>;

/**
 * Opens the store, applies pending migrations, purges expired rows once and schedules the daily purge.
 * `config` comes from loadConfig (src/config.ts), which already refused a missing or short STORE_HASH_KEY where one
 * is needed (production, DATABASE_URL); only the embedded store in development or tests may generate its own key.
 */
export async function createStore(config: StoreConfig, logger: Logger): Promise<Store> {
  const log = logger.child({ component: "store" });
  let hashKey = config.STORE_HASH_KEY;
  if (!hashKey) {
    const generated = await loadOrCreateHashKey(config.DATA_DIR);
    if (generated.created)
      log.warn({ dataDir: config.DATA_DIR }, "store: STORE_HASH_KEY not set; generated a key in DATA_DIR");
    hashKey = generated.key;
  }

  const client: SqlClient = config.DATABASE_URL
    ? await createPgClient({
        connectionString: config.DATABASE_URL,
        onError: (err) => log.error({ err }, "store: idle PostgreSQL connection failed"),
      })
    : await createPgliteClient(join(config.DATA_DIR, PGLITE_SUBDIR), {
        initInChild: config.NODE_ENV !== "test",
        worker: true,
      });

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
