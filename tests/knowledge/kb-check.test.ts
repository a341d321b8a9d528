// npm run kb:check end to end: the editors' rules apply there, every problem is one "file:line: field: message" line.
// The checks run the CLI's run() in this worker; the last test starts it as a process.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run as runKbCheck } from "../../src/cli/kb-check-run.ts";
import { runCli } from "../support/cli.ts";
import { nodeArgs } from "../support/entry-points.ts";

const root = join(import.meta.dirname, "../..");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kb-check-"));
  await cp(join(root, "tests/fixtures/kb-small"), dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function kbCheck(): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(runKbCheck, [dir]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe("npm run kb:check", () => {
  it("fails on the editors' rules the bot itself does not enforce, one line per problem", async () => {
    const file = join(dir, "onderwerpen/centrumgemeente.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("url: https://wetten.overheid.nl/BWBR0003740", "url: https://vng.nl/").replace("Eén gemeente", "Dit hebben wij niet kunnen vaststellen. Eén gemeente"));
    const r = await kbCheck();
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines.at(-1)).toMatch(/: \d+ problem\(s\)$/);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^[^:]+\.md:\d+: [\w.[\]]+: .+/);
    expect(r.err).toMatch(/centrumgemeente\.md:\d+: questions: has 3; needs at least 6/);
    expect(r.err).toMatch(/centrumgemeente\.md:13: sources\[0\]\.url: is a homepage/);
    expect(r.err).toMatch(/centrumgemeente\.md:15: body: "niet kunnen vaststellen" reads as a note to editors/);
  }, 30_000);

  it("reports an unknown or duplicate featured id in uitgelicht.yml as file:line: field: message", async () => {
    await writeFile(join(dir, "uitgelicht.yml"), "onderwerpen:\n  - centrumgemeente\n  - bestaat-niet\n  - centrumgemeente\n");
    const r = await kbCheck();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/uitgelicht\.yml:3: onderwerpen\[1\]: no entry has id "bestaat-niet"/);
    expect(r.err).toMatch(/uitgelicht\.yml:4: onderwerpen\[2\]: "centrumgemeente" is already listed \(line 2\)/);
  }, 30_000);
});

describe("a CLI whose reader goes away (npm run kb:check | head -1)", () => {
  it("ends quietly with its exit code instead of an EPIPE stack trace", async () => {
    const child = spawn(process.execPath, [...nodeArgs("src/cli/kb-check.ts"), join(root, "knowledge")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Close the read end before anything is written: every write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
});
