// The one HTTP server: health checks, the platform mounts, the local preview page. No global body parser:
// Bolt's receiver and botbuilder read request bodies themselves; every route shares one body-size cap.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import type { Bot } from "../core/bot.ts";
import type { HandoffService } from "../core/handoff-service.ts";
import type { AppConfig } from "../config.ts";
import { previewEnabled } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Store } from "../store/port.ts";
import { bodyLimit } from "./body-limit.ts";
import { errorHandler, notFound } from "./errors.ts";
import { legalRouter } from "./legal/router.ts";
import type { Mount, PreviewRenderer } from "./mount.ts";
import { httpMessages } from "./messages.ts";
import { previewRouter } from "./preview/router.ts";
import { requestLog } from "./request-log.ts";

export interface HttpServerDeps {
  config: AppConfig;
  logger: Logger;
  bot: Bot;
  store: Store;
  mounts: Mount[];
  renderers: PreviewRenderer[];
  /** "Vraag het de griffie" on the preview page (offered only when a griffie chat is configured). */
  handoffs?: HandoffService;
  /** True once the knowledge base is loaded (part of /readyz). */
  knowledgeLoaded: () => boolean;
  /** Version, entry count and last reload error of the served knowledge base (reported by /readyz). */
  knowledgeStatus?: () => object;
  /** True once shutdown began (set by createHttpServer). */
  isClosing?: () => boolean;
}

export interface HttpServer {
  app: Express;
  server: Server;
  /** Listens on config.PORT (0 = any free port) and config.HOST; resolves with the bound port. */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets in-flight requests finish, stops the mounts, closes the store. Idempotent. */
  close(opts?: { graceMs?: number }): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;

async function pingWithTimeout(store: Store): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createApp(deps: HttpServerDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestLog(logger, { accessPaths: deps.mounts.map((m) => m.path) }));
  app.use((_req, res, next) => {
    // During shutdown, answer and hang up instead of keeping the connection alive.
    if (deps.isClosing?.()) res.setHeader("Connection", "close");
    next();
  });
  app.use(bodyLimit(config.BODY_LIMIT_BYTES));

  app.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "alive" });
  });
  app.get("/readyz", async (_req, res) => {
    const knowledge = deps.knowledgeLoaded();
    const store = await pingWithTimeout(deps.store);
    const ready = knowledge && store;
    res.status(ready ? 200 : 503).json({
      status: ready ? "ready" : "not_ready",
      checks: { knowledge, store },
      ...(ready ? {} : { message: httpMessages.notReady }),
      ...(deps.knowledgeStatus ? { knowledgeBase: deps.knowledgeStatus() } : {}),
    });
  });

  for (const mount of deps.mounts) {
    app.use(mount.path, mount.router);
    logger.info({ mount: mount.name, path: mount.path }, "platform mounted");
  }

  // Privacy statement and terms of use (linked from the Teams manifest): in every environment.
  app.use(legalRouter(config));

  if (previewEnabled(config)) {
    app.use(
      "/",
      previewRouter({
        bot: deps.bot,
        renderers: deps.renderers,
        logger,
        bodyLimitBytes: config.BODY_LIMIT_BYTES,
        ...(deps.handoffs ? { handoffs: deps.handoffs } : {}),
      }),
    );
  }

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const { config, logger } = deps;
  let shuttingDown = false;
  const app = createApp({ ...deps, isClosing: () => shuttingDown });
  const server = createServer(app);
  // Slow clients must not hold a connection open forever.
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  let closing: Promise<void> | null = null;

  const listen = () =>
    new Promise<{ port: number; url: string }>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once("error", onError);
      server.listen(config.PORT, config.HOST, () => {
        server.off("error", onError);
        const { port } = server.address() as AddressInfo;
        const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
        resolve({ port, url: `http://${host.includes(":") ? `[${host}]` : host}:${port}` });
      });
    });

  const close = (opts: { graceMs?: number } = {}): Promise<void> => {
    shuttingDown = true;
    closing ??= (async () => {
      const graceMs = opts.graceMs ?? 10_000;
      // Stop accepting; idle keep-alive sockets would otherwise keep server.close() waiting.
      const closed = new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
      server.closeIdleConnections();
      // A connection becomes idle when its in-flight request finishes; close those as they appear.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      sweep.unref();
      // In-flight requests get graceMs to finish; then their sockets are cut.
      const force = setTimeout(() => {
        logger.warn({ graceMs }, "in-flight requests did not finish in time; closing their connections");
        server.closeAllConnections();
      }, graceMs);
      force.unref();
      await closed;
      clearTimeout(force);
      clearInterval(sweep);
      for (const mount of deps.mounts) {
        try {
          await mount.stop?.();
        } catch (err) {
          logger.error({ err, mount: mount.name }, "mount failed to stop");
        }
      }
      try {
        await deps.store.close();
      } catch (err) {
        logger.error({ err }, "store failed to close");
      }
      logger.info("server stopped");
    })();
    return closing;
  };

  return { app, server, listen, close };
}
