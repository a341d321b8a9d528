// Start-up cache for large bases: the analysed index is kept on disk, keyed by a hash of the entries, so a
// restart with unchanged knowledge skips analysing every entry again.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { createEngine, serializeIndex, type EngineOptions } from "./index.ts";
import { language } from "./language.ts";
import type { Engine } from "./types.ts";

/** Bump when the analysis or index format changes, so old caches are not used. */
const FORMAT = "engine-v3";

export function knowledgeHash(kb: KnowledgeBase): string {
  // Stem overrides are language data that changes how entries are indexed.
  const h = createHash("sha256").update(FORMAT).update(JSON.stringify(language.stemOverrides));
  for (const e of kb.entries)
    h.update(JSON.stringify([e.id, e.title, e.kind, e.questions, e.keywords, e.summary, e.body, e.items]));
  return h.digest("hex").slice(0, 32);
}

export async function createEngineCached(
  kb: KnowledgeBase,
  cacheDir: string,
  options: Omit<EngineOptions, "prebuiltIndex"> = {},
): Promise<{ engine: Engine; cacheHit: boolean }> {
  const file = join(cacheDir, `index-${knowledgeHash(kb)}.bin`);
  const cached = await readFile(file).catch(() => null);
  if (cached) {
    try {
      return { engine: createEngine(kb, { ...options, prebuiltIndex: cached }), cacheHit: true };
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const bytes = serializeIndex(kb.entries);
  const engine = createEngine(kb, { ...options, prebuiltIndex: bytes });
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  // Only the index of the current knowledge is worth keeping.
  for (const old of await readdir(cacheDir)) {
    if (/^index-[0-9a-f]+\.(bin|json)$/.test(old) && join(cacheDir, old) !== file)
      await unlink(join(cacheDir, old)).catch(() => undefined);
  }
  return { engine, cacheHit: false };
}
