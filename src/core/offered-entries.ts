// The other entries a reply offers as buttons, chosen the same way in Slack and Teams: under an ambiguous answer the
// other candidates ("Of bedoelde u…"); under every answer its related entries and, under a confident one, the close
// runners-up ("Gerelateerde onderwerpen"). Each entry once, never the answer itself, at most MAX_OFFERED per list.
import type { Alternative, Answer, RelatedTopic } from "../reply.ts";

/** Most entry buttons in one list under a reply (a Slack actions block and a Teams ActionSet stay readable). */
export const MAX_OFFERED = 6;

/** The items in order, each id once (the first wins). */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

export interface OfferedEntries {
  /** "Of bedoelde u…": the other candidates of an ambiguous answer. */
  others: Alternative[];
  /** "Gerelateerde onderwerpen": the answer's related entries, then (confident answers only) the runners-up. */
  related: RelatedTopic[];
}

export function offeredEntries(
  answer: Answer,
  alternatives: readonly Alternative[],
  ambiguous: boolean,
): OfferedEntries {
  const others = ambiguous
    ? uniqueById(alternatives)
        .filter((a) => a.id !== answer.id)
        .slice(0, MAX_OFFERED)
    : [];
  const related = uniqueById<RelatedTopic>([...answer.related, ...(ambiguous ? [] : alternatives)])
    .filter((r) => r.id !== answer.id && !others.some((o) => o.id === r.id))
    .slice(0, MAX_OFFERED);
  return { others, related };
}

/** "Bedoelde u…" under a refusal or a checklist that was not found: the best guess first, then the suggestions. */
export function suggestedEntries(best: Answer | null, alternatives: readonly Alternative[]): RelatedTopic[] {
  return uniqueById<RelatedTopic>([...(best ? [{ id: best.id, title: best.title }] : []), ...alternatives]).slice(
    0,
    MAX_OFFERED,
  );
}
