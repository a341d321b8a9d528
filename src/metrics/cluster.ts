// /metrics with WORKERS>1: the processes share one port, so a scrape reaches any one worker. That worker asks the
// supervisor, which collects every worker's registry (prom-client's AggregatorRegistry, over the cluster's IPC
// channel) and answers with the sum, so counters do not jump between scrapes.
import cluster from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";

const REQUEST = "raadswijzer:metrics-request";
const RESPONSE = "raadswijzer:metrics-response";
const TIMEOUT_MS = 5_000;

interface Request {
  type: typeof REQUEST;
  id: number;
}
interface Response {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

const isType = <T extends { type: string }>(msg: unknown, type: string): msg is T =>
  typeof msg === "object" && msg !== null && (msg as { type?: unknown }).type === type;

/** In the supervisor: answers the workers' requests with the metrics of all workers together. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, msg: unknown) => {
    if (!isType<Request>(msg, REQUEST)) return;
    const reply = (r: Omit<Response, "type" | "id">) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id: msg.id, ...r });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

/**
 * In a worker: offers `registry` to the supervisor's aggregation and returns how to read the whole cluster's
 * metrics; null outside a cluster worker (then the registry is read directly).
 */
export function clusterMetricsReader(registry: Registry): (() => Promise<string>) | null {
  if (!cluster.isWorker || !process.send) return null;
  new AggregatorRegistry(); // installs the worker's answer to the supervisor's collection requests
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const pending = new Map<number, { resolve(text: string): void; reject(err: Error): void }>();
  process.on("message", (msg: unknown) => {
    if (!isType<Response>(msg, RESPONSE)) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error !== undefined) p?.reject(new Error(msg.error));
    else p?.resolve(msg.text ?? "");
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("the supervisor did not answer with the workers' metrics"));
      }, TIMEOUT_MS);
      timer.unref();
      const settle =
        <A>(fn: (a: A) => void) =>
        (a: A) => {
          clearTimeout(timer);
          fn(a);
        };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      process.send!({ type: REQUEST, id } satisfies Request);
    });
}
