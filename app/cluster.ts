// WORKERS>1: this process becomes the supervisor of N server processes (node:cluster) that share the port, each
// with its own engine and its own connection pool to PostgreSQL. The supervisor serves nothing itself; it starts
// the workers, replaces one that dies while serving, forwards SIGTERM/SIGINT and exits when all have stopped, and
// forwards SIGHUP (reload the knowledge base) to every worker.
// WORKERS=1 (the default) or a configuration problem: returns false and app/main.ts runs the server in this process
// (and reports the problem the usual way).
import cluster, { type Worker } from "node:cluster";
import dotenv from "dotenv";
import { loadConfig, workerCount } from "../src/config.ts";
import { createLogger, type Logger } from "../src/log.ts";
import { serveClusterMetrics } from "../src/metrics/cluster.ts";

const RESTART_DELAY_MS = 1_000;

/** True when this process supervises workers (it then never runs a server); false to run the server here. */
export function superviseWorkers(env: NodeJS.ProcessEnv): boolean {
  if (!cluster.isPrimary) return false;
  if (env.NODE_ENV !== "test") dotenv.config({ processEnv: env as Record<string, string>, quiet: true });
  let workers: number;
  let logger: Logger;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
    workers = workerCount(config);
    logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === "development" });
  } catch {
    return false; // startApp reports it
  }
  if (workers <= 1) return false;
  // /metrics in a worker answers with every worker's counts, collected here (src/metrics/cluster.ts).
  if (config.METRICS === "1") serveClusterMetrics();
  // A worker that dies before it listened, or within WORKER_STARTUP_SECONDS of starting, is a failed start: stop all.
  runSupervisor(workers, logger, config.WORKER_STARTUP_SECONDS * 1000);
  return true;
}

function runSupervisor(count: number, logger: Logger, minUptimeMs: number): void {
  const log = logger.child({ role: "supervisor" });
  const started = new Map<number, { at: number; listening: boolean }>();
  let stopping = false;
  let failed = false;
  let announced = false;
  let firstSignalAt = 0;

  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, { at: Date.now(), listening: false });
    return worker;
  };

  const stopAll = (signal: NodeJS.Signals) => {
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && !worker.isDead()) worker.process.kill(signal);
    }
  };

  cluster.on("listening", (worker, address) => {
    const state = started.get(worker.id);
    if (state) state.listening = true;
    const listening = [...started.values()].filter((s) => s.listening).length;
    if (!announced && listening === count) {
      announced = true;
      log.info(
        { workers: count, port: address.port, pids: Object.values(cluster.workers ?? {}).map((w) => w?.process.pid) },
        "workers listening",
      );
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const state = started.get(worker.id);
    started.delete(worker.id);
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead()).length;
    if (stopping) {
      if (code !== 0) failed = true;
      if (alive === 0) {
        log.info({ failed }, "all workers stopped");
        process.exit(failed ? 1 : 0);
      }
      return;
    }
    const startupFailure = !state?.listening || Date.now() - (state?.at ?? 0) < minUptimeMs;
    if (startupFailure) {
      log.error({ pid: worker.process.pid, code, signal }, "a worker failed to start; stopping the others");
      stopping = true;
      failed = true;
      if (alive === 0) process.exit(1);
      stopAll("SIGTERM");
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, "a worker died; starting a new one");
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS).unref();
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // Ctrl-C reaches the workers directly as well; a repeat within moments is the same request to stop.
      if (Date.now() - firstSignalAt < 500) return;
      log.warn({ signal }, "second signal: stopping the workers at once");
      stopAll("SIGKILL");
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    log.info({ signal, workers: count }, "shutting down the workers");
    stopAll(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  // SIGHUP reloads the knowledge base in every worker (each has its own engine). Without this handler Node's
  // default action would end the supervisor instead.
  process.on("SIGHUP", () => {
    if (stopping) return;
    const pids: (number | undefined)[] = [];
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (!worker || worker.isDead()) continue;
      worker.process.kill("SIGHUP");
      pids.push(worker.process.pid);
    }
    log.info({ signal: "SIGHUP", pids }, "reloading the knowledge base in the workers");
  });

  log.info({ workers: count }, "starting workers");
  for (let i = 0; i < count; i++) fork();
}
