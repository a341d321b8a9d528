// The core's persistence port. One SQL implementation backs it: PGlite (embedded, default) or
// PostgreSQL (when DATABASE_URL is set). Adapters never touch it directly; they call src/core/bot.ts.

export type Platform = "slack" | "teams" | "cli" | "preview";

/** Why an answer was not helpful (the 👎 reason); Dutch labels in src/core/feedback-reasons.ts. */
export const FEEDBACK_REASONS = ["onjuist", "onvolledig", "verouderd", "niet-mijn-vraag", "anders"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface FeedbackInput {
  entryId: string;
  helpful: boolean;
  /** Free text (the 👎 reason's optional explanation, or the preview's comment). */
  comment?: string;
  /** Why not helpful (👎 only). A later submission with a reason updates the user's row. */
  reason?: FeedbackReason;
  platform: Platform;
  /** Who gave it (hashed inside the store): one row per user and entry, a second click changes it. */
  userId?: string;
}

export interface UnansweredInput {
  question: string;
  bestGuess: string | null;
  confidence: number;
  platform: Platform;
}

export interface ChecklistRun {
  runId: string;
  checklistId: string;
  /** Where the run lives: e.g. "slack:C123:1700000000.000100" or "teams:<conversation id>". */
  context: string;
  /** Ticked item ids with the (hashed) user and time of the tick. */
  ticked: { itemId: string; userHash: string; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface UnansweredRow {
  question: string;
  bestGuess: string | null;
  confidence: number;
  platform: Platform;
  at: Date;
}

export interface FeedbackRow {
  entryId: string;
  helpful: boolean;
  comment: string | null;
  /** The 👎 reason, when one was given. */
  reason?: FeedbackReason | null;
  platform: Platform;
  at: Date;
}

/** One asked question, without its text: what the HTML report and the metrics count. */
export interface AskedInput {
  status: "answer" | "ambiguous" | "unknown" | "help";
  /** The entry answered with (answer/ambiguous), else null. */
  entryId: string | null;
  confidence: number;
  platform: Platform;
}

export interface AskedRow extends AskedInput {
  at: Date;
}

/** What a conversation (a Slack thread or DM, a Teams conversation, a preview session) last got answered. */
export interface ConversationContext {
  entryId: string;
  /** When that entry was answered there. */
  updatedAt: Date;
  /** From this moment on the context no longer counts (and is deleted). */
  expiresAt: Date;
}

export type HandoffStatus = "open" | "answered";

/** A question forwarded to the griffie ("Vraag het de griffie"). */
export interface HandoffInput {
  question: string;
  /** The entry the bot thought best (its best guess or the answer that got a 👎), if any. */
  bestGuess: string | null;
  platform: Platform;
  /** Who asked (hashed inside the store). */
  userId?: string;
  /** Where the griffie can answer: the user's thread (a Slack permalink, a Teams deep link). */
  link?: string | null;
}

export interface HandoffRow {
  id: string;
  question: string;
  bestGuess: string | null;
  platform: Platform;
  link: string | null;
  status: HandoffStatus;
  at: Date;
  answeredAt: Date | null;
}

export interface Store {
  /** Stores feedback; with a userId it replaces that user's earlier feedback on the same entry. */
  recordFeedback(input: FeedbackInput): Promise<void>;
  /**
   * Records a key (a request signature, an event id) for ttlMs. True the first time; false while an earlier
   * record is alive. Atomic across instances sharing one database (insert-if-absent).
   */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
  recordUnanswered(input: UnansweredInput): Promise<void>;
  /** Creates a run, or returns the newest existing run for the same checklist and context. */
  startChecklistRun(checklistId: string, context: string): Promise<ChecklistRun>;
  getChecklistRun(runId: string): Promise<ChecklistRun | null>;
  /** Ticks (checked=true) or unticks an item; userId is hashed inside the store. */
  setChecklistItem(runId: string, itemId: string, userId: string, checked: boolean): Promise<ChecklistRun>;
  listUnanswered(since?: Date): Promise<UnansweredRow[]>;
  listFeedback(since?: Date): Promise<FeedbackRow[]>;
  /** Logs an asked question (status, entry, platform; never the text). Optional so test fakes can leave it out. */
  recordAsked?(input: AskedInput): Promise<void>;
  listAsked?(since?: Date): Promise<AskedRow[]>;
  /**
   * The live context of a conversation for follow-up questions, or null. `conversation` is the adapter's key
   * ("slack:C1:1700000000.000100", "teams:<conversation id>"); the store keeps only its keyed hash. Optional so
   * test fakes can leave it out (no follow-ups then).
   */
  getConversationContext?(conversation: string): Promise<ConversationContext | null>;
  /** Remembers the entry last answered in a conversation for ttlMs, replacing the earlier one. */
  setConversationContext?(conversation: string, entryId: string, ttlMs: number): Promise<void>;
  /** Tells `listener` (metrics) about failed writes nobody awaited, such as batched logs. Optional. */
  onBackgroundError?(listener: (operation: string) => void): void;
  /** Stores a hand-off to the griffie with status open. Optional so test fakes can leave it out. */
  recordHandoff?(input: HandoffInput): Promise<HandoffRow>;
  /** Marks a hand-off answered (idempotent); null for an unknown id. */
  markHandoffAnswered?(id: string, userId: string): Promise<HandoffRow | null>;
  /** Hand-offs from `since` on, oldest first; only those with `status` when given. */
  listHandoffs?(since?: Date, status?: HandoffStatus): Promise<HandoffRow[]>;
  /** A small named setting shared by all instances (the griffie's Teams conversation); null when unset. */
  getSetting?(key: string): Promise<string | null>;
  setSetting?(key: string, value: string): Promise<void>;
  /** Deletes stored questions older than the retention period; returns how many were removed. */
  purgeExpired(now?: Date): Promise<number>;
  /** Cheap liveness query for /readyz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
