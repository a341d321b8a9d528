import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../../src/knowledge/load.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/kb-small");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kb-"));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function problems(options: { editorial?: boolean } = {}): Promise<string[]> {
  try {
    await loadKnowledgeBase(dir, options);
  } catch (e) {
    if (e instanceof KnowledgeError) return e.problems.map(formatProblem).map((p) => p.replace(`${dir}/`, ""));
    throw e;
  }
  return [];
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, "utf8");
  const next = text.replace(from, to);
  expect(next, `edit of ${file} changed nothing`).not.toBe(text);
  await writeFile(path, next);
}

describe("loadKnowledgeBase", () => {
  it("loads entries, ids from file names, checklist items and synonyms", async () => {
    const kb = await loadKnowledgeBase(dir);
    expect(kb.entries.map((e) => e.id).sort()).toEqual(["centrumgemeente", "checklist-uittreden", "gemeenschappelijke-regeling", "zienswijze-begroting"]);
    const cl = kb.byId.get("checklist-uittreden")!;
    expect(cl.items.map((i) => i.id)).toEqual(["checklist-uittreden#1", "checklist-uittreden#2", "checklist-uittreden#3"]);
    expect(cl.items[2]!.text).toBe("De raad heeft toestemming gegeven (art. 1 lid 4 Wgr)");
    expect(cl.body).toBe("Gebruik deze lijst vóór het raadsbesluit.");
    expect(kb.byId.get("zienswijze-begroting")!.updated).toBe("2026-11-23");
    expect(kb.synonyms).toContainEqual(["gr", "gemeenschappelijke regeling"]);
  });

  it("names file, line and field for a wrong-typed, missing or unknown field, all at once", async () => {
    await edit("onderwerpen/centrumgemeente.md", "kind: topic", "kind: onderwerp");
    await edit("onderwerpen/centrumgemeente.md", /summary: .*\n/, "");
    await edit("begrippen/gemeenschappelijke-regeling.md", "keywords:", "trefwoorden: [x]\nkeywords:");
    const p = await problems();
    expect(p).toContain("onderwerpen/centrumgemeente.md:3: kind: must be one of topic, term, checklist");
    expect(p.some((x) => x.startsWith("onderwerpen/centrumgemeente.md:") && x.includes(": summary: "))).toBe(true);
    expect(p.some((x) => x.startsWith("begrippen/gemeenschappelijke-regeling.md:9: trefwoorden: unknown field"))).toBe(true);
  });

  it("reports unparsable YAML with the line of the error, not line 1", async () => {
    // The unclosed quote is on line 4 (summary); the parser itself only notices it at the end of the frontmatter.
    await edit("onderwerpen/centrumgemeente.md", "summary: Bij", 'summary: "Bij');
    expect(await problems()).toEqual([expect.stringMatching(/^onderwerpen\/centrumgemeente\.md:4: frontmatter: unparsable YAML/)]);
    await writeFile(join(dir, "onderwerpen/centrumgemeente.md"), "---\nkind: topic\ntitle: 'Centrum\nsummary: x\n---\nTekst.\n");
    expect(await problems()).toEqual([expect.stringMatching(/^onderwerpen\/centrumgemeente\.md:3: frontmatter: unparsable YAML/)]);
    await writeFile(join(dir, "onderwerpen/centrumgemeente.md"), "---\nkind: topic\ntitle: [Centrum\nsummary: x\n---\nTekst.\n");
    expect((await problems())[0]).not.toMatch(/:1: /);
  });

  it("rejects duplicate ids, dangling related ids, http sources, missing updated and checklists without items", async () => {
    await edit("onderwerpen/centrumgemeente.md", "title: Centrumgemeente", "id: zienswijze-begroting\ntitle: Centrumgemeente");
    await edit("begrippen/gemeenschappelijke-regeling.md", "related: [zienswijze-begroting]", "related: [zienswijze-begroting, bestaat-niet]");
    await edit("checklists/checklist-uittreden.md", "url: https://", "url: http://");
    await edit("checklists/checklist-uittreden.md", /- \[[ x]\] .*\n/g, "");
    const p = await problems();
    expect(p.some((x) => /^onderwerpen\/(centrumgemeente|zienswijze-begroting)\.md:\d+: id: duplicate id "zienswijze-begroting"/.test(x))).toBe(true);
    expect(p).toContain('begrippen/gemeenschappelijke-regeling.md:10: related[1]: no entry has id "bestaat-niet"');
    expect(p).toContain("checklists/checklist-uittreden.md:14: sources[0].url: must be an https URL");
    // The checklist is rejected for its source already; fix that and the missing items show.
    await edit("checklists/checklist-uittreden.md", "url: http://", "url: https://");
    expect(await problems()).toContainEqual(expect.stringMatching(/^checklists\/checklist-uittreden\.md:\d+: body: a checklist needs at least one task-list item/));
  });

  it("needs at least three questions and a valid, present date", async () => {
    await edit("begrippen/gemeenschappelijke-regeling.md", "updated: 2026-11-23\n", "");
    await edit("onderwerpen/centrumgemeente.md", "  - Wat doet de centrumgemeente voor de anderen?\n", "");
    await edit("onderwerpen/zienswijze-begroting.md", "updated: 2026-11-23", "updated: gisteren");
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/centrumgemeente\.md:\d+: questions: needs at least 3/));
    expect(p).toContainEqual(expect.stringMatching(/zienswijze-begroting\.md:12: updated: must be a date/));
    expect(p).toContainEqual(expect.stringMatching(/^begrippen\/gemeenschappelijke-regeling\.md:\d+: updated: /));
  });

  it("checks synoniemen.yml", async () => {
    await writeFile(join(dir, "synoniemen.yml"), "groups:\n  - [gr]\n");
    expect(await problems()).toEqual(["synoniemen.yml:2: groups[0]: a group needs at least two terms"]);
  });

  it("accepts a title-only source and a redactie note, and shows neither as a link or text", async () => {
    await edit(
      "onderwerpen/centrumgemeente.md",
      "sources:\n",
      'redactie: "Nog nakijken bij de bron."\nsources:\n  - title: "VNG, presentatie zonder vindplaats"\n',
    );
    const kb = await loadKnowledgeBase(dir);
    const e = kb.byId.get("centrumgemeente")!;
    expect(e.sources).toEqual([{ title: "Wet gemeenschappelijke regelingen, art. 8", url: "https://wetten.overheid.nl/BWBR0003740" }]);
    expect(JSON.stringify(e)).not.toContain("nakijken");
  });

  it("fails clearly on a folder that does not exist", async () => {
    await expect(loadKnowledgeBase(join(dir, "nope"))).rejects.toThrow(/cannot be read/);
  });

  it("rejects links that are not https or mailto, in any spelling, wherever users see them", async () => {
    const file = "onderwerpen/zienswijze-begroting.md";
    const body = [
      "Veilig: [wet](https://wetten.overheid.nl/BWBR0003740) en [mail](mailto:griffie@example.nl) en <https://example.nl/a>.",
      "[x](javascript:alert(1))",
      "[y]( javascript:alert(1))",
      "[z](JaVaScRiPt:alert(1))",
      "[w](http://example.nl/pagina)",
      "[v](data:text/html;base64,xx)",
      "<javascript:alert(1)>",
      "[ref]: vbscript:msgbox",
    ].join("\n");
    await edit(file, /---\nDe ontwerpbegroting[^]*$/, `---\n${body}\n`);
    await edit(file, "  - zienswijze begroting gr", "  - zienswijze [klik](javascript:x) begroting");
    const p = (await problems()).filter((x) => x.startsWith(file));
    expect(p.map((x) => x.split(": ")[0])).toEqual([
      `${file}:7`, // the question
      `${file}:18`, `${file}:19`, `${file}:20`, `${file}:21`, `${file}:22`, `${file}:24`, `${file}:23`,
    ]);
    expect(p[0]).toContain(": questions[1]: link to \"javascript:x\": only https:// and mailto: links are allowed");
    expect(p[1]).toContain(": body: link to \"javascript:alert(1\"");
  });

  it("rejects raw HTML and chat mentions in entries", async () => {
    const file = "onderwerpen/centrumgemeente.md";
    await edit(file, "title: Centrumgemeente", "title: Centrumgemeente <!channel>");
    await edit(file, "Eén gemeente doet", "<@U024BE7LH> kijk: <div onclick=x>Eén</div> <!here> <#C123> gemeente doet");
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/^onderwerpen\/centrumgemeente\.md:2: title: chat mention or markup "<!channel>"/));
    const body = p.filter((x) => x.includes(": body: "));
    expect(body.filter((x) => x.includes("chat mention"))).toHaveLength(3);
    expect(body.filter((x) => x.includes("raw HTML"))).toHaveLength(2);
    expect(body.every((x) => x.startsWith(`${file}:15: `))).toBe(true);
  });
});

const GOOD_ENTRY = `---
title: Stemverhouding in het algemeen bestuur
kind: topic
summary: De regeling bepaalt hoeveel stemmen elk AB-lid heeft.
questions:
  - Hoe wordt er gestemd in het AB?
  - hoeveel stemmen heeft onze gemeente
  - wie heeft het meeste te zeggen in het ab
  - gewogen stemmen gr
  - Moeten alle gemeenten het eens zijn?
  - kan een grote gemeente ons overstemmen
updated: 2026-12-02
redactie: Nog nagaan of dit ook voor de BVO geldt; TODO bron.
sources:
  - title: Wet gemeenschappelijke regelingen, art. 13
    url: https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=13
  - title: VNG-presentatie over samenwerken
---
De regeling kan gewogen stemmen of een gekwalificeerde meerderheid voorschrijven.
`;

describe("editorial rules (kb:check)", () => {
  const file = "onderwerpen/stemverhouding.md";
  const write = (text: string) => writeFile(join(dir, file), text);
  const mine = async () => (await problems({ editorial: true })).filter((x) => x.startsWith(file));

  it("accepts an entry that keeps them: six questions, notes only in 'redactie', a title-only source", async () => {
    await write(GOOD_ENTRY);
    expect(await mine()).toEqual([]);
    const kb = await loadKnowledgeBase(dir);
    const e = kb.byId.get("stemverhouding")!;
    expect(e.sources).toEqual([{ title: "Wet gemeenschappelijke regelingen, art. 13", url: "https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=13" }]);
    expect(e.citations?.map((c) => c.title)).toEqual(["Wet gemeenschappelijke regelingen, art. 13", "VNG-presentatie over samenwerken"]);
    expect(JSON.stringify(e)).not.toContain("nagaan");
  });

  it("needs at least six questions", async () => {
    await write(GOOD_ENTRY.replace("  - kan een grote gemeente ons overstemmen\n", ""));
    expect(await mine()).toEqual([`${file}:6: questions: has 5; needs at least 6 ways people ask it (formal, loose, a situation)`]);
    // Without the editorial rules (the bot at start-up) five questions still load.
    expect((await problems()).filter((x) => x.startsWith(file))).toEqual([]);
  });

  it("rejects notes to editors in user text, ignoring case and accents", async () => {
    await write(
      GOOD_ENTRY.replace("summary: De regeling", "summary: Dit hebben wij niet kunnen CONTROLEREN. De regeling").replace(
        "De regeling kan gewogen",
        "Eerste regel.\nDit is nog nagaan werk (todo). De regeling kan gewogen",
      ),
    );
    const p = await mine();
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^${file}:4: summary: "niet kunnen controleren" reads as a note to editors`)));
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^${file}:20: body: "nog nagaan"`)));
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^${file}:20: body: "todo"`)));
    expect(p).toHaveLength(3);
  });

  it("rejects homepages and mirror sites as sources", async () => {
    await write(
      GOOD_ENTRY.replace("https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=13", "https://www.vng.nl/").replace(
        "  - title: VNG-presentatie over samenwerken",
        "  - title: Kopie van een artikel\n    url: https://5dok.net/document/abc\n  - title: Home zonder slash\n    url: https://wetten.overheid.nl\n  - title: Kopie van de wet\n    url: https://wetten.legaltools.nl/wet-gemeenschappelijke-regelingen/artikel-1",
      ),
    );
    expect(await mine()).toEqual([
      `${file}:16: sources[0].url: is a homepage; link the specific page or article (or cite the title only)`,
      `${file}:18: sources[1].url: 5dok.net copies documents from elsewhere; cite the original (or the title only)`,
      `${file}:20: sources[2].url: is a homepage; link the specific page or article (or cite the title only)`,
      `${file}:22: sources[3].url: wetten.legaltools.nl copies law texts; link the article on wetten.overheid.nl`,
    ]);
  });

  it("limits a topic body to 300 words and wants checklist items phrased as checks", async () => {
    await write(GOOD_ENTRY.replace("De regeling kan", `${"woord ".repeat(300)}\nDe regeling kan`));
    expect(await mine()).toEqual([expect.stringMatching(new RegExp(`^${file}:19: body: has 310 words; a topic body has at most 300`))]);
    await write(GOOD_ENTRY.replace("kind: topic", "kind: checklist").replace("De regeling kan gewogen stemmen of een gekwalificeerde meerderheid voorschrijven.", "- [ ] Is de stemverhouding geregeld? (art. 13 Wgr)\n- [ ] De stemverhouding is geregeld (art. 13 Wgr)"));
    expect(await mine()).toEqual([`${file}:20: body: checklist item "De stemverhouding is geregeld (art. 13 Wgr)" is a statement; phrase it as a check ("Is ... geregeld?")`]);
  });
});

