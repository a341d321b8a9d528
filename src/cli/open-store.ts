// Opens the bot's store for a command-line tool (report, kb:learn): configuration from the environment (.env too),
// logs to stderr, and a Dutch message when the embedded database is in use by the running bot.
import { pino } from "pino";
import { type AppConfig, loadConfig } from "../config.ts";
import { ConfigError, StoreLockedError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { createStore } from "../store/index.ts";
import type { Store } from "../store/port.ts";
import { type CliIo, loadDotenv } from "./io.ts";

export type OpenedStore = { config: AppConfig; store: Store; logger: Logger } | { error: string };

/** The configuration from `io.env` (.env added to it) and a logger that writes to `io.err`. */
export function cliConfig(io: CliIo): { config: AppConfig; logger: Logger } | { error: string } {
  loadDotenv(io);
  try {
    const config = loadConfig(io.env);
    const logger = pino(
      { level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL },
      { write: (line: string) => io.err(line) },
    );
    return { config, logger };
  } catch (err) {
    return { error: err instanceof ConfigError ? err.message : String(err) };
  }
}

export async function openStoreForCli(
  config: AppConfig,
  logger: Logger,
): Promise<{ store: Store } | { error: string }> {
  try {
    return { store: await createStore(config, logger) };
  } catch (err) {
    if (err instanceof StoreLockedError) {
      return {
        error:
          `De ingebouwde database (${config.DATA_DIR}) is in gebruik door de bot (proces ${err.pid}). ` +
          "Stop de bot even, of gebruik PostgreSQL (DATABASE_URL) zodat bot en rapport dezelfde database delen.",
      };
    }
    return {
      error:
        err instanceof ConfigError ? err.message : `De database kon niet worden geopend: ${(err as Error).message}`,
    };
  }
}
