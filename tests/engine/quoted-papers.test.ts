// Messages that quote papers and mails (issue 11, round twenty-seven): griffiers paste a sentence from a brief or a
// concept and ask what it means for the raad; people write "kunt u samenvatten wat …" and "op een rij zetten".
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { splitClauses } from "../../src/engine/focus.ts";
import { isChecklistCue, language } from "../../src/engine/language.ts";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("messages quoting papers", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });
  const focus = (q: string) => Object.fromEntries(engine.explain!(q).focus.map((f) => [f.word, f.weight]));

  it("a quoted sentence that ends in '.' before the closing quote ends there: the question after it is its own", () => {
    const clauses = splitClauses(
      "Het DB schrijft: 'Het tekort wordt naar rato bij de gemeenten in rekening gebracht.' Moeten wij dat betalen?",
      language,
    );
    expect(clauses.map((c) => [c.text.trim(), c.asking])).toEqual([
      ["Het DB schrijft:", false],
      ["'Het tekort wordt naar rato bij de gemeenten in rekening gebracht.'", false],
      ["Moeten wij dat betalen?", true],
    ]);
  });

  it("asking whether the gemeente must pay a quoted deficit is a rule the base answers, not one body's figure", () => {
    const q =
      "Uit de brief van Afvalschap De Hoge Weide: 'Het negatieve resultaat wordt via de verdeelsleutel over de " +
      "deelnemers verdeeld.' Zijn wij als gemeente verplicht dat bij te betalen?";
    const r = engine.ask(q);
    expect(engine.explain!(q).localFigure).toBe(false);
    expect(r.status).toBe("answer");
    expect(r.answer?.id).toBe("financiele-risicos-gr");
  });

  it("'kunt u samenvatten wat …' asks about a subject; 'de jaarrekening samenvatten' stays a document request", () => {
    const q = "Kunt u kort samenvatten wat er met de wetswijziging van 2022 voor raadsleden anders werd?";
    const subject = engine.ask(q);
    expect(engine.explain!(q).aboutDocument).toBe(false);
    expect(subject.answer?.id).toBe("wet-versterking-democratische-legitimatie");
    expect(engine.explain!("kunt u de jaarrekening van de GGD even samenvatten?").aboutDocument).toBe(true);
  });

  it("'wat gebeurt er dan met het personeel en de reserves' after a named body's plan asks a rule, not a figure", () => {
    const q =
      "Het AB van Recreatieschap Lindeveld stelt voor de GR per 1 januari 2029 op te heffen. Wat gebeurt er dan met " +
      "het personeel en de reserves?";
    expect(engine.explain!(q).localFigure).toBe(false);
    expect(engine.ask(q).answer?.id).toBe("opheffing-gr");
  });

  it("when one council took a past decision is a local fact; when a council must decide is a term", () => {
    expect(
      engine.explain!("Op welke datum heeft de raad van Bergmaas zijn zienswijze op de begroting vastgesteld?")
        .localFigure,
    ).toBe(true);
    expect(
      engine.explain!("Wanneer moet onze raad de zienswijze op de begroting hebben vastgesteld?").localFigure,
    ).toBe(false);
  });

  it("who forwarded a quoted mail ('Forward van wethouder …:') never counts", () => {
    const w = focus(
      "Forward van wethouder De Vries: 'De grootste gemeente krijgt straks 4 stemmen in het AB.' Mag dat volgens de Wgr?",
    );
    expect(w.wethouder).toBe(0);
    expect(
      engine.ask("Forward van wethouder De Vries: 'Wij krijgen 1 stem in het AB en zij 4.' Mag dat?").answer?.id,
    ).toBe("stemverhouding-ab");
  });

  it("'op een rij zetten' asks for a list: neither 'rij' nor 'zetten' (read as 'opzetten') is a subject word", () => {
    const w = focus("Ik zoek de bekende valkuilen bij regionale samenwerking. Kunt u die op een rij zetten?");
    expect(w.rij).toBeUndefined();
    expect(w.zetten).toBeUndefined();
    expect(engine.explain!("Kunt u die op een rijtje zetten?").expansions.join(" ")).not.toContain("opzet");
  });

  it("'een lijst met aandachtspunten om af te werken' asks for a checklist; the asker's werkgroep is context", () => {
    const tokens = ["een", "lijst", "met", "aandachtspunten"];
    expect(isChecklistCue(tokens, 1, language)).toBe(true);
    expect(isChecklistCue(["de", "lijst", "van", "verbonden", "partijen"], 1, language)).toBe(false);
    const q =
      "Graag aandachtspunten die wij als juridische werkgroep kunnen afwerken, nu het college wil stoppen met de " +
      "samenwerking in het Streekarchief Oost.";
    const w = focus(q);
    expect(w.juridische).toBe(0);
    expect(w.werkgroep).toBe(0);
    const r = engine.ask(q);
    expect(r.answer?.kind).toBe("checklist");
    expect(r.answer?.id).toBe("checklist-uittreden");
  });
});
