// The platform-neutral Reply every adapter renders, and the vocabulary it shares with the knowledge base (entry kinds,
// links, checklist items). It sits at the bottom of the import graph: knowledge, engine, core, http and the adapters
// all import it, and it imports nothing (docs/architecture.md, "The Reply contract").

export type EntryKind = "topic" | "term" | "checklist";

export type ReplyStatus = "answer" | "ambiguous" | "unknown" | "help";

export interface Link {
  title: string;
  url: string;
}

export interface ChecklistItem {
  /** Stable within its checklist: "<checklist-id>#<n>" (1-based). */
  id: string;
  text: string;
}

export interface RelatedTopic {
  id: string;
  title: string;
}

export interface Answer {
  id: string;
  kind: EntryKind;
  title: string;
  summary: string;
  /** The entry body as markdown, without the checklist's task list. */
  text: string;
  /** Checklist items (only for kind "checklist"). */
  items?: ChecklistItem[];
  links: Link[];
  related: RelatedTopic[];
  /** Date the content was last checked (YYYY-MM-DD), when known. */
  updated?: string;
  /** True when `updated` is older than STALE_MONTHS: the answer says when it was last checked. */
  stale?: boolean;
}

export interface Alternative {
  id: string;
  title: string;
  score: number;
}

export interface Reply {
  status: ReplyStatus;
  /** 0..1, calibrated: >= the engine's threshold means "answer". */
  confidence: number;
  /** The best entry; null for unknown/help. */
  answer: Answer | null;
  /** "Bedoelde u…" suggestions (ambiguous/unknown) or close runners-up. */
  alternatives: Alternative[];
  /**
   * A specific Dutch explanation that replaces the generic "unknown" text, e.g. for a question about local
   * figures the base does not hold (where to find them instead). Adapters show it when present.
   */
  message?: string;
  /**
   * Set when the question was read as a follow-up on the entry answered last in the same conversation
   * (src/core/follow-up.ts); every adapter says so above the answer (messages.followUpNote).
   */
  followUp?: { entryId: string; title: string };
}
