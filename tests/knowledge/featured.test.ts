// knowledge/uitgelicht.yml: loaded and validated with the knowledge base; problems read "file:line: field: message".
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { FEATURED_FILE } from "../../src/knowledge/featured.ts";
import { sharedKnowledgeBase } from "../support/knowledge.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/kb-small");
const KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kb-featured-"));
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

const writeFeatured = (text: string) => writeFile(join(dir, FEATURED_FILE), text);

describe("uitgelicht.yml", () => {
  it("is optional: a base without it has no featured list", async () => {
    expect((await loadKnowledgeBase(dir)).featured).toBeUndefined();
  });

  it("loads the ids in the order of the file", async () => {
    await writeFeatured("# comment\nonderwerpen:\n  - zienswijze-begroting\n  - centrumgemeente\n");
    expect((await loadKnowledgeBase(dir)).featured).toEqual(["zienswijze-begroting", "centrumgemeente"]);
  });

  it("reports an id no entry has and a duplicate, each at its own line, together with other problems", async () => {
    await writeFeatured("onderwerpen:\n  - centrumgemeente\n  - bestaat-niet\n  - centrumgemeente\n");
    await writeFile(join(dir, "synoniemen.yml"), "groups: 3\n");
    const p = await problems();
    expect(p).toContain(`${FEATURED_FILE}:3: onderwerpen[1]: no entry has id "bestaat-niet"`);
    expect(p).toContain(`${FEATURED_FILE}:4: onderwerpen[2]: "centrumgemeente" is already listed (line 2)`);
    expect(p.some((l) => l.startsWith("synoniemen.yml:"))).toBe(true);
  });

  it("names the line and field of a malformed file", async () => {
    await writeFeatured("onderwerpen:\n  - centrumgemeente\n  - Rol van de raad\n");
    expect(await problems()).toEqual([
      `${FEATURED_FILE}:3: onderwerpen[1]: must be an entry id (lowercase letters, digits and hyphens)`,
    ]);
    await writeFeatured("uitgelicht:\n  - centrumgemeente\n");
    const p = await problems();
    expect(p.length).toBeGreaterThan(0);
    for (const l of p) expect(l).toMatch(new RegExp(`^${FEATURED_FILE.replace(".", "\\.")}:\\d+: [\\w.[\\]]+: .+`));
    await writeFeatured('onderwerpen: [centrumgemeente, "open\n');
    expect(await problems()).toEqual([expect.stringMatching(/^uitgelicht\.yml:1: onderwerpen: unparsable YAML/)]);
    await writeFeatured("- centrumgemeente\n");
    expect(await problems()).toEqual([`${FEATURED_FILE}:1: onderwerpen: must be a mapping with an 'onderwerpen' list`]);
  });

  it("the shipped knowledge folder features existing topics, each once", async () => {
    const kb = await sharedKnowledgeBase(KNOWLEDGE);
    expect(kb.featured?.length).toBeGreaterThanOrEqual(3);
    expect(new Set(kb.featured).size).toBe(kb.featured!.length);
    for (const id of kb.featured!) expect(kb.byId.get(id)?.kind).toBe("topic");
  }, 30_000);
});
