// The suggestions under a refusal: entries that share what the message asks about, or, when the message asks about
// nothing the base knows (an unknown word next to everyday words only), the default topics of the language data.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/index.ts";
import { language } from "../../src/engine/language.ts";
import type { Engine } from "../../src/engine/types.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";

describe("suggestions under a refusal", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = createEngine(await loadKnowledgeBase(join(import.meta.dirname, "../../knowledge")));
  });

  it("offers the default topics when only an everyday word is known", () => {
    for (const q of ["wat kost een brood", "wat kost een brood bij de bakker"]) {
      const r = engine.ask(q);
      expect(r.status).toBe("unknown");
      expect(r.alternatives.map((a) => a.id)).toEqual(language.defaultSuggestions.slice(0, r.alternatives.length));
      expect(r.alternatives.length).toBeGreaterThan(0);
    }
  });

  it("still offers entries that share a word the base is about", () => {
    const r = engine.ask("wat kost een gemeenschappelijke regeling aan brood");
    expect(r.alternatives.map((a) => a.id)).not.toEqual(language.defaultSuggestions.slice(0, r.alternatives.length));
  });
});
