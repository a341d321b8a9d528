// Open-loop, constant-rate HTTP load generator, run as its own process so it never shares the server's event
// loop. It starts one request every 1000/rate ms (not in bursts: autocannon's rate limit sends each second's
// quota at once, which measures its own queueing) over keep-alive connections, cycling through the given
// requests, and prints one JSON line: { requests, p50, p90, p99, max, errors, non2xx, timeouts } (ms).
//   node --import tsx bench/load-generator.ts <config.json>
//   config: { url, rate, seconds, timeoutMs?, requests: [{ method, path, headers?, body? }] }
import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
export interface LoadConfig {
  url: string;
  rate: number;
  seconds: number;
  timeoutMs?: number;
  requests: LoadRequest[];
}
export interface LoadResult {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  /** The errors by code ("ECONNRESET": a keep-alive socket the server closed as the client reused it). */
  errorCodes: Record<string, number>;
  non2xx: number;
  timeouts: number;
}

export async function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  const target = new URL(cfg.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(cfg.rate * cfg.seconds);
  const interval = 1000 / cfg.rate;
  const latencies: number[] = [];
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  let non2xx = 0;
  let timeouts = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    const fire = (r: LoadRequest) => {
      const t0 = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: r.path,
          method: r.method,
          headers: r.headers,
          agent,
          timeout: cfg.timeoutMs ?? 10_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            finish();
          });
        },
      );
      req.on("timeout", () => {
        timeouts++;
        req.destroy();
      });
      req.on("error", (err: NodeJS.ErrnoException) => {
        errors++;
        const code = err.code ?? err.message;
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        finish();
      });
      req.end(r.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) fire(cfg.requests[sent++ % cfg.requests.length]!);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2));
  return {
    requests: total,
    p50: pct(0.5),
    p90: pct(0.9),
    p99: pct(0.99),
    max: pct(1),
    errors,
    errorCodes,
    non2xx,
    timeouts,
  };
}

if (process.argv[1]?.endsWith("load-generator.ts")) {
  const cfg = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadConfig;
  console.log(JSON.stringify(await runLoad(cfg)));
}
