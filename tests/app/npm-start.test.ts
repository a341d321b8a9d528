// `npm start` as an operator or a process manager runs it: a first start in a new DATA_DIR stays small in memory;
// SIGTERM on the npm process must stop the server, not leave it listening as an orphan (npm signals its shell, so
// the script execs node); Ctrl-C, which reaches both npm and the server, must still shut down cleanly rather than
// count as a second, hard signal.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLITE_SUBDIR } from "../../src/store/index.ts";
import { FIXTURE_KNOWLEDGE, tempDataDir, testEnv } from "../http/helpers.ts";
import { groupTitle } from "../support/skip.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The target for the server's resident memory. Measured after a first start with the fixture base:
 * ~210-240 MB on Node 20 and ~315 MB on Node 24 (340-350 MB without PGLITE_NODE_FLAGS, 700 MB on Node 24 right after
 * listening); ~800-900 MB before PGlite's initialisation (~800 MB) moved to a child process.
 */
const MAX_RSS_MB = 350;

let data: Awaited<ReturnType<typeof tempDataDir>>;
/** A DATA_DIR with nothing in it, as on a new server: the first start initialises the database (no template). */
let emptyDir: string;
const started: { npm: ChildProcess; url: string; serverPid: number }[] = [];

beforeAll(async () => {
  data = await tempDataDir();
  emptyDir = await mkdtemp(join(tmpdir(), "raadswijzer-first-start-"));
});
afterAll(async () => {
  // Whatever happened, leave no npm and no server behind.
  for (const { npm, url, serverPid } of started) {
    if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
    if (await listening(url)) process.kill(serverPid, "SIGKILL");
  }
  await data?.remove();
  if (emptyDir) await rm(emptyDir, { recursive: true, force: true });
});

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

async function listening(target: string): Promise<boolean> {
  try {
    await fetch(`${target}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

interface NpmStart {
  npm: ChildProcess;
  url: string;
  serverPid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` in its own process group (like a terminal's foreground job); resolves once the server listens. */
async function npmStart(env: NodeJS.ProcessEnv = testEnv(data.dir, { LOG_LEVEL: "info" })): Promise<NpmStart> {
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "server listening" in time:\n${out}`)), START_TIMEOUT);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = /^.*"msg":"server listening".*$/m.exec(out)?.[0];
      if (!line) return;
      clearTimeout(timer);
      const entry = JSON.parse(line) as { url: string; pid: number };
      started.push({ npm, url: entry.url, serverPid: entry.pid });
      resolve(entry.url);
    };
    npm.stdout.on("data", onData);
    npm.stderr.on("data", onData);
    void exited.then(() => reject(new Error(`npm start exited before listening:\n${out}`)));
  });
  expect(await listening(url)).toBe(true);
  return { npm, url, serverPid: started.at(-1)!.serverPid, output: () => out, exited };
}

let first: Promise<NpmStart> | undefined;
/**
 * The first start in the empty DATA_DIR, as in production (PGlite initialised in a child process): started by the
 * first test that needs it and shared by the memory and the SIGTERM tests (a start costs seconds of CPU).
 */
function firstStart(): Promise<NpmStart> {
  first ??= npmStart({
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "info",
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
    DATA_DIR: emptyDir,
    STORE_HASH_KEY: "memory-test-key-0123456789abcdef",
    MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
    MicrosoftAppPassword: "unused",
  });
  return first;
}

describe("npm start", () => {
  it.runIf(process.platform === "linux")(
    groupTitle(
      `a first start in a new DATA_DIR leaves the server below ${MAX_RSS_MB} MB RSS`,
      process.platform === "linux" ? undefined : "reads the RSS from /proc, which only Linux has",
    ),
    async () => {
      const run = await firstStart();
      // It initialised a new database in the empty folder.
      expect(await readdir(join(emptyDir, PGLITE_SUBDIR))).toContain("PG_VERSION");
      // Steady state, not the instant of listening: the collector may need a few idle seconds (Node 24's V8 keeps
      // more start-up garbage around than Node 20 until it runs), so the RSS must fall below the limit within 8 s.
      let rss = await rssMb(run.serverPid);
      for (const since = Date.now(); rss >= MAX_RSS_MB && Date.now() - since < 8_000;) {
        await sleep(250);
        rss = await rssMb(run.serverPid);
      }
      expect(rss).toBeLessThan(MAX_RSS_MB);
      // The allocator setting from the start script reached the server process.
      const environ = (await readFile(`/proc/${run.serverPid}/environ`, "utf8")).split("\0");
      expect(environ).toContain("MALLOC_ARENA_MAX=2");
    },
    2 * START_TIMEOUT,
  );

  it(
    "stops the server when the npm process gets SIGTERM",
    async () => {
      const run = await firstStart();
      run.npm.kill("SIGTERM");
      expect((await run.exited).code).toBe(0);
      // The server process itself got the signal: it logged its clean shutdown and no longer listens.
      expect(run.output()).toContain('"msg":"server stopped"');
      await sleep(200);
      expect(await listening(run.url)).toBe(false);
    },
    2 * START_TIMEOUT,
  );

  it(
    "shuts down cleanly on Ctrl-C (SIGINT to the whole process group, forwarded once more by npm)",
    async () => {
      const run = await npmStart();
      const { serverPid } = run;
      process.kill(-run.npm.pid!, "SIGINT");
      // npm's forwarded copy may arrive a little later than the terminal's (here: for certain).
      await sleep(100);
      try {
        process.kill(serverPid, "SIGINT");
      } catch {
        // already gone (it would then have failed the checks below)
      }
      await run.exited;
      await sleep(200);
      expect(run.output()).toContain('"msg":"server stopped"');
      expect(run.output()).not.toContain("second signal");
      expect(await listening(run.url)).toBe(false);
    },
    2 * START_TIMEOUT,
  );
});
