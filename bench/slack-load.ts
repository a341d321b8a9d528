// `npm run bench:slack`: load test of the Slack slash command over loopback.
// Starts the whole app in-process (real knowledge base, engine, store in a temp folder) with a test signing
// secret and a fake Slack Web API, then fires signed `/samenwerken` requests at 200 requests/s, evenly spaced, from
// a separate load-generator process (bench/load-generator.ts) for 30 s (BENCH_SECONDS to change; BENCH_RATE). Prints p50/p99 latency, errors and non-2xx
// responses; exits 1 on any error or non-2xx, and 2 when p99 is above the 20 ms target (BENCH_P99_MS).
// A warm-up of BENCH_WARMUP_SECONDS (default 3, not measured) precedes the run.
// First two short baselines (BENCH_BASELINE_SECONDS each, 0 to skip) show what the machine itself does: a bare
// node:http server answering "ok", and the app's /healthz.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { LoadRequest, LoadResult } from "./load-generator.ts";
import { SIGNING_SECRET, signedCommands } from "./slack-requests.ts";
import { startApp } from "../app/start.ts";
import { createLogger } from "../src/log.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const P99_TARGET_MS = Number(process.env.BENCH_P99_MS ?? 20);
const BOT_TOKEN = "xoxb-bench";

if (!(SECONDS > 0 && SECONDS <= 240)) {
  // Signed requests carry one timestamp; Slack's verification refuses timestamps older than 5 minutes.
  console.error("BENCH_SECONDS must be between 1 and 240");
  process.exit(1);
}

/** A fake Slack Web API on 127.0.0.1 that answers every method with ok (the bot calls auth.test once). */
async function startFakeSlackApi(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, user_id: "UBENCHBOT", bot_id: "BBENCH", team_id: "TBENCH" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resident memory of this process (the app runs in it) and its peak, in MB. */
async function memoryMb(): Promise<{ rss: number; peak: number | null; heap: number; external: number }> {
  const status = await readFile("/proc/self/status", "utf8").catch(() => "");
  const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return {
    rss: mb(m.rss),
    peak: hwm ? mb(Number(hwm[1]) * 1024) : null,
    heap: mb(m.heapUsed),
    external: mb(m.external),
  };
}

const fakeSlack = await startFakeSlackApi();
const dataDir = await mkdtemp(join(tmpdir(), "raadswijzer-bench-"));

/** Runs the load generator in its own process (so it never shares this server's event loop). */
async function load(
  url: string,
  seconds: number,
  requests: LoadRequest[] = [{ method: "GET", path: new URL(url).pathname }],
): Promise<LoadResult> {
  const cfgFile = join(dataDir, `load-${Date.now()}.json`);
  await writeFile(cfgFile, JSON.stringify({ url, rate: RATE, seconds, requests, timeoutMs: 10_000 }));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "load-generator.ts"), cfgFile],
    { encoding: "utf8" },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!) as LoadResult;
}
const app = await startApp({
  env: {
    // Not "test": the store then initialises a new database folder the way the server does (in a child process).
    NODE_ENV: "development",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR ?? "knowledge",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fakeSlack.url,
    PREVIEW: "0",
  },
  port: 0,
  // Per-request info logs would measure the terminal, not the bot.
  logger: createLogger({ level: process.env.BENCH_LOG_LEVEL ?? "warn" }),
});

const memoryAfterStartup = await memoryMb();
console.log(
  `memory after start-up (new DATA_DIR): RSS ${memoryAfterStartup.rss} MB (JS heap ${memoryAfterStartup.heap} MB, external incl. PGlite ${memoryAfterStartup.external} MB), peak ${memoryAfterStartup.peak ?? "?"} MB`,
);

let exitCode = 0;
try {
  // A mix of questions: entry titles (answers), ambiguous ones, help, typos and off-topic questions (unknown, which
  // the bot records as unanswered in the store). Opening checklists is a different path (/checklist) and not measured.
  const questions = [
    ...app.bot.featuredTopics().map((t) => t.title),
    "Mag de raad zelf een gemeenschappelijke regeling opzeggen?",
    "Wie zit er in het algemeen bestuur?",
    "Wat is een verbonden partij?",
    "Hoe geeft de raad een zienswijze op de begroting van een GR?",
    "wat is een centrumgemeente",
    "gemeenschapelijke regelng uittreden kosten",
    "help",
    "Wat is het recept voor appeltaart?",
  ];
  const requests = signedCommands(questions, questions.length, "probe");

  // Sanity check: one request answers with blocks.
  const probe = requests[0]!;
  const res = await fetch(`${app.url.replace("localhost", "127.0.0.1")}/slack/events`, {
    method: "POST",
    headers: probe.headers,
    body: probe.body,
  });
  const json = (await res.json()) as { blocks?: unknown[] };
  if (res.status !== 200 || !Array.isArray(json.blocks) || json.blocks.length === 0) {
    throw new Error(`probe request failed: HTTP ${res.status}`);
  }

  // Baseline on the same machine at the same moment: the cheapest route (/healthz), so that a busy machine
  // shows up as such rather than as a slow bot.
  const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 5);
  let baseline: { p50: number; p99: number } | null = null;
  let bare: { p50: number; p99: number } | null = null;
  if (BASELINE_SECONDS > 0) {
    // And a bare node:http server that answers "ok": what this machine and the load generator add on their own.
    const bareServer = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => bareServer.listen(0, "127.0.0.1", resolve));
    const bb = await load(`http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`, BASELINE_SECONDS);
    await new Promise<void>((resolve) => bareServer.close(() => resolve()));
    bare = { p50: bb.p50, p99: bb.p99 };
    console.log(
      `baseline bare node:http "ok" at ${RATE} req/s for ${BASELINE_SECONDS} s: p50 ${bb.p50} ms | p99 ${bb.p99} ms`,
    );
    const b = await load(`http://127.0.0.1:${app.port}/healthz`, BASELINE_SECONDS);
    baseline = { p50: b.p50, p99: b.p99 };
    console.log(`baseline GET /healthz at ${RATE} req/s for ${BASELINE_SECONDS} s: p50 ${b.p50} ms | p99 ${b.p99} ms`);
  }

  // Server-side time per request (request parsed → response finished), measured inside the server through
  // node:http's diagnostics channels, and the server's event-loop delay: together they separate what the bot
  // costs from what the load generator and the machine add.
  const started = new WeakMap<IncomingMessage, bigint>();
  const serverMs: number[] = [];
  let measuring = false;
  subscribe("http.server.request.start", (msg) => {
    if (measuring) started.set((msg as { request: IncomingMessage }).request, process.hrtime.bigint());
  });
  subscribe("http.server.response.finish", (msg) => {
    const t = started.get((msg as { request: IncomingMessage }).request);
    if (t !== undefined) serverMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });

  console.log(
    `Slack load bench: ${RATE} req/s for ${SECONDS} s, evenly spaced from a separate process, ${questions.length} different questions, ${cpus().length} cores (nproc)`,
  );
  // Warm-up (not measured): the first requests compile the engine's and Bolt's hot paths.
  const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
  if (WARMUP_SECONDS > 0) {
    await load(
      `http://127.0.0.1:${app.port}/slack/events`,
      WARMUP_SECONDS,
      signedCommands(questions, Math.ceil(RATE * WARMUP_SECONDS) + 50, "warmup"),
    );
  }

  measuring = true;
  loopDelay.enable();
  // Resident memory while the load runs (every 500 ms): the median is the steady figure the target is about.
  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(Math.round(process.memoryUsage().rss / 1048576)), 500);
  const result = await load(
    `http://127.0.0.1:${app.port}/slack/events`,
    SECONDS,
    signedCommands(questions, Math.ceil(RATE * SECONDS) + 50, "run"),
  );
  measuring = false;
  clearInterval(sampler);
  rssSamples.sort((a, b) => a - b);
  loopDelay.disable();
  serverMs.sort((a, b) => a - b);
  const pct = (p: number): number =>
    Number((serverMs[Math.min(serverMs.length - 1, Math.floor(serverMs.length * p))] ?? 0).toFixed(2));
  const lat = result;
  const memoryAfterLoad = await memoryMb();
  const summary = {
    date: new Date().toISOString(),
    cores: cpus().length,
    node: process.version,
    seconds: SECONDS,
    rate: RATE,
    requests: result.requests,
    p50_ms: lat.p50,
    p90_ms: lat.p90,
    p99_ms: lat.p99,
    max_ms: lat.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    server_p50_ms: pct(0.5),
    server_p99_ms: pct(0.99),
    server_max_ms: pct(1),
    event_loop_delay_p99_ms: Number((loopDelay.percentile(99) / 1e6).toFixed(2)),
    baseline_bare_http_p50_ms: bare?.p50 ?? null,
    baseline_bare_http_p99_ms: bare?.p99 ?? null,
    baseline_healthz_p50_ms: baseline?.p50 ?? null,
    baseline_healthz_p99_ms: baseline?.p99 ?? null,
    loadavg_1m: Number(loadavg()[0]!.toFixed(2)),
    rss_after_startup_mb: memoryAfterStartup.rss,
    rss_during_load_median_mb: rssSamples[Math.floor(rssSamples.length / 2)] ?? null,
    rss_during_load_max_mb: rssSamples.at(-1) ?? null,
    rss_after_load_mb: memoryAfterLoad.rss,
    rss_peak_mb: memoryAfterLoad.peak,
  };
  console.log(
    `requests ${summary.requests} | p50 ${summary.p50_ms} ms | p90 ${summary.p90_ms} ms | p99 ${summary.p99_ms} ms | max ${summary.max_ms} ms | ` +
      `errors ${summary.errors} | timeouts ${summary.timeouts} | non-2xx ${summary.non2xx}`,
  );
  console.log(
    `server-side (request → response finished): p50 ${summary.server_p50_ms} ms | p99 ${summary.server_p99_ms} ms | max ${summary.server_max_ms} ms | ` +
      `event-loop delay p99 ${summary.event_loop_delay_p99_ms} ms`,
  );
  console.log(
    `memory: RSS after start-up ${summary.rss_after_startup_mb} MB | during the load median ${summary.rss_during_load_median_mb} MB, ` +
      `max ${summary.rss_during_load_max_mb} MB | after ${SECONDS} s load ${summary.rss_after_load_mb} MB ` +
      `(JS heap ${memoryAfterLoad.heap} MB, external ${memoryAfterLoad.external} MB) | peak ${summary.rss_peak_mb ?? "?"} MB (target ≤ 350 MB under load)`,
  );
  console.log(JSON.stringify(summary));
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    console.error("FAIL: errors or non-2xx responses");
    exitCode = 1;
  } else if (lat.p99 > P99_TARGET_MS) {
    console.error(`FAIL: p99 ${lat.p99} ms is above the ${P99_TARGET_MS} ms target`);
    exitCode = 2;
  }
} catch (err) {
  console.error("bench failed:", err);
  exitCode = 1;
} finally {
  await app.close();
  await fakeSlack.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
