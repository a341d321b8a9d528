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
      "Hoe lang moet je wachten op een sociale huurwoning in de regio Rivierenland?",
    ])
      expect(engine.ask(q).status, q).toBe("unknown");
    // The raad's view and a fraction's options stay subjects.
    expect(engine.ask("Wat kan een fractie doen tegen de begroting van de GR?").status).not.toBe("unknown");
    expect(top("Welke wethouder zit namens de gemeente in het algemeen bestuur?")).toBe("algemeen-bestuur");
  });
});
