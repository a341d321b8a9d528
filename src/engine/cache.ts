// Start-up cache for large bases: the analysed index is kept on disk, keyed by a hash of the entries, so a
// restart with unchanged knowledge skips analysing every entry again.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { createEngine, serializeIndex, type EngineOptions } from "./index.ts";
import type { Engine } from "./types.ts";

/** Bump when the analysis or index format changes, so old caches are not used. */
const FORMAT = "engine-v1";

export function knowledgeHash(kb: KnowledgeBase): string {
  const h = createHash("sha256").update(FORMAT);
  for (const e of kb.entries) h.update(JSON.stringify([e.id, e.title, e.kind, e.questions, e.keywords, e.summary, e.body, e.items]));
  return h.digest("hex").slice(0, 32);
}

export async function createEngineCached(
  kb: KnowledgeBase,
  cacheDir: string,
  options: Omit<EngineOptions, "prebuiltIndex"> = {},
): Promise<{ engine: Engine; cacheHit: boolean }> {
  const file = join(cacheDir, `index-${knowledgeHash(kb)}.json`);
  const cached = await readFile(file, "utf8").catch(() => null);
  if (cached) {
    try {
      return { engine: createEngine(kb, { ...options, prebuiltIndex: cached }), cacheHit: true };
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const json = serializeIndex(kb.entries);
  const engine = createEngine(kb, { ...options, prebuiltIndex: json });
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, json);
  await rename(tmp, file);
  return { engine, cacheHit: false };
}
