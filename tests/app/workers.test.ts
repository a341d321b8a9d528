// WORKERS=N: N server processes (node:cluster) share the port, on PostgreSQL; refused on PGlite with a clear
// message. The process test runs against the PostgreSQL that DATABASE_URL points at (CI starts one).
import { type ChildProcess, spawn } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, workerCount } from "../../src/config.ts";
import { ConfigError } from "../../src/errors.ts";
import { FIXTURE_KNOWLEDGE, tempDataDir, testEnv } from "../http/helpers.ts";
import { type Backend, postgresBackend } from "../store/backends.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL;
const START_TIMEOUT = 180_000;
const HASH_KEY = "test-hash-key-0123456789abcdef";

interface Line {
  msg?: string;
  pid?: number;
  reqId?: string;
  port?: number;
  [key: string]: unknown;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  lines: () => Line[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];

function startMain(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, nodeArgs("app/main.ts"), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{") && l.endsWith("}"))
      .map((l) => JSON.parse(l) as Line);
  return { child, output: () => out, lines, exited };
}

async function waitFor<T>(
  what: string,
  get: () => T | undefined,
  started: Started,
  timeoutMs = START_TIMEOUT,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let exited = false;
  void started.exited.then(() => (exited = true));
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (exited) throw new Error(`exited while waiting for ${what}:\n${started.output()}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

describe("WORKERS configuration", () => {
  it("defaults to 1 and accepts a number or auto (one per core)", () => {
    expect(workerCount(loadConfig({}))).toBe(1);
    const pg = { DATABASE_URL: "postgres://u:p@127.0.0.1/db", STORE_HASH_KEY: HASH_KEY };
    expect(workerCount(loadConfig({ ...pg, WORKERS: "3" }))).toBe(3);
    expect(workerCount(loadConfig({ ...pg, WORKERS: "auto" }))).toBe(availableParallelism());
    for (const bad of ["0", "-1", "two", "1.5"])
      expect(() => loadConfig({ ...pg, WORKERS: bad }), bad).toThrow(/WORKERS/);
    expect(loadConfig({}).WORKER_STARTUP_SECONDS).toBe(10);
    for (const bad of ["0", "x", "601"])
      expect(() => loadConfig({ WORKER_STARTUP_SECONDS: bad }), bad).toThrow(/WORKER_STARTUP_SECONDS/);
  });

  it("refuses more than one worker on PGlite, naming the variable and the way out", () => {
    expect(() => loadConfig({ WORKERS: "2" })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKERS: "2" })).toThrow(
      /WORKERS=2 .*needs PostgreSQL \(DATABASE_URL\).*PGlite.*WORKERS=1/,
    );
  });

  it("app/main.ts with WORKERS=2 on PGlite exits 1 with that message and starts nothing", async () => {
    const data = await tempDataDir();
    try {
      const run = startMain(testEnv(data.dir, { WORKERS: "2" }));
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.output()).toContain("cannot start");
      expect(run.output()).toMatch(/WORKERS=2 .*needs PostgreSQL/);
      expect(run.output()).not.toContain("starting workers");
    } finally {
      await data.remove();
    }
  }, 60_000);
});

// One cluster for the group (three processes and a replacement instead of three clusters: each start of a process
// costs seconds of CPU). The tests run in order on it: answering, a SIGHUP reload, a worker's death and a SIGTERM.
describe.skipIf(!DATABASE_URL)(groupTitle("WORKERS=2 on PostgreSQL (DATABASE_URL)", postgresMissing), () => {
  let backend: Backend;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let run: Started;
  let url: string;
  let knowledgeFile: string;
  /** The two workers' pids from the supervisor's "workers listening" line. */
  let workerPids: Set<number>;

  beforeAll(async () => {
    backend = await postgresBackend(DATABASE_URL!);
    data = await tempDataDir();
    const dir = join(data.dir, "knowledge");
    await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    knowledgeFile = join(dir, "onderwerpen/zienswijze-begroting.md");
    run = startMain(
      testEnv(data.dir, {
        WORKERS: "2",
        DATABASE_URL: backend.url!,
        STORE_HASH_KEY: HASH_KEY,
        LOG_LEVEL: "debug",
        PREVIEW: "1",
        KNOWLEDGE_DIR: dir,
        KNOWLEDGE_WATCH: "0",
        // Past this window a worker's death is a crash to recover from, not a failed start (the third test).
        WORKER_STARTUP_SECONDS: "1",
      }),
    );
    const ready = await waitFor("workers listening", () => run.lines().find((l) => l.msg === "workers listening"), run);
    url = `http://127.0.0.1:${ready.port}`;
    workerPids = new Set(ready.pids as number[]);
  }, START_TIMEOUT);
  afterAll(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
    await backend?.dispose();
    await data?.remove();
  });

  it(
    "serves one port from two processes, each answering",
    async () => {
      // The supervisor's line can reach the pipe before a worker's own "server listening" line: wait for both.
      const listening = await waitFor(
        "both workers' listening lines",
        () => {
          const pids = new Set(
            run
              .lines()
              .filter((l) => l.msg === "server listening")
              .map((l) => l.pid),
          );
          return pids.size === 2 ? pids : undefined;
        },
        run,
        10_000,
      );
      expect(listening).toEqual(workerPids);
      expect(workerPids.has(run.child.pid!)).toBe(false);

      // New connections are spread over the workers; each request's access line says which process served it.
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${url}/readyz`, { headers: { "x-request-id": `w-${i}`, connection: "close" } });
        expect(res.status).toBe(200);
        // Each worker has its own engine: ask one question through the preview API.
        const ask = await fetch(`${url}/preview/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": `a-${i}`, connection: "close" },
          body: JSON.stringify({ q: "zienswijze begroting" }),
        });
        expect(ask.status).toBe(200);
      }
      const servedBy = await waitFor(
        "access lines",
        () => {
          const lines = run.lines().filter((l) => l.msg === "request" && /^[wa]-/.test(l.reqId ?? ""));
          return lines.length === 24 ? new Set(lines.map((l) => l.pid)) : undefined;
        },
        run,
        10_000,
      );
      expect(servedBy).toEqual(workerPids);
    },
    START_TIMEOUT,
  );

  it(
    "forwards SIGHUP to every worker: each reloads its knowledge base and the supervisor keeps running",
    async () => {
      await writeFile(
        knowledgeFile,
        (await readFile(knowledgeFile, "utf8")).replace("De raad geeft", "Na SIGHUP geeft de raad"),
      );
      run.child.kill("SIGHUP");
      const reloaded = await waitFor(
        "a reload in both workers",
        () => {
          const pids = new Set(
            run
              .lines()
              .filter((l) => l.msg === "knowledge base reloaded" && l.reason === "SIGHUP" && l.changed === true)
              .map((l) => l.pid),
          );
          return pids.size === 2 ? pids : undefined;
        },
        run,
        30_000,
      );
      expect(reloaded).toEqual(workerPids);
      expect(run.child.exitCode).toBeNull();
      const res = await fetch(`${url}/healthz`, { headers: { connection: "close" } });
      expect(res.status).toBe(200);
    },
    START_TIMEOUT,
  );

  it(
    "replaces a worker that dies while serving; the other keeps answering; SIGTERM then stops them all cleanly",
    async () => {
      const [victim, survivor] = [...workerPids];
      process.kill(victim!, "SIGKILL");
      // Once the supervisor has seen the death (milliseconds), new connections go to the survivor only. (A
      // connection handed to a worker in the instant it dies is lost: the load balancer in front retries it.)
      await waitFor(
        "the death noticed",
        () => run.lines().find((l) => l.msg === "a worker died; starting a new one"),
        run,
        10_000,
      );
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${url}/healthz`, {
          headers: { connection: "close" },
          signal: AbortSignal.timeout(5_000),
        });
        expect(res.status).toBe(200);
      }
      const replacement = await waitFor(
        "a new worker",
        () => run.lines().find((l) => l.msg === "server listening" && l.pid !== victim && l.pid !== survivor),
        run,
      );
      expect(run.lines().some((l) => l.msg === "a worker died; starting a new one" && l.pid === victim)).toBe(true);
      expect(replacement.pid).toBeGreaterThan(0);

      run.child.kill("SIGTERM");
      expect((await run.exited).code).toBe(0);
      const stopped = run
        .lines()
        .filter((l) => l.msg === "server stopped")
        .map((l) => l.pid);
      expect(new Set(stopped)).toEqual(new Set([survivor, replacement.pid]));
      expect(run.lines().some((l) => l.msg === "all workers stopped" && l.failed === false)).toBe(true);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    },
    START_TIMEOUT,
  );
});
