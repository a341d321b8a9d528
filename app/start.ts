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
import type { Engine } from "../src/engine/types.ts";
import { createHttpServer } from "../src/http/server.ts";
import type { Mount, PreviewRenderer } from "../src/http/mount.ts";
import { currentBot } from "../src/live/bot.ts";
import { createLiveKnowledge, type LiveKnowledge, type LoadedBase, type ReloadResult } from "../src/live/knowledge.ts";
import { countStoreErrors, createMetrics, metricsMount } from "../src/metrics/metrics.ts";
import { observeBot } from "../src/live/observe.ts";
import { watchTree, type TreeWatcher } from "../src/live/watch.ts";
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
  /** The knowledge base being served; swapped as a whole on reload. */
  knowledge: LiveKnowledge<Engine>;
  /** Reloads the knowledge base now (SIGHUP); keeps the last good base on errors. Never throws. */
  reloadKnowledge(reason?: string): Promise<ReloadResult>;
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
  // The analysed index is cached in DATA_DIR, so a restart of a large base skips re-analysing it; a reload
  // writes the new base's index there too (and removes the old one).
  const cacheDir = join(config.DATA_DIR, "index-cache");
  let cacheHit = false;
  const knowledge = await createLiveKnowledge<Engine>({
    dir: config.KNOWLEDGE_DIR,
    logger,
    build: async (kb) => {
      const built = await createEngineCached(kb, cacheDir);
      cacheHit = built.cacheHit;
      return built.engine;
    },
  });
  const first = knowledge.current();
  logger.info({ entries: first.kb.entries.length, dir: config.KNOWLEDGE_DIR, version: first.version, indexCache: cacheHit ? "hit" : "built" }, "knowledge base loaded");

  // Metrics (METRICS=1): counted through the Bot, the store and the reloads; served as a mount at /metrics.
  const metrics = config.METRICS === "1" ? createMetrics() : undefined;
  const opened = await createStore(config, logger);
  const store = metrics ? countStoreErrors(opened, metrics) : opened;
  if (metrics) {
    metrics.knowledge(knowledge.status());
    knowledge.onReload((result) => metrics.reloaded(result, knowledge.status()));
  }
  const mounts: Mount[] = [];
  let watcher: TreeWatcher | undefined;
  try {
    // One Bot per loaded base, made on first use; every call goes to the current base's Bot.
    const bots = new WeakMap<LoadedBase<Engine>, Bot>();
    const botOf = (base: LoadedBase<Engine>): Bot => {
      let b = bots.get(base);
      if (!b) bots.set(base, (b = createBot({ engine: base.built, store, logger })));
      return b;
    };
    // Logs every question (no text) for the report, marks answers from stale entries, feeds the metrics.
    const bot = observeBot(
      currentBot(() => botOf(knowledge.current())),
      { store, logger, staleMonths: config.STALE_MONTHS, observers: metrics ? [metrics.observer] : [] },
    );
    const deps = { bot, config, logger };
    const factories: MountFactory[] = [createSlackMount, createTeamsMount];
    for (const create of factories) {
      const mount = await create(deps);
      // An adapter that is not configured returns null and logs why itself.
      if (mount) mounts.push(mount);
    }
    if (metrics) mounts.push(metricsMount(metrics, config.METRICS_TOKEN));
    const renderers: PreviewRenderer[] = [slackPreviewRenderer, teamsPreviewRenderer];

    const http = createHttpServer({ config, logger, bot, store, mounts, renderers, knowledgeLoaded: () => knowledge.current().kb.entries.length > 0, knowledgeStatus: () => knowledge.status() });
    const { port, url } = await http.listen();
    try {
      for (const mount of mounts) await mount.start?.();
    } catch (err) {
      await http.close({ graceMs: 0 });
      throw err;
    }
    if (config.KNOWLEDGE_WATCH === "1") {
      watcher = watchTree(config.KNOWLEDGE_DIR, () => void knowledge.reload("file change"), { debounceMs: config.KNOWLEDGE_WATCH_DEBOUNCE_MS, logger });
    }
    logger.info(
      { url, port, mounts: mounts.map((m) => m.path), preview: previewEnabled(config) ? `${url}/` : false, ms: Date.now() - started },
      "server listening",
    );
    const close = (): Promise<void> => {
      watcher?.close();
      return http.close();
    };
    return { url, port, bot, config, store, logger, knowledge, reloadKnowledge: (reason = "manual") => knowledge.reload(reason), close };
  } catch (err) {
    watcher?.close();
    for (const mount of mounts) await mount.stop?.().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}
