// kb:check warns (exit 0) about entries not checked for STALE_MONTHS and names file:line of their `updated` field.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run as runKbCheck } from "../../src/cli/kb-check-run.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { staleEntries, staleWarnings } from "../../src/cli/stale-warnings.ts";
import { runCli } from "../support/cli.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = "tests/learn/fixtures/kb";

describe("stale warnings", () => {
  it("lists entries older than STALE_MONTHS, oldest first", async () => {
    const kb = await loadKnowledgeBase(`${ROOT}${FIXTURE}`);
    const now = new Date("2026-12-02T10:00:00Z");
    expect(staleEntries(kb, now, 12).map((e) => e.id)).toEqual(["centrumgemeente"]);
    expect(staleEntries(kb, now, 36).map((e) => e.id)).toEqual([]);
    expect(staleWarnings(kb, now, { STALE_MONTHS: "36" })).toEqual([]);
    expect(staleWarnings(kb, now, { STALE_MONTHS: "nul" })[0]).toMatch(/STALE_MONTHS="nul"/);
  });

  it("kb:check prints them as warnings and still exits 0", async () => {
    // kb:check's run() in this worker, from the repository root (tests/knowledge/kb-check.test.ts starts the process).
    const { code, stdout, stderr } = await runCli(runKbCheck, [FIXTURE], { env: { STALE_MONTHS: "12" } });
    expect(code).toBe(0);
    expect(stdout).toContain("2 entries OK");
    expect(stderr).toContain("warning: 1 entry was not checked for more than 12 months");
    expect(stderr).toContain(
      `${FIXTURE}/onderwerpen/centrumgemeente.md:16: updated: 2024-01-10 is older than 12 months (warning)`,
    );
  });
});
