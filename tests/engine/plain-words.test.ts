// People who do not know the jargon (issue 11, round twenty-seven): they describe the thing, quote a term they keep
// reading, or ask what a party or a named wethouder thinks or does, which the base cannot know.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("questions in plain words", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });
  const top = (q: string) => engine.ask(q).answer?.id;

  it("a vague 'wat is dat?' after a quoted term asks about the term, not the asker's department", () => {
    const q = "Ik zit bij team wonen en welzijn en in de begroting lees ik telkens 'verbonden partij'. Wat is dat?";
    const weights = Object.fromEntries(engine.explain!(q).focus.map((f) => [f.word, f.weight]));
    expect(weights.verbonden).toBe(1);
    expect(weights.welzijn).toBeLessThan(0.5);
    expect(top(q)).toBe("verbonden-partij");
  });

  it("stopping 'met meedoen' is leaving, not joining", () => {
    expect(top("Mogen wij als gemeente stoppen met meedoen aan de regionale samenwerking, en wat kost dat?")).toBe(
      "uittreden-gr",
    );
  });

  it("what the regio did with our money last year is its jaarrekening", () => {
    expect(top("Waar zie ik als raadslid wat de regio vorig jaar met ons geld heeft gedaan?")).toBe("jaarrekening-gr");
  });

  it("a new law that came in 2022 is the Wgr amendment", () => {
    expect(
      top(
        "Ik hoorde dat er in 2022 een wet is gekomen die de raad meer grip op de regio moest geven. Wat hield die in?",
      ),
    ).toBe("wet-versterking-democratische-legitimatie");
  });

  it("'toestemming verlenen' is the raad's toestemming", () => {
    expect(top("In het voorstel staat 'de raad wordt gevraagd toestemming te verlenen'. Wat houdt dat in?")).toBe(
      "toestemming-raad",
    );
  });

  it("a party's opinion, a named town's wethouder, a social rented home: things the base cannot know", () => {
    for (const q of [
      "Wat vindt de CDA-fractie in Zwolle eigenlijk van de regio?",
      "Hoe denkt de oppositie over de begroting van de GGD?",
      "Welke wethouder van Heerenveen zit in het algemeen bestuur van de veiligheidsregio?",
      "welke wethouder zit in het dagelijks bestuur van de omgevingsdienst?",
      "Hoe lang moet je wachten op een sociale huurwoning in de regio Rivierenland?",
    ])
      expect(engine.ask(q).status, q).toBe("unknown");
    expect(engine.ask("Wat vindt de SP-fractie van de veiligheidsregio?").message).toContain(
      "standpunten van partijen",
    );
    // The raad's view and a fraction's options stay subjects.
    expect(engine.ask("Wat kan een fractie doen tegen de begroting van de GR?").status).not.toBe("unknown");
    expect(top("Welke wethouder zit namens de gemeente in het algemeen bestuur?")).toBe("algemeen-bestuur");
  });

  it("everyday words of a hurried councillor reach the entry: 'niet weg bij', 'wat levert … op', 'bestaat die nog'", () => {
    expect(top("Kunnen we echt niet weg bij die omgevingsdienst, ook als we er klaar mee zijn?")).toBe(
      "verplichte-samenwerking",
    );
    expect(top("Wat levert samenwerken met de buren ons nou eigenlijk op, behalve een hoop overleg?")).toBe(
      "winstpunten-samenwerking",
    );
    expect(top("Iemand had het over de Drechtraad, maar bestaat die eigenlijk nog?")).toBe("voorbeeld-drechtsteden");
    expect(top("Wat gebeurt er met het geld dat de GR aan het eind van het jaar overhoudt?")).toBe("jaarrekening-gr");
  });

  it("a number word before 'procent' is a figure's size, not a subject; 'de vijf vormen' keeps its number", () => {
    const words = (q: string) => engine.explain!(q).focus.map((f) => f.word);
    expect(
      words("Onze bijdrage aan de regio gaat met acht procent omhoog, kunnen we iets van die begroting vinden?"),
    ).not.toContain("acht");
    expect(words("welke vijf vormen kent de wgr")).toContain("vijf");
    expect(
      top(
        "De bijdrage aan de regio stijgt met acht procent. Kan de raad daar als raad iets van vinden bij de begroting?",
      ),
    ).toBe("zienswijze-begroting");
  });

  it("'een lijst met vragen' asks for a checklist; 'is daar een naam voor' and 'op een gegeven moment' are filler", () => {
    const r = engine.ask(
      "Niemand kijkt of onze samenwerking nog iets oplevert. Is er een lijst met vragen die we kunnen gebruiken?",
    );
    expect(r.answer?.kind).toBe("checklist");
    expect(r.answer?.id).toBe("checklist-evaluatie-samenwerking");
    const words = engine.explain!("Op een gegeven moment heb je overal overleg. Is daar een naam voor?").focus.map(
      (f) => f.word,
    );
    expect(words).not.toContain("naam");
    expect(words).not.toContain("moment");
  });

  it("one body's surplus, a date of one body this year, what each member pays: local facts", () => {
    for (const q of [
      "Hoeveel heeft de Omgevingsdienst Rijnmond vorig jaar overgehouden?",
      "Op welke datum sluit dit jaar onze termijn voor de begroting van de GGD Flevoland?",
      "Welke gemeenten zitten in Afvalschap Zuidoost, en hoeveel betaalt elke gemeente daar per jaar aan?",
    ])
      expect(engine.explain!(q).localFigure, q).toBe(true);
    expect(engine.explain!("Op welke datum moet de begroting van een GR bij de raad liggen?").localFigure).toBe(false);
  });

  it("'waarom werken gemeenten samen' asks for the reasons, not the definition of samenwerking", () => {
    expect(top("waarom werken gemeenten met elkaar samen")).toBe("waarom-samenwerken");
  });

  it("'die regionale club' is the regeling the asker means, not the subject of forms of cooperation", () => {
    expect(top("Kunnen we de rekenkamer naar die regionale club laten kijken?")).toBe("onderzoeksrecht-en-rekenkamer");
    expect(top("Mag de raad nee zeggen als het college bij een nieuwe club wil?")).toBe("toestemming-raad");
  });

  it("who mentioned a term is no subject ('iemand noemde …'); 'buitenspel' at a collegeregeling is that entry", () => {
    expect(
      engine.explain!("Een collega noemde de Drechtraad. Bestaat die nog?").focus.map((f) => f.word),
    ).not.toContain("noemde");
    expect(top("Staat de raad buitenspel bij een collegeregeling?")).toBe("collegeregeling");
  });

  it("'waar vind ik …' and 'waar kan ik hem naar verwijzen' ask where to look: the entry that says where", () => {
    expect(
      top(
        "Een raadslid vraagt mij waar hij de begroting van onze regeling voor de GGD kan vinden. Waar kan ik hem naar verwijzen?",
      ),
    ).toBe("lokale-gegevens-vinden");
    expect(engine.explain!("Waar vind ik de begroting van onze GR?").asksWhereToFind).toBe(true);
    expect(engine.explain!("Waar staat GR eigenlijk voor?").asksWhereToFind).toBe(false);
  });

  it("'hoe heet dat probleem' names no subject; regional 'tafels' are overleggen", () => {
    const words = engine.explain!("Er zijn zoveel regionale tafels. Hoe heet dat probleem?").focus.map((f) => f.word);
    expect(words).not.toContain("probleem");
    expect(
      top("Er zijn zoveel overleggen en regionale tafels dat niemand het nog overziet. Hoe heet dat probleem?"),
    ).toMatch(/^(valkuil-bestuurlijke-spaghetti|bestuurlijke-drukte)$/);
  });

  it("papers that come when all is 'dichtgetimmerd' mean the raad comes in too late", () => {
    expect(top("De stukken van de GGD komen altijd pas als alles al dichtgetimmerd is. Wat kunnen we doen?")).toBe(
      "valkuil-ondoorzichtig",
    );
  });

  it("a topic nearly as good as its checklist answers a question that asks for no checklist", () => {
    const r = engine.ask(
      "Onze wethouder beweert dat we 'er niet meer uit kunnen'. Klopt dat? En als we toch willen stoppen, beslist de raad dan of het college?",
    );
    expect(r.answer?.kind).not.toBe("checklist");
    expect(r.alternatives.map((a) => a.id)).toContain("checklist-uittreden");
  });

  it("one body's result in a compound ('jaarrekeningresultaat … over 2023') is a local figure; 'doorloopt' asks steps", () => {
    expect(
      engine.explain!("Welk jaarrekeningresultaat heeft de Omgevingsdienst Haaglanden over 2024 gemeld?").localFigure,
    ).toBe(true);
    expect(engine.explain!("Welke stappen doorloopt de raad bij het uittreden uit een GR?").wantsChecklist).toBe(true);
    expect(engine.ask("Welke zoekperiode geldt voor een jongere die een uitkering aanvraagt?").status).toBe("unknown");
  });

  it("an address, a new burgemeester's start, an agenda on a date, one body's last date: one body's facts", () => {
    for (const q of [
      "Wat is het bezoekadres van de Regio Rivierenland?",
      "Wanneer begint de nieuwe griffier van Zaanstad?",
      "agenda algemeen bestuur ggd 3 april",
      "Wat is de uiterste datum voor onze zienswijze op de begroting 2028 van de Regio Foodvalley?",
    ])
      expect(engine.explain!(q).localFigure, q).toBe(true);
    expect(
      engine.explain!("Wat is de uiterste datum voor een zienswijze op de begroting van een GR?").localFigure,
    ).toBe(false);
  });

  it("'heeft hij een punt', 'niemand overziet het nog', 'vervangen': everyday words reach the entry", () => {
    expect(engine.explain!("Heeft hij een punt?").focus.map((f) => f.word)).not.toContain("punt");
    expect(top("We zitten in veertig regelingen en niemand overziet het nog. Hoe heet dat?")).toBe(
      "valkuil-bestuurlijke-spaghetti",
    );
    expect(top("Kunnen we ons AB-lid vervangen als we er nooit iets van horen?")).toBe("positie-ab-lid");
    expect(
      top(
        "Onze wethouder zit namens ons in het AB van de ggd en stemde vóór een hogere bijdrage terwijl de raad dat niet wilde. Kan de raad hem uit dat bestuur halen?",
      ),
    ).toBe("positie-ab-lid");
  });

  it("'is het waar dat …' checks a claim like 'klopt het dat …': one body's figure, or an amount of pay", () => {
    expect(engine.explain!("Is het waar dat de Omgevingsdienst Twente 12 euro per inwoner vraagt?").localFigure).toBe(
      true,
    );
    expect(engine.explain!("Is het waar dat wethouders een hogere vergoeding krijgen voor het AB?").asksAmount).toBe(
      true,
    );
    expect(engine.explain!("Is het waar dat de bijdrage aan een GR een verplichte uitgave is?").localFigure).toBe(
      false,
    );
  });

  it("a yes-no question that names one body or person itself is no rule question beside a local one", () => {
    const q =
      "Wie is tegenwoordig de voorzitter van het algemeen bestuur van de Regio Veenkoloniën, en is dat nog steeds de burgemeester van Stadskanaal?";
    expect(engine.explain!(q).localFigure).toBe(true);
    // "kunnen we zo iemand terugroepen" stays a rule question beside "wie zit er namens onze gemeente".
    expect(
      engine.explain!(
        "Wie zit er namens onze gemeente in het bestuur van de regio, en kunnen we zo iemand terugroepen?",
      ).localFigure,
    ).toBe(false);
  });

  it("a livestream, a container emptied, a kieslijst: things the base does not cover", () => {
    for (const q of [
      "Hoe zet ik een livestream op voor de vergadering van de adviescommissie?",
      "Wanneer wordt de groene container geleegd nu het afval bij de GR zit?",
      "Hoe kom ik op de kieslijst van een partij?",
    ])
      expect(engine.ask(q).status, q).toBe("unknown");
  });

  it("toestemming or only a zienswijze when the college joins an existing regeling: the toestemming topic", () => {
    expect(
      top(
        "Onze raad twijfelt: is er toestemming nodig als we toetreden tot een bestaande regeling voor de jeugdzorg, of alleen een zienswijze?",
      ),
    ).toBe("toestemming-raad");
  });
});
