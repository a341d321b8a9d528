// How old an entry's content is: "stale" after STALE_MONTHS without a check, and the line every adapter shows
// under an answer (wording in messages.ts).
import { formatDutchDate } from "./dutch-date.ts";
import { messages } from "./messages.ts";
import type { Answer } from "../reply.ts";

/** True when the YYYY-MM-DD date lies more than `months` months before `now`. */
export function isStale(updated: string, now: Date, months: number): boolean {
  const d = new Date(`${updated}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return false;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return d < limit;
}

/** The line under an answer: "Laatst gecontroleerd: 23 november 2025" when stale, else the usual check date. */
export function updatedNote(answer: Pick<Answer, "updated" | "stale">): string | null {
  if (!answer.updated) return null;
  if (answer.stale) return messages.lastChecked(formatDutchDate(new Date(`${answer.updated}T12:00:00Z`)));
  return messages.updated(answer.updated);
}
