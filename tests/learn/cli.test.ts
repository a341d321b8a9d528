// npm run kb:learn, interactive (its run() in this worker, stdin piped as from a script): reads the seeded store,
// shows the groups and candidates, takes the editor's answers from stdin, writes the phrasing and the "not our
// topic" file, and releases the database. tests/learn/apply.test.ts starts kb:learn as a process.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/kb-learn-run.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import { createPgliteClient } from "../../src/store/pglite-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { type CliResult, runCli } from "../support/cli.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/kb", import.meta.url));
const KEY = "learn-test-key-0123456789";

function runLearn(env: NodeJS.ProcessEnv, input: string): Promise<CliResult> {
  // The seeded embedded store, also when the run has DATABASE_URL set (CI).
  return runCli(run, [], { env: { DATABASE_URL: "", ...env }, stdin: input });
}

describe("npm run kb:learn (interactive)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kb-learn-cli-"));
    await cp(FIXTURE, join(dir, "kb"), { recursive: true });
    await seedPgliteDataDir(dir);
    const client = await createPgliteClient(join(dir, "pglite"));
    await runMigrations(client);
    const store = new SqlStore(client, { hashKey: KEY, retentionDays: 180 });
    for (const q of ["Wie int de btw bij een GR?", "Wie int de btw bij een GR?", "Hoe laat is het?"]) {
      await store.recordUnanswered({ question: q, bestGuess: null, confidence: 0.2, platform: "teams" });
    }
    await store.close();
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("attaches the first group to the chosen candidate and marks the second not our topic", async () => {
    const env = {
      NODE_ENV: "test",
      DATA_DIR: dir,
      KNOWLEDGE_DIR: join(dir, "kb"),
      STORE_HASH_KEY: KEY,
      LOG_LEVEL: "silent",
    };
    const { code, stdout, stderr } = await runLearn(env, "1\nn\n");
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('[1/2] 2× "Wie int de btw bij een GR?"');
    // Piped answers are echoed after their prompt, so the output reads as the session it was.
    expect(stdout).toMatch(/\n> 1\nToegevoegd aan /);
    expect(stdout).toMatch(/\n> n\n {4}Gemarkeerd als 'niet ons onderwerp'\./);
    expect(stdout).toMatch(/1\) Btw bij een gemeenschappelijke regeling \[btw-gemeenschappelijke-regeling\]/);
    expect(stdout).toContain("+  - Wie int de btw bij een GR?");
    expect(stdout).toContain("Gemarkeerd als 'niet ons onderwerp'.");
    expect(stdout).toContain("Klaar: 2 wijziging(en).");
    const kb = await loadKnowledgeBase(join(dir, "kb"));
    expect(kb.byId.get("btw-gemeenschappelijke-regeling")!.questions.at(-1)).toBe("Wie int de btw bij een GR?");
    expect(await readFile(join(dir, "kb", "niet-ons-onderwerp.yml"), "utf8")).toContain("- Hoe laat is het?");

    // Next time: both are still in the store, but the attached group and the dismissed one are skipped.
    const again = await runLearn(env, "q\n");
    expect(again.stdout).toContain(
      "Overgeslagen: 1 groep al gekoppeld aan een onderwerp, 1 groep 'niet ons onderwerp'.",
    );
    expect(again.stdout).toContain("Er zijn geen onbeantwoorde vragen of 👎-reacties om te bekijken.");
    expect(again.stdout).not.toContain("Wie int de btw bij een GR?");
    expect(again.stdout).not.toContain("Hoe laat is het?");
  }, 120_000);
});
