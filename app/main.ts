// `npm start`: one process serving Slack, Teams, health checks and the preview page on one port.
// SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the store, exit 0.
import { ConfigError, StoreLockedError } from "../src/errors.ts";
import { KnowledgeError } from "../src/knowledge/load.ts";
import { superviseWorkers } from "./cluster.ts";
import type { RunningApp } from "./start.ts";

// WORKERS>1: this process only supervises the server processes (app/cluster.ts) and never gets past this line.
if (superviseWorkers(process.env)) await new Promise<never>(() => undefined);

// Loaded only here, so a supervisor never loads the server's modules (Bolt, botbuilder, PGlite, the engine).
const { startApp } = await import("./start.ts");

/** Problems the operator can fix; printed as a message, without a stack trace. */
const STARTUP_ERRORS = [ConfigError, StoreLockedError, KnowledgeError];

let app: RunningApp;
try {
  app = await startApp({ env: process.env });
} catch (err) {
  if (STARTUP_ERRORS.some((E) => err instanceof E)) {
    console.error(`Raadswijzer Samenwerken cannot start.\n${(err as Error).message}`);
    if (err instanceof ConfigError) console.error("Check your environment or .env (see .env.example).");
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE" || (err as NodeJS.ErrnoException).code === "EACCES") {
    console.error(`Raadswijzer Samenwerken cannot start: ${(err as Error).message}. Choose another PORT (or HOST).`);
  } else {
    console.error("Raadswijzer Samenwerken failed to start:", err);
  }
  process.exit(1);
}

app.logger.info(`Raadswijzer Samenwerken: ${app.url}`);

/** Lets pino write what is buffered (the pretty transport runs in a worker) before the process exits. */
function flushLogs(running: RunningApp): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 500);
    running.logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

let stopping = false;
let firstSignalAt = 0;
/** Ctrl-C under `npm start` reaches us twice: the terminal signals the whole process group and npm forwards it. */
const SAME_SIGNAL_MS = 500;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) {
    if (Date.now() - firstSignalAt < SAME_SIGNAL_MS) return;
    app.logger.warn({ signal }, "second signal: exiting at once");
    process.exit(1);
  }
  stopping = true;
  firstSignalAt = Date.now();
  app.logger.info({ signal }, "shutting down");
  app
    .close()
    .then(async () => {
      await flushLogs(app);
      process.exit(0);
    })
    .catch((err: unknown) => {
      app.logger.error({ err }, "shutdown failed");
      process.exit(1);
    });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// SIGHUP reloads the knowledge base (errors are logged; the last good base keeps serving).
process.on("SIGHUP", () => void app.reloadKnowledge("SIGHUP"));
