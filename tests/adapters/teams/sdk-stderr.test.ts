// Issue 9 item 4: when a Bot Framework token is rejected, the detail goes to the structured log once and nothing
// reaches stderr. botframework-connector prints a line for a forged signature and a whole stack for a validly
// signed expired token (console.error in JwtTokenExtractor); the real stderr of a child process shows whether
// anything gets through.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeArgs } from "../../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

describe("rejected Teams tokens", () => {
  it("a forged, an expired and an unknown-key token: 401 each, one log line each, nothing on stderr", async () => {
    const child = spawn(process.execPath, nodeArgs("tests/adapters/teams/fixtures/reject-tokens.ts"), {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
      statuses: number[];
      logs: { msg: string; err?: { message?: string }; sdk?: string[] }[];
      sent: number;
    };
    expect(result.statuses).toEqual([401, 401, 401]);
    expect(result.sent).toBe(0);
    const lines = result.logs.filter((l) => l.msg === "teams request not authenticated");
    expect(lines).toHaveLength(3);
    // The detail is in the log line: the SDK's reason, and what it would have printed, without keys or stacks.
    expect(lines[0]!.err?.message).toMatch(/signature/);
    expect(lines[1]!.err?.message).toMatch(/expired/);
    expect(JSON.stringify(lines[1]!.sdk)).toMatch(/TokenExpiredError/);
    expect(JSON.stringify(result.logs)).not.toMatch(/BEGIN PUBLIC KEY|\n\s+at /);
  }, 120_000);
});
