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

async function problems(): Promise<string[]> {
  try {
    await loadKnowledgeBase(dir);
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

  it("reports unparsable YAML with its line", async () => {
    await edit("onderwerpen/centrumgemeente.md", "title: Centrumgemeente", 'title: "Centrumgemeente');
    const p = await problems();
    expect(p.length).toBe(1);
    expect(p[0]).toMatch(/^onderwerpen\/centrumgemeente\.md:\d+: frontmatter: unparsable YAML/);
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
});
