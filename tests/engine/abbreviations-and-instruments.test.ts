// Questions about what an abbreviation stands for ("wat is de Wgr voluit") and about how the council gets information
// from a GR ("informatie opvragen", "financiële tegenvallers") in everyday words.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("abbreviations and the council's instruments", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });

  it("'voluit' or 'uitgeschreven' after an abbreviation changes nothing", () => {
    for (const [abbr, id] of [
      ["de Wgr", "wgr"],
      ["een BVO", "bedrijfsvoeringsorganisatie"],
    ] as const) {
      const base = engine.ask(`wat is ${abbr}`);
      expect(base.answer?.id).toBe(id);
      for (const q of [`wat is ${abbr} voluit`, `wat is ${abbr} uitgeschreven`]) {
        const r = engine.ask(q);
        expect(r.answer?.id, q).toBe(id);
        expect(r.status, q).toBe(base.status);
      }
    }
  });

  it("council shorthand reaches its entry: rkc (rekenkamercommissie), vp's (verbonden partijen)", () => {
    expect(engine.ask("mag de rkc een gr doorlichten").answer?.id).toBe("onderzoeksrecht-en-rekenkamer");
    expect(engine.ask("wat zijn vp's eigenlijk").answer?.id).toBe("verbonden-partij");
  });

  it("'opvragen' and 'tegenvallers' reach the base's words for the council's information", () => {
    const x = engine.explain!("hoe vraag ik informatie op bij de regio, kan ik die gewoon opvragen");
    expect(x.expansions.some((e) => e.startsWith("opvrag") && e.includes("spreektaal"))).toBe(true);
    const t = engine.explain!("moet de regio ons waarschuwen bij financiële tegenvallers");
    expect(t.expansions.some((e) => e.includes("tekort") && e.includes("spreektaal"))).toBe(true);
    expect(t.candidates[0]?.id).toBe("actieve-informatieplicht");
  });
});
