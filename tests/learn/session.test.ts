// kb:learn's interactive walk: most asked first, the engine's candidates, attach / not our topic / skip.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/index.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import {
  attachedEntry,
  learnItems,
  readDismissed,
  runLearnSession,
  writeDismissed,
  type LearnItem,
} from "../../src/learn/session.ts";
import { normalizeQuestion } from "../../src/learn/add-question.ts";
import { buildReport } from "../../src/report/build.ts";
import type { FeedbackRow, HandoffRow, UnansweredRow } from "../../src/store/port.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/kb", import.meta.url));
const at = new Date("2026-11-20T10:00:00Z");
const row = (question: string, bestGuess: string | null = null): UnansweredRow => ({
  question,
  bestGuess,
  confidence: 0.3,
  platform: "slack",
  at,
});

async function setup(dismissed: Set<string> = new Set()) {
  const kb = await loadKnowledgeBase(FIXTURE);
  const unanswered = [
    row("Wie int de btw bij een GR?"),
    row("wie int de btw bij een gr"),
    row("Wie int de btw bij een GR?"),
    row("Hoe laat is het?"),
    row("Wat kost een centrumgemeente?", "centrumgemeente"),
    row("Wat kost een centrumgemeente?", "centrumgemeente"),
  ];
  const feedback: FeedbackRow[] = [
    { entryId: "centrumgemeente", helpful: false, comment: "Te kort.", platform: "teams", at },
  ];
  const report = buildReport({ unanswered, feedback, now: at, synonyms: kb.synonyms });
  return { kb, items: learnItems(report, createEngine(kb), kb, dismissed) };
}

function scripted(answers: string[]) {
  const out: string[] = [];
  return {
    out,
    io: { print: (l: string) => out.push(l), ask: async (p: string) => (out.push(p), answers.shift() ?? "q") },
  };
}

describe("kb:learn session", () => {
  it("lists groups most asked first with candidates, then the 👎 entries", async () => {
    const { items } = await setup();
    expect(
      items.map((i) => (i.kind === "unanswered" ? `${i.count} ${i.question}` : `👎 ${i.feedback.entryId}`)),
    ).toEqual([
      "3 Wie int de btw bij een GR?",
      "2 Wat kost een centrumgemeente?",
      "1 Hoe laat is het?",
      "👎 centrumgemeente",
    ]);
    const first = items[0] as Extract<LearnItem, { kind: "unanswered" }>;
    expect(first.candidates[0]?.id).toBe("btw-gemeenschappelijke-regeling");
    const second = items[1] as Extract<LearnItem, { kind: "unanswered" }>;
    expect(second.candidates.map((c) => c.id)).toContain("centrumgemeente");
  });

  it("attaches, rephrases, dismisses and skips as the editor chooses", async () => {
    const { kb, items } = await setup();
    const applied: string[] = [];
    const dismissed: string[] = [];
    const { io, out } = scripted([
      "1",
      "x",
      "a Wat kost het als een andere gemeente onze taken doet?",
      "k centrumgemeente",
      "n",
      "k onbekend Wat?",
      "s",
    ]);
    const changes = await runLearnSession(items, kb, io, {
      apply: async (id, q) => void applied.push(`${id}: ${q}`),
      dismiss: async (q) => void dismissed.push(q),
    });
    expect(applied).toEqual([
      "btw-gemeenschappelijke-regeling: Wie int de btw bij een GR?",
      "centrumgemeente: Wat kost het als een andere gemeente onze taken doet?",
    ]);
    expect(dismissed).toEqual(["Hoe laat is het?"]);
    expect(changes).toBe(3);
    expect(out).toContain("    Dat begrijp ik niet.");
    expect(out).toContain('    Geen onderwerp met id "onbekend".');
  });

  it("remembers 'not our topic' in a reviewed file and skips it next time", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kb-learn-dismiss-"));
    try {
      await writeDismissed(dir, "Hoe laat is het?");
      await writeDismissed(dir, "hoe laat is het");
      const text = await readFile(join(dir, "niet-ons-onderwerp.yml"), "utf8");
      expect(text).toMatch(/^# Vragen die de griffie/);
      expect(text).toContain("questions:\n  - Hoe laat is het?\n");
      expect(text.match(/hoe laat is het/gi)).toHaveLength(1);
      const { items } = await setup(await readDismissed(dir));
      expect(items.some((i) => i.kind === "unanswered" && i.question === "Hoe laat is het?")).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("kb:learn 'not our topic' and the group it belongs to", () => {
  it("marks the group's own phrasing, also after the editor rephrased it", async () => {
    const { kb, items } = await setup();
    const dismissed: string[] = [];
    const { io } = scripted(["s", "s", "a Hoe laat is het nu precies?", "n"]);
    await runLearnSession(items, kb, io, {
      apply: async () => undefined,
      dismiss: async (q) => void dismissed.push(q),
    });
    // The group is recognised next time by the phrasing people asked, not by the editor's rewording.
    expect(dismissed).toEqual(["Hoe laat is het?"]);
  });

  it("skips a dismissed group when its most asked phrasing changed since", async () => {
    const kb = await loadKnowledgeBase(FIXTURE);
    // Dismissed when "Hoe laat is het?" was the most asked phrasing; now another phrasing of the group leads.
    const unanswered = [row("Hoe laat is het nu?"), row("Hoe laat is het nu?"), row("Hoe laat is het?")];
    const report = buildReport({ unanswered, feedback: [], now: at, synonyms: kb.synonyms });
    expect(report.unanswered).toHaveLength(1);
    expect(report.unanswered[0]!.example).toBe("Hoe laat is het nu?");
    const items = learnItems(report, createEngine(kb), kb, new Set([normalizeQuestion("Hoe laat is het?")]));
    expect(items).toEqual([]);
  });
});

describe("kb:learn on 👎 answers", () => {
  it("shows the questions that got the 👎 (from hand-offs) with the engine's candidates, and attaches one", async () => {
    const kb = await loadKnowledgeBase(FIXTURE);
    const feedback: FeedbackRow[] = [
      { entryId: "centrumgemeente", helpful: false, comment: null, reason: "niet-mijn-vraag", platform: "slack", at },
    ];
    const report = buildReport({ unanswered: [], feedback, now: at, synonyms: kb.synonyms });
    const handoffs: HandoffRow[] = [
      {
        id: "h1",
        question: "Wie int de btw als de centrumgemeente de taken doet?",
        bestGuess: "centrumgemeente",
        platform: "slack",
        link: null,
        status: "open",
        at,
        answeredAt: null,
      },
      {
        id: "h2",
        question: "Over iets anders",
        bestGuess: "btw-gemeenschappelijke-regeling",
        platform: "slack",
        link: null,
        status: "open",
        at,
        answeredAt: null,
      },
    ];
    const items = learnItems(report, createEngine(kb), kb, new Set(), handoffs);
    expect(items).toHaveLength(1);
    const item = items[0] as Extract<LearnItem, { kind: "negative" }>;
    expect(item.asked).toEqual(["Wie int de btw als de centrumgemeente de taken doet?"]);
    expect(item.candidates.map((c) => c.id)).toContain("btw-gemeenschappelijke-regeling");

    const applied: string[] = [];
    const pick = item.candidates.findIndex((c) => c.id === "btw-gemeenschappelijke-regeling") + 1;
    const { io, out } = scripted([String(pick)]);
    await runLearnSession(items, kb, io, {
      apply: async (id, q) => void applied.push(`${id}: ${q}`),
      dismiss: async () => undefined,
    });
    expect(out.join("\n")).toContain('Gevraagd als: "Wie int de btw als de centrumgemeente de taken doet?"');
    expect(applied).toEqual(["btw-gemeenschappelijke-regeling: Wie int de btw als de centrumgemeente de taken doet?"]);
  });

  it("still takes a phrasing typed by the editor when no question is known", async () => {
    const { kb, items } = await setup();
    const negative = items.filter((i) => i.kind === "negative");
    const applied: string[] = [];
    const { io } = scripted(["k centrumgemeente Wat kost een centrumgemeente per inwoner?"]);
    await runLearnSession(negative, kb, io, {
      apply: async (id, q) => void applied.push(`${id}: ${q}`),
      dismiss: async () => undefined,
    });
    expect(applied).toEqual(["centrumgemeente: Wat kost een centrumgemeente per inwoner?"]);
  });
});

describe("groups already attached to an entry", () => {
  it("are not offered again once a phrasing of theirs is in an entry's questions", async () => {
    const kb = await loadKnowledgeBase(FIXTURE);
    const known = kb.byId.get("centrumgemeente")!.questions[0]!;
    const unanswered = [row(known), row(known), row("Hoe laat is het?")];
    const report = buildReport({ unanswered, feedback: [], now: at, synonyms: kb.synonyms });
    const items = learnItems(report, createEngine(kb), kb, new Set());
    expect(items.map((i) => i.kind === "unanswered" && i.question)).toEqual(["Hoe laat is het?"]);
    expect(attachedEntry(report.unanswered[0]!, kb)).toMatchObject({ id: "centrumgemeente" });
  });
});
