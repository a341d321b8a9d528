// Deadline and register questions in Dutch: recognised narrowly, answered with the date, the rule and the article.
import { describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import type { Reply } from "../../src/reply.ts";
import { loadRegister } from "../../src/termijnen/register.ts";
import { createTermijnService, withTermijnen } from "../../src/termijnen/service.ts";
import { herkenTermijnVraag, vindDatum, vindSoort } from "../../src/termijnen/vraag.ts";

const clock = () => new Date("2027-03-10T09:00:00Z");

describe("recognising deadline questions", () => {
  it("finds the date in several spellings", () => {
    expect(vindDatum("op 6 maart kregen", 2027)).toBe("2027-03-06");
    expect(vindDatum("op 6 maart 2026", 2027)).toBe("2026-03-06");
    expect(vindDatum("op 2027-02-26", 2020)).toBe("2027-02-26");
    expect(vindDatum("op 26-2-2027", 2020)).toBe("2027-02-26");
    expect(vindDatum("op 31 februari", 2027)).toBeNull();
    expect(vindDatum("volgende week", 2027)).toBeNull();
  });

  it("finds the kind of term, most specific first", () => {
    expect(vindSoort("zienswijze op de ontwerpbegroting")).toBe("begroting");
    expect(vindSoort("de begrotingswijziging van de GGD")).toBe("begrotingswijziging");
    expect(vindSoort("zienswijze op de ontwerpregeling")).toBe("ontwerpregeling");
    expect(vindSoort("de voorlopige jaarrekening")).toBe("voorlopige-jaarrekening");
    expect(vindSoort("de kaderbrief")).toBe("kaders");
    expect(vindSoort("hoe werkt een centrumgemeente")).toBeNull();
  });

  it("needs a date, a kind and a deadline word", () => {
    expect(
      herkenTermijnVraag(
        "Wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart kregen?",
        2027,
      ),
    ).toEqual({ soort: "ontwerpregeling", vanaf: "2027-03-06", jaarGenoemd: false });
    expect(
      herkenTermijnVraag("Wanneer loopt de termijn voor de ontwerpbegroting af, ontvangen 26-2-2027?", 2020),
    ).toEqual({ soort: "begroting", vanaf: "2027-02-26", jaarGenoemd: true });
    expect(herkenTermijnVraag("Wanneer moet de zienswijze op de ontwerpregeling binnen zijn?", 2027)).toBeNull();
    expect(herkenTermijnVraag("Wat staat er in de ontwerpbegroting van 6 maart?", 2027)).toBeNull();
    expect(herkenTermijnVraag("Wanneer is de vergadering op 6 maart?", 2027)).toBeNull();
  });
});

describe("the service", () => {
  it("answers a deadline question with the date, the rule and the article", () => {
    const s = createTermijnService({ register: null, clock });
    const r = s.antwoord("wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart kregen?");
    expect(r?.status).toBe("answer");
    expect(r?.answer?.summary).toBe(
      "Uiterlijk maandag 3 mei 2027 (art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet). U noemde geen jaar; ik ben uitgegaan van 2027.",
    );
    expect(r?.answer?.text).toContain("acht weken");
    expect(r?.answer?.links.map((l) => l.url)).toEqual([
      "https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=1",
      "https://wetten.overheid.nl/jci1.3:c:BWBR0002448",
    ]);
  });

  it("says honestly that no register is set up", () => {
    const s = createTermijnService({ register: null, clock });
    expect(s.antwoord("Welke zienswijzen lopen er?")?.answer?.title).toBe("Geen register van regelingen ingesteld");
    // Which regelingen the gemeente is in, the engine answers from the base (the national GR-register). Before: only
    // "no register set up".
    expect(s.antwoord("In welke regelingen zit onze gemeente?")).toBeNull();
    expect(s.komend()).toEqual([]);
    expect(s.overzichtRegels()).toEqual([]);
  });

  it("answers register questions from the register, soonest first, marked as the example", async () => {
    const s = createTermijnService({
      register: await loadRegister("knowledge/register/voorbeeld-register.yml"),
      clock,
    });
    const lopend = s.antwoord("welke zienswijzen lopen er?");
    expect(lopend?.answer?.text.split("\n").slice(0, 3)).toEqual([
      "- **3 mei 2027**: zienswijze op een ontwerpregeling (treffen, wijzigen, toetreden, uittreden), Gemeenschappelijke regeling Omgevingsdienst Voorbeeldland (ODV); art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet",
      "- **21 mei 2027**: zienswijze op de ontwerpbegroting, Gemeenschappelijke regeling Veiligheidsregio Voorbeeldland (VRV); art. 35 lid 3 Wgr",
      "- **5 juli 2027**: zienswijze op een ontwerpbegrotingswijziging, Bedrijfsvoeringsorganisatie Belastingen Voorbeeldland (BBV-Vl); art. 35 Wgr",
    ]);
    expect(lopend?.answer?.text).toContain("voorbeeldregister");
    expect(s.antwoord("In welke regelingen zit onze gemeente?")?.answer?.summary).toBe(
      "Voorbeeldstad neemt volgens het register deel in 3 regelingen.",
    );
    const vrv = s.antwoord("Wanneer moet de zienswijze op de begroting van VRV binnen zijn?");
    expect(vrv?.answer?.summary).toBe("Uiterlijk vrijdag 21 mei 2027 (art. 35 lid 3 Wgr).");
    expect(s.overzichtRegels(2)).toHaveLength(2);
  });

  it("the /termijn command takes a soort and a date, or a question, or shows how", () => {
    const s = createTermijnService({ register: null, clock });
    expect(s.commando("begroting 26 februari 2027").answer?.summary).toBe(
      "Uiterlijk vrijdag 21 mei 2027 (art. 35 lid 3 Wgr).",
    );
    expect(s.commando("ontwerpregeling 2027-03-06").answer?.summary).toContain("maandag 3 mei 2027");
    expect(s.commando("").answer?.title).toBe("Termijn berekenen");
    expect(s.commando("onzin 2027-03-06").answer?.title).toBe("Termijn berekenen");
  });

  it("says in Dutch what is wrong with an impossible date or an unknown kind, in the command and in a question", () => {
    const s = createTermijnService({ register: null, clock });
    expect(s.commando("begroting 2027-02-30").answer?.summary).toBe(
      '"2027-02-30" is geen bestaande datum. Controleert u de datum? Bijvoorbeeld: 26 februari 2027 of 2027-02-26.',
    );
    expect(s.commando("begroting 30 februari 2027").answer?.summary).toMatch(
      /^"30 februari 2027" is geen bestaande datum/,
    );
    expect(s.commando("onzin 2027-03-06").answer?.summary).toBe(
      'Onbekende soort termijn "onzin". Kies uit: ontwerpregeling, begroting, begrotingswijziging, toezending-ontwerpbegroting, kaders, voorlopige-jaarrekening, begroting-naar-gs, jaarrekening.',
    );
    expect(s.commando("begroting").answer?.summary).toBe(
      'Geef ook de datum waarop de termijn begint, bijvoorbeeld "/termijn begroting 26 februari 2027".',
    );
    const vraag = s.antwoord(
      "Wanneer moet de zienswijze op de begroting binnen zijn als die op 30 februari binnenkwam?",
    );
    expect(vraag?.answer?.summary).toMatch(/^"30 februari" is geen bestaande datum/);
    expect(vraag?.answer?.text).toContain("Gebruik: /termijn");
  });

  it("answers a kind with a fixed date in the law without a date, counting from today", () => {
    const s = createTermijnService({ register: null, clock }); // 10 March 2027
    expect(s.antwoord("Wanneer moeten de kaders van de GR uiterlijk bij de raad zijn?")?.answer?.summary).toBe(
      "Uiterlijk donderdag 29 april 2027 (art. 34b Wgr).",
    );
    expect(s.commando("voorlopige-jaarrekening").answer?.summary).toBe(
      "Uiterlijk donderdag 29 april 2027 (art. 34b Wgr).",
    );
    expect(s.antwoord("Wat staat er in de kadernota?")).toBeNull();
    expect(s.antwoord("Wanneer moet de zienswijze op de begroting binnen zijn?")).toBeNull();
  });

  it("says when the year was assumed and when the deadline has passed", () => {
    const s = createTermijnService({ register: null, clock: () => new Date("2027-12-02T09:00:00Z") });
    const r = s.antwoord("wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart kregen?");
    expect(r?.answer?.summary).toBe(
      "Uiterlijk maandag 3 mei 2027 (art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet). Deze termijn is al verstreken. U noemde geen jaar; ik ben uitgegaan van 2027.",
    );
    expect(s.commando("begroting 2027-11-05").answer?.summary).toBe(
      "Uiterlijk vrijdag 28 januari 2028 (art. 35 lid 3 Wgr).",
    );
  });

  it("withTermijnen routes only recognised questions past the engine", async () => {
    const asked: string[] = [];
    const engineReply: Reply = { status: "unknown", confidence: 0, answer: null, alternatives: [] };
    const bot = { ask: async (q: string) => (asked.push(q), engineReply), help: () => engineReply } as unknown as Bot;
    const wrapped = withTermijnen(bot, createTermijnService({ register: null, clock }));
    expect(
      (
        await wrapped.ask(
          "wanneer moet de zienswijze op de ontwerpbegroting binnen zijn, ontvangen 26 februari 2027?",
          { platform: "cli" },
        )
      ).answer?.summary,
    ).toContain("21 mei 2027");
    expect(await wrapped.ask("wat is een centrumgemeente?", { platform: "cli" })).toBe(engineReply);
    expect(asked).toEqual(["wat is een centrumgemeente?"]);
    expect(wrapped.help()).toBe(engineReply);
  });
});

describe("answers by id (share and feedback buttons carry only the id)", () => {
  it("recomputes a deadline, a register overview, and passes other ids to the engine", async () => {
    const s = createTermijnService({
      register: await loadRegister("knowledge/register/voorbeeld-register.yml"),
      clock,
    });
    const first = s.antwoord(
      "wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart 2027 kregen?",
    )!;
    expect(first.answer?.id).toBe("termijn:ontwerpregeling:2027-03-06");
    expect(s.byId(first.answer!.id)).toEqual(first);
    // Without a year the answer says which year it assumed; the recomputed (shared) answer has the same date.
    const zonderJaar = s.antwoord("wanneer moet de zienswijze op de ontwerpregeling binnen zijn, ontvangen 6 maart?")!;
    expect(zonderJaar.answer?.id).toBe(first.answer?.id);
    expect(zonderJaar.answer?.summary.startsWith(first.answer!.summary)).toBe(true);
    expect(s.byId("termijn:lopend")?.answer?.title).toBe("Lopende zienswijzetermijnen");
    expect(s.byId("termijn:onzin:2027-03-06")).toBeNull();
    expect(s.byId("termijn:begroting:2027-02-30")).toBeNull();
    const engineReply: Reply = { status: "unknown", confidence: 0, answer: null, alternatives: [] };
    const bot = { answerById: () => engineReply } as unknown as Bot;
    const wrapped = withTermijnen(bot, s);
    expect(wrapped.answerById("termijn:begroting:2027-02-26").answer?.summary).toContain("21 mei 2027");
    expect(wrapped.answerById("centrumgemeente")).toBe(engineReply);
  });
});

describe("questions about a named regeling", () => {
  it("need a term as well as the name, so other questions about it still reach the engine", async () => {
    const s = createTermijnService({
      register: await loadRegister("knowledge/register/voorbeeld-register.yml"),
      clock,
    });
    expect(s.antwoord("Hoe werkt de VRV binnen de regio?")).toBeNull();
    expect(s.antwoord("Wanneer loopt de termijn van ODV af?")?.answer?.summary).toContain("3 mei 2027");
  });
});
