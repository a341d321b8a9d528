import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEngineCached, knowledgeHash } from "../../src/engine/cache.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cache-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("createEngineCached", () => {
  it("builds and writes the index once, then loads it; a changed base gets a new cache", async () => {
    const kb = await loadKnowledgeBase(join(import.meta.dirname, "../fixtures/kb-small"));
    const first = await createEngineCached(kb, dir);
    expect(first.cacheHit).toBe(false);
    expect(await readdir(dir)).toEqual([`index-${knowledgeHash(kb)}.bin`]);
    const second = await createEngineCached(kb, dir);
    expect(second.cacheHit).toBe(true);
    expect(second.engine.ask("zienswijze begroting")).toEqual(first.engine.ask("zienswijze begroting"));

    const changed = {
      ...kb,
      entries: kb.entries.map((e) => (e.id === "centrumgemeente" ? { ...e, body: `${e.body} Extra.` } : e)),
    };
    const third = await createEngineCached(changed, dir);
    expect(third.cacheHit).toBe(false);
    expect(await readdir(dir)).toEqual([`index-${knowledgeHash(changed)}.bin`]);
  });
});
