// End to end: `npm run report` against an embedded store in a temporary DATA_DIR.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GriffieReport } from "../../src/report/build.ts";
import { createStore } from "../../src/store/index.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
let dir: string;

const report = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/report.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: "",
      STORE_HASH_KEY: "cli-test-key-0123456789",
      NODE_ENV: "test",
      LOG_LEVEL: "error",
    },
  });

describe("npm run report", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadswijzer-report-"));
    await seedPgliteDataDir(dir);
    const store = await createStore(
      { DATA_DIR: dir, DATABASE_URL: undefined, STORE_HASH_KEY: "cli-test-key-0123456789", RETENTION_DAYS: 180 },
      pino({ level: "silent" }),
    );
    await store.recordUnanswered({
      question: "Hoe zit het met de btw bij een GR?",
      bestGuess: "wgr",
      confidence: 0.3,
      platform: "teams",
    });
    await store.recordUnanswered({ question: "btw bij een GR", bestGuess: "wgr", confidence: 0.2, platform: "slack" });
    await store.recordUnanswered({
      question: "Hoe zit het met de btw bij een GR?",
      bestGuess: "wgr",
      confidence: 0.4,
      platform: "slack",
    });
    await store.recordFeedback({
      entryId: "zienswijze-begroting",
      helpful: false,
      comment: "Te vaag.",
      platform: "teams",
    });
    await store.close();
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints JSON with --json and text without", async () => {
    const json = await report(["--json", "--days", "7"]);
    const parsed = JSON.parse(json.stdout) as GriffieReport;
    expect(parsed.days).toBe(7);
    expect(parsed.totals).toMatchObject({ unanswered: 3, groups: 1, negative: 1 });
    expect(parsed.unanswered[0]).toMatchObject({
      count: 3,
      example: "Hoe zit het met de btw bij een GR?",
      averageConfidence: 0.3,
    });

    const text = await report([]);
    expect(text.stdout).toContain('1. 3× "Hoe zit het met de btw bij een GR?"');
    expect(text.stdout).toContain("Te vaag.");
  });

  it("exits 2 with Dutch usage on bad arguments", async () => {
    await expect(report(["--days", "nul"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Gebruik: npm run report"),
    });
  });
});
