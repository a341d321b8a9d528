// stdout log lines are written asynchronously, in chunks (src/log.ts): none may be lost when the process ends,
// whether it exits, crashes on an uncaught exception, or just logs and waits.
import { spawnSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LOG = new URL("../../src/log.ts", import.meta.url).href;

const run = (body: string) =>
  spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", `import { createLogger } from "${LOG}"; ${body}`],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );

/** A process that runs `body` with createLogger imported and then keeps running; its stdout is a pipe. */
const spawnLogging = (body: string) =>
  spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `import { createLogger } from "${LOG}"; ${body} setInterval(() => undefined, 1000);`,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );

const messages = (stdout: string): string[] =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { msg: string }).msg);

describe("buffered stdout logs", () => {
  it("are all written when the process exits", () => {
    const r = run(
      `const l = createLogger({ isTTY: false }); for (let i = 0; i < 3; i++) l.info("line " + i); process.exit(3);`,
    );
    expect(r.status).toBe(3);
    expect(messages(r.stdout)).toEqual(["line 0", "line 1", "line 2"]);
  });

  it("are all written when the process crashes on an uncaught exception", () => {
    const r = run(
      `const l = createLogger({ isTTY: false }); l.info("first"); setTimeout(() => { l.error("last"); throw new Error("boom"); }, 20);`,
    );
    expect(r.status).not.toBe(0);
    expect(messages(r.stdout)).toEqual(["first", "last"]);
  });

  it("reach a pipe within a fraction of a second while the process keeps running", async () => {
    const child = spawnLogging(`createLogger({ isTTY: false }).info("ready");`);
    try {
      const line = await new Promise<string>((resolve) =>
        child.stdout.once("data", (c: Buffer) => resolve(c.toString())),
      );
      expect(messages(line)).toEqual(["ready"]);
    } finally {
      child.kill("SIGKILL");
    }
  });

  // The flush timer used to find a write still in progress (a slow reader, a full pipe), do nothing, and forget the
  // lines behind it: they stayed in the buffer until the next line was logged, so 'server listening' could wait
  // forever (a CI run on a loaded machine timed out on exactly that).
  it("reach a slow reader too: lines logged while an earlier write waits are written once it completes", async () => {
    const child = spawnLogging(
      `const l = createLogger({ isTTY: false }); l.info({ fill: "x".repeat(4_000_000) }, "fill");` +
        ` setTimeout(() => l.info("last"), 300);`,
    );
    try {
      // Not reading yet: the pipe fills and the child's write waits, across several of its flush timer's ticks.
      child.stdout.pause();
      await new Promise((r) => setTimeout(r, 1500));
      let out = "";
      // Generous: the child starts, fills the pipe and logs "last" on its own clock, which a loaded machine (CI with
      // other jobs) slows by seconds; a lost line never arrives, however long the wait.
      const last = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 20_000);
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          if (out.includes('"msg":"last"')) {
            clearTimeout(timer);
            resolve(true);
          }
        });
        child.stdout.resume();
      });
      expect(await last).toBe(true);
      expect(messages(out).filter((m) => m === "fill")).toHaveLength(1);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
