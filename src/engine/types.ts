import type { Reply } from "../reply.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";

export interface Engine {
  /** Fully synchronous, no I/O. Never throws: bad input gets "help" or "unknown". */
  ask(question: string): Reply;
  /** The "answer" reply for one entry (confidence 1), or null for an unknown id. */
  replyFor(id: string): Reply | null;
  /** The "help" reply. */
  help(): Reply;
  /** Confidence at or above which a reply is an "answer". */
  readonly threshold: number;
  readonly entries: readonly KnowledgeEntry[];
}
