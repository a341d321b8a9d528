// Questions that compare two forms of cooperation ("wat is het verschil tussen een GR en een stichting") are
// answered by the entries that set forms side by side, not by an entry that mentions one of them in passing.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { language } from "../../src/engine/language.ts";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

/** The entries that compare forms of cooperation. */
const COMPARING = [
  "privaatrechtelijke-samenwerking",
  "juridische-vormen",
  "wgr-vormen",
  "checklist-samenwerkingsvorm",
  "vormen-van-samenwerking",
  "vorm-volgt-inhoud",
  "soorten-regelingen",
];

describe("comparison questions (real knowledge base)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });

  it("the comparison cues are language data and no content words", () => {
    expect(language.comparisonCues.has("verschil")).toBe(true);
    expect(language.comparisonCues.has("versus")).toBe(true);
    const focus = engine.explain!("wat is het verschil tussen een GR en een stichting").focus.map((f) => f.word);
    expect(focus).not.toContain("verschil");
  });

  it('"is A hetzelfde als B" compares A and B; "hetzelfde" is no subject word', () => {
    const x = engine.explain!("is een collegeregeling eigenlijk hetzelfde als een gemeenschappelijk orgaan?");
    expect(x.focus.map((f) => f.word)).not.toContain("hetzelfde");
    expect(["soorten-regelingen", "wgr-vormen", "gemeenschappelijk-orgaan", "collegeregeling"]).toContain(
      x.candidates[0]?.id,
    );
  });

  it("routes the comparison to an entry that compares forms, answered", () => {
    for (const q of [
      "convenant of samenwerkingsovereenkomst, wat is het verschil met een GR",
      "centrumgemeente versus openbaar lichaam",
      "wat onderscheidt een coöperatie van een gemeenschappelijke regeling",
      "waarin verschilt een bedrijfsvoeringsorganisatie van een openbaar lichaam",
    ]) {
      const reply = engine.ask(q);
      expect(COMPARING, q).toContain(reply.answer?.id);
      // Answered with the entry; whether confidently or in the middle band moves with each refit of the model.
      expect(["answer", "ambiguous"], q).toContain(reply.status);
    }
  });

  it("still refuses comparisons outside the domain", () => {
    for (const q of ["wat is het verschil tussen een kat en een hond", "iphone versus android", "vs", "verschil"])
      expect(engine.ask(q).status, q).toBe("unknown");
  });

  it("a comparison is answered by a topic, not by a checklist it did not ask for", () => {
    const r = engine.ask("wat is het verschil tussen de paragraaf verbonden partijen en een nota verbonden partijen");
    expect(r.answer?.kind).not.toBe("checklist");
    expect(r.answer?.id).toBe("nota-verbonden-partijen");
  });
});
