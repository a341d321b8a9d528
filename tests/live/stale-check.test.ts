// kb:check warns (exit 0) about entries not checked for STALE_MONTHS and names file:line of their `updated` field.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { staleEntries, staleWarnings } from "../../src/cli/stale-warnings.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = "tests/learn/fixtures/kb";
const run = promisify(execFile);

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
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs("src/cli/kb-check.ts"), FIXTURE], {
      cwd: ROOT,
      env: { ...process.env, STALE_MONTHS: "12" },
    });
    expect(stdout).toContain("2 entries OK");
    expect(stderr).toContain("warning: 1 entry was not checked for more than 12 months");
    expect(stderr).toContain(
      `${FIXTURE}/onderwerpen/centrumgemeente.md:16: updated: 2024-01-10 is older than 12 months (warning)`,
    );
  });
});
