// Slack adapter entry point: a Bolt app mounted at /slack (HTTP: /slack/events for commands, events and
// interactivity) or connected over Socket Mode, plus the preview renderer. @slack/* stays inside adapters/slack/.
import express from "express";
import { App, LogLevel, type AuthorizeResult, type Logger as BoltLogger } from "@slack/bolt";
import type { AdapterDeps } from "../../src/core/adapter.ts";
import { type AppConfig, slackConfigured } from "../../src/config.ts";
import type { Mount } from "../../src/http/mount.ts";
import type { Logger } from "../../src/log.ts";
import { MemorySeenRequests } from "../../src/core/seen-requests.ts";
import { registerHandlers, type Registered } from "./handlers.ts";
import { GuardedReceiver } from "./receiver.ts";
import { slackRequestGuard } from "./request-guard.ts";
import { registerTermijnCommand } from "./termijn.ts";
import { registerAskShortcut } from "./shortcut.ts";

export { slackPreviewRenderer } from "./follow-up.ts";

export const SLACK_PATH = "/slack";
export const SLACK_EVENTS_ENDPOINT = "/events";
/** Least time between two auth.test attempts while the token cannot be verified. */
const AUTH_RETRY_MS = 30_000;
/** Wait before reconnecting Socket Mode after a failed start. */
const SOCKET_RETRY_MS = 30_000;

/** Bolt's logger interface on top of pino (Bolt's own messages; no request bodies unless LOG_LEVEL=debug). */
export function boltLogger(logger: Logger): BoltLogger {
  const join = (msg: unknown[]): string =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  const level = (): LogLevel => {
    switch (logger.level) {
      case "trace":
      case "debug":
        return LogLevel.DEBUG;
      case "info":
        return LogLevel.INFO;
      case "warn":
        return LogLevel.WARN;
      default:
        return LogLevel.ERROR;
    }
  };
  return {
    // Bolt logs debug lines on every request: build them only when they are written.
    debug: (...msg: unknown[]) => {
      if (logger.isLevelEnabled("debug")) logger.debug(join(msg));
    },
    info: (...msg: unknown[]) => logger.info(join(msg)),
    warn: (...msg: unknown[]) => logger.warn(join(msg)),
    error: (...msg: unknown[]) => logger.error(join(msg)),
    setLevel: () => undefined,
    getLevel: level,
    setName: () => undefined,
  };
}

export type SlackMode = "http" | "socket";

export const slackMode = (config: AppConfig): SlackMode => (config.SLACK_APP_TOKEN ? "socket" : "http");

export interface SlackApp {
  app: App;
  mode: SlackMode;
  router: express.Router;
  registered: Registered;
  /** callback_ids of the shortcuts (manifest features.shortcuts). */
  shortcuts: string[];
  /** auth.test once (cached); later calls reuse it. Rejects when the token is wrong or Slack is unreachable. */
  authTest(): Promise<AuthorizeResult>;
}

/** Builds the Bolt app with our handlers; no network until the first request (or authTest()). */
export function createSlackApp(deps: AdapterDeps & { ackBudgetMs?: number }): SlackApp {
  const { config, bot } = deps;
  const logger = deps.logger.child({ adapter: "slack" });
  const seen = deps.seen ?? new MemorySeenRequests();
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error("Slack: SLACK_BOT_TOKEN is missing");
  const mode = slackMode(config);
  const clientOptions = {
    ...(config.SLACK_API_URL
      ? { slackApiUrl: config.SLACK_API_URL.endsWith("/") ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` }
      : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
  };
  const log = boltLogger(logger);

  // auth.test tells us the bot's own user id (so that its own messages are ignored). The result is cached after
  // the first success. While it fails (Slack unreachable, wrong URL), requests are not held up: they run with the
  // token alone and auth.test is retried in the background at most every AUTH_RETRY_MS.
  let verified: AuthorizeResult | null = null;
  let pending: Promise<AuthorizeResult> | null = null;
  let lastAttempt = 0;
  let appRef: App | null = null;
  const authTest = (): Promise<AuthorizeResult> => {
    if (verified) return Promise.resolve(verified);
    pending ??= (async () => {
      lastAttempt = Date.now();
      if (!appRef) throw new Error("Slack app not ready");
      const result = await appRef.client.auth.test({ token });
      verified = { botToken: token, botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
      return verified;
    })().finally(() => {
      pending = null;
    });
    return pending;
  };
  const authorize = async (): Promise<AuthorizeResult> => {
    if (verified) return verified;
    if (!pending && Date.now() - lastAttempt >= AUTH_RETRY_MS) {
      authTest().catch((err: unknown) =>
        logger.warn(
          { err: { message: (err as Error).message } },
          "slack: auth.test failed; answering with the token alone",
        ),
      );
    }
    return { botToken: token };
  };

  const router = express.Router();
  let app: App;
  if (mode === "socket") {
    app = new App({
      socketMode: true,
      appToken: config.SLACK_APP_TOKEN,
      authorize,
      clientOptions,
      logger: log,
      convoStore: false,
    });
  } else {
    const signingSecret = config.SLACK_SIGNING_SECRET;
    if (!signingSecret) throw new Error("Slack: SLACK_SIGNING_SECRET is missing (HTTP mode)");
    // The guard reads the body once: timestamp window both ways, signature, object bodies, replays; Bolt's
    // receiver then dispatches the parsed body (no second read, verification or parse).
    router.use(
      SLACK_EVENTS_ENDPOINT,
      slackRequestGuard({ signingSecret, bodyLimit: config.BODY_LIMIT_BYTES, seen, logger }),
    );
    // Ack goes out as soon as a listener calls ack(): a slash command acks with the answer itself (the engine
    // answers in milliseconds), events are acked at once and answered through the Web API afterwards.
    const receiver = new GuardedReceiver({ logger: log, processBeforeResponse: false });
    router.post(SLACK_EVENTS_ENDPOINT, receiver.handler);
    app = new App({ receiver, authorize, clientOptions, logger: log, convoStore: false });
  }
  appRef = app;
  app.error(async (error) => {
    logger.error({ err: { name: error.name, code: error.code, message: error.message } }, "slack: unhandled error");
  });
  const registered = registerHandlers(app, {
    bot,
    logger,
    seen,
    ...(deps.ackBudgetMs !== undefined ? { ackBudgetMs: deps.ackBudgetMs } : {}),
    ...(deps.termijnen ? { termijnen: deps.termijnen } : {}),
    ...(deps.handoffs ? { handoffs: deps.handoffs } : {}),
  });
  registered.commands.push(...registerTermijnCommand(app, deps.termijnen, logger));
  const shortcuts = registerAskShortcut(app, { bot, logger });
  return { app, mode, router, registered, shortcuts, authTest };
}

/** The Slack mount, or null (with an info log) when Slack is not configured. */
export async function createSlackMount(deps: AdapterDeps): Promise<Mount | null> {
  if (!slackConfigured(deps.config)) {
    deps.logger.info(
      { adapter: "slack" },
      "slack not configured (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN); not mounted",
    );
    return null;
  }
  const logger = deps.logger.child({ adapter: "slack" });
  const slack = createSlackApp(deps);
  const checkToken = async (): Promise<void> => {
    try {
      const a = await slack.authTest();
      logger.info({ botUserId: a.botUserId, teamId: a.teamId }, "slack: token verified");
    } catch (err) {
      // Not fatal: requests run with the token alone and auth.test is retried. Never log the token.
      logger.error(
        { err: { message: (err as Error).message } },
        "slack: auth.test failed; check SLACK_BOT_TOKEN and SLACK_API_URL",
      );
    }
  };
  // Socket Mode: a failed connection (Slack unreachable) must not keep the rest of the server (Teams, preview)
  // from starting; it is retried in the background.
  let stopped = false;
  let connected = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const connectSocket = async (): Promise<void> => {
    try {
      await slack.app.start();
      connected = true;
      logger.info("slack: socket mode connected");
    } catch (err) {
      logger.error(
        { err: { message: (err as Error).message }, retryInMs: SOCKET_RETRY_MS },
        "slack: socket mode connection failed; retrying",
      );
      if (!stopped) {
        retryTimer = setTimeout(() => void connectSocket(), SOCKET_RETRY_MS);
        retryTimer.unref();
      }
    }
  };
  logger.info(
    { mode: slack.mode, path: slack.mode === "http" ? `${SLACK_PATH}${SLACK_EVENTS_ENDPOINT}` : null },
    "slack adapter ready",
  );
  return {
    name: "slack",
    path: SLACK_PATH,
    router: slack.router,
    async start() {
      if (slack.mode === "socket") await connectSocket();
      void checkToken();
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      if (slack.mode === "socket" && connected) await slack.app.stop();
    },
  };
}
