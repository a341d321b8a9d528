// The core's only output: a platform-neutral reply that every adapter renders (see DESIGN.md).

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
}
