// kb:check's stale-content warnings: entries whose `updated` date is older than STALE_MONTHS (default 12). They are
// listed as `file:line: updated: …` warnings; they never make the check fail.
import { readFileSync } from "node:fs";
import { isStale } from "../core/freshness.ts";
import type { KnowledgeBase, KnowledgeEntry } from "../knowledge/types.ts";

export const DEFAULT_STALE_MONTHS = 12;

/** STALE_MONTHS from the environment; the default for a missing or invalid value (reported by the caller). */
export function staleMonthsFrom(env: NodeJS.ProcessEnv): { months: number; invalid?: string } {
  const raw = env.STALE_MONTHS?.trim();
  if (!raw) return { months: DEFAULT_STALE_MONTHS };
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? { months: n } : { months: DEFAULT_STALE_MONTHS, invalid: raw };
}

export function staleEntries(kb: KnowledgeBase, now: Date, months: number): KnowledgeEntry[] {
  return kb.entries
    .filter((e) => isStale(e.updated, now, months))
    .sort((a, b) => a.updated.localeCompare(b.updated) || a.file.localeCompare(b.file));
}

function updatedLine(file: string): number {
  try {
    const i = readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => /^updated\s*:/.test(l));
    return i >= 0 ? i + 1 : 1;
  } catch {
    return 1;
  }
}

/** The warning lines for kb:check (empty when nothing is stale). */
export function staleWarnings(kb: KnowledgeBase, now: Date, env: NodeJS.ProcessEnv): string[] {
  const { months, invalid } = staleMonthsFrom(env);
  const out: string[] = [];
  if (invalid !== undefined)
    out.push(`warning: STALE_MONTHS="${invalid}" is not a whole number of months; using ${months}`);
  const stale = staleEntries(kb, now, months);
  if (stale.length === 0) return out;
  out.push(
    `warning: ${stale.length} ${stale.length === 1 ? "entry was" : "entries were"} not checked for more than ${months} months (STALE_MONTHS); answers from them say when they were last checked:`,
  );
  for (const e of stale)
    out.push(`${e.file}:${updatedLine(e.file)}: updated: ${e.updated} is older than ${months} months (warning)`);
  return out;
}
