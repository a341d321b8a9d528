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
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
});
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
  const proc = spawn(command, args, { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  child = proc;
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`no match for ${until} in time:\n${out}`));
    }, START_TIMEOUT);
    let stopping = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (!stopping && until.test(out)) {
        stopping = true;
        proc.kill("SIGTERM");
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
      const cmd = [process.execPath, ...nodeArgs("app/main.ts")].map((a) => `'${a}'`).join(" ");
      const out = await runUntil("script", ["-qefc", cmd, "/dev/null"], /server listening/);
      expect(out).toContain(ESC);
      expect(out).not.toMatch(/^\{"level"/m);
    },
    START_TIMEOUT,
  );
});
