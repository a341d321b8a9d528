// The knowledge base the running bot serves, replaced as a whole on reload. A new base is loaded, validated and
// indexed beside the current one; only when all of that succeeded is it swapped in (one assignment), so a request
// always sees one complete base. A base with errors is never swapped in: the last good one keeps serving.
import { createHash } from "node:crypto";
import type { Logger } from "../log.ts";
import { formatProblem, KnowledgeError, loadKnowledgeBase, type KnowledgeProblem } from "../knowledge/load.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";

/** One loaded base and what was built from it (engine, bot, …), swapped in together. */
export interface LoadedBase<T> {
  kb: KnowledgeBase;
  built: T;
  /** Short hash of the base's content: changes whenever an entry or a data file of the folder changes. */
  version: string;
  loadedAt: Date;
}

export interface ReloadError {
  at: string;
  /** "file:line: field: message" for every problem (or one line for other failures). */
  problems: string[];
}

export interface KnowledgeStatus {
  version: string;
  entries: number;
  loadedAt: string;
  reloads: number;
  /** The last failed reload since the last successful one, or null. */
  lastReloadError: ReloadError | null;
}

export type ReloadResult =
  { ok: true; changed: boolean; version: string; entries: number } | { ok: false; problems: string[] };

export interface LiveKnowledge<T> {
  current(): LoadedBase<T>;
  /** Loads the folder again; concurrent calls share one run (plus at most one queued run). Never throws. */
  reload(reason: string): Promise<ReloadResult>;
  status(): KnowledgeStatus;
  /** Called after every reload attempt (metrics). */
  onReload(listener: (result: ReloadResult) => void): void;
}

export interface LiveKnowledgeOptions<T> {
  dir: string;
  /** Builds what the bot serves from a validated base (engine, Bot facade); may throw. */
  build(kb: KnowledgeBase): Promise<T> | T;
  logger: Logger;
}

/** Content hash of a base (ids, every field, the synonyms, spreektaal, uitgelicht), 12 hex characters. */
export function baseVersion(kb: KnowledgeBase): string {
  const h = createHash("sha256");
  for (const e of kb.entries) h.update(JSON.stringify({ ...e, file: undefined }));
  h.update(JSON.stringify(kb.synonyms));
  // Added only when present, so a base without them keeps its version.
  if (kb.colloquial?.length) h.update(JSON.stringify({ colloquial: kb.colloquial }));
  if (kb.featured) h.update(JSON.stringify({ featured: kb.featured }));
  return h.digest("hex").slice(0, 12);
}

/** Loads the first base; throws (KnowledgeError) when it has errors, as the start-up did before. */
export async function createLiveKnowledge<T>(opts: LiveKnowledgeOptions<T>): Promise<LiveKnowledge<T>> {
  const log = opts.logger.child({ component: "knowledge" });
  const load = async (): Promise<LoadedBase<T>> => {
    const kb = await loadKnowledgeBase(opts.dir);
    const built = await opts.build(kb);
    return { kb, built, version: baseVersion(kb), loadedAt: new Date() };
  };

  let current = await load();
  let reloads = 0;
  let lastReloadError: ReloadError | null = null;
  const listeners: ((r: ReloadResult) => void)[] = [];
  let running: Promise<ReloadResult> | null = null;
  let queued: Promise<ReloadResult> | null = null;

  const problemsOf = (err: unknown): string[] =>
    err instanceof KnowledgeError
      ? err.problems.map((p: KnowledgeProblem) => formatProblem(p))
      : [`${opts.dir}: ${err instanceof Error ? err.message : String(err)}`];

  const runOnce = async (reason: string): Promise<ReloadResult> => {
    const started = Date.now();
    let result: ReloadResult;
    try {
      const next = await load();
      const changed = next.version !== current.version;
      if (changed) current = next; // the swap: requests from here on see the new base
      reloads++;
      lastReloadError = null;
      result = { ok: true, changed, version: current.version, entries: current.kb.entries.length };
      log.info(
        { reason, version: current.version, entries: current.kb.entries.length, changed, ms: Date.now() - started },
        changed ? "knowledge base reloaded" : "knowledge base unchanged",
      );
    } catch (err) {
      const problems = problemsOf(err);
      lastReloadError = { at: new Date().toISOString(), problems };
      for (const line of problems) log.error({ reason }, `knowledge reload: ${line}`);
      log.error(
        { reason, problems: problems.length, version: current.version },
        "knowledge reload failed; still serving the last good base",
      );
      result = { ok: false, problems };
    }
    for (const l of listeners) {
      try {
        l(result);
      } catch (err) {
        log.warn({ err }, "reload listener failed");
      }
    }
    return result;
  };

  const reload = (reason: string): Promise<ReloadResult> => {
    if (!running) {
      running = runOnce(reason).finally(() => {
        running = null;
      });
      return running;
    }
    // A change during a reload gets one more reload after it (files may have changed after they were read).
    queued ??= running.then(() => {
      queued = null;
      return reload(reason);
    });
    return queued;
  };

  return {
    current: () => current,
    reload,
    status: () => ({
      version: current.version,
      entries: current.kb.entries.length,
      loadedAt: current.loadedAt.toISOString(),
      reloads,
      lastReloadError,
    }),
    onReload: (l) => void listeners.push(l),
  };
}
