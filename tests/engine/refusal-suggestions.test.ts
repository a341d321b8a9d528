// The suggestions under a refusal: entries that share what the message asks about, or, when the message asks about
// nothing the base knows (an unknown word next to everyday words only), the featured topics (uitgelicht.yml), or the
// language data's default topics when the base features none.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/index.ts";
import { language } from "../../src/engine/language.ts";
import type { Engine } from "../../src/engine/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { sharedEngine, sharedKnowledgeBase } from "../support/knowledge.ts";

describe("suggestions under a refusal", () => {
  let engine: Engine;
  let kb: KnowledgeBase;
  let featured: string[];
  beforeAll(async () => {
    kb = await sharedKnowledgeBase(join(import.meta.dirname, "../../knowledge"));
    engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
    featured = kb.featured!.slice(0, 3);
  });

  it("offers the featured topics when only an everyday word is known", () => {
    expect(featured.length).toBe(3);
    for (const q of ["wat kost een brood", "wat kost een brood bij de bakker"]) {
      const r = engine.ask(q);
      expect(r.status).toBe("unknown");
      expect(r.alternatives.map((a) => a.id)).toEqual(featured);
    }
  });

  it("offers the language data's default topics when the base features none", () => {
    const plain = createEngine({ ...kb, featured: undefined });
    const ids = plain.ask("wat kost een brood").alternatives.map((a) => a.id);
    expect(ids).toEqual(language.defaultSuggestions.slice(0, 3));
  });

  it("still offers entries that share a word the base is about", () => {
    const r = engine.ask("wat kost een gemeenschappelijke regeling aan brood");
    expect(r.alternatives.map((a) => a.id)).not.toEqual(featured);
  });
});
