// Prometheus metrics (prom-client) for the running bot, in a registry of its own: questions by status and platform,
// ask latency, feedback, knowledge reloads and reload errors, store errors, plus Node's default process metrics.
// Served at /metrics when METRICS=1 (see metricsMount), optionally behind a bearer token.
import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Mount } from "../http/mount.ts";
import { clusterMetricsReader } from "./cluster.ts";
import type { BotObserver } from "../live/observe.ts";
import type { KnowledgeStatus, ReloadResult } from "../live/knowledge.ts";
import type { Store } from "../store/port.ts";

const PREFIX = "raadswijzer_";

export interface Metrics {
  registry: Registry;
  /** The Prometheus text to serve: this process's registry, or with WORKERS>1 all workers' together. */
  text(): Promise<string>;
  observer: BotObserver;
  reloaded(result: ReloadResult, status: KnowledgeStatus): void;
  knowledge(status: KnowledgeStatus): void;
  storeError(operation: string): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  // Every metric is named with PREFIX and registered in this registry only.
  const counter = <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: PREFIX + name, help, labelNames, registers: [registry] });
  // Gauges describe the knowledge base every worker serves: with WORKERS>1 the highest, not the sum, of the workers.
  const gauge = <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name: PREFIX + name, help, labelNames, registers: [registry], aggregator: "max" });

  const questions = counter(
    "questions_total",
    "Questions answered, by reply status (answer, ambiguous, unknown, help) and platform",
    ["status", "platform"],
  );
  const latency = new Histogram({
    name: `${PREFIX}ask_duration_seconds`,
    help: "Time to answer a question (engine and store), by platform",
    labelNames: ["platform"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const feedback = counter("feedback_total", "Feedback on answers, by helpful (true = thumbs up) and platform", [
    "helpful",
    "platform",
  ]);
  const reloads = counter("knowledge_reloads_total", "Knowledge base reload attempts, by result (ok, error)", [
    "result",
  ]);
  const reloadErrors = counter(
    "knowledge_reload_errors_total",
    "Problems (file:line: field) found by failed knowledge reloads",
  );
  const entries = gauge("knowledge_entries", "Entries in the knowledge base being served");
  const info = gauge("knowledge_info", "The knowledge base being served (value 1), labelled with its version hash", [
    "version",
  ]);
  const storeErrors = counter("store_errors_total", "Failed store operations, by operation", ["operation"]);
  reloads.inc({ result: "ok" }, 0);
  reloads.inc({ result: "error" }, 0);

  const knowledge = (status: KnowledgeStatus) => {
    entries.set(status.entries);
    info.reset();
    info.set({ version: status.version }, 1);
  };
  const fromCluster = clusterMetricsReader(registry);
  return {
    registry,
    text: fromCluster ?? (() => registry.metrics()),
    observer: {
      asked: (o) => {
        questions.inc({ status: o.status, platform: o.platform });
        latency.observe({ platform: o.platform }, o.seconds);
      },
      feedback: (helpful, platform) => feedback.inc({ helpful: String(helpful), platform }),
    },
    reloaded(result, status) {
      reloads.inc({ result: result.ok ? "ok" : "error" });
      if (!result.ok) reloadErrors.inc(result.problems.length);
      knowledge(status);
    },
    knowledge,
    storeError: (operation) => storeErrors.inc({ operation }),
  };
}

/**
 * The store with every rejected call counted (the error still reaches the caller unchanged), and the failed writes
 * nobody awaits (batched logs, the retention purge) counted as the store reports them.
 */
export function countStoreErrors(store: Store, metrics: Pick<Metrics, "storeError">): Store {
  store.onBackgroundError?.((operation) => metrics.storeError(operation));
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function" || prop === "close" || prop === "ping") {
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          return result.catch((err: unknown) => {
            metrics.storeError(String(prop));
            throw err;
          });
        }
        return result;
      };
    },
  });
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /metrics in Prometheus text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsMount(metrics: Metrics, token: string | undefined): Mount {
  const router = Router();
  router.get("/", async (req, res) => {
    if (token) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
      if (!m || !sameToken(m[1]!, token)) {
        res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').json({ error: "unauthorized" });
        return;
      }
    }
    let text: string;
    try {
      text = await metrics.text();
    } catch {
      res.status(503).json({ error: "metrics unavailable" });
      return;
    }
    res.set("Content-Type", metrics.registry.contentType).set("Cache-Control", "no-store");
    res.send(text);
  });
  return { name: "metrics", path: "/metrics", router };
}
