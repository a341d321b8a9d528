// A topic and the checklist that goes with it are one subject in two forms: a tie between them is no doubt.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/confidence.ts";
import { createEngine } from "../../src/engine/index.ts";
import type { Engine } from "../../src/engine/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { sharedEngine, sharedKnowledgeBase } from "../support/knowledge.ts";

let kb: KnowledgeBase;
let engine: Engine;
beforeAll(async () => {
  kb = await sharedKnowledgeBase(join(import.meta.dirname, "../../knowledge"));
  engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
});

describe("a topic and its own checklist ranked side by side", () => {
  it("answer with the best of the two and offer the other, instead of 'Ik denk dat u dit bedoelt'", () => {
    const r = engine.ask("Hoe geeft de raad een zienswijze op de ontwerpbegroting?");
    expect(r.answer?.id).toBe("zienswijze-begroting");
    expect(r.status).toBe("answer");
    expect(r.alternatives.map((a) => a.id)).toContain("checklist-zienswijze-begroting");
    // They are companions in the base: the checklist lists the topic as related.
    expect(kb.byId.get("checklist-zienswijze-begroting")?.related).toContain("zienswijze-begroting");
  });

  it("answer with the topic when the checklist ranks first but was not asked for", () => {
    const r = engine.ask("Hoe gaat uittreden uit een GR?");
    expect(r.status).toBe("answer");
    expect(r.answer?.id).toBe("uittreden-gr");
    expect(r.alternatives[0]?.id).toBe("checklist-uittreden");
  });

  it("in the middle band too, the topic answers before its unasked checklist, which is offered first", () => {
    // Before: "Ik denk dat u dit bedoelt:" with the checklist on choosing a form. The committed model's thresholds
    // move with every refit; thresholds set around this question's confidence keep it in the middle band.
    const q =
      "moeten we eerst de juridische vorm vastleggen of eerst de inhoud, nu we iets nieuws met de buren beginnen";
    const confidence = engine.ask(q).confidence;
    const model = defaultModel();
    const middle = createEngine(kb, {
      model: { ...model, thresholds: { answer: confidence + 0.001, ambiguous: confidence - 0.1 } },
    });
    const r = middle.ask(q);
    expect(r.status).toBe("ambiguous");
    expect(r.answer?.id).toBe("vorm-volgt-inhoud");
    expect(r.alternatives[0]?.id).toBe("checklist-samenwerkingsvorm");
  });

  it("the topic answers further behind its checklist when it covers the question at least as well", () => {
    // Before: the checklist on taking part in a foundation or company answered, unasked, and the topic was not offered.
    const r = engine.ask("mag een gemeente ook samenwerken in een stichting of een bv in plaats van zo'n regeling");
    expect(r.answer?.id).toBe("privaatrechtelijke-samenwerking");
    expect(r.alternatives[0]?.id).toBe("checklist-privaatrechtelijke-deelname");
  });

  it("the topic answers when it ranks close behind its checklist, though the checklist covers more words", () => {
    // Before: the checklist on a verbonden partij's jaarrekening (more context words in its items) answered a
    // question about the jaarrekening of a GR.
    const r = engine.ask(
      "bij team financien ligt de jaarrekening 2024 van onze belastingsamenwerking. raadsleden willen weten of het " +
        "alleen ter kennisname is. hoe zit het met de jaarrekening van een gr?",
    );
    expect(r.answer?.id).toBe("jaarrekening-gr");
    expect(r.alternatives.map((a) => a.id)).toContain("checklist-jaarrekening-verbonden-partij");
  });

  it("a checklist request still gets the checklist", () => {
    const r = engine.ask("Is er een checklist voor uittreden uit een GR?");
    expect(r.answer?.id).toBe("checklist-uittreden");
  });
});
