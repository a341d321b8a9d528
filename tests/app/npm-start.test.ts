// `npm start` as an operator or a process manager runs it: SIGTERM on the npm process must stop the server, not
// leave it listening as an orphan (npm signals its shell, so the script execs node); Ctrl-C, which reaches both npm
// and the server, must still shut down cleanly rather than count as a second, hard signal.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir, testEnv } from "../http/helpers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let data: Awaited<ReturnType<typeof tempDataDir>>;
const started: { npm: ChildProcess; url: string; serverPid: number }[] = [];

beforeAll(async () => {
  data = await tempDataDir();
});
afterAll(async () => {
  // Whatever happened, leave no npm and no server behind.
  for (const { npm, url, serverPid } of started) {
    if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
    if (await listening(url)) process.kill(serverPid, "SIGKILL");
  }
  await data?.remove();
});

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
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` in its own process group (like a terminal's foreground job); resolves once the server listens. */
async function npmStart(): Promise<NpmStart> {
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...testEnv(data.dir, { LOG_LEVEL: "info" }) },
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
  return { npm, url, output: () => out, exited };
}

describe("npm start", () => {
  it(
    "stops the server when the npm process gets SIGTERM",
    async () => {
      const run = await npmStart();
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
      const { serverPid } = started.at(-1)!;
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
