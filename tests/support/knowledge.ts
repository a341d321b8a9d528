// The real knowledge base (knowledge/) and an engine over it, loaded once per worker process and shared by the test
// files that only read them: files share a worker's loaded modules (`isolate: false`), so this module's memo
// serves every file after the first. Loading and indexing the base costs ~0.2 CPU-s each time, and some twenty
// files did it. Memoised per folder as given (a relative and an absolute path stay apart: entries keep the path they
// were loaded from). A test that changes the base, or needs other engine options, loads or builds its own.
import { createEngine } from "../../src/engine/index.ts";
import type { Engine } from "../../src/engine/types.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";

const bases = new Map<string, Promise<KnowledgeBase>>();
const engines = new Map<string, Promise<Engine>>();

/** The knowledge base in `dir`, loaded once per worker. Read it only. */
export function sharedKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  let kb = bases.get(dir);
  if (!kb) {
    kb = loadKnowledgeBase(dir);
    bases.set(dir, kb);
    kb.catch(() => bases.delete(dir)); // a failed load is not kept
  }
  return kb;
}

/** createEngine(the knowledge base in `dir`) with the default options, built once per worker. */
export function sharedEngine(dir: string): Promise<Engine> {
  let engine = engines.get(dir);
  if (!engine) {
    engine = sharedKnowledgeBase(dir).then((kb) => createEngine(kb));
    engines.set(dir, engine);
    engine.catch(() => engines.delete(dir));
  }
  return engine;
}
