// The facade both chat adapters call, so that Slack, Teams, the CLI and the preview page behave the same.
// Implementation: createBot() in src/core/create-bot.ts (engine + store + knowledge base).
import type { Reply } from "../reply.ts";
import type { ChecklistRun, FeedbackReason, Platform } from "../store/port.ts";

export interface AskContext {
  platform: Platform;
  /**
   * Whether an "unknown" reply is recorded as an unanswered question (default true). Search-as-you-type (the
   * Teams message extension) passes false: half-typed words are not questions the griffie needs to see.
   */
  recordUnanswered?: boolean;
  /**
   * The conversation the question was asked in, as "<platform>:<id>" (a Slack thread or DM, a Teams conversation,
   * a preview session). With it, a short follow-up is read in the context of the entry answered last in that
   * conversation (src/core/follow-up.ts). Without it (slash commands, the CLI, search) every question stands alone.
   */
  conversation?: string;
}

export interface ChecklistSummary {
  id: string;
  title: string;
  summary: string;
  itemCount: number;
}

export interface ChecklistProgress {
  run: ChecklistRun;
  title: string;
  items: { id: string; text: string; checked: boolean }[];
  done: number;
  total: number;
}

export interface Bot {
  /** Answers a question; an "unknown" reply is recorded as unanswered. Never throws on bad input. */
  ask(question: string, ctx: AskContext): Promise<Reply>;
  /** The reply for one entry by id; "unknown" for a bad id. Reads nothing and writes nothing. */
  answerById(id: string): Reply;
  /**
   * The reply for an entry the user opened with a button (a related topic, "bedoelde u", a featured topic). With
   * `ctx.conversation` the entry becomes that conversation's follow-up context, as if a question had been answered
   * with it: a follow-up after the click is read in its context.
   */
  openEntry(id: string, ctx: Pick<AskContext, "conversation">): Promise<Reply>;
  /** The help reply (greeting, "help", empty input). */
  help(): Reply;
  listChecklists(): ChecklistSummary[];
  /** Best checklist for a free-text topic ("uittreden"), or null. */
  findChecklist(query: string): ChecklistSummary | null;
  /** Most useful entry points (App Home, welcome card): a few topics. */
  featuredTopics(): { id: string; title: string }[];
  /**
   * With a userId, one row per user and entry: a second click replaces the first. A 👎 may carry a reason (and
   * the comment then explains it); a later reason updates the same row.
   */
  recordFeedback(
    entryId: string,
    helpful: boolean,
    platform: Platform,
    comment?: string,
    userId?: string,
    reason?: FeedbackReason,
  ): Promise<void>;
  startChecklist(checklistId: string, context: string): Promise<ChecklistProgress>;
  toggleChecklistItem(runId: string, itemId: string, userId: string, checked: boolean): Promise<ChecklistProgress>;
  checklistProgress(runId: string): Promise<ChecklistProgress | null>;
  /** Markdown: title, date, every item ticked or not, the sources. */
  exportChecklist(runId: string): Promise<string | null>;
}
