// The HTML report's numbers and its escaping, without a browser (the Chromium test is tests/browser/report.test.ts).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build.ts";
import { buildHtmlReportData, isoWeek } from "../../src/report/html-data.ts";
import { escapeHtml } from "../../src/report/html-escape.ts";
import { renderHtmlReport } from "../../src/report/html.ts";
import { writeHtmlReport } from "../../src/report/write-html.ts";
import type { AskedRow, FeedbackRow, Store } from "../../src/store/port.ts";

const now = new Date("2026-12-02T10:00:00Z");

describe("escapeHtml", () => {
  it("makes markup, quotes and control characters inert", () => {
    expect(escapeHtml(`<b onclick='x'>"&"</b>`)).toBe("&lt;b onclick=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/b&gt;");
    expect(escapeHtml("a\u0000b\u0007c\u202ed\nregel")).toBe("abcd regel");
    expect(escapeHtml(null)).toBe("");
  });
});

describe("isoWeek", () => {
  it("follows ISO-8601 across year ends", () => {
    expect(isoWeek(new Date("2026-12-02T10:00:00Z"))).toEqual({ week: "2026-W49", monday: "2026-11-30" });
    expect(isoWeek(new Date("2027-01-01T10:00:00Z"))).toEqual({ week: "2026-W53", monday: "2026-12-28" });
    expect(isoWeek(new Date("2025-12-29T00:00:00Z"))).toEqual({ week: "2026-W01", monday: "2025-12-29" });
  });
});

describe("buildHtmlReportData + renderHtmlReport", () => {
  const asked: AskedRow[] = [
    { status: "answer", entryId: "wgr", confidence: 1, platform: "teams", at: new Date("2026-11-03T10:00:00Z") },
    { status: "unknown", entryId: null, confidence: 0, platform: "slack", at: new Date("2026-11-30T10:00:00Z") },
    { status: "help", entryId: null, confidence: 0, platform: "slack", at: new Date("2026-11-30T10:00:00Z") },
  ];
  const feedback = [
    {
      entryId: "wgr",
      helpful: false,
      comment: "kort",
      platform: "teams",
      at: now,
      reason: "onvolledig",
    } as FeedbackRow,
  ];
  const report = buildReport({ unanswered: [], feedback, now });
  const data = buildHtmlReportData({
    report,
    asked,
    feedback,
    titles: new Map([["wgr", "Wgr <wet>"]]),
    handoffs: [
      {
        id: "h1",
        at: now,
        platform: "teams",
        question: "Bel mij",
        status: "open",
        bestGuess: "wgr",
        link: null,
        answeredAt: null,
      },
      {
        id: "h2",
        at: now,
        platform: "slack",
        question: "Al gedaan",
        status: "answered",
        bestGuess: null,
        link: null,
        answeredAt: now,
      },
    ],
  });

  it("counts per week (empty weeks included), platform and entry; help is not counted", () => {
    expect(data.weeks.map((w) => [w.week, w.counts.answer, w.counts.unknown])).toEqual([
      ["2026-W45", 1, 0],
      ["2026-W46", 0, 0],
      ["2026-W47", 0, 0],
      ["2026-W48", 0, 0],
      ["2026-W49", 0, 1],
    ]);
    expect(data.totals).toEqual({ answer: 1, ambiguous: 0, unknown: 1, help: 1 });
    expect(data.platforms).toEqual([
      { platform: "slack", answered: 0, total: 1 },
      { platform: "teams", answered: 1, total: 1 },
    ]);
    expect(data.topEntries).toEqual([{ id: "wgr", title: "Wgr <wet>", count: 1 }]);
    expect(data.feedback[0]!.reasons[0]!.text).toBe("Onvolledig: kort");
    expect(data.handoffs).toEqual([
      {
        at: now.toISOString(),
        platform: "teams",
        subject: "Bel mij",
        status: "open",
        bestGuess: "Wgr <wet>",
        link: null,
      },
    ]);
  });

  it("leaves out groups marked 'niet ons onderwerp' and says so", () => {
    const unanswered = ["Hoe laat is het?", "Wat kost een GR?"].map((question) => ({
      question,
      bestGuess: null,
      confidence: 0,
      platform: "slack" as const,
      at: now,
    }));
    const withGroups = buildReport({ unanswered, feedback: [], now });
    const d = buildHtmlReportData({
      report: withGroups,
      asked: [],
      feedback: [],
      titles: new Map(),
      isDismissed: (g) => g.example === "Hoe laat is het?",
    });
    expect(d.groups.map((g) => g.example)).toEqual(["Wat kost een GR?"]);
    expect(d.dismissedGroups).toBe(1);
    expect(renderHtmlReport(d)).toContain("1 groep is gemarkeerd als 'niet ons onderwerp' en niet getoond.");
  });

  it("renders one page without scripts or outside resources, with the text escaped", () => {
    const html = renderHtmlReport(data);
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain("Wgr &lt;wet&gt;");
    expect(html).not.toContain("<wet>");
    expect(html).not.toMatch(/<script|https?:|<link|<img/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("Bel mij");
  });
});

describe("HTML report: what an editor reads", () => {
  const report = buildReport({ unanswered: [], feedback: [], now });
  const rowsIn = (n: number, day: string): AskedRow[] =>
    Array.from({ length: n }, () => ({
      status: "answer" as const,
      entryId: "wgr",
      confidence: 1,
      platform: "teams" as const,
      at: new Date(`${day}T10:00:00Z`),
    }));

  it("labels the week chart's axis with round numbers and draws bars to that scale", () => {
    const asked = [...rowsIn(26, "2026-11-24"), ...rowsIn(13, "2026-11-17"), ...rowsIn(7, "2026-11-10")];
    const html = renderHtmlReport(buildHtmlReportData({ report, asked, feedback: [], titles: new Map() }));
    const ticks = [...html.matchAll(/data-tick="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ticks).toEqual([0, 10, 20, 30]);
    // Bar height per question is the same for every bar, and the top tick's line is 30 questions high.
    const bars = [...html.matchAll(/height="([\d.]+)"[^>]*data-status="answer" data-count="(\d+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(bars.map(([, n]) => n)).toEqual([7, 13, 26]);
    const perQuestion = bars.map(([h, n]) => h! / n!);
    for (const p of perQuestion) expect(p).toBeCloseTo(perQuestion[0]!, 1);
    const y = (t: number) => Number(new RegExp(`y1="([\\d.]+)"[^>]*/><text[^>]*data-tick="${t}"`).exec(html)![1]);
    expect(y(0) - y(30)).toBeCloseTo(30 * perQuestion[0]!, 0);
  });

  it("uses whole, round steps for small numbers too", () => {
    const html = renderHtmlReport(
      buildHtmlReportData({ report, asked: rowsIn(5, "2026-11-24"), feedback: [], titles: new Map() }),
    );
    expect([...html.matchAll(/data-tick="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("shows an open hand-off as open, with a link to answer it that is printed as its address", () => {
    const link = "https://example.slack.com/archives/C1/p1700000000000100";
    const html = renderHtmlReport(
      buildHtmlReportData({
        report,
        asked: [],
        feedback: [],
        titles: new Map(),
        handoffs: [
          {
            id: "h1",
            at: now,
            platform: "slack",
            question: "Moet de raad instemmen?",
            status: "open",
            bestGuess: null,
            link,
            answeredAt: null,
          },
        ],
      }),
    );
    const row = /<table id="handoffs">[\s\S]*?<\/table>/.exec(html)![0];
    // "Beantwoord" would say it was answered: it is open, and the link is where to answer it.
    expect(row).not.toMatch(/>Beantwoord</);
    expect(row).toContain(`<td>open<br><a href="${link}">Beantwoorden</a></td>`);
    expect(html).toMatch(/@media print\{[^}]*a\[href\]::after\{content:" \(" attr\(href\) "\)"/);
  });
});

describe("HTML report: groups already attached", () => {
  it("says which entry a group's phrasing was added to instead of suggesting entries", () => {
    const unanswered = [
      { question: "Wat kost een GR?", bestGuess: null, confidence: 0, platform: "slack" as const, at: now },
    ];
    const report = buildReport({ unanswered, feedback: [], now });
    const d = buildHtmlReportData({
      report,
      asked: [],
      feedback: [],
      titles: new Map(),
      suggest: () => [{ id: "x", title: "X" }],
      attachedTo: () => ({ id: "kosten-gr", title: "Kosten van een GR" }),
    });
    expect(d.groups[0]!.attachedTo).toEqual({ id: "kosten-gr", title: "Kosten van een GR" });
    expect(d.groups[0]!.suggestions).toEqual([]);
    const html = renderHtmlReport(d);
    expect(html).toContain('data-attached="kosten-gr"');
    expect(html).toContain("Al gekoppeld aan Kosten van een GR <code>kosten-gr</code>");
  });
});

describe("HTML report on paper", () => {
  it("keeps table rows and charts whole across pages, and names a shortened title in full", () => {
    const title = "Zienswijze op de ontwerpbegroting van een gemeenschappelijke regeling (GR)";
    const asked: AskedRow[] = [
      { status: "answer", entryId: "zb", confidence: 1, platform: "teams", at: new Date("2026-11-30T10:00:00Z") },
    ];
    const report = buildReport({ unanswered: [], feedback: [], now });
    const html = renderHtmlReport(
      buildHtmlReportData({ report, asked, feedback: [], titles: new Map([["zb", title]]) }),
    );
    expect(html).toMatch(/@media print\{[^@]*tr,svg\{break-inside:avoid\}/);
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(">Zienswijze op de ontwerpbegroting van een…<");
  });
});

describe("writeHtmlReport --days", () => {
  it("reads only the questions of the period from the store and names the period", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-days-"));
    try {
      const since = new Date(now.getTime() - 30 * 86_400_000);
      const asked: (Date | undefined)[] = [];
      const store = {
        listAsked: async (s?: Date) => (asked.push(s), []),
      } as unknown as Store;
      const file = join(dir, "r.html");
      const report = buildReport({ unanswered: [], feedback: [], now, days: 30 });
      await writeHtmlReport({ file, store, report, feedback: [], since, kb: undefined });
      expect(asked).toEqual([since]);
      expect(await readFile(file, "utf8")).toContain("Periode: de laatste 30 dagen (vanaf 2 november 2026)");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
