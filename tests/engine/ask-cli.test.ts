// npm run ask: flags parsed with node:util parseArgs; --explain prints why.
// The first test starts the CLI as a process (src/cli/ask.ts); the others run its run() in this worker.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run as runAsk } from "../../src/cli/ask-run.ts";
import { runCli } from "../support/cli.ts";
import { nodeArgs } from "../support/entry-points.ts";

const execFileAsync = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const spawned = (...args: string[]) =>
  execFileAsync(process.execPath, [...nodeArgs("src/cli/ask.ts"), ...args], { cwd: root, encoding: "utf8" });
const ask = (...args: string[]) => runCli(runAsk, args);

describe("npm run ask", () => {
  it("--explain prints focus, candidates, confidence and band", async () => {
    // As a process: the entry file, its exit code 0 (execFile rejects otherwise) and its stdout.
    const { stdout } = await spawned(
      "--explain",
      "Ik ben griffier. Hoe lang heeft de raad voor een zienswijze op de begroting?",
    );
    expect(stdout).toMatch(/^focus: .*griffier ×/m);
    expect(stdout).toMatch(/^kandidaten:\n {2}1\. \S+/m);
    expect(stdout).toMatch(/zekerheid [\d.]+ .* band (answer|ambiguous|unknown), status \w+/);
  }, 60_000);

  it("--explain --json gives the explanation as JSON", async () => {
    const { code, stdout } = await ask("--explain", "--json", "checklist uittreden");
    expect(code).toBe(0);
    const x = JSON.parse(stdout) as { wantsChecklist: boolean; candidates: { id: string }[] };
    expect(x.wantsChecklist).toBe(true);
    expect(x.candidates[0]!.id).toBe("checklist-uittreden");
  }, 60_000);

  it("an unknown flag exits 2 with the Dutch usage", async () => {
    const err = await ask("--nope", "vraag");
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("Gebruik: npm run ask");
  }, 60_000);
});

describe("formatReplyText", () => {
  it("shows the middle band and the engine's message", async () => {
    const { formatReplyText } = await import("../../src/cli/format-text.ts");
    const answer = {
      id: "x",
      kind: "topic" as const,
      title: "Uittreden",
      summary: "Zo.",
      text: "",
      links: [],
      related: [],
    };
    const ambiguous = formatReplyText({
      status: "ambiguous",
      confidence: 0.6,
      answer,
      alternatives: [{ id: "y", title: "Checklist uittreden", score: 0.9 }],
    });
    expect(ambiguous.startsWith("Ik denk dat u dit bedoelt:")).toBe(true);
    expect(ambiguous).toContain("Of bedoelde u…\n  - Checklist uittreden");
    const local = formatReplyText({
      status: "unknown",
      confidence: 0,
      answer: null,
      alternatives: [],
      message: "Geen lokale cijfers.",
    });
    expect(local).toContain("Geen lokale cijfers.");
  });
});
