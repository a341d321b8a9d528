// End to end: `npm run report` against an embedded store in a temporary DATA_DIR. The first report is made by the
// CLI as a process (src/cli/report.ts); the others by its run() in this worker, with the same environment.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as runReport } from "../../src/cli/report-run.ts";
import type { GriffieReport } from "../../src/report/build.ts";
import { createStore } from "../../src/store/index.ts";
import { type CliResult, runCli } from "../support/cli.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";
import { nodeArgs } from "../support/entry-points.ts";

const execFileAsync = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
let dir: string;

const env = (): NodeJS.ProcessEnv => ({
  DATA_DIR: dir,
  DATABASE_URL: "",
  STORE_HASH_KEY: "cli-test-key-0123456789",
  NODE_ENV: "test",
  LOG_LEVEL: "error",
});

/** `npm run report` as a process: rejects (with code and stderr) when it exits with another code than 0. */
const spawned = (args: string[]) =>
  execFileAsync(process.execPath, [...nodeArgs("src/cli/report.ts"), ...args], {
    cwd: root,
    env: { ...process.env, ...env() },
  });

/** The same in this worker, and the same rejection on another exit code than 0. */
async function report(args: string[]): Promise<CliResult> {
  const r = await runCli(runReport, args, { env: env() });
  if (r.code !== 0) throw Object.assign(new Error(`npm run report exited ${r.code}: ${r.stderr}`), r);
  return r;
}

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
    // 👎 with reasons, and hand-offs to the griffie (one open, one answered).
    await store.recordFeedback({
      entryId: "zienswijze-begroting",
      helpful: false,
      reason: "onvolledig",
      comment: "De termijn ontbreekt.",
      platform: "slack",
      userId: "U1",
    });
    await store.recordFeedback({
      entryId: "wgr",
      helpful: false,
      reason: "onvolledig",
      platform: "teams",
      userId: "T1",
    });
    await store.recordFeedback({
      entryId: "wgr",
      helpful: false,
      reason: "verouderd",
      platform: "teams",
      userId: "T2",
    });
    const open = await store.recordHandoff!({
      question: "Wie betaalt de pensioenen van het personeel?",
      bestGuess: "wgr",
      platform: "slack",
      userId: "U1",
      link: "https://test.slack.com/archives/C1/p1700000300000100",
    });
    const done = await store.recordHandoff!({ question: "Al beantwoord", bestGuess: null, platform: "teams" });
    await store.markHandoffAnswered!(done.id, "UGRIFFIE");
    expect(open.status).toBe("open");
    await store.close();
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints JSON with --json and text without", async () => {
    const json = await spawned(["--json", "--days", "7"]);
    const parsed = JSON.parse(json.stdout) as GriffieReport;
    expect(parsed.days).toBe(7);
    expect(parsed.totals).toMatchObject({ unanswered: 3, groups: 1, negative: 4 });
    expect(parsed.unanswered[0]).toMatchObject({
      count: 3,
      example: "Hoe zit het met de btw bij een GR?",
      averageConfidence: 0.3,
    });

    const text = await report([]);
    expect(text.stdout).toContain('1. 3× "Hoe zit het met de btw bij een GR?"');
    expect(text.stdout).toContain("Te vaag.");
  });

  it("groups 👎 by reason and lists the open hand-offs (text, JSON and HTML)", async () => {
    const text = (await report([])).stdout;
    expect(text).toContain("Redenen van 👎: Onvolledig 2, Verouderd 1, geen reden opgegeven 1");
    expect(text).toContain('👎 Onvolledig: "De termijn ontbreekt."');
    expect(text).toContain("Open vragen aan de griffie (1)");
    expect(text).toContain('"Wie betaalt de pensioenen van het personeel?"');
    expect(text).toContain("beantwoorden: https://test.slack.com/archives/C1/p1700000300000100");
    expect(text).not.toContain("Al beantwoord");

    const json = JSON.parse((await report(["--json"])).stdout) as GriffieReport;
    expect(json.reasons.map((r) => [r.reason, r.count])).toEqual([
      ["onvolledig", 2],
      ["verouderd", 1],
      [null, 1],
    ]);
    expect(json.openHandoffs).toEqual([
      expect.objectContaining({ question: "Wie betaalt de pensioenen van het personeel?", platform: "slack" }),
    ]);

    const file = join(dir, "rapport.html");
    await report(["--html", file]);
    const html = await readFile(file, "utf8");
    expect(html).toContain('<ul id="reasons"><li data-count="2">Onvolledig: 2</li>');
    expect(html).toContain("“Wie betaalt de pensioenen van het personeel?”");
    expect(html).not.toContain("Al beantwoord");
  });

  it("exits 2 with Dutch usage on bad arguments", async () => {
    await expect(report(["--days", "nul"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Gebruik: npm run report"),
    });
  });
});
