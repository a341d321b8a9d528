// Composition root: configuration → logger → knowledge base → engine → store → bot → platform adapters →
// one HTTP server. Used by app/main.ts (npm start) and by the tests.
import { join } from "node:path";
import dotenv from "dotenv";
import { createSlackMount, slackPreviewRenderer } from "../adapters/slack/index.ts";
import { slackReminderSink } from "../adapters/slack/termijn.ts";
import { slackHandoffSink } from "../adapters/slack/handoff.ts";
import { teamsHandoffSink } from "../adapters/teams/handoff.ts";
import { createHandoffService, type HandoffService } from "../src/core/handoff-service.ts";
import { teamsReminderSink } from "../adapters/teams/termijn.ts";
import { createTeamsMount, teamsPreviewRenderer } from "../adapters/teams/index.ts";
import type { Bot } from "../src/core/bot.ts";
import { createBot } from "../src/core/create-bot.ts";
import { MemorySeenRequests } from "../src/core/seen-requests.ts";
import { type AppConfig, loadConfig, previewEnabled, slackConfigured } from "../src/config.ts";
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
import { createStore, SqlStore } from "../src/store/index.ts";
import {
  createReminderJob,
  createSqlReminderLog,
  type ReminderJob,
  type ReminderSink,
} from "../src/termijnen/herinneringen.ts";
import { termijnenMount } from "../src/termijnen/http.ts";
import { loadRegister } from "../src/termijnen/register.ts";
import { createTermijnService, withTermijnen } from "../src/termijnen/service.ts";
import type { Store } from "../src/store/port.ts";

export interface StartOptions {
  /** Environment to configure from (default: process.env). `.env` fills gaps unless NODE_ENV=test. */
  env?: NodeJS.ProcessEnv;
  /** Overrides PORT (0 = any free port). */
  port?: number;
  logger?: Logger;
  /** Source of "now" for deadlines and reminders (tests). */
  clock?: () => Date;
}

export interface RunningApp {
  url: string;
  port: number;
  bot: Bot;
  config: AppConfig;
  store: Store;
  logger: Logger;
  /** The deadline reminders job, when a register and a reminder chat are configured. */
  reminders: ReminderJob | null;
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
  logger.info(
    {
      entries: first.kb.entries.length,
      dir: config.KNOWLEDGE_DIR,
      version: first.version,
      indexCache: cacheHit ? "hit" : "built",
    },
    "knowledge base loaded",
  );

  // The gemeente's register of regelingen (optional): a bad file stops start-up with file:line: field errors.
  const register = config.REGISTER_FILE ? await loadRegister(config.REGISTER_FILE) : null;
  if (register)
    logger.info(
      { file: register.file, regelingen: register.regelingen.length, example: register.voorbeeld === true },
      "register loaded",
    );
  const termijnen = createTermijnService({ register, ...(opts.clock ? { clock: opts.clock } : {}) });

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
      if (!b)
        bots.set(
          base,
          (b = withTermijnen(
            createBot({
              engine: base.built,
              store,
              logger,
              followUpMs: config.FOLLOW_UP_MINUTES * 60_000,
              ...(base.kb.featured ? { featured: base.kb.featured } : {}),
            }),
            termijnen,
          )),
        );
      return b;
    };
    // Logs every question (no text) for the report, marks answers from stale entries, feeds the metrics.
    const bot = observeBot(
      currentBot(() => botOf(knowledge.current())),
      { store, logger, staleMonths: config.STALE_MONTHS, observers: metrics ? [metrics.observer] : [] },
    );
    const handoffs = createHandoffs(config, store, bot, logger);
    // Replay and retry records: in the store when several instances share PostgreSQL (one must see what another
    // handled), in this process's memory on PGlite, which only one process can open (a store write per request
    // costs more than the rest of a Slack request together).
    const seen = opened instanceof SqlStore && opened.backend === "postgres" ? store : new MemorySeenRequests();
    const deps = { bot, config, logger, seen, termijnen, handoffs };
    const factories: MountFactory[] = [createSlackMount, createTeamsMount];
    for (const create of factories) {
      const mount = await create(deps);
      // An adapter that is not configured returns null and logs why itself.
      if (mount) mounts.push(mount);
    }
    if (metrics) mounts.push(metricsMount(metrics, config.METRICS_TOKEN));
    const renderers: PreviewRenderer[] = [slackPreviewRenderer, teamsPreviewRenderer];
    if (previewEnabled(config)) mounts.push(termijnenMount(termijnen));

    const reminders = await startReminders(config, termijnen, opened, logger, opts.clock);
    const http = createHttpServer({
      config,
      logger,
      bot,
      store,
      mounts,
      renderers,
      handoffs,
      knowledgeLoaded: () => knowledge.current().kb.entries.length > 0,
      knowledgeStatus: () => knowledge.status(),
    });
    const { port, url } = await http.listen();
    try {
      for (const mount of mounts) await mount.start?.();
    } catch (err) {
      await http.close({ graceMs: 0 });
      throw err;
    }
    if (config.KNOWLEDGE_WATCH === "1") {
      watcher = watchTree(config.KNOWLEDGE_DIR, () => void knowledge.reload("file change"), {
        debounceMs: config.KNOWLEDGE_WATCH_DEBOUNCE_MS,
        logger,
      });
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
          : {
              note: "HOST not set: listening on 127.0.0.1 only (the default outside production); set HOST=0.0.0.0 to listen on all interfaces",
            }),
      },
      "server listening",
    );
    const close = async (): Promise<void> => {
      reminders?.stop();
      watcher?.close();
      await http.close();
    };
    return {
      url,
      port,
      bot,
      config,
      store,
      logger,
      reminders,
      knowledge,
      reloadKnowledge: (reason = "manual") => knowledge.reload(reason),
      close,
    };
  } catch (err) {
    watcher?.close();
    for (const mount of mounts) await mount.stop?.().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}

/**
 * "Vraag het de griffie": the hand-off service with its griffie chats. Slack when GRIFFIE_SLACK_CHANNEL is set (and
 * Slack configured); Teams once an admin typed "griffie hier" in a Teams conversation (kept in the store).
 */
function createHandoffs(config: AppConfig, store: Store, bot: Bot, logger: Logger): HandoffService {
  const handoffs = createHandoffService({
    store,
    logger,
    titleOf: (id) => bot.answerById(id).answer?.title ?? null,
  });
  if (config.GRIFFIE_SLACK_CHANNEL) {
    if (slackConfigured(config)) handoffs.addSink(slackHandoffSink(config, config.GRIFFIE_SLACK_CHANNEL));
    else logger.warn("GRIFFIE_SLACK_CHANNEL is set but Slack is not configured; no hand-offs to Slack");
  }
  handoffs.addSink(teamsHandoffSink(config, handoffs));
  return handoffs;
}

/** Starts the deadline reminders when a register and a reminder channel are configured (README "Termijnen"). */
async function startReminders(
  config: AppConfig,
  termijnen: ReturnType<typeof createTermijnService>,
  store: Store,
  logger: Logger,
  clock?: () => Date,
): Promise<ReminderJob | null> {
  if (!termijnen.register || !(store instanceof SqlStore)) return null;
  const sinks: ReminderSink[] = [];
  if (config.REMINDER_SLACK_CHANNEL) {
    if (slackConfigured(config)) sinks.push(slackReminderSink(config, config.REMINDER_SLACK_CHANNEL));
    else logger.warn("REMINDER_SLACK_CHANNEL is set but Slack is not configured; no Slack reminders");
  }
  if (config.REMINDER_TEAMS_CONVERSATION && config.REMINDER_TEAMS_SERVICE_URL) {
    sinks.push(teamsReminderSink(config, config.REMINDER_TEAMS_SERVICE_URL, config.REMINDER_TEAMS_CONVERSATION));
  }
  if (!sinks.length) return null;
  const job = createReminderJob({
    termijnen,
    log: createSqlReminderLog(store.client, clock),
    sinks,
    dagen: config.REMINDER_DAYS,
    logger,
  });
  job.start();
  logger.info({ sinks: sinks.map((s) => s.name), days: config.REMINDER_DAYS }, "reminders started");
  return job;
}
