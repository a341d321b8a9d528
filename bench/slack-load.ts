// `npm run bench:slack:fixed`: load test of the Slack slash command over loopback, with the server's memory.
// Starts the server as its own process exactly as `npm start` does (package.json's start script: its environment
// prefix and Node flags, app/start-command.ts) in production mode, on the real knowledge base, with a new DATA_DIR
// (so the first start initialises PGlite), a test signing secret and a fake Slack Web API. Then fires signed
// `/samenwerken` requests at 200 requests/s, evenly spaced, from a separate load-generator process
// (bench/load-generator.ts) for 30 s (BENCH_SECONDS to change; BENCH_RATE). Prints p50/p99 latency, errors and non-2xx
// responses, the server's CPU time per request, and its resident memory read from /proc/<pid>/status every 500 ms
// (VmRSS; VmHWM for the peak): after start-up, median and max during the load, after the load, and the peak.
// Exits 1 on any error or non-2xx, and 2 when p99 is above the 20 ms target (BENCH_P99_MS).
// A warm-up of BENCH_WARMUP_SECONDS (default 3, not measured) precedes the run.
// First two short baselines (BENCH_BASELINE_SECONDS each, 0 to skip) show what the machine itself does: a bare
// node:http server answering "ok", and the app's /healthz.
// Experiments: BENCH_NODE_ARGS ("--max-semi-space-size=2 …") adds Node flags after the start script's (the last
// occurrence of a flag wins);
// BENCH_SERVER_ENV ("MALLOC_ARENA_MAX=1 …") adds or overrides server environment variables; BENCH_LOG_LEVEL
// (default info, as in production; the server's stdout goes to /dev/null).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { LoadRequest, LoadResult } from "./load-generator.ts";
import { SIGNING_SECRET, signedCommands } from "./slack-requests.ts";
import { startCommand } from "../app/start-command.ts";
import { cpuMsOfMainThread, cpuMsOfTree, freePort, startFakeSlackApi, stopChild } from "./server-process.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const P99_TARGET_MS = Number(process.env.BENCH_P99_MS ?? 20);
const RSS_TARGET_MB = 350;
const SAMPLE_MS = 500;
const BOT_TOKEN = "xoxb-bench";
const KNOWLEDGE_DIR = resolve(ROOT, process.env.KNOWLEDGE_DIR ?? "knowledge");

if (!(SECONDS > 0 && SECONDS <= 240)) {
  // Signed requests carry one timestamp; Slack's verification refuses timestamps older than 5 minutes.
  console.error("BENCH_SECONDS must be between 1 and 240");
  process.exit(1);
}

interface ProcMemory {
  /** Resident memory now (VmRSS), MB. */
  rss: number;
  /** Peak resident memory since the process started (VmHWM), MB. */
  peak: number;
  /** Anonymous resident memory (heap, malloc arenas, WebAssembly memory), MB. */
  anon: number;
}

/** Resident memory of a process from /proc/<pid>/status (Linux), in MB; null once it is gone. */
async function procMemory(pid: number): Promise<ProcMemory | null> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  if (!status) return null;
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? NaN);
  const mb = (n: number) => Math.round(n / 1024);
  return { rss: mb(kb("VmRSS")), peak: mb(kb("VmHWM")), anon: mb(kb("RssAnon")) };
}

const words = (s: string | undefined): string[] => (s ?? "").split(/\s+/).filter(Boolean);
const envPairs = (s: string | undefined): Record<string, string> =>
  Object.fromEntries(words(s).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]));

/** The start script's Node arguments with BENCH_NODE_ARGS after its flags (so they override) and before the entry. */
const nodeArgs = (args: string[]): string[] => [
  ...args.slice(0, -1),
  ...words(process.env.BENCH_NODE_ARGS),
  ...args.slice(-1),
];

const fakeSlack = await startFakeSlackApi();
const dataDir = await mkdtemp(join(tmpdir(), "raadswijzer-bench-"));

/** Runs the load generator in its own process (so it never shares the server's event loop or memory). */
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
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!) as LoadResult;
}

/** Starts the server the way `npm start` does, in production mode, and waits until it answers /healthz. */
async function startServer(port: number): Promise<{ child: ChildProcess; startupMs: number }> {
  const start = startCommand();
  const t0 = performance.now();
  const child = spawn(process.execPath, nodeArgs(start.args), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...start.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR,
      STORE_HASH_KEY: "bench-store-hash-key-0123456789abcdef",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fakeSlack.url,
      // Production requires Teams credentials; the bench sends nothing to /api/messages.
      MicrosoftAppId: "00000000-0000-0000-0000-000000000b01",
      MicrosoftAppPassword: "unused",
      ...envPairs(process.env.BENCH_SERVER_ENV),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return { child, startupMs: Math.round(performance.now() - t0) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start in time:\n${stderr}`);
}

// A mix of questions: the featured topics' titles (answers), ambiguous ones, help, typos and off-topic questions
// (unknown, which the bot records as unanswered in the store). Opening checklists is a different path (/checklist)
// and not measured.
const base = await loadKnowledgeBase(KNOWLEDGE_DIR);
const featuredTitles = (base.featured ?? [])
  .map((id) => base.byId.get(id)?.title)
  .filter((t): t is string => !!t)
  .concat(base.entries.filter((e) => e.kind === "topic").map((e) => e.title))
  .slice(0, 5);
const questions = [
  ...featuredTitles,
  "Mag de raad zelf een gemeenschappelijke regeling opzeggen?",
  "Wie zit er in het algemeen bestuur?",
  "Wat is een verbonden partij?",
  "Hoe geeft de raad een zienswijze op de begroting van een GR?",
  "wat is een centrumgemeente",
  "gemeenschapelijke regelng uittreden kosten",
  "help",
  "Wat is het recept voor appeltaart?",
];

const port = await freePort();
const appUrl = `http://127.0.0.1:${port}`;
const node = `${process.version}, ${nodeArgs(startCommand().args).slice(0, -1).join(" ")}`;
const serverEnv = { ...startCommand().env, ...envPairs(process.env.BENCH_SERVER_ENV) };
const { child: server, startupMs } = await startServer(port);
const pid = server.pid!;
const memoryAfterStartup = (await procMemory(pid))!;
console.log(
  `server: node ${node} (env ${JSON.stringify(serverEnv)}), pid ${pid}, first start in a new DATA_DIR: serving after ${startupMs} ms`,
);
console.log(
  `memory after start-up: RSS ${memoryAfterStartup.rss} MB (anonymous ${memoryAfterStartup.anon} MB), peak so far ${memoryAfterStartup.peak} MB`,
);

let exitCode = 0;
try {
  // Sanity check: one request answers with blocks.
  const probe = signedCommands(questions, 1, "probe")[0]!;
  const res = await fetch(`${appUrl}/slack/events`, { method: "POST", headers: probe.headers, body: probe.body });
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
    const b = await load(`${appUrl}/healthz`, BASELINE_SECONDS);
    baseline = { p50: b.p50, p99: b.p99 };
    console.log(`baseline GET /healthz at ${RATE} req/s for ${BASELINE_SECONDS} s: p50 ${b.p50} ms | p99 ${b.p99} ms`);
  }

  console.log(
    `Slack load bench: ${RATE} req/s for ${SECONDS} s, evenly spaced from a separate process, ${questions.length} different questions, ${cpus().length} cores (nproc)`,
  );
  // Warm-up (not measured): the first requests compile the engine's and Bolt's hot paths.
  const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
  if (WARMUP_SECONDS > 0) {
    await load(
      `${appUrl}/slack/events`,
      WARMUP_SECONDS,
      signedCommands(questions, Math.ceil(RATE * WARMUP_SECONDS) + 50, "warmup"),
    );
  }

  // Resident memory while the load runs (every 500 ms): the median is the steady figure the target is about.
  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    void procMemory(pid).then((m) => m && rssSamples.push(m.rss));
  }, SAMPLE_MS);
  const cpuBefore = await cpuMsOfTree(pid);
  const mainBefore = await cpuMsOfMainThread(pid);
  const result = await load(
    `${appUrl}/slack/events`,
    SECONDS,
    signedCommands(questions, Math.ceil(RATE * SECONDS) + 50, "run"),
  );
  const cpuPerRequest = ((await cpuMsOfTree(pid)) - cpuBefore) / result.requests;
  const mainThreadPerRequest = ((await cpuMsOfMainThread(pid)) - mainBefore) / result.requests;
  clearInterval(sampler);
  rssSamples.sort((a, b) => a - b);
  const memoryAfterLoad = (await procMemory(pid))!;
  const summary = {
    date: new Date().toISOString(),
    cores: cpus().length,
    node: process.version,
    node_args: nodeArgs(startCommand().args).slice(0, -1).join(" "),
    server_env: serverEnv,
    seconds: SECONDS,
    rate: RATE,
    requests: result.requests,
    p50_ms: result.p50,
    p90_ms: result.p90,
    p99_ms: result.p99,
    max_ms: result.max,
    errors: result.errors,
    error_codes: result.errorCodes,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    server_cpu_ms_per_request: Number(cpuPerRequest.toFixed(3)),
    server_main_thread_cpu_ms_per_request: Number(mainThreadPerRequest.toFixed(3)),
    startup_ms: startupMs,
    baseline_bare_http_p50_ms: bare?.p50 ?? null,
    baseline_bare_http_p99_ms: bare?.p99 ?? null,
    baseline_healthz_p50_ms: baseline?.p50 ?? null,
    baseline_healthz_p99_ms: baseline?.p99 ?? null,
    loadavg_1m: Number(loadavg()[0]!.toFixed(2)),
    rss_after_startup_mb: memoryAfterStartup.rss,
    rss_during_load_median_mb: rssSamples[Math.floor(rssSamples.length / 2)] ?? null,
    rss_during_load_max_mb: rssSamples.at(-1) ?? null,
    rss_after_load_mb: memoryAfterLoad.rss,
    rss_anon_after_load_mb: memoryAfterLoad.anon,
    rss_peak_mb: memoryAfterLoad.peak,
  };
  console.log(
    `requests ${summary.requests} | p50 ${summary.p50_ms} ms | p90 ${summary.p90_ms} ms | p99 ${summary.p99_ms} ms | max ${summary.max_ms} ms | ` +
      `errors ${summary.errors}${summary.errors ? ` ${JSON.stringify(summary.error_codes)}` : ""} | timeouts ${summary.timeouts} | non-2xx ${summary.non2xx} | server CPU ${summary.server_cpu_ms_per_request} ms/request (main thread ${summary.server_main_thread_cpu_ms_per_request})`,
  );
  console.log(
    `memory (server process, /proc): RSS after start-up ${summary.rss_after_startup_mb} MB | during the load median ${summary.rss_during_load_median_mb} MB, ` +
      `max ${summary.rss_during_load_max_mb} MB | after ${SECONDS} s load ${summary.rss_after_load_mb} MB ` +
      `(anonymous ${summary.rss_anon_after_load_mb} MB) | peak ${summary.rss_peak_mb} MB (target ≤ ${RSS_TARGET_MB} MB under load)`,
  );
  console.log(JSON.stringify(summary));
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    console.error("FAIL: errors or non-2xx responses");
    exitCode = 1;
  } else if (result.p99 > P99_TARGET_MS) {
    console.error(`FAIL: p99 ${result.p99} ms is above the ${P99_TARGET_MS} ms target`);
    exitCode = 2;
  }
} catch (err) {
  console.error("bench failed:", err);
  exitCode = 1;
} finally {
  await stopChild(server);
  await fakeSlack.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
