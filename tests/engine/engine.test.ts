import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, serializeIndex } from "../../src/engine/index.ts";
import type { Engine } from "../../src/engine/types.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";

let kb: KnowledgeBase;
let engine: Engine;

beforeAll(async () => {
  kb = await loadKnowledgeBase(join(import.meta.dirname, "../fixtures/kb-small"));
  engine = createEngine(kb);
});

/** The best-ranked entry: the answer, or the first suggestion when the confidence is too low to answer. */
const top = (q: string) => {
  const r = engine.ask(q);
  return r.answer?.id ?? r.alternatives[0]?.id ?? null;
};

describe("engine.ask", () => {
  it("finds every entry by its own first question", () => {
    for (const e of kb.entries) {
      const r = engine.ask(e.questions[0]!);
      expect(r.answer?.id, e.questions[0]).toBe(e.id);
      expect(["answer", "ambiguous"]).toContain(r.status);
    }
  });

  it("answers with the whole entry: text, links, related titles, checklist items", () => {
    const r = engine.ask("Waar moet ik op letten voordat we uit een GR stappen?");
    // answer or the middle band ("Ik denk dat u dit bedoelt"): both show the whole entry
    expect(["answer", "ambiguous"]).toContain(r.status);
    const a = r.answer!;
    expect(a.kind).toBe("checklist");
    expect(a.items).toHaveLength(3);
    expect(a.links[0]!.url).toBe("https://wetten.overheid.nl/BWBR0003740");
    expect(a.related).toEqual([{ id: "gemeenschappelijke-regeling", title: "GR (gemeenschappelijke regeling)" }]);
    expect(a.text).not.toContain("- [ ]");
  });

  it("corrects typos against the base's vocabulary", () => {
    expect(top("zienswjize op de begrotnig")).toBe("zienswijze-begroting");
  });

  it("joins words written apart and splits compounds", () => {
    expect(top("hoe werkt een centrum gemeente")).toBe("centrumgemeente");
    expect(top("wat is een samenwerkingsverband")).toBe("gemeenschappelijke-regeling");
  });

  it("expands synonyms and abbreviations", () => {
    expect(top("wat is een gr")).toBe("gemeenschappelijke-regeling");
    expect(top("eruit stappen checklist")).toBe("checklist-uittreden");
  });

  it("prefers a checklist when one is asked for", () => {
    const r = engine.ask("checklist uittreden");
    expect(r.answer?.kind).toBe("checklist");
  });

  it("gives help for greetings, help requests and empty input", () => {
    for (const q of ["", "   ", "hallo", "Help", "wat kun je?", "Goedemorgen!", "🙂🙂", "\u0000\u0007"]) {
      const r = engine.ask(q);
      expect(r.status, JSON.stringify(q)).toBe("help");
      expect(r.answer).toBeNull();
    }
  });

  it("says unknown, with at most three suggestions, for off-topic questions", () => {
    for (const q of [
      "Hoe bak ik een appeltaart?",
      "qwerty uiop",
      "Wat is het weerbericht voor morgen?",
      "parkeervergunning aanvragen",
    ]) {
      const r = engine.ask(q);
      expect(r.status, q).toBe("unknown");
      expect(r.answer).toBeNull();
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      expect(r.confidence).toBeLessThan(engine.threshold);
    }
  });

  it("never throws on hostile input and stays fast", () => {
    const inputs = [
      "x".repeat(100_000),
      "zienswijze ".repeat(10_000),
      "<script>alert(1)</script> zienswijze",
      "<!channel> <@U123> zienswijze begroting",
      "\u202e\u0000\ufeff" + "🎉".repeat(1000),
      "[](javascript:alert(1)) **zienswijze**",
      null as unknown as string,
      42 as unknown as string,
    ];
    for (const q of inputs) {
      const t = performance.now();
      const r = engine.ask(q);
      expect(performance.now() - t).toBeLessThan(500);
      expect(["answer", "ambiguous", "unknown", "help"]).toContain(r.status);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(top("<!channel> <@U123> zienswijze begroting")).toBe("zienswijze-begroting");
  });

  it("gives the reply for an id, and null for an unknown id", () => {
    expect(engine.replyFor("centrumgemeente")).toMatchObject({
      status: "answer",
      confidence: 1,
      answer: { id: "centrumgemeente" },
    });
    expect(engine.replyFor("bestaat-niet")).toBeNull();
  });

  it("answers the same from a serialized index", () => {
    const again = createEngine(kb, { prebuiltIndex: serializeIndex(kb.entries) });
    for (const q of ["zienswijze begroting", "checklist uittreden", "wat is een gr", "appeltaart"]) {
      expect(again.ask(q)).toEqual(engine.ask(q));
    }
  });
});
