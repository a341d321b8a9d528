// Issue 11, round seven: general mechanisms for the way people really phrase questions: finite verbs reach the
// base's infinitive and noun, lexicon phrases match before stop words drop out, hedges ("ik snap niet goed") are no
// subject, a question embedded after a hedge asks, and a clause of condition is more than background.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { infinitivesOf, stem } from "../../src/engine/analyze.ts";
import { clauseWeights, CONDITION_WEIGHT, CONTEXT_WEIGHT, splitClauses } from "../../src/engine/focus.ts";
import { language } from "../../src/engine/language.ts";
import { hedgedWords, isFiller } from "../../src/engine/query.ts";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("infinitivesOf (finite verb → infinitive)", () => {
  it("derives the infinitive of present-tense forms, one of whose stems is the base's word", () => {
    const stems = (w: string) => infinitivesOf(w).map(stem);
    expect(stems("wijzigt")).toContain(stem("wijzigen"));
    expect(stems("wijzigt")).toContain(stem("wijziging"));
    expect(stems("uittreedt")).toContain(stem("uittreden"));
    expect(stems("treedt")).toContain(stem("treden"));
    expect(stems("oplevert")).toContain(stem("opleveren"));
    expect(stems("leeft")).toContain(stem("leven"));
    expect(stems("beslist")).toContain(stem("beslissen"));
  });

  it("derives the infinitive of weak past-tense forms ('stemde', 'stuurden', 'stapten')", () => {
    const stems = (w: string) => infinitivesOf(w).map(stem);
    expect(stems("stemde")).toContain(stem("stemmen"));
    expect(stems("wijzigde")).toContain(stem("wijzigen"));
    expect(stems("stuurden")).toContain(stem("sturen"));
    expect(stems("stapten")).toContain(stem("stappen"));
  });

  it("derives the infinitive of participles, also after a particle, and of irregular forms from the language data", () => {
    expect(infinitivesOf("gewijzigd")).toContain("wijzigen");
    expect(infinitivesOf("aangepast")).toContain("aanpassen");
    expect(infinitivesOf("opgericht")).toContain("oprichten");
    expect(infinitivesOf("uitgetreden")).toContain("uittreden");
    expect(infinitivesOf("opgeheven")).toEqual(["opheffen"]);
    expect(infinitivesOf("besloot")).toEqual(["besluiten"]);
    // An irregular participle after a particle: "genomen" is listed, "aangenomen" is aan + nemen.
    expect(infinitivesOf("aangenomen")).toContain("aannemen");
    expect(infinitivesOf("overgenomen")).toContain("overnemen");
  });

  it("leaves infinitives, short words and non-words alone", () => {
    expect(infinitivesOf("wijzigen")).toEqual([]);
    expect(infinitivesOf("gr")).toEqual([]);
    expect(infinitivesOf("2024")).toEqual([]);
  });
});

describe("focus: hedges and embedded questions", () => {
  it("negations and degree words next to a hedge are no subject; elsewhere they are", () => {
    const tokens = ["ik", "snap", "niet", "goed", "wie", "er", "beslist"];
    expect([...hedgedWords(tokens, language)].sort()).toEqual([2, 3]);
    expect([...hedgedWords(["waarom", "niet", "samenwerken"], language)]).toEqual([]);
    expect([...hedgedWords(["ik", "begrijp", "het", "nog", "niet", "helemaal"], language)].sort()).toEqual([3, 4, 5]);
  });

  it("a question embedded after a hedge is an asking clause of its own", () => {
    const clauses = splitClauses(
      "Ik ben sinds kort raadslid en snap nog steeds niet goed wat een gemeenschappelijke regeling is.",
      language,
    );
    expect(clauses.map((c) => [c.tokens[0], c.asking])).toEqual([
      ["ik", false],
      ["wat", true],
    ]);
    // Without a hedge before it, "wat" inside a clause splits nothing.
    expect(splitClauses("Ik ben raadslid en lees wat stukken over de regio.", language)).toHaveLength(1);
  });

  it("a clause of condition weighs CONDITION_WEIGHT, more than plain context", () => {
    const clauses = splitClauses(
      "Als een gemeente uit de regeling stapt, wie betaalt dan de achterblijvende kosten?",
      language,
    );
    expect(clauses.map((c) => c.condition)).toEqual([true, false]);
    const weights = clauseWeights(clauses, () => 2);
    expect(weights).toEqual([CONDITION_WEIGHT, 1]);
    expect(CONDITION_WEIGHT).toBeGreaterThan(CONTEXT_WEIGHT);
    // "als raadslid" is no condition.
    expect(splitClauses("wat kan ik als raadslid doen", language)[0]!.condition).toBe(false);
  });
});

describe("verb forms, separable verbs and lexicon phrases (real knowledge base)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });

  it("a finite verb reaches the entry named by its noun ('wijzigt' → begrotingswijziging)", () => {
    const x = engine.explain!("moeten wij iets doen als de GR haar begroting wijzigt");
    expect(x.expansions).toContain("wijzigt → wijzigen (verb form)");
    expect(x.candidates[0]?.id).toBe("begrotingswijziging-gr");
  });

  it("a particle joins a verb in the past tense too ('stapten … uit' → uitstappen)", () => {
    const x = engine.explain!("we stapten vorig jaar uit de afvalregeling, wat moesten we regelen");
    expect(x.expansions).toContain("stapten … uit → uitstappen (separable verb)");
  });

  it("a particle right before an article is a preposition ('stemt in het db' is no 'instemmen')", () => {
    const x = engine.explain!("onze wethouder stemt in het db tegen het voorstel, moet de raad dat weten?");
    expect(x.expansions.filter((e) => e.includes("separable verb"))).toEqual([]);
    // "uit" keeps joining its verb there: "uit de gr stappen" is leaving it.
    const uit = engine.explain!("stap je als gemeente zomaar uit de gr?");
    expect(uit.expansions).toContain("stap … uit → uitstappen (separable verb)");
  });

  it("a participle reaches the entry named by its verb ('de begroting is gewijzigd' → begrotingswijziging)", () => {
    const x = engine.explain!("de begroting is gewijzigd na onze zienswijze, wat nu?");
    expect(x.expansions).toContain("gewijzigd → wijzigen (verb form)");
    expect(x.candidates[0]?.id).toBe("begrotingswijziging-gr");
  });

  it("past forms of modal verbs are filler like their present forms ('moest', 'mochten')", () => {
    for (const w of ["moest", "mochten", "konden", "hoeft", "ging"]) expect(isFiller(w, language), w).toBe(true);
  });

  it("how our AB member voted is about the member's accountability, not the voting ratio", () => {
    const r = engine.ask("ons ab-lid stemde tegen wat de raad wilde, kunnen we daar iets mee?");
    expect(r.status).not.toBe("unknown");
    expect(r.answer?.id).toBe("positie-ab-lid");
  });

  it("the past participle of a filler verb is filler ('ondemocratisch genoemd')", () => {
    expect(isFiller("genoemd", language)).toBe(true);
    expect(isFiller("gegeven", language)).toBe(true);
    expect(isFiller("gemeente", language)).toBe(false);
    expect(isFiller("gebied", language)).toBe(false);
    const x = engine.explain!("waarom wordt regionale samenwerking vaak ondemocratisch genoemd?");
    expect(x.focus.map((f) => f.word)).not.toContain("genoemd");
    expect(x.candidates[0]?.id).toBe("valkuil-ondemocratisch");
  });

  it("a separated particle joins the verb's infinitive ('treedt … uit', 'stuur … bij')", () => {
    const uit = engine.explain!("wanneer treedt een gemeente uit een gr");
    expect(uit.expansions.some((e) => e.endsWith("→ uittreden (separable verb)"))).toBe(true);
    expect(uit.candidates[0]?.id).toBe("uittreden-gr");
    const bij = engine.explain!("wanneer stuur je als raad bij");
    expect(bij.expansions.some((e) => e.endsWith("→ bijsturen (separable verb)"))).toBe(true);
  });

  it("a lexicon phrase with a stop word matches in any Dutch word order ('lid worden', 'word je lid')", () => {
    const x = engine.explain!("hoe word je lid van een gr");
    expect(x.focus.map((f) => f.word)).toContain("lid worden");
    expect(x.focus.map((f) => f.word)).not.toContain("word");
    expect(x.expansions.some((e) => e.startsWith("lid worden →") && e.includes("toetred"))).toBe(true);
    expect(["checklist-toetreden-gr", "toestemming-raad"]).toContain(x.candidates[0]?.id);
    expect(engine.ask("hoe word je lid van een gr").status).not.toBe("unknown");
  });

  it("a colloquial phrase of stop words and filler reaches its target ('in de gaten houden')", () => {
    const x = engine.explain!("hoe houden we in de gaten of de samenwerking wel oplevert wat we wilden");
    expect(x.focus.map((f) => f.word)).toContain("in de gaten houden");
    expect(x.focus.map((f) => f.word)).not.toContain("gaten");
    expect(x.candidates[0]?.id).toBe("resultaten-en-bijsturen");
  });

  it("'er … uit' at the end of a clause is 'eruit' (leaving): 'kunnen we daar nog uit?' (split_adverb_heads)", () => {
    for (const q of ["kunnen we er nog uit", "kan onze gemeente daar eigenlijk wel uit?"]) {
      const x = engine.explain!(q);
      expect(
        x.focus.map((c) => c.word),
        q,
      ).toContain("eruit");
      expect(x.candidates[0]?.id, q).toBe("uittreden-gr");
    }
    // "uit" before the place it comes from is a preposition: "lessen die er uit het voorbeeld te halen zijn".
    expect(engine.explain!("welke lessen zijn er uit het voorbeeld te leren").focus.map((c) => c.word)).not.toContain(
      "eruit",
    );
  });

  it("'eruit' in an idiom is no leaving: 'hoe ziet een zienswijze eruit', 'we komen er niet uit' (eruit_idiom_verbs)", () => {
    const looks = engine.ask("hoe ziet een zienswijze eruit");
    expect(looks.answer?.id).toBe("zienswijze");
    for (const q of ["hoe ziet een zienswijze eruit", "hoe ziet zo'n zienswijze er uit", "we komen er niet uit"])
      expect(
        engine.explain!(q).focus.map((c) => c.word),
        q,
      ).not.toContain("eruit");
  });

  it("a phrase never reaches across 'en' ('willen eruit en het zelf gaan doen' is no 'eruit gaan')", () => {
    const x = engine.explain!("sommige partijen willen eruit en het zelf gaan doen");
    expect(x.focus.map((f) => f.word)).not.toContain("eruit gaan");
  });

  it("what is left of a phrase without its stop words never matches on its own ('lid', 'voert')", () => {
    const lid = engine.explain!("wat is de positie van een lid van het algemeen bestuur");
    expect(lid.expansions.some((e) => e.includes("toetred"))).toBe(false);
    expect(lid.candidates[0]?.id).toBe("positie-ab-lid");
    const voert = engine.explain!("wie voert de regie over de begroting");
    expect(voert.expansions.some((e) => e.includes("centrumgemeent"))).toBe(false);
    // The whole phrase does: a form described instead of named.
    const described = engine.explain!(
      "de buurgemeente voert de jeugdzorg uit voor de andere gemeenten, welke vorm is dat",
    );
    expect(described.candidates[0]?.id).toBe("centrumgemeente");
  });

  it("'oplevert' at the end of a clause asks about results; 'wat levert het op' about benefits", () => {
    expect(engine.explain!("hoe hou je zicht op wat een samenwerking oplevert").candidates[0]?.id).toBe(
      "resultaten-en-bijsturen",
    );
    expect(engine.explain!("wat levert samenwerken ons nou eigenlijk op").candidates[0]?.id).toBe(
      "winstpunten-samenwerking",
    );
  });

  it("asking who chairs a body of one's own is a local-figure question", () => {
    const x = engine.explain!("wie is bij ons de voorzitter van het dagelijks bestuur van de omgevingsdienst");
    expect(x.localFigure).toBe(true);
    expect(engine.ask("wie is bij ons de voorzitter van het dagelijks bestuur van de omgevingsdienst").status).toBe(
      "unknown",
    );
  });

  it("who represents one gemeente, and what one gemeente spent, are local figures", () => {
    // Before: answered from the entries on the AB and on the paragraaf verbonden partijen.
    expect(engine.explain!("wie vertegenwoordigt onze gemeente in het ab").localFigure).toBe(true);
    expect(
      engine.explain!("Wat heeft Súdwest-Fryslân in 2024 in totaal aan al haar verbonden partijen uitgegeven?")
        .localFigure,
    ).toBe(true);
    // Asked in general, it is a question about the rules.
    expect(engine.explain!("wie vertegenwoordigt de gemeente in het algemeen bestuur?").localFigure).toBe(false);
  });

  it("a request for 'die naam' or 'die cijfers' points back at the figures its context ties to one body", () => {
    // Before: answered from the context (the entry on the AB at 95 %, the one on finding local figures at 99 %).
    const name =
      "Voor een artikel in de krant wil ik weten wie op dit moment het ab van de veiligheidsregio voorzit. " +
      "Kun je me die naam geven?";
    expect(engine.explain!(name).localFigure).toBe(true);
    expect(engine.ask(name).status).toBe("unknown");
    const figures =
      "Ik heb de reserves van de Omgevingsdienst Noordzeekanaalgebied van vorig jaar nodig. Kun je die cijfers voor me opzoeken?";
    expect(engine.explain!(figures).localFigure).toBe(true);
    // Without anything tying it to one body or moment, a request about names of the base's subjects stays a question.
    expect(engine.explain!("Kun je me de namen van de organen van een gr geven?").localFigure).toBe(false);
  });

  it("'ik snap niet goed' is no subject: the question is about what follows", () => {
    const x = engine.explain!("ik snap niet goed wie er beslist over de begroting");
    const words = x.focus.map((f) => f.word);
    expect(words).not.toContain("niet");
    expect(words).not.toContain("goed");
    expect(words).toContain("begroting");
    expect(engine.explain!("waarom zou je niet samenwerken").focus.map((f) => f.word)).toContain("niet");
  });
  it("'stelt … vast' is vaststellen, not the council's kaders stellen", () => {
    // Before: "vast" was no particle, so "wie stelt de begroting van een gr vast" got the entry on kaderstellen.
    const x = engine.explain!("wie stelt de begroting van een gr vast");
    expect(x.expansions).toContain("stelt … vast → vaststellen (separable verb)");
    expect(engine.ask("wie stelt de begroting van een gr vast").answer?.id).not.toBe("kaderstellen");
  });
  it("'geleden' (ago) is filler, not a form of a verb that leads to 'leden' (members)", () => {
    // Before: "geleden → leden (verb form)", so "een paar jaar geleden" searched for AB members.
    const x = engine.explain!("is de wgr een paar jaar geleden veranderd");
    expect(x.expansions.join(" ")).not.toMatch(/geleden → /);
    expect(x.focus.map((c) => c.word)).not.toContain("geleden");
  });
});
