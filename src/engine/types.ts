import type { Reply } from "../reply.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";

export interface Engine {
  /** Fully synchronous, no I/O. Never throws: bad input gets "help" or "unknown". */
  ask(question: string): Reply;
  /** The "answer" reply for one entry (confidence 1), or null for an unknown id. */
  replyFor(id: string): Reply | null;
  /** Why ask() replies as it does: focus words, expansions, candidates with features, confidence, band. */
  explain?(question: string): Explanation;
  /**
   * How many of the message's own content words (not filler, situational words or names) the base knows, and how
   * many it does not ("wat eten we vanavond" → known 0, unknown 1). Follow-up resolution uses it to refuse an
   * off-topic message that merely opens like a follow-up.
   */
  topicWords?(question: string): { known: number; unknown: number };
  /** The "help" reply. */
  help(): Reply;
  /** Confidence at or above which a reply is an "answer" (the model's answer threshold). */
  readonly threshold: number;
  readonly entries: readonly KnowledgeEntry[];
}

export interface Explanation {
  question: string;
  focus: { word: string; stem: string; weight: number; idf: number; match: string; name: boolean }[];
  expansions: string[];
  wantsChecklist: boolean;
  localFigure: boolean;
  /** It asks how much pay, an allowance or a rate is, which the base never has. */
  asksAmount: boolean;
  /** The message points at a pasted or attached text, which the bot does not read. */
  aboutDocument: boolean;
  /** The message asks the bot to write a text (a motion, a mail), which it does not do. */
  asksToWrite: boolean;
  /** The message asks where to look ("waar vind ik …"): entries that say where rank higher. */
  asksWhereToFind: boolean;
  /** The question asks, after context about a GR, about something the base has no subject for. */
  askedOffSubject: boolean;
  /** An asking clause names a subject the base never covers (language data `off_domain_words`). */
  asksOffDomain: boolean;
  /** The best entry names none of the asking clause's words, only its context's (see answersOnlyContext). */
  answersOnlyContext: boolean;
  candidates: { id: string; rank: number; coverage: number; features?: Record<string, number> }[];
  confidence: number;
  thresholds: { answer: number; ambiguous: number };
  band: "answer" | "ambiguous" | "unknown";
  status: string;
}
