// Organisations named next to what is asked ("de begroting van de omgevingsdienst", "de afvaldienst") say which GR is
// meant, not what is asked: with a topic word in the message they weigh no more than it, a compound naming one body
// ("belastingsamenwerking") is such an instance too, and an instance is never searched by its compound parts.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("instances as context", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });
  const top = (q: string) => engine.explain!(q).candidates[0]?.id;

  it("an organisation in an entry's title does not outweigh the topic asked about", () => {
    // Before: verplichte-samenwerking (its title lists the omgevingsdienst and the GGD) ranked first, refused.
    for (const q of [
      "zienswijze op de begroting van de omgevingsdienst, hoe werkt dat",
      "hoe geven we een zienswijze op de ggd begroting",
    ]) {
      expect(top(q), q).toBe("zienswijze-begroting");
      expect(engine.ask(q).status, q).not.toBe("unknown");
    }
  });

  it("a compound naming one body is an instance, not searched by its parts", () => {
    const x = engine.explain!("we willen eruit stappen bij de afvaldienst");
    expect(x.expansions.join(" ")).not.toMatch(/afvaldienst →/);
    expect(["uittreden-gr", "checklist-uittreden"]).toContain(x.candidates[0]?.id);
    // "belastingsamenwerking" stands in one entry's example question only; before, that entry ranked first.
    expect(["uittreden-gr", "checklist-uittreden"]).toContain(top("kunnen we uittreden uit de belastingsamenwerking"));
  });

  it("keeps an instance's weight when it is the subject", () => {
    expect(top("moeten we verplicht meedoen met de omgevingsdienst")).toBe("verplichte-samenwerking");
    expect(top("hoe zit het met de veiligheidsregio")).toBe("verplichte-samenwerking");
  });

  it("does not make an unknown organisation look answerable next to a common word", () => {
    expect(engine.ask("hoe vraag ik de subsidieregeling van de gemeente aan").status).toBe("unknown");
    expect(engine.ask("wat doet het nutsbedrijf van de gemeente").status).toBe("unknown");
  });

  it("a figure of an example's region is one body's figure; the members and years its story tells are not", () => {
    // Before: "wat kost de regio rivierenland per jaar" was answered with the example, as if it held the amount.
    for (const q of [
      "wat kost de regio rivierenland per jaar",
      "wat is de bijdrage van blaricum aan de bel combinatie",
    ]) {
      expect(engine.explain!(q).localFigure, q).toBe(true);
      expect(engine.ask(q).status, q).toBe("unknown");
    }
    const members = "hoeveel gemeenten zitten in regio rivierenland";
    expect(engine.explain!(members).localFigure).toBe(false);
    expect(engine.ask(members).answer?.id).toBe("voorbeeld-rivierenland");
    // However the name is written: "BEL-combinatie" in capitals was read as an unknown body (before: refused).
    const bel = "hoeveel gemeenten zitten in de BEL-combinatie";
    expect(engine.explain!(bel).localFigure).toBe(false);
    expect(engine.ask(bel).answer?.id).toBe("voorbeeld-bel-combinatie");
  });

  it("an act on a regeling before an instance head makes a kind of paper, searched by its parts ('wijzigingsregeling')", () => {
    // Before: "wijzigingsregeling" was taken for the name of one body and weighed as an unknown word.
    const x = engine.explain!("de wijzigingsregeling van de ggd ligt voor, wat moet de raad daarmee");
    expect(x.expansions).toContain("wijzigingsregeling → wijziging + regeling (compound)");
    expect(engine.explain!("de uittredingsregeling").focus[0]?.match).toBe("parts");
    expect(engine.explain!("we willen eruit stappen bij de afvaldienst").expansions.join(" ")).not.toMatch(
      /afvaldienst/,
    );
  });
});
