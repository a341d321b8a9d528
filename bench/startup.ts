// Child process of the benchmark: time from nothing loaded to a ready engine, for one knowledge folder.
// Prints one JSON line: { loadMs, engineMs, totalMs, cacheHit, entries }.
import { performance } from "node:perf_hooks";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { createEngineCached } from "../src/engine/cache.ts";

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) throw new Error("usage: startup.ts <knowledge dir> <cache dir>");
const t0 = performance.now();
const kb = await loadKnowledgeBase(dir);
const t1 = performance.now();
const { engine, cacheHit } = await createEngineCached(kb, cacheDir);
engine.ask("zienswijze begroting");
const t2 = performance.now();
console.log(
  JSON.stringify({ loadMs: t1 - t0, engineMs: t2 - t1, totalMs: t2 - t0, cacheHit, entries: kb.entries.length }),
);
