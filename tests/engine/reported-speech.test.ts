// Reported speech: "onze wethouder zei dat we gewoon kunnen uittreden, klopt dat?". Who said it never counts; what was
// said is the subject the question checks.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clauseWeights, splitClauses } from "../../src/engine/focus.ts";
import { language } from "../../src/engine/language.ts";
import { sharedEngine } from "../support/knowledge.ts";

const content = (c: { tokens: string[] }) =>
  c.tokens.filter((t) => t.length > 3 && t !== "klopt" && !language.backReferences.has(t)).length;
const weighted = (text: string) => {
  const clauses = splitClauses(text, language);
  const w = clauseWeights(clauses, content);
  return clauses.map((c, i) => [c.text.trim(), w[i]] as const);
};

describe("reported speech", () => {
  it("gives the speaker no weight and the reported clause full weight", () => {
    expect(weighted("onze wethouder zei in de commissie dat we gewoon kunnen uittreden, klopt dat?")).toEqual([
      ["onze wethouder zei in de commissie dat", 0],
      ["we gewoon kunnen uittreden", 1],
      ["klopt dat?", 1],
    ]);
  });

  it("keeps the reported clause as the subject next to an asking clause with content of its own", () => {
    const w = weighted("Onze griffier vertelde dat de termijn langer is geworden. Hoeveel weken hebben we nu?");
    expect(w[0]).toEqual(["Onze griffier vertelde dat", 0]);
    expect(w[1]![1]).toBeGreaterThanOrEqual(0.7);
    expect(w[2]![1]).toBe(1);
  });

  it("takes only the words after the last 'en' as the speaker", () => {
    const w = weighted(
      "Wij hebben geen beleid over verbonden partijen en de accountant zegt dat het moet. Wat moet erin?",
    );
    expect(w[0]).toEqual(["Wij hebben geen beleid over verbonden partijen", 1]);
    expect(w[1]).toEqual(["en de accountant zegt dat", 0]);
  });

  it("weighs a quoted passage as what was said, the subject the question checks", () => {
    const w = weighted("college belooft 'de raad actief te informeren over de gr'. is dat een gunst of verplicht");
    expect(w[0]).toEqual(["college belooft 'de raad actief te informeren over de gr'.", 0.7]);
    // A quoted word or an apostrophe is no passage.
    expect(weighted("ik las 'collegeregeling' in de stukken. hoe werkt de zienswijze")[0]![1]).toBe(0.35);
    expect(weighted("zo'n regeling heeft auto's. hoe werkt de zienswijze")[0]![1]).toBe(0.35);
  });

  it("gives what introduces a quote with a colon no weight, as it gives the speaker before 'dat'", () => {
    const w = weighted("de wethouder schreef in een brief: 'de GR heeft een negatief weerstandsvermogen'. wat nu?");
    expect(w[0]).toEqual(["de wethouder schreef in een brief:", 0]);
    expect(weighted("Raadsvoorstel: 'de raad wordt gevraagd toestemming te verlenen'. waarom?")[0]![1]).toBe(0);
    // A colon before a question, not a quote, says nothing about a speaker.
    expect(weighted("de wethouder schreef in een brief: hoe werkt de zienswijze?")[0]![1]).toBeGreaterThan(0);
  });

  it("is no report after an infinitive ('durft te zeggen dat')", () => {
    const clauses = splitClauses("niemand durft te zeggen dat het niet werkt, hoe doorbreek je dat", language);
    expect(clauses.some((c) => c.speaker)).toBe(false);
  });

  it("answers a question about a quoted promise from the quote ('is dat een gunst of zijn ze dat verplicht')", async () => {
    const engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
    const q =
      "college belooft 'de raad actief te informeren over alle relevante ontwikkelingen bij de gr'. is dat een gunst of " +
      "zijn ze dat verplicht";
    // Before: the quote weighed as background and the entry on compulsory cooperation answered.
    expect(engine.ask(q).answer?.id).toBe("actieve-informatieplicht");
  });
});
