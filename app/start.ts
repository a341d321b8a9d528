// Composition root: configuration → logger → knowledge base → engine → store → bot → platform adapters →
// one HTTP server. Used by app/main.ts (npm start) and by the tests.
import { join } from "node:path";
import dotenv from "dotenv";
import { createSlackMount, slackPreviewRenderer } from "../adapters/slack/index.ts";
import { createTeamsMount, teamsPreviewRenderer } from "../adapters/teams/index.ts";
import type { Bot } from "../src/core/bot.ts";
import { createBot } from "../src/core/create-bot.ts";
import { type AppConfig, loadConfig, previewEnabled } from "../src/config.ts";
import { createEngineCached } from "../src/engine/cache.ts";
import { createHttpServer } from "../src/http/server.ts";
import type { Mount, PreviewRenderer } from "../src/http/mount.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { createLogger, type Logger } from "../src/log.ts";
import { createStore } from "../src/store/index.ts";
import type { Store } from "../src/store/port.ts";

export interface StartOptions {
  /** Environment to configure from (default: process.env). `.env` fills gaps unless NODE_ENV=test. */
  env?: NodeJS.ProcessEnv;
  /** Overrides PORT (0 = any free port). */
  port?: number;
  logger?: Logger;
}

export interface RunningApp {
  url: string;
  port: number;
  bot: Bot;
  config: AppConfig;
  store: Store;
  logger: Logger;
  /** Stops accepting, finishes in-flight requests, stops the adapters, closes the store. Idempotent. */
  close(): Promise<void>;
}

type MountFactory = (deps: Parameters<typeof createSlackMount>[0]) => Promise<Mount | null>;

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = opts.env ?? process.env;
  if (env.NODE_ENV !== "test") {
    // Values already in the environment win over .env.
    dotenv.config({ processEnv: env as Record<string, string>, quiet: true });
  }
  const config = loadConfig(opts.port === undefined ? env : { ...env, PORT: String(opts.port) });
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === "development" });

  const started = Date.now();
  const kb = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
  // The analysed index is cached in DATA_DIR, so a restart of a large base skips re-analysing it.
  const { engine, cacheHit } = await createEngineCached(kb, join(config.DATA_DIR, "index-cache"));
  logger.info({ entries: kb.entries.length, dir: config.KNOWLEDGE_DIR, indexCache: cacheHit ? "hit" : "built" }, "knowledge base loaded");

  const store = await createStore(config, logger);
  const mounts: Mount[] = [];
  try {
    const bot = createBot({ engine, store, logger });
    const deps = { bot, config, logger, seen: store };
    const factories: MountFactory[] = [createSlackMount, createTeamsMount];
    for (const create of factories) {
      const mount = await create(deps);
      // An adapter that is not configured returns null and logs why itself.
      if (mount) mounts.push(mount);
    }
    const renderers: PreviewRenderer[] = [slackPreviewRenderer, teamsPreviewRenderer];

    const http = createHttpServer({ config, logger, bot, store, mounts, renderers, knowledgeLoaded: () => kb.entries.length > 0 });
    const { port, url } = await http.listen();
    try {
      for (const mount of mounts) await mount.start?.();
    } catch (err) {
      await http.close({ graceMs: 0 });
      throw err;
    }
    logger.info(
      {
        url,
        port,
        host: config.HOST,
        mounts: mounts.map((m) => m.path),
        preview: previewEnabled(config) ? `${url}/` : false,
        ms: Date.now() - started,
        ...(env.HOST || config.NODE_ENV === "production"
          ? {}
          : { note: "HOST not set: listening on 127.0.0.1 only (the default outside production); set HOST=0.0.0.0 to listen on all interfaces" }),
      },
      "server listening",
    );
    return { url, port, bot, config, store, logger, close: () => http.close() };
  } catch (err) {
    for (const mount of mounts) await mount.stop?.().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}
