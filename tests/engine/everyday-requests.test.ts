// Everyday ways of asking (issue 11, round nine): "waar moeten we aan denken" asks for a checklist; dissatisfaction
// ("niet blij", "ontevreden") asks how to steer; "van tevoren" in "hoe lang van tevoren" is no subject word.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isChecklistCue, language } from "../../src/engine/language.ts";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("everyday requests", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });

  it('"aan denken" asks for a checklist, "denken in de keten" does not', () => {
    const tokens = ["waar", "moeten", "we", "aan", "denken"];
    expect(isChecklistCue(tokens, 4, language)).toBe(true);
    expect(isChecklistCue(["denken", "in", "de", "keten"], 0, language)).toBe(false);
    const r = engine.ask("we gaan misschien uittreden, waar moeten we allemaal aan denken?");
    expect(r.answer?.kind).toBe("checklist");
    expect(r.answer?.id).toBe("checklist-uittreden");
    expect(engine.explain!("wat betekent denken in de keten").candidates[0]?.id).toBe("samenwerken-binnen-de-gemeente");
  });

  it("a checklist cue written apart or ending a compound asks for a checklist ('check lijst', 'afwegingslijstje')", () => {
    expect(isChecklistCue(["een", "check", "lijst"], 2, language)).toBe(true);
    expect(isChecklistCue(["een", "afwegingslijstje"], 1, language)).toBe(true);
    expect(isChecklistCue(["de", "kandidatenlijst"], 1, language)).toBe(false);
    expect(engine.ask("is er een beslislijstje voor toetreden tot een gr").answer?.kind).toBe("checklist");
  });

  it("'een lijst met punten' asks for a checklist; 'de lijst van verbonden partijen' does not", () => {
    // Before: a topic (the register), the list of points read as a subject.
    const r = engine.ask("we gaan de gemeenschappelijke regeling wijzigen, heeft u een lijst met punten voor de raad");
    expect(r.answer?.kind).toBe("checklist");
    expect(r.answer?.id).toBe("checklist-wijzigen-regeling");
    expect(engine.explain!("waar staat de lijst van verbonden partijen van onze gemeente").wantsChecklist).toBe(false);
  });

  it("what a requested checklist holds ('met de stappen en de volgorde') is no subject; 'per' is no subject word", () => {
    // Before: refused (0.01), "volgorde" and "per" searched, the entry on form following content first.
    const r = engine.ask("We willen per 1 juli uit de regeling. Heeft u een checklist met de stappen en de volgorde?");
    expect(r.answer?.kind).toBe("checklist");
    expect(r.answer?.id).toBe("checklist-uittreden");
    // Without a checklist request the order stays a subject.
    const focus = engine.explain!("in welke volgorde komen kadernota, begroting en jaarrekening").focus;
    expect(focus.map((f) => f.word)).toContain("volgorde");
  });

  it("'aan … denken' with a modal between asks for a checklist; 'checken wanneer' asks to verify a fact", () => {
    expect(isChecklistCue(["waar", "we", "vooraf", "aan", "moeten", "denken"], 5, language)).toBe(true);
    expect(isChecklistCue(["kun", "je", "checken", "wanneer", "het", "ab", "vergadert"], 2, language)).toBe(false);
    expect(isChecklistCue(["kun", "je", "checken", "in", "welke", "regelingen"], 2, language)).toBe(false);
    expect(isChecklistCue(["wat", "moet", "ik", "checken", "voordat", "we", "toetreden"], 3, language)).toBe(true);
    // Verifying, "checken" is no subject word either.
    const x = engine.explain!("kun je checken in welke gemeenschappelijke regelingen wij zitten, is er een register");
    expect(x.wantsChecklist).toBe(false);
    expect(x.focus.map((f) => f.word)).not.toContain("checken");
  });

  it("'uit te treden' with a checklist request gets the checklist on leaving, 'toe te treden' the one on joining", () => {
    // Before: the checklist on joining, whose summary says "toe te treden" (the bare "treden" matched it).
    expect(engine.ask("is er een checklist om uit te treden").answer?.id).toBe("checklist-uittreden");
    expect(engine.ask("is er een checklist om toe te treden").answer?.id).toBe("checklist-toetreden-gr");
  });

  it("a checklist asked for after a context with rarer words still finds the checklist on the request's subject", () => {
    // Before: refused (0.23), the entry on societal tasks first ("sociaal domein" rarer than "evalueren").
    const r = engine.ask(
      "we willen de regionale samenwerking in het sociaal domein na vier jaar evalueren, is daar een checklist voor",
    );
    expect(r.status).not.toBe("unknown");
    expect(r.answer?.id).toBe("checklist-evaluatie-samenwerking");
  });

  it("dissatisfaction with a GR reaches the entries on steering", () => {
    const x = engine.explain!("wij zijn niet blij met hoe de regionale afvaldienst werkt, wat kan de raad doen?");
    expect(x.expansions.join(" ")).toMatch(/niet blij → bijstur/);
    expect([
      "resultaten-en-bijsturen",
      "valkuil-geen-sturing",
      "rol-van-de-raad",
      "checklist-evaluatie-samenwerking",
    ]).toContain(x.candidates[0]?.id);
    expect(x.status).not.toBe("unknown");
  });

  it("'wat verstaat men daar onder' asks what a term means: neither 'verstaan' nor 'onder' is a subject word", () => {
    // Before: "verstaan" and "onder" were matched as subject words and the definition was refused (0.08).
    const x = engine.explain!("verlengd lokaal bestuur, wat verstaat men daar eigenlijk onder");
    expect(x.focus.map((f) => f.word)).toEqual(["verlengd", "lokaal", "bestuur"]);
    const r = engine.ask("democratische legitimatie: wat verstaan ze daar onder?");
    expect(r.status).toBe("answer");
    expect(r.answer?.id).toBe("democratische-legitimatie");
  });

  it('"van tevoren" is no subject word', () => {
    const focus = engine.explain!("hoe lang van tevoren krijgt de raad de ontwerpbegroting").focus.map((f) => f.word);
    expect(focus).not.toContain("tevoren");
  });
  it("'hoe schrijf je een zienswijze' asks how to give one; 'schrijf een zienswijze voor ons' stays a writing request", () => {
    // Before: refused (0.17), "schrijf" weighing as a rare word of the base's text on wensen en bedenkingen.
    const how = engine.ask("hoe schrijf je als raad een zienswijze");
    expect(how.status).not.toBe("unknown");
    expect(how.answer?.id).toMatch(/zienswijze/);
    expect(engine.ask("schrijf een zienswijze voor onze raad over de begroting").status).toBe("unknown");
    expect(engine.ask("hoe schrijf ik een amendement op de begroting van de gemeente").status).toBe("unknown");
  });
  it("a nota is a text the bot does not write; steps for writing one are a checklist request", () => {
    // Before: the entry on the nota verbonden partijen answered the request to write one.
    expect(engine.ask("kun je onze nieuwe nota verbonden partijen voor me opstellen").message).toBe(
      language.messages.writing,
    );
    // Before: refused as a writing request, though it asks for the steps.
    const steps = engine.explain!("kun je een stappenplan geven voor het schrijven van een zienswijze");
    expect(steps.asksToWrite).toBe(false);
    expect(steps.status).not.toBe("unknown");
  });

  it("another language is off the subject: the bot neither translates nor answers in it", () => {
    expect(engine.explain!("hoe heet een verbonden partij in het Engels").asksOffDomain).toBe(true);
    expect(engine.ask("kun je de zienswijze van onze raad in het Duits omzetten").status).toBe("unknown");
  });

  it("asking the bot to write a reaction or a piece for the paper is a writing request", () => {
    // Before: the checklist on the zienswijze (ambiguous), and a refusal without saying why.
    const reaction = engine.ask("kun je een reactie op de kadernota van de gr voor me opstellen");
    expect(reaction.status).toBe("unknown");
    expect(reaction.message).toBe(language.messages.writing);
    expect(engine.ask("schrijf een stuk over onze samenwerking voor de website van de gemeente").message).toBe(
      language.messages.writing,
    );
    // Asking how such a text is made is no request to write it.
    expect(engine.explain!("hoe schrijf je als raad een reactie op de begroting van de gr").asksToWrite).toBe(false);
  });
});
