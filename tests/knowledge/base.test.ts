// The real knowledge base: valid, every entry reachable by its own first question, checklists well formed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { sharedEngine, sharedKnowledgeBase } from "../support/knowledge.ts";

const root = join(import.meta.dirname, "../..");
let kb: KnowledgeBase;
let engine: Engine;

beforeAll(async () => {
  kb = await sharedKnowledgeBase(join(root, "knowledge"));
  engine = await sharedEngine(join(root, "knowledge"));
});

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

describe("knowledge base", () => {
  it("answers each entry's own first question with that entry", () => {
    const wrong = kb.entries
      .map((e) => ({ e, r: engine.ask(e.questions[0]!) }))
      .filter(({ e, r }) => r.answer?.id !== e.id || !["answer", "ambiguous"].includes(r.status))
      .map(({ e, r }) => `${e.id}: "${e.questions[0]}" -> ${r.answer?.id ?? "-"} (${r.status})`);
    expect(wrong).toEqual([]);
  });

  it("has at least six decision checklists of 6-15 items, each naming its basis", () => {
    const checklists = kb.entries.filter((e) => e.kind === "checklist");
    expect(checklists.length).toBeGreaterThanOrEqual(6);
    for (const c of checklists) {
      expect(c.items.length, c.id).toBeGreaterThanOrEqual(6);
      expect(c.items.length, c.id).toBeLessThanOrEqual(15);
      for (const item of c.items) expect(item.text, `${c.id}: ${item.text}`).toMatch(/\([^)]+\)\.?$/);
    }
  });

  it("has the glossary a new councillor needs", () => {
    const terms = kb.entries.filter((e) => e.kind === "term").map((e) => fold(`${e.title} ${e.keywords.join(" ")}`));
    for (const t of ["ab", "db", "gr", "wgr", "bvo", "openbaar lichaam", "centrumgemeente", "zienswijze", "wensen en bedenkingen", "verbonden partij", "verlengd lokaal bestuur", "bestuurlijke drukte", "democratische legitimatie", "kaderstellen", "actieve informatieplicht"]) {
      expect(terms.some((x) => ` ${x} `.includes(` ${t} `)), t).toBe(true);
    }
  });

  it("says the Wgr gives the raad a zienswijze on the begroting, not on the jaarrekening (art. 34-35 Wgr)", () => {
    // Before: a question about a zienswijze on the jaarrekening got the jaarrekening entry, which did not answer it.
    const r = engine.ask("kunnen wij een zienswijze geven op de jaarrekening van de regio");
    expect(r.answer?.id).toBe("jaarrekening-gr");
    expect(r.answer?.text).toMatch(/niet op de jaarrekening/);
    expect(r.answer?.links.map((l) => l.url)).toContain("https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=35");
  });

  it("says every GR is in the national GR-register since 1 July 2021, not only in a register of the college", () => {
    // Before: five entries said the college keeps the register (art. 27 Wgr), a duty the Wet elektronische publicaties
    // replaced by the national register; the regeling is published in a gemeenteblad, no longer the Staatscourant.
    const r = engine.ask("waar vind ik een overzicht van alle gemeenschappelijke regelingen van onze gemeente");
    expect(r.answer?.id).toBe("register-gemeenschappelijke-regelingen");
    expect(r.answer?.text).toMatch(/landelijke \*\*GR-register\*\*|GR-register/);
    expect(r.answer?.text).toMatch(/1 juli 2021/);
    expect(r.answer?.text).toMatch(/gemeenteblad/);
    for (const e of kb.entries) {
      const text = `${e.summary} ${e.body} ${(e.items ?? []).map((i) => i.text).join(" ")}`;
      expect(text, e.id).not.toMatch(/[Hh]et college houdt een register bij/);
      expect(text, e.id).not.toMatch(/register van gemeenschappelijke regelingen van het college/);
      expect(text, e.id).not.toMatch(/bekendgemaakt in de Staatscourant/);
    }
  });

  it("answers a zienswijze term that ends on a weekend or holiday with the Algemene termijnenwet (art. 1, 3, 4 Atw)", () => {
    // Before: no entry said what happens then; the question was refused (0.47) although /termijn applies the Atw.
    const r = engine.ask("als de termijn voor de zienswijze op zondag eindigt, schuift die dan op naar maandag?");
    expect(r.status).toBe("answer");
    expect(r.answer?.id).toBe("termijn-feestdagen");
    expect(r.answer?.summary).toMatch(/eerstvolgende werkdag/);
    expect(r.answer?.text).toMatch(/niet op/); // counted backwards: no extension (art. 1 lid 2)
    expect(r.answer?.links.map((l) => l.url)).toContain("https://wetten.overheid.nl/jci1.3:c:BWBR0002448&artikel=1");
    // How long the raad has is still the begroting entries' question, not this one's.
    expect(engine.ask("hoeveel weken heeft de raad voor een zienswijze op de ontwerpbegroting").answer?.id).not.toBe(
      "termijn-feestdagen",
    );
  });

  it("the college founding a bv is private-law cooperation (art. 160 Gemeentewet); the ROB's report is on legitimacy", () => {
    // Before: the entry on what a GR itself may do (a GR founding a bv), and the Noord-Veluwe example (its report).
    expect(engine.ask("mag het college zonder de raad een bv oprichten").answer?.id).toBe("privaatrechtelijke-samenwerking");
    const r = engine.ask("welk rapport schreef de ROB over het besturen van regio's");
    expect(r.answer?.id).toBe("democratische-legitimatie");
    expect(r.answer?.text).toMatch(/Droomland of niemandsland/);
  });

  it("the veiligheidsregio's AB is its burgemeesters (art. 11 lid 1 Wvr); the raad cannot amend a GR's begroting", () => {
    // Before: a middle answer from the entry on voting weights, which said neither.
    const r = engine.ask("kan de burgemeester in het ab van de veiligheidsregio zitten");
    expect(["verplichte-samenwerking", "algemeen-bestuur"]).toContain(r.answer?.id);
    expect(r.answer?.text).toMatch(/burgemeesters/);
    expect(r.answer?.links.map((l) => l.url)).toContain("https://wetten.overheid.nl/jci1.3:c:BWBR0027466&artikel=11");
    // Before: refused (0.42); the AB adopts the begroting, the raad only amends its own decision on the zienswijze.
    const a = engine.ask("kan een raad een amendement indienen op de begroting van de gr");
    expect(a.answer?.id).toBe("zienswijze-begroting");
    expect(a.answer?.text).toMatch(/niet amenderen/);
  });

  it("the griffie's role has an entry (art. 107a Gemeentewet); 'griffie' in the context alone does not reach it", () => {
    // Before: "welke rol heeft de griffie bij regionale samenwerking" got a middle answer about the raad's role.
    for (const q of ["welke rol heeft de griffie bij regionale samenwerking?", "moet de griffier de zienswijze opstellen of het college"]) {
      const r = engine.ask(q);
      expect(r.answer?.id, q).toBe("rol-van-de-griffie");
    }
    expect(engine.ask("wat is de rol van de griffier bij regionale samenwerking").answer?.links.map((l) => l.url)).toContain(
      "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=107a",
    );
    // Where the asker works is context, not the subject (asking_only): a thank-you with the griffier in it is chat.
    const chat =
      "Dank je voor je hulp bij de zienswijze op de omgevingsdienst, de raad heeft hem aangenomen. De griffier was ook " +
      "heel blij. hoe gaat het eigenlijk met jou?";
    expect(engine.ask(chat).status).toBe("unknown");
  });

  it("a regeling can include provincies and waterschappen (art. 51, 61, 73 Wgr)", () => {
    // Before: the entry on the raad's consent, which says nothing about them.
    const r = engine.ask("kunnen waterschappen ook meedoen in een gemeenschappelijke regeling");
    expect(r.answer?.id).toBe("soorten-regelingen");
    expect(r.answer?.text).toMatch(/waterschappen \(art\. 61\)/);
  });

  it("steering a GR better is the entry on steering, not the drawbacks of cooperating", () => {
    // Before: the drawbacks entry ("is samenwerken altijd beter" matched "beter").
    expect(["valkuil-geen-sturing", "rol-van-de-raad"]).toContain(
      engine.ask("hoe kunnen we als raad de gr beter sturen").answer?.id,
    );
  });

  it("how to prevent one pitfall is that pitfall's entry, not the checklist of all pitfalls", () => {
    // Before: the checklist of pitfalls (it names "voorkomen" and every pitfall; the entry on the empty shell did not).
    expect(engine.ask("hoe voorkomen we dat onze gemeente een lege bv wordt").answer?.id).toBe("valkuil-lege-bv");
  });

  it("says who checks the DB: the AB, to which it is accountable", () => {
    // Before: refused (0.39), the entry on the DB naming its accountability only in its body.
    const r = engine.ask("onze wethouder zit in het db, wie controleert hem daar");
    expect(r.status).toBe("answer");
    expect(r.answer?.id).toBe("dagelijks-bestuur");
  });
  it("plans the year's kaderbrieven, begrotingen and jaarrekeningen with the entry on the budget cycle", () => {
    // Before: the entry on steering, which held the question on a year's planning.
    expect(engine.ask("jaarplanning kadernota begroting jaarrekening gr wat komt eerst").answer?.id).toBe(
      "begrotingscyclus-gr",
    );
  });
  it("quotes no question of any shared evaluation set verbatim", () => {
    const evalDir = join(root, "../shared/eval");
    if (!existsSync(evalDir)) return;
    const sets = readdirSync(evalDir).filter((f) => f.endsWith(".jsonl"));
    expect(sets.length).toBeGreaterThan(0);
    const evalQs = new Set(
      sets.flatMap((f) =>
        readFileSync(join(evalDir, f), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => fold((JSON.parse(l) as { q: string }).q)),
      ),
    );
    const quoted = kb.entries.flatMap((e) => [e.title, e.summary, ...e.questions].filter((q) => evalQs.has(fold(q))).map((q) => `${e.id}: ${q}`));
    expect(quoted).toEqual([]);
    // A longer evaluation question (8+ words) may not appear inside any text a user sees either.
    const long = [...evalQs].filter((q) => q.split(" ").length >= 8);
    expect(long.length).toBeGreaterThan(0);
    const inside = kb.entries.flatMap((e) => {
      const text = ` ${fold([e.title, e.summary, e.body, ...e.questions, ...e.items.map((i) => i.text)].join("\n"))} `;
      return long.filter((q) => text.includes(` ${q} `)).map((q) => `${e.id}: ${q}`);
    });
    expect(inside).toEqual([]);
  });
});
