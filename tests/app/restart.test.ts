// The real process (app/main.ts): acknowledged feedback survives SIGKILL; SIGTERM shuts down cleanly with exit 0.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createStore } from "../../src/store/index.ts";
import { FIXTURE_TOPIC, tempDataDir, testEnv } from "../http/helpers.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// PGlite's first start in a new DATA_DIR takes several seconds (longer when test files run in parallel).
const START_TIMEOUT = 120_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts app/main.ts and resolves once it logs "server listening" with its URL. */
function startProcess(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, nodeArgs("app/main.ts"), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`app did not start in time:\n${out}`));
    }, START_TIMEOUT);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      for (const line of out.split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === "server listening" && entry.url) {
            clearTimeout(timer);
            resolve({ child, url: entry.url, output: () => out, exit });
            return;
          }
        } catch {
          // a partial line; wait for more
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`app exited (${code}) before listening:\n${out}`));
    });
  });
}

interface Stopped {
  /** The status /healthz answered just before the SIGTERM. */
  health: number;
  code: number | null;
  output: string;
}

describe("app/main.ts as a process", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  const children: ChildProcess[] = [];
  const env = () => testEnv(data.dir, { LOG_LEVEL: "info" });
  /** The process the first test restarted; the SIGTERM test stops that one rather than start a third (seconds of CPU). */
  let restarted: Running | undefined;
  const stops = new Map<Running, Promise<Stopped>>();

  /** Asks /healthz, then sends SIGTERM and waits for the exit; once per process, whichever test asks first. */
  function stop(app: Running): Promise<Stopped> {
    let stopped = stops.get(app);
    if (!stopped) {
      stopped = (async () => {
        const health = (await fetch(`${app.url}/healthz`)).status;
        app.child.kill("SIGTERM");
        const { code } = await app.exit;
        return { health, code, output: app.output() };
      })();
      stops.set(app, stopped);
    }
    return stopped;
  }

  beforeAll(async () => {
    data = await tempDataDir();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await data.remove();
  });

  it(
    "keeps acknowledged feedback after SIGKILL and a restart on the same DATA_DIR",
    async () => {
      const first = await startProcess(env());
      children.push(first.child);
      const res = await fetch(`${first.url}/preview/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ entryId: FIXTURE_TOPIC, helpful: false, comment: "na kill -9" }),
      });
      expect(res.status).toBe(201);
      // Acknowledged: kill at once, no chance to flush or close anything.
      first.child.kill("SIGKILL");
      expect(await first.exit).toMatchObject({ signal: "SIGKILL" });

      const second = await startProcess(env());
      children.push(second.child);
      restarted = second;
      const ready = await fetch(`${second.url}/readyz`);
      expect(ready.status).toBe(200);
      expect((await stop(second)).code).toBe(0);

      // The process is gone: open the same store and look for the feedback.
      const store = await createStore(loadConfig(env()), pino({ level: "silent" }));
      try {
        const rows = await store.listFeedback();
        expect(rows).toContainEqual(
          expect.objectContaining({
            entryId: FIXTURE_TOPIC,
            helpful: false,
            comment: "na kill -9",
            platform: "preview",
          }),
        );
      } finally {
        await store.close();
      }
    },
    3 * START_TIMEOUT,
  );

  it(
    "exits 0 on SIGTERM after finishing, and logs the shutdown",
    async () => {
      let app = restarted;
      if (!app) {
        // Run alone (-t): a process of its own.
        app = await startProcess(env());
        children.push(app.child);
      }
      const { health, code, output } = await stop(app);
      expect(health).toBe(200);
      expect(code).toBe(0);
      expect(output).toContain('"msg":"server stopped"');
    },
    2 * START_TIMEOUT,
  );

  it(
    "exits 1 with a clear message on invalid configuration",
    async () => {
      const child = spawn(process.execPath, nodeArgs("app/main.ts"), {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env(), PORT: "not-a-port" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
      const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      expect(code).toBe(1);
      expect(err).toContain("PORT");
      expect(err).toContain(".env.example");
    },
    START_TIMEOUT,
  );
});
