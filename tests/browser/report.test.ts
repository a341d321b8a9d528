// The HTML report in a real browser (Debian's Chromium via playwright-core): built by `npm run report -- --html`
// from a seeded store, opened from disk, screenshot saved to test-results/, every chart number checked against the
// store, user text shown as text (never markup), nothing loaded from the network. The report is made by the CLI's
// run() in this worker (tests/report/cli.test.ts starts the CLI as a process).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as runReport } from "../../src/cli/report-run.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import { createPgliteClient } from "../../src/store/pglite-client.ts";
import type { AskedInput, AskedRow, FeedbackRow, HandoffRow, Platform } from "../../src/store/port.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { runCli } from "../support/cli.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";
import { groupTitle } from "../support/skip.ts";
import { chromiumMissing, hasChromium, launchChromium } from "./chromium.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RESULTS = join(ROOT, "test-results");
const KEY = "report-test-key-0123456789";
const DAY = 86_400_000;

const NASTY = "<script>alert('x')</script> btw bij een GR\u0007?";
const NASTY_COMMENT = '<img src=x onerror="alert(1)"> mist de termijn';
const HANDOFF_LINK = "https://example.slack.com/archives/C0GRIFFIE/p1764000000000100";

/** Monday (UTC, YYYY-MM-DD) of the week a date falls in: computed here independently of the report code. */
const mondayOf = (d: Date): string =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)))
    .toISOString()
    .slice(0, 10);

describe.skipIf(!hasChromium)(groupTitle("HTML report in Chromium", chromiumMissing), () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let asked: AskedRow[];
  let feedback: FeedbackRow[];
  let handoffs: HandoffRow[];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "report-html-"));
    await seedPgliteDataDir(dir);
    const client = await createPgliteClient(join(dir, "pglite"));
    await runMigrations(client);
    const base = Date.now() - 2 * DAY;
    let now = new Date(base);
    const store = new SqlStore(client, { hashKey: KEY, retentionDays: 180, clock: () => now });
    const seed: [number, AskedInput["status"], string | null, Platform][] = [
      [0, "answer", "zienswijze-begroting", "teams"],
      [0, "answer", "zienswijze-begroting", "slack"],
      [0, "answer", "centrumgemeente", "teams"],
      [0, "ambiguous", "wgr", "slack"],
      [0, "unknown", null, "teams"],
      [0, "help", null, "teams"],
      [7, "answer", "zienswijze-begroting", "teams"],
      [7, "unknown", null, "slack"],
      [7, "unknown", null, "slack"],
      [14, "answer", "wgr", "preview"],
      [14, "answer", "zienswijze-begroting", "teams"],
      [21, "unknown", null, "teams"],
    ];
    for (const [daysAgo, status, entryId, platform] of seed) {
      now = new Date(base - daysAgo * DAY);
      await store.recordAsked({ status, entryId, confidence: status === "unknown" ? 0.2 : 0.8, platform });
    }
    now = new Date(base);
    for (const q of [NASTY, "Hoe zit het met de btw bij een GR?", "Wie betaalt de pensioenen?"]) {
      await store.recordUnanswered({ question: q, bestGuess: null, confidence: 0.2, platform: "slack" });
    }
    await store.recordFeedback({
      entryId: "zienswijze-begroting",
      helpful: false,
      comment: NASTY_COMMENT,
      platform: "teams",
    });
    await store.recordFeedback({
      entryId: "zienswijze-begroting",
      helpful: true,
      comment: "Helder",
      platform: "slack",
    });
    await store.recordFeedback({ entryId: "centrumgemeente", helpful: false, platform: "teams" });
    await store.recordHandoff({
      question: "Moet onze raad instemmen met de nieuwe kostenverdeling?",
      bestGuess: "toestemming-raad",
      platform: "slack",
      link: HANDOFF_LINK,
    });
    const answered = await store.recordHandoff({ question: "Al beantwoord", bestGuess: null, platform: "teams" });
    await store.markHandoffAnswered(answered.id, "griffier");
    await store.recordHandoff({
      question: "Kan de raad de rekenkamer inschakelen?",
      bestGuess: null,
      platform: "teams",
    });
    handoffs = await store.listHandoffs();
    asked = await store.listAsked();
    feedback = await store.listFeedback();
    await store.close();

    const file = join(dir, "report.html");
    const { code, stdout, stderr } = await runCli(runReport, ["--html", file], {
      env: {
        // The store seeded above in DATA_DIR, also when the run has DATABASE_URL set (CI).
        DATABASE_URL: "",
        NODE_ENV: "test",
        DATA_DIR: dir,
        KNOWLEDGE_DIR: "knowledge",
        STORE_HASH_KEY: KEY,
        LOG_LEVEL: "silent",
      },
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("Rapport geschreven naar");

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: "nl-NL" });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    await mkdir(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "report.png"), fullPage: true });
    // A smaller copy for the README (docs/report.jpg is this file).
    await page.setViewportSize({ width: 820, height: 900 });
    await page.screenshot({ path: join(RESULTS, "report.jpg"), fullPage: true, type: "jpeg", quality: 50 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows questions per week by status as the store has them", async () => {
    const bars = await page.$$eval("#chart-weeks rect", (els) =>
      els.map((el) => ({
        week: el.getAttribute("data-week")!,
        status: el.getAttribute("data-status")!,
        count: Number(el.getAttribute("data-count")),
      })),
    );
    const counted = asked.filter((r) => r.status !== "help");
    for (const status of ["answer", "ambiguous", "unknown"]) {
      expect(
        bars.filter((b) => b.status === status).reduce((s, b) => s + b.count, 0),
        status,
      ).toBe(counted.filter((r) => r.status === status).length);
    }
    // Per week, oldest first: the bar totals equal the store's rows per Monday.
    const perMonday = new Map<string, number>();
    for (const r of counted) perMonday.set(mondayOf(r.at), (perMonday.get(mondayOf(r.at)) ?? 0) + 1);
    const expected = [...perMonday].sort((a, b) => a[0].localeCompare(b[0])).map(([, n]) => n);
    // (Weeks without questions between them are drawn as empty weeks.)
    const totals = (
      await page.$$eval("#chart-weeks text[data-week-total]", (els) => els.map((el) => Number(el.textContent)))
    ).filter((n) => n > 0);
    expect(totals).toEqual(expected);
    expect(await page.textContent("[data-total='total'] b")).toBe(String(counted.length));
    // The drawn heights: every question is equally high, and the axis labels sit at their number's height.
    const drawn = await page.$$eval("#chart-weeks rect", (els) =>
      els.map((el) => [Number(el.getAttribute("height")), Number(el.getAttribute("data-count"))]),
    );
    const ticks = await page.$$eval("#chart-weeks text[data-tick]", (els) =>
      els.map((el) => [Number(el.getAttribute("data-tick")), Number(el.previousElementSibling!.getAttribute("y1"))]),
    );
    const perQuestion = (ticks[0]![1]! - ticks.at(-1)![1]!) / ticks.at(-1)![0]!;
    for (const [height, count] of drawn) expect(height).toBeCloseTo(count! * perQuestion, 0);
    expect(ticks.at(-1)![0]).toBeGreaterThanOrEqual(Math.max(...expected));
  });

  it("shows the answered share per platform and the most asked entries", async () => {
    const platforms = await page.$$eval("#chart-platforms rect[data-platform]", (els) =>
      Object.fromEntries(
        els.map((el) => [
          el.getAttribute("data-platform"),
          [Number(el.getAttribute("data-answered")), Number(el.getAttribute("data-total"))],
        ]),
      ),
    );
    const expected: Record<string, [number, number]> = {};
    for (const r of asked.filter((x) => x.status !== "help")) {
      const e = (expected[r.platform] ??= [0, 0]);
      e[1]++;
      if (r.status === "answer") e[0]++;
    }
    expect(platforms).toEqual(expected);
    expect(await page.textContent("#chart-platforms")).toContain("Teams");
    // What the reader sees: the percentage and the counts next to each bar, and the bar's filled share.
    const shown = await page.$$eval("#chart-platforms rect[data-platform]", (els) =>
      els.map((el) => {
        const track = el.previousElementSibling as SVGRectElement;
        return {
          platform: el.getAttribute("data-platform")!,
          text: el.nextElementSibling?.textContent ?? "",
          share: Number(el.getAttribute("width")) / Number(track.getAttribute("width")),
        };
      }),
    );
    for (const { platform, text, share } of shown) {
      const [answered, total] = expected[platform]!;
      expect(text).toBe(`${Math.round((answered / total) * 100)}% (${answered} van ${total})`);
      expect(share).toBeCloseTo(answered / total, 2);
    }

    const entries = await page.$$eval("#chart-entries rect[data-entry]", (els) =>
      els.map((el) => [el.getAttribute("data-entry"), Number(el.getAttribute("data-count"))]),
    );
    const counts = new Map<string, number>();
    for (const r of asked)
      if (r.entryId && (r.status === "answer" || r.status === "ambiguous"))
        counts.set(r.entryId, (counts.get(r.entryId) ?? 0) + 1);
    expect(entries[0]).toEqual(["zienswijze-begroting", 4]);
    expect(Object.fromEntries(entries)).toEqual(Object.fromEntries(counts));
    const entryTexts = await page.$$eval("#chart-entries rect[data-entry]", (els) =>
      els.map((el) => [el.getAttribute("data-entry"), el.nextElementSibling?.textContent ?? ""]),
    );
    expect(Object.fromEntries(entryTexts)).toEqual(Object.fromEntries([...counts].map(([id, n]) => [id, `${n}×`])));
  });

  it("shows 👍/👎 per entry with reasons, unanswered groups with suggestions, hand-offs gracefully", async () => {
    const rows = await page.$$eval("#feedback tr[data-entry]", (els) =>
      els.map((el) => [
        el.getAttribute("data-entry"),
        Number(el.getAttribute("data-up")),
        Number(el.getAttribute("data-down")),
      ]),
    );
    const byEntry = (id: string) => [
      id,
      feedback.filter((f) => f.entryId === id && f.helpful).length,
      feedback.filter((f) => f.entryId === id && !f.helpful).length,
    ];
    expect(rows).toEqual([byEntry("zienswijze-begroting"), byEntry("centrumgemeente")]);
    expect(await page.textContent("#feedback")).toContain(NASTY_COMMENT);

    const groups = await page.textContent("#groups");
    expect(groups).toContain("<script>alert('x')</script> btw bij een GR?");
    const groupCounts = await page.$$eval("#groups tr[data-count]", (els) =>
      els.map((el) => Number(el.getAttribute("data-count"))),
    );
    expect(groupCounts.reduce((a, b) => a + b, 0)).toBe(3);
    // The engine's suggested entries are shown with their ids.
    expect(await page.locator("#groups code").count()).toBeGreaterThan(0);
  });

  it("lists the open hand-offs the store has, each with where to answer it", async () => {
    const rows = await page.$$eval("#handoffs tbody tr", (els) =>
      els.map((el) => ({
        text: el.textContent ?? "",
        status: el.querySelector("td:last-child")?.firstChild?.textContent ?? "",
        link: el.querySelector("a")?.getAttribute("href") ?? null,
      })),
    );
    const open = handoffs.filter((h) => h.status === "open");
    expect(open).toHaveLength(2);
    expect(rows).toHaveLength(open.length);
    for (const [i, h] of open.entries()) {
      expect(rows[i]!.text).toContain(h.question);
      expect(rows[i]!.status).toBe("open");
      expect(rows[i]!.link).toBe(h.link);
    }
    expect(await page.textContent("#handoffs")).not.toContain("Al beantwoord");
  });

  it("is inert and self-contained: no scripts, no injected elements, no network", async () => {
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(requests).toEqual([]);
    const html = await readFile(join(dir, "report.html"), "utf8");
    // The only address in the page is the hand-off's link (a link to follow, nothing loaded).
    expect(html.match(/https?:\/\/[^"<\s]*/g)).toEqual([HANDOFF_LINK]);
    expect(html).not.toContain("\u0007");
    expect(existsSync(join(RESULTS, "report.png"))).toBe(true);
  });
});
