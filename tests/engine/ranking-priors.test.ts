// Ranking between neighbours on one subject: an example entry (one region, "Voorbeeld: …") whose region is named
// only in the context of a message ranks lower, and one whose region is not named at all a little lower; named in
// the asking clause, or asked for as an example, it may win. A clause
// that only names alternatives ("publiekrecht of privaatrecht, wat kiezen we?") makes the message a comparison.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isChecklistCue, language } from "../../src/engine/language.ts";
import { namesChoice } from "../../src/engine/query.ts";
import type { Engine } from "../../src/engine/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { sharedEngine, sharedKnowledgeBase } from "../support/knowledge.ts";

describe("namesChoice", () => {
  const content = (t: string) => !["de", "het", "een", "of", "wat", "we", "is"].includes(t);
  it("finds a clause that only names alternatives", () => {
    expect(namesChoice(["publiekrecht", "of", "privaatrecht"], content)).toBe(true);
    expect(namesChoice(["een", "convenant", "of", "een", "gemeenschappelijke", "regeling"], content)).toBe(true);
  });
  it("rejects clauses that say more than the alternatives", () => {
    expect(namesChoice(["publiekrecht"], content)).toBe(false);
    expect(namesChoice(["wat", "is", "publiekrecht", "of", "privaatrecht"], content)).toBe(false);
    expect(namesChoice(["a", "of", "b", "of", "c"], content)).toBe(false);
    expect(namesChoice(["of", "privaatrecht"], content)).toBe(false);
  });
});

describe("isChecklistCue", () => {
  it("a checklist noun asks for a checklist only right after 'welke'", () => {
    const asked = ["welke", "stappen", "moet", "de", "raad", "doorlopen"];
    expect(isChecklistCue(asked, 1, language)).toBe(true);
    const verb = ["kunnen", "we", "uit", "de", "gr", "stappen"];
    expect(isChecklistCue(verb, 5, language)).toBe(false);
    expect(isChecklistCue(["een", "afvinklijst"], 1, language)).toBe(true);
  });
});

describe("ranking priors (real knowledge base)", () => {
  let kb: KnowledgeBase;
  let engine: Engine;
  beforeAll(async () => {
    kb = await sharedKnowledgeBase(join(import.meta.dirname, "../../knowledge"));
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });
  const ranking = (q: string) => engine.explain!(q).candidates.map((c) => c.id);

  it("example entries are recognised by language data", () => {
    expect(language.exampleTitlePrefix).toBe("voorbeeld");
    expect(language.exampleCues.has("voorbeelden")).toBe(true);
  });

  it("the example wins when the asking clause names its region", () => {
    expect(ranking("hoe werkte de regioraad in de Drechtsteden")[0]).toBe("voorbeeld-drechtsteden");
  });

  it("a region named only in the context does not make the example win", () => {
    const r = ranking(
      "Bij ons in de Drechtsteden is er discussie. Waarom hebben sommige regio's een regioraad en andere niet?",
    );
    expect(r[0]).toBe("politieke-samenwerking");
  });

  it("an example whose region the message does not name at all ranks a little lower than the general entry", () => {
    // Before: the Stedendriehoek example (its own rekenkamer) ranked first by a hair.
    expect(ranking("kan onze rekenkamer onderzoek doen bij de gr")[0]).toBe("onderzoeksrecht-en-rekenkamer");
    // Named, it still answers.
    expect(ranking("hoe werkt de rekenkamer in de regio Stedendriehoek")[0]).toBe("voorbeeld-stedendriehoek");
  });

  it("a choice named before the question ranks an entry that sets both alternatives side by side first", () => {
    const q = "publiekrecht of privaatrecht, wat kiezen we voor onze samenwerking?";
    const focus = engine.explain!(q).focus;
    expect(focus.find((f) => f.word === "publiekrecht")?.weight).toBeGreaterThanOrEqual(0.7);
    const best = kb.byId.get(ranking(q)[0]!)!;
    const text = `${best.title} ${best.body}`.toLowerCase();
    expect(text).toContain("publiekrecht");
    expect(text).toContain("privaatrecht");
  });

  it("a term in quotes ranks the entry whose title holds it first", () => {
    // Before: the overview of all pitfalls, which lists 'lege bv' among its keywords, ranked first.
    const q =
      "iemand had het in de commissie over het risico van een 'lege bv' bij samenwerking, wat wordt daarmee bedoeld?";
    expect(ranking(q)[0]).toBe("valkuil-lege-bv");
    expect(engine.explain!("wat is een 'lege bv'").candidates[0]!.id).toBe("valkuil-lege-bv");
    // An apostrophe inside a word opens no quote.
    expect(engine.explain!("zo'n gr'en, wat zijn dat").candidates[0]!.id).not.toBe("valkuil-lege-bv");
  });

  it("the entry on the nota verbonden partijen says who adopts it in the infinitive the question uses", () => {
    // Before: the entry on a vision of cooperation ranked first; the nota's text only had "stelt haar vast".
    expect(ranking("hoe vaak moet de raad de nota verbonden partijen vaststellen")[0]).toBe("nota-verbonden-partijen");
  });

  it("the adjective 'leeg' is not the verb 'legen' ('geleegd'): a waste complaint is no 'lege bv' question", () => {
    // Before: answered at 88 % with the entry on the municipality as an empty shell ("lege BV").
    const r = engine.ask(
      "wij zitten met afval in een regionale samenwerking maar mijn container is al twee weken niet geleegd. wanneer komen ze nou bij ons langs?",
    );
    expect(r.status).toBe("unknown");
  });

  it("the verb 'gelden' is no money word: it is not expanded to begroting", () => {
    const ex = engine.explain!("Welke termijnen gelden er voor de zienswijze?");
    expect(ex.expansions.join(" ")).not.toMatch(/begrot|financ/);
    expect(engine.explain!("wat kost de GR aan geld").expansions.join(" ")).toMatch(/begrot/);
  });

  it("measuring what cooperation yields reaches the entry on results (spreektaal: meten → resultaten)", () => {
    const q =
      "We hebben het gevoel dat de samenwerking alleen geld kost. Hoe meet je of een samenwerking iets oplevert?";
    expect(engine.explain!(q).expansions.join(" ")).toMatch(/resultat/);
    expect(ranking(q).slice(0, 3)).toContain("resultaten-en-bijsturen");
  });

  it("'welke stappen' asks for a checklist and is no search word; 'uit de GR stappen' is neither", () => {
    const q = "We sluiten ons aan bij een nieuwe GR voor afval, welke stappen moet de raad doorlopen?";
    const ex = engine.explain!(q);
    expect(ex.wantsChecklist).toBe(true);
    expect(ex.focus.map((f) => f.word)).not.toContain("stappen");
    expect(engine.explain!("kunnen we uit de gr stappen").wantsChecklist).toBe(false);
  });

  it("a checklist request with its subject in a condition finds the checklist on that subject", () => {
    const q = "welke stappen moeten we doorlopen als de regeling aangepast moet worden, graag puntsgewijs";
    expect(ranking(q)[0]).toBe("checklist-wijzigen-regeling");
  });

  it("disagreeing with the GR's begroting is about the zienswijze, not about where local figures are", () => {
    // Before: the entry on finding local data at 96 %, through its keyword "begroting gr".
    expect(ranking("we zijn het niet eens met de begroting van de gr, wat kunnen we doen")[0]).toBe(
      "zienswijze-begroting",
    );
  });

  it("an example region does not answer a general question through generic keywords", () => {
    // Before: the BEL example first (its keywords named the algemeen and dagelijks bestuur).
    expect(engine.explain!("mag het db zonder het ab besluiten").candidates[0]?.id).toBe("dagelijks-bestuur");
  });

  it("asking why gemeenten work together reaches the reasons, not an entry that had 'samen werken' as a keyword", () => {
    // Before: the entry on societal tasks first; its keyword "samen werken" matched the separated verb.
    expect(engine.explain!("waarom werken gemeenten in de regio samen").candidates[0]?.id).toBe("waarom-samenwerken");
  });
});
