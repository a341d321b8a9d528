// Councillors name their own GR ("de ODR", "Regio Foodvalley", "het Werkbedrijf"). The base knows none of those
// names; next to a word it does know, such a name says which body is meant, not what is asked, and must not turn
// an answerable question into a refusal, nor may a word the base knows inside such a name ("Ferm Werk") be searched
// as the subject. A person or a town is no organisation and keeps its weight.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { language } from "../../src/engine/language.ts";
import { organisationNamesIn } from "../../src/engine/query.ts";
import type { Engine } from "../../src/engine/types.ts";
import { sharedEngine } from "../support/knowledge.ts";

describe("organisation names", () => {
  const orgs = (text: string) => [...organisationNamesIn(text, language)].sort();

  it("recognises acronyms, names after 'de'/'het' and names holding a kind of body", () => {
    expect(orgs("mag een wethouder in het AB van de ODR zitten?")).toEqual(["ab", "odr"]);
    expect(orgs("De jaarrekening van het Werkbedrijf is binnen")).toEqual(["werkbedrijf"]);
    expect(orgs("hoe krijgen we grip op Regio Foodvalley")).toEqual(["foodvalley", "regio"]);
    // A sentence's first word alone is no name; with a capitalised word after it, it opens one (before: neither was).
    expect(orgs("Omgevingsdienst vraagt meer geld")).toEqual([]);
    expect(orgs("Omgevingsdienst Haaglanden vraagt meer geld")).toEqual(["haaglanden", "omgevingsdienst"]);
    expect(orgs("Ferm Werk stuurt de jaarrekening")).toEqual(["ferm", "werk"]);
    expect(orgs("wat wil Omgevingsdienst Haaglanden nu weer")).toEqual(["haaglanden", "omgevingsdienst"]);
  });

  it("an acronym or 'de X' is a body only as the place or owner of what is asked, not as its subject (a law)", () => {
    expect(orgs("geldt de Woo ook voor een gemeenschappelijke regeling?")).toEqual([]);
    expect(orgs("geldt de AVG ook voor een GR?")).toEqual([]);
    expect(orgs("kan de raad een zienswijze sturen naar de HVC?")).toEqual(["hvc"]);
  });

  it("a name of two words or more after such a preposition is a body too ('uit Ferm Werk')", () => {
    expect(orgs("kunnen we uit Ferm Werk stappen?")).toEqual(["ferm", "werk"]);
    expect(orgs("wat vindt Mark Rutte van de gemeenteraad")).toEqual([]);
  });

  it("leaves persons and towns alone", () => {
    expect(orgs("wat vindt Rutte van de gemeenteraad")).toEqual([]);
    expect(orgs("wie is de burgemeester van Tilburg?")).toEqual([]);
    expect(orgs("hoeveel inwoners heeft Utrecht")).toEqual([]);
  });

  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
  });

  it("an organisation's name does not turn an answered question into a refusal", () => {
    const pairs: [string, string][] = [
      [
        "mag een wethouder ook in het algemeen bestuur zitten?",
        "mag een wethouder ook in het algemeen bestuur van de ODR zitten?",
      ],
      [
        "kan de raad een zienswijze sturen over de begroting?",
        "kan de raad een zienswijze sturen naar de HVC over de begroting?",
      ],
      // Opening the message, the name is context too (before: refused, 0.46).
      [
        "wat moet de raad met de jaarrekening doen?",
        "Ferm Werk stuurt de jaarrekening, wat moet de raad daarmee doen?",
      ],
      // Before: refused (0.08), the body's known word "Werk" searched as a subject (examples on work and income).
      [
        "mag de raad een zienswijze geven op de begroting?",
        "mag de raad een zienswijze geven op de begroting van Ferm Werk?",
      ],
      [
        "heeft de rekenkamer het recht om een gemeenschappelijke regeling te onderzoeken?",
        "heeft de rekenkamer het recht om de RUD Utrecht te onderzoeken?",
      ],
    ];
    for (const [plain, named] of pairs) {
      const a = engine.ask(plain);
      const b = engine.ask(named);
      expect(a.status, plain).not.toBe("unknown");
      expect(b.status, named).not.toBe("unknown");
      expect(b.answer?.id, named).toBe(a.answer?.id);
    }
    // Before: 0.04, refused, for the name of an omgevingsdienst the base does not know.
    expect(engine.explain!("mag een wethouder ook in het AB zitten van de ODR").candidates[0]?.id).toBe(
      "positie-ab-lid",
    );
  });

  it("a body the base knows by name is context next to a topic word, and the subject without one", () => {
    // Before: the example entry on Regio Rivierenland (which names the Avri) ranked first, in the middle band.
    expect(engine.ask("hoe geven we een zienswijze op de begroting van de Avri").answer?.id).toBe(
      "zienswijze-begroting",
    );
    expect(engine.ask("wat doet de Regio Rivierenland").answer?.id).toBe("voorbeeld-rivierenland");
  });

  it("a name alone stays the subject, and a person's name still counts against an answer", () => {
    expect(engine.ask("wat doet de ODR eigenlijk?").status).toBe("unknown");
    expect(engine.ask("wat vindt Rutte van de gemeenteraad").status).toBe("unknown");
  });
});
