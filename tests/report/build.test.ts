import { describe, expect, it } from "vitest";
import { parseReportArgs } from "../../src/report/args.ts";
import { buildReport } from "../../src/report/build.ts";
import { formatReportText } from "../../src/report/format.ts";
import { markEditorDecisions } from "../../src/report/decisions.ts";
import type { FeedbackRow, UnansweredRow } from "../../src/store/port.ts";

const at = (day: number): Date => new Date(Date.UTC(2026, 10, day, 12));
const q = (
  question: string,
  day: number,
  bestGuess: string | null,
  confidence: number,
  platform: UnansweredRow["platform"] = "slack",
): UnansweredRow => ({
  question,
  bestGuess,
  confidence,
  platform,
  at: at(day),
});
const fb = (entryId: string, helpful: boolean, day: number, comment: string | null = null): FeedbackRow => ({
  entryId,
  helpful,
  comment,
  platform: "teams",
  at: at(day),
});

const unanswered = [
  q("Hoe zit het met de btw bij een GR?", 1, "wgr", 0.3, "teams"),
  q("btw bij een gemeenschappelijke regeling?", 2, "gemeenschappelijke-regeling", 0.2),
  q("Hoe zit het met de btw bij een GR?", 3, "wgr", 0.4),
  q("Wie betaalt de pensioenen?", 4, null, 0.05),
];
const feedback = [
  fb("wgr", true, 1),
  fb("zienswijze-begroting", false, 2, "De termijn ontbreekt."),
  fb("zienswijze-begroting", true, 3, "Helder."),
  fb("zienswijze-begroting", false, 4),
  fb("centrumgemeente", false, 5, "Voorbeeld graag."),
  fb("nota-verbonden-partijen", false, 6),
  fb("nota-verbonden-partijen", true, 6),
  fb("nota-verbonden-partijen", true, 6),
];
const titles = new Map([
  ["wgr", "Wet gemeenschappelijke regelingen"],
  ["zienswijze-begroting", "Zienswijze op de begroting"],
]);
const synonyms = [["gr", "gemeenschappelijke regeling"]];
const NOW = new Date("2026-11-23T10:00:00Z");

describe("buildReport", () => {
  const report = buildReport({ unanswered, feedback, titles, synonyms, now: NOW, days: 30 });

  it("groups unanswered questions with count, example, best guess and average confidence", () => {
    expect(report.totals).toEqual({ unanswered: 4, groups: 2, feedback: 8, negative: 4 });
    expect(report.unanswered[0]).toEqual({
      count: 3,
      example: "Hoe zit het met de btw bij een GR?",
      variants: ["btw bij een gemeenschappelijke regeling?"],
      bestGuess: { id: "wgr", title: "Wet gemeenschappelijke regelingen" },
      averageConfidence: 0.3,
      platforms: { slack: 2, teams: 1 },
      firstAsked: at(1).toISOString(),
      lastAsked: at(3).toISOString(),
    });
    expect(report.unanswered[1]).toMatchObject({
      count: 1,
      example: "Wie betaalt de pensioenen?",
      bestGuess: null,
      averageConfidence: 0.05,
    });
    expect(report.since).toBe(new Date(NOW.getTime() - 30 * 86_400_000).toISOString());
  });

  it("lists entries with negative feedback, most 👎 first, with comments (👎 first)", () => {
    expect(report.negativeFeedback.map((f) => [f.entryId, f.negative, f.positive])).toEqual([
      ["zienswijze-begroting", 2, 1],
      ["centrumgemeente", 1, 0],
      ["nota-verbonden-partijen", 1, 2],
    ]);
    expect(report.negativeFeedback[0]!.title).toBe("Zienswijze op de begroting");
    expect(report.negativeFeedback[1]!.title).toBe("centrumgemeente"); // no title known: the id
    expect(report.negativeFeedback[0]!.comments.map((c) => [c.helpful, c.comment])).toEqual([
      [false, "De termijn ontbreekt."],
      [true, "Helder."],
    ]);
    expect(report.negativeFeedback.some((f) => f.entryId === "wgr")).toBe(false);
  });

  it("without synonyms keeps GR and gemeenschappelijke regeling apart", () => {
    expect(buildReport({ unanswered, feedback: [], now: NOW }).unanswered).toHaveLength(3);
  });

  it("formats Dutch text", () => {
    const text = formatReportText(report);
    expect(text).toContain("Rapport Raadswijzer Samenwerken, 23 november 2026");
    expect(text).toContain("Periode: de laatste 30 dagen (vanaf 24 oktober 2026)");
    expect(text).toContain("Onbeantwoorde vragen (4 vragen in 2 groepen)");
    expect(text).toContain('1. 3× "Hoe zit het met de btw bij een GR?"');
    expect(text).toContain('Ook gesteld als: "btw bij een gemeenschappelijke regeling?"');
    expect(text).toContain("Beste gok: Wet gemeenschappelijke regelingen [wgr]; gemiddelde zekerheid 30%");
    expect(text).toContain("via Slack 2, Teams 1");
    expect(text).toContain("Beste gok: geen; gemiddelde zekerheid 5%");
    expect(text).toContain("Antwoorden met negatieve reacties (3 onderwerpen)");
    expect(text).toContain("- Zienswijze op de begroting [zienswijze-begroting]: 2 × 👎, 1 × 👍");
    expect(text).toContain('    👎 "De termijn ontbreekt." (2 november 2026)');
    expect(text.indexOf("zienswijze-begroting")).toBeLessThan(text.indexOf("[centrumgemeente]"));
  });

  it("says so when there is nothing to report", () => {
    const text = formatReportText(buildReport({ unanswered: [], feedback: [fb("wgr", true, 1)], now: NOW }));
    expect(text).toContain("Periode: alles wat nog bewaard is");
    expect(text).toContain("Onbeantwoorde vragen (0 vragen in 0 groepen)");
    expect(text).toContain("Geen onbeantwoorde vragen in deze periode.");
    expect(text).toContain("Geen negatieve reacties in deze periode.");
  });
});

describe("parseReportArgs", () => {
  it("parses --days and --json, and rejects bad input in Dutch", () => {
    expect(parseReportArgs([])).toEqual({ days: null, json: false });
    expect(parseReportArgs(["--days", "30", "--json"])).toEqual({ days: 30, json: true });
    expect(parseReportArgs(["--days=7"])).toEqual({ days: 7, json: false });
    expect(parseReportArgs(["--help"])).toEqual({ help: true });
    expect(parseReportArgs(["--days", "0"])).toMatchObject({ error: expect.stringContaining("--days moet") });
    expect(parseReportArgs(["--days", "abc"])).toMatchObject({ error: expect.stringContaining("--days moet") });
    expect(parseReportArgs(["--nonsense"])).toMatchObject({ error: expect.stringContaining("Ongeldige optie") });
    expect(parseReportArgs(["vrije tekst"])).toHaveProperty("error");
  });
});

describe("formatReportText with hostile stored text (defect 7)", () => {
  it("shows terminal escapes, bidi overrides and lone surrogates inert", () => {
    const hostile = "wat is\u001b]0;gehackt\u0007\u001b[2J een GR\u202e?\u0000 \uD800";
    const report = buildReport({
      unanswered: [q(hostile, 1, null, 0.1)],
      feedback: [fb("wgr", false, 1, "slecht\u001b[31m rood\u009b")],
      titles,
      now: NOW,
    });
    const text = formatReportText(report);
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(text).toContain("wat is\\x1B]0;gehackt\\x07\\x1B[2J een GR\\u202E?\\x00 \uFFFD");
    expect(text).toContain("slecht\\x1B[31m rood\\x9B");
  });
});

describe("text report: the editors' decisions", () => {
  it("names the entry a group was attached to, and marks groups that are 'niet ons onderwerp'", async () => {
    const { loadKnowledgeBase } = await import("../../src/knowledge/load.ts");
    const kb = await loadKnowledgeBase("tests/learn/fixtures/kb");
    const known = kb.byId.get("centrumgemeente")!.questions[0]!;
    const rows = [q(known, 1, null, 0.2), q("Hoe laat is het?", 2, null, 0.1), q("Wat is een RES?", 3, null, 0.1)];
    const report = markEditorDecisions(
      buildReport({ unanswered: rows, feedback: [], now: NOW }),
      kb,
      new Set(["hoe laat is het"]),
    );
    expect(report.unanswered.map((g) => [g.example, g.attachedTo?.id ?? null, g.dismissed ?? false])).toEqual([
      ["Wat is een RES?", null, false],
      ["Hoe laat is het?", null, true],
      [known, "centrumgemeente", false],
    ]);
    const text = formatReportText(report);
    expect(text).toContain(`Al gekoppeld aan: ${kb.byId.get("centrumgemeente")!.title} [centrumgemeente]`);
    expect(text).toContain("Gemarkeerd als 'niet ons onderwerp'");
  });
});
