// `npm run bench:slack`: how many signed /samenwerken commands per second each server holds, measured against the
// framework's own limit, in one run. For each target it steps the rate up (×BENCH_STEP_FACTOR, default 1.25, from
// BENCH_START_RATE, default 100/s) for BENCH_STEP_SECONDS each (default 5), until the client-side p99 passes
// BENCH_P99_MS (default 20) or a request fails (if the start rate already fails, it halves the rate down to 10/s);
// then it halves the gap between the last rate that held and the first that failed twice. It reports the highest
// rate that held. Targets, each in its own process(es), loaded from a separate load-generator process:
//   bare node:http        reads the body, answers a fixed JSON: what the machine and the load generator allow
//   minimal Bolt (HTTP)   App + HTTPReceiver (node:http), command answered with a fixed text
//   minimal Bolt (Express) App + ExpressReceiver (what our app mounted before its own receiver, adapters/slack/receiver.ts)
//   our app, 1 process    app/main.ts on PGlite, started as `npm start` does (its env and Node flags; LOG_LEVEL=info,
//                         the production default: access lines included)
//   our app, 1 process    on PostgreSQL, and WORKERS=2 on PostgreSQL (only when DATABASE_URL is set; the CPU per
//                         request then leaves out the PostgreSQL server's own work)
//   Teams: minimal botbuilder, and our app (the same two-way comparison for /api/messages: message activities with
//                         deliveryMode expectReplies, anonymous mode, the reply in the HTTP response)
// Questions: every one of tests/fixtures/*.jsonl (see QUESTIONS). Before stepping, it measures each target's CPU
// time per request (all its processes, 400 requests at 50/s), which says what a request costs even on a busy
// machine, where latency says little. Prints a table, the ratios our app /
// minimal Bolt (target ≥ 0.8) and one JSON line. BENCH_TARGETS=bare,bolt-http,... picks targets; BENCH_STEPUP=0
// measures only the CPU cost. Exit code 0 (a measurement, not a test).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import type { LoadRequest, LoadResult } from "./load-generator.ts";
import { SIGNING_SECRET, signedCommands } from "./slack-requests.ts";
import { PGLITE_NODE_FLAGS } from "../src/store/pglite-options.ts";
import { startCommand } from "../app/start-command.ts";
import { cpuMsOfMainThread, cpuMsOfTree, freePort, startFakeSlackApi, stopChild } from "./server-process.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const START_RATE = Number(process.env.BENCH_START_RATE ?? 100);
const FACTOR = Number(process.env.BENCH_STEP_FACTOR ?? 1.25);
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 5_000);
const MIN_RATE = 10;
/** A step sends at least this many requests, so that its p99 is not just its slowest request. */
const MIN_REQUESTS = 200;
/** Requests for the CPU-cost measurement, at CPU_RATE per second. */
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 400);
const CPU_RATE = 50;
const P99_TARGET_MS = Number(process.env.BENCH_P99_MS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "info";
const DATABASE_URL = process.env.DATABASE_URL;
const BOT_TOKEN = "xoxb-bench";

/**
 * Every question of the test fixtures (tests/fixtures/*.jsonl, about 790, most of them distinct), plus a greeting
 * and one off-topic question, cycled in order: each request takes the real path (engine, store, rendering), not a
 * cache of the few answers a short list would repeat.
 */
const QUESTIONS: string[] = [
  ...(
    await Promise.all(
      (await readdir(join(ROOT, "tests/fixtures")))
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .map(async (f) => (await readFile(join(ROOT, "tests/fixtures", f), "utf8")).split("\n")),
    )
  )
    .flat()
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q),
  "help",
  "Wat is het recept voor appeltaart?",
];

interface Target {
  id: string;
  label: string;
  /** "teams": Bot Framework message activities (expectReplies) to /api/messages; default Slack commands. */
  kind?: "teams";
  /** Starts the server process on the given port. */
  start(port: number): Promise<ChildProcess>;
}

/** Our app, started exactly as `npm start` starts it (the start script's environment and Node flags). */
const ourApp = (env: NodeJS.ProcessEnv): ChildProcess => {
  const start = startCommand();
  return spawn(process.execPath, start.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...start.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
};

const tsx = (script: string, env: NodeJS.ProcessEnv): ChildProcess =>
  // The same Node flags as `npm start` (PGlite's WebAssembly without the optimising tier), for every target alike.
  spawn(process.execPath, [...PGLITE_NODE_FLAGS, "--import", "tsx", script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });

async function waitUntilServing(child: ChildProcess, url: string, timeoutMs = 180_000): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`target exited (${child.exitCode}):\n${stderr}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`target did not start in time:\n${stderr}`);
}

const workDir = await mkdtemp(join(tmpdir(), "raadswijzer-stepup-"));
const fakeSlack = await startFakeSlackApi();
const pgHolder: { schema: { url: string; drop: () => Promise<void> } | null } = { schema: null };

async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const u = new URL(DATABASE_URL!);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const appEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  LOG_LEVEL,
  PREVIEW: "0",
  KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR ?? "knowledge",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_API_URL: fakeSlack.url,
  ...extra,
});

const boltEnv = (port: number, receiver: string): NodeJS.ProcessEnv => ({
  PORT: String(port),
  RECEIVER: receiver,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_API_URL: fakeSlack.url,
});

const TARGETS: Target[] = [
  {
    id: "bare",
    label: "bare node:http (fixed JSON)",
    start: async (port) => tsx("bench/targets/bare-http.ts", { PORT: String(port) }),
  },
  {
    id: "bolt-http",
    label: "minimal Bolt, HTTPReceiver",
    start: async (port) => tsx("bench/targets/minimal-bolt.ts", boltEnv(port, "http")),
  },
  {
    id: "bolt-express",
    label: "minimal Bolt, ExpressReceiver",
    start: async (port) => tsx("bench/targets/minimal-bolt.ts", boltEnv(port, "express")),
  },
  {
    id: "app",
    label: "our app, 1 process (PGlite)",
    start: async (port) => ourApp(appEnv({ PORT: String(port), DATA_DIR: await mkdtemp(join(workDir, "app-")) })),
  },
  {
    id: "app-pg",
    label: "our app, 1 process (PostgreSQL)",
    start: async (port) => {
      const pgSchema = (pgHolder.schema ??= await postgresSchema());
      return ourApp(
        appEnv({
          PORT: String(port),
          DATABASE_URL: pgSchema.url,
          STORE_HASH_KEY: "bench-hash-key-0123456789",
          DATA_DIR: await mkdtemp(join(workDir, "pg-")),
        }),
      );
    },
  },
  {
    id: "app-workers2",
    label: "our app, WORKERS=2 (PostgreSQL)",
    start: async (port) => {
      const pgSchema = (pgHolder.schema ??= await postgresSchema());
      return ourApp(
        appEnv({
          PORT: String(port),
          WORKERS: "2",
          DATABASE_URL: pgSchema.url,
          STORE_HASH_KEY: "bench-hash-key-0123456789",
          DATA_DIR: await mkdtemp(join(workDir, "w2-")),
        }),
      );
    },
  },
  {
    id: "teams-minimal",
    label: "Teams: minimal botbuilder (CloudAdapter)",
    kind: "teams",
    start: async (port) => tsx("bench/targets/minimal-teams.ts", { PORT: String(port) }),
  },
  {
    id: "teams-app",
    label: "Teams: our app, 1 process (PGlite)",
    kind: "teams",
    // Anonymous Teams mode (no MicrosoftAppId; NODE_ENV=test), the same process as the Slack rows.
    start: async (port) => ourApp(appEnv({ PORT: String(port), DATA_DIR: await mkdtemp(join(workDir, "teams-")) })),
  },
];

/** Message activities as the Bot Framework sends them, asking for the replies in the HTTP response. */
function teamsActivities(count: number, tag: string): LoadRequest[] {
  return Array.from({ length: count }, (_v, i) => ({
    method: "POST" as const,
    path: "/api/messages",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `${tag}-${i}`,
      channelId: "msteams",
      // Loopback: anonymous mode answers only a local serviceUrl; with expectReplies nothing is sent there.
      serviceUrl: "http://127.0.0.1:9/",
      deliveryMode: "expectReplies",
      timestamp: new Date().toISOString(),
      from: { id: "29:bench-user", name: "Raadslid", aadObjectId: "00000000-0000-0000-0000-0000000000b1" },
      recipient: { id: "28:raadswijzer-bot", name: "Raadswijzer" },
      conversation: { id: "a:bench-personal", conversationType: "personal" },
      channelData: { tenant: { id: "tenant-bench" } },
      locale: "nl-NL",
      text: QUESTIONS[i % QUESTIONS.length],
      textFormat: "plain",
    }),
  }));
}

async function load(url: string, rate: number, seconds: number): Promise<LoadResult> {
  const cfgFile = join(workDir, `load-${Date.now()}-${Math.round(rate)}.json`);
  // Fresh signatures per step (Slack's verification refuses timestamps older than 5 minutes), one per request
  // (a replayed signature is answered by the replay guard, not by the bot).
  const count = Math.ceil(rate * seconds) + 50;
  const requests = url.endsWith("/api/messages")
    ? teamsActivities(count, `step-${Date.now()}`)
    : signedCommands(QUESTIONS, count, `step-${Date.now()}`);
  await writeFile(cfgFile, JSON.stringify({ url, rate, seconds, requests, timeoutMs: 10_000 }));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/load-generator.ts"), cfgFile],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!) as LoadResult;
}

const holds = (r: LoadResult): boolean =>
  r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.p99 <= P99_TARGET_MS;

interface StepResult {
  rate: number;
  result: LoadResult;
  held: boolean;
}

async function stepUp(
  url: string,
  log: (s: string) => void,
): Promise<{ held: StepResult | null; failed: StepResult | null; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  const run = async (rate: number): Promise<StepResult> => {
    const result = await load(url, rate, Math.max(STEP_SECONDS, MIN_REQUESTS / rate));
    const step = { rate: Math.round(rate), result, held: holds(result) };
    steps.push(step);
    log(
      `  ${String(step.rate).padStart(5)}/s: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms` +
        `${result.errors + result.timeouts + result.non2xx ? `, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}` : ""}` +
        ` ${step.held ? "held" : "FAILED"}`,
    );
    return step;
  };
  let held: StepResult | null = null;
  let failed: StepResult | null = null;
  for (let rate = START_RATE; rate <= MAX_RATE; rate *= FACTOR) {
    const step = await run(rate);
    if (!step.held) {
      failed = step;
      break;
    }
    held = step;
  }
  // Even the start rate failed (a busy machine): step down until a rate holds.
  for (let rate = START_RATE / 2; !held && rate >= MIN_RATE; rate /= 2) {
    const step = await run(rate);
    if (step.held) held = step;
    else failed = step;
  }
  // Narrow the gap between the last rate that held and the first that did not.
  for (let i = 0; i < 2 && held && failed && failed.rate - held.rate > 10; i++) {
    const step = await run((held.rate + failed.rate) / 2);
    if (step.held) held = step;
    else failed = step;
  }
  return { held, failed, steps };
}

const wanted = (process.env.BENCH_TARGETS ?? TARGETS.map((t) => t.id).join(",")).split(",").map((s) => s.trim());
const rows: {
  id: string;
  label: string;
  rate: number | null;
  p99: number | null;
  failedAt: number | null;
  cpuMsPerRequest?: number;
  mainThreadCpuMsPerRequest?: number;
  note?: string;
}[] = [];
console.log(
  `Slack step-up bench: client p99 ≤ ${P99_TARGET_MS} ms, ${STEP_SECONDS} s per step from ${START_RATE}/s (×${FACTOR}), ` +
    `${cpus().length} cores (nproc ${availableParallelism()}), Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`,
);
try {
  for (const target of TARGETS.filter((t) => wanted.includes(t.id))) {
    if (target.id.startsWith("app-") && !DATABASE_URL) {
      rows.push({
        id: target.id,
        label: target.label,
        rate: null,
        p99: null,
        failedAt: null,
        note: "skipped: DATABASE_URL not set",
      });
      console.log(`\n${target.label}: skipped (DATABASE_URL not set)`);
      continue;
    }
    console.log(`\n${target.label}`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}${target.kind === "teams" ? "/api/messages" : "/slack/events"}`;
    const child = await target.start(port);
    try {
      await waitUntilServing(child, `http://127.0.0.1:${port}/`);
      // Warm-up, not measured: the first requests compile the hot paths.
      if (WARMUP_SECONDS > 0) await load(url, START_RATE, WARMUP_SECONDS);
      // CPU time per request (the server's processes, at a low rate): what a request costs, whatever else the
      // machine is doing, unlike latency.
      const cpuBefore = await cpuMsOfTree(child.pid!);
      const mainBefore = await cpuMsOfMainThread(child.pid!);
      const cpuRun = await load(url, CPU_RATE, CPU_REQUESTS / CPU_RATE);
      const cpuMsPerRequest = Number(((await cpuMsOfTree(child.pid!)) - cpuBefore) / cpuRun.requests).toFixed(3);
      // The main thread's share: its event loop bounds one process's rate (with WORKERS=2, the primary's).
      const mainMsPerRequest = Number(((await cpuMsOfMainThread(child.pid!)) - mainBefore) / cpuRun.requests).toFixed(
        3,
      );
      console.log(
        `  CPU per request: ${cpuMsPerRequest} ms, of it the main thread ${mainMsPerRequest} ms` +
          ` (${cpuRun.requests} requests at ${CPU_RATE}/s, p50 ${cpuRun.p50} ms` +
          `${cpuRun.errors + cpuRun.timeouts + cpuRun.non2xx ? `, errors ${cpuRun.errors}, timeouts ${cpuRun.timeouts}, non-2xx ${cpuRun.non2xx}` : ""})`,
      );
      // BENCH_STEPUP=0: only the CPU cost (quick, and meaningful on a busy machine).
      const { held, failed } =
        process.env.BENCH_STEPUP === "0" ? { held: null, failed: null } : await stepUp(url, (s) => console.log(s));
      rows.push({
        ...(process.env.BENCH_STEPUP === "0" ? { note: "not stepped (BENCH_STEPUP=0)" } : {}),
        id: target.id,
        label: target.label,
        rate: held?.rate ?? null,
        p99: held?.result.p99 ?? null,
        failedAt: failed?.rate ?? null,
        cpuMsPerRequest: Number(cpuMsPerRequest),
        mainThreadCpuMsPerRequest: Number(mainMsPerRequest),
      });
    } finally {
      await stopChild(child);
    }
  }
} finally {
  await fakeSlack.close();
  await pgHolder.schema?.drop().catch(() => undefined);
  await rm(workDir, { recursive: true, force: true });
}

const rateOf = (id: string) => rows.find((r) => r.id === id)?.rate ?? null;
const app = rateOf("app");
const boltExpress = rateOf("bolt-express");
const boltHttp = rateOf("bolt-http");
const boltBest = Math.max(boltExpress ?? 0, boltHttp ?? 0) || null;
const ratio = (a: number | null, b: number | null) => (a !== null && b ? Number((a / b).toFixed(2)) : null);

console.log(
  `\n| target | highest rate that held (p99 ≤ ${P99_TARGET_MS} ms) | p99 there | first rate that failed | CPU per request | of it main thread |`,
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  const held = r.note ?? (r.rate === null ? `none (failed down to ${MIN_RATE}/s)` : `${r.rate}/s`);
  const failedAt = r.failedAt ? `${r.failedAt}/s` : r.note ? "" : `none up to ${MAX_RATE}/s`;
  console.log(
    `| ${r.label} | ${held} | ${r.p99 !== null ? `${r.p99} ms` : ""} | ${failedAt} | ${r.cpuMsPerRequest !== undefined ? `${r.cpuMsPerRequest} ms` : ""} | ${r.mainThreadCpuMsPerRequest !== undefined ? `${r.mainThreadCpuMsPerRequest} ms` : ""} |`,
  );
}
const cpuOf = (id: string) => rows.find((r) => r.id === id)?.cpuMsPerRequest ?? null;
const summary = {
  date: new Date().toISOString(),
  cores: cpus().length,
  node: process.version,
  stepSeconds: STEP_SECONDS,
  p99TargetMs: P99_TARGET_MS,
  logLevel: LOG_LEVEL,
  rows,
  ratio_app_to_bolt_express: ratio(app, boltExpress),
  ratio_app_to_bolt_best: ratio(app, boltBest),
  ratio_workers2_to_app: ratio(rateOf("app-workers2"), app),
  // Capacity by CPU cost: minimal Bolt's CPU per request / ours (1.0 = as cheap as the framework alone).
  cpu_ratio_app_to_bolt_express: ratio(cpuOf("bolt-express"), cpuOf("app")),
  cpu_ratio_app_to_bolt_http: ratio(cpuOf("bolt-http"), cpuOf("app")),
  ratio_teams_app_to_minimal: ratio(rateOf("teams-app"), rateOf("teams-minimal")),
  cpu_ratio_teams_app_to_minimal: ratio(cpuOf("teams-minimal"), cpuOf("teams-app")),
};
console.log(
  `\nour app / minimal Bolt, highest rate held: ${summary.ratio_app_to_bolt_express ?? "n/a"} (ExpressReceiver), ${summary.ratio_app_to_bolt_best ?? "n/a"} (the faster receiver); target ≥ 0.8`,
);
console.log(
  `our app / minimal Bolt, by CPU per request (Bolt's cost / ours): ${summary.cpu_ratio_app_to_bolt_express ?? "n/a"} (Express), ${summary.cpu_ratio_app_to_bolt_http ?? "n/a"} (HTTPReceiver)`,
);
if (summary.cpu_ratio_teams_app_to_minimal !== null || summary.ratio_teams_app_to_minimal !== null)
  console.log(
    `Teams: our app / minimal botbuilder, highest rate held: ${summary.ratio_teams_app_to_minimal ?? "n/a"}; by CPU per request: ${summary.cpu_ratio_teams_app_to_minimal ?? "n/a"}`,
  );
console.log(JSON.stringify(summary));
