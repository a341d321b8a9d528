// The real process in development: JSON lines when stdout is a pipe (log files never get colour codes), pretty
// coloured output when it is a terminal (a pseudo-terminal from util-linux `script`).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_KNOWLEDGE, tempDataDir } from "../http/helpers.ts";
import { groupTitle } from "../support/skip.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT = 120_000;
/** Before vitest's own timeout, so a server that never gets there fails with what it printed. */
const NO_MATCH_AFTER = 100_000;
const ESC = "\u001b[";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let data: Awaited<ReturnType<typeof tempDataDir>>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  data = await tempDataDir();
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGKILL");
  child = undefined;
  innerPid = undefined;
});

/** Polls until no process has this pid (kill(pid, 0) fails), or the time is up. */
async function exitedWithin(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

/** The pid a command run under `script` prints first (`echo child-pid:$$; exec …`), once seen in its output. */
let innerPid: number | undefined;

/**
 * Signals the child's process group (it is spawned detached, so it leads one) and the program `script` runs: that
 * one sits in a session of its own on the pseudo-terminal and ignores the hang-up (SIGHUP reloads the knowledge
 * base), so signalling only `script` left the server running after the test.
 */
function signalGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  for (const target of [innerPid, -proc.pid!]) {
    if (target === undefined) continue;
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
}
afterAll(async () => {
  await data?.remove();
});

const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "development",
  HOST: "127.0.0.1",
  PORT: "0",
  LOG_LEVEL: "info",
  PREVIEW: "0",
  KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
  DATA_DIR: data.dir,
});

/** Runs the command until its output contains `until`, then stops it with SIGTERM and returns all output. */
function runUntil(command: string, args: string[], until: RegExp): Promise<string> {
  const proc = spawn(command, args, { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  child = proc;
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup(proc, "SIGKILL");
      reject(new Error(`no match for ${until} in time:\n${out}`));
    }, NO_MATCH_AFTER);
    let stopping = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      innerPid ??= Number(/child-pid:(\d+)/.exec(out)?.[1]) || undefined;
      if (!stopping && until.test(out)) {
        stopping = true;
        // Under `script`, the server alone: `script` ends when its program does. Signalled together, `script` closed
        // the terminal under the server while it was shutting down, and the server took 2-4 s longer to exit.
        if (innerPid === undefined) signalGroup(proc, "SIGTERM");
        else process.kill(innerPid, "SIGTERM");
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.once("exit", () => {
      clearTimeout(timer);
      if (stopping) resolve(out);
      else reject(new Error(`exited before a match for ${until}:\n${out}`));
    });
  });
}

describe("log format of app/main.ts in development", () => {
  it(
    "writes JSON lines without colour codes when stdout is a pipe",
    async () => {
      const out = await runUntil(process.execPath, nodeArgs("app/main.ts"), /"msg":"server listening"/);
      expect(out).not.toContain(ESC);
      const lines = out.split("\n").filter((l) => l.trim() !== "");
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    },
    START_TIMEOUT,
  );

  it.skipIf(!hasScript)(
    groupTitle(
      "writes pretty, coloured lines on a terminal",
      hasScript ? undefined : "the `script` program (util-linux, runs it on a pseudo-terminal) is not installed",
    ),
    async () => {
      // `script` runs the app on a pseudo-terminal and copies what it shows to our pipe.
      const cmd = `echo child-pid:$$; exec ${[process.execPath, ...nodeArgs("app/main.ts")].map((a) => `'${a}'`).join(" ")}`;
      const out = await runUntil("script", ["-qefc", cmd, "/dev/null"], /server listening/);
      expect(out).toContain(ESC);
      expect(out).not.toMatch(/^\{"level"/m);
      // The server itself has stopped too, not only `script` (it used to be left running).
      const pid = innerPid!;
      expect(pid).toBeGreaterThan(0);
      expect(await exitedWithin(pid, 10_000)).toBe(true);
    },
    START_TIMEOUT,
  );
});
