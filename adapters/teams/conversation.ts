// What the Teams bot says, independent of botbuilder: typed text (commands or questions) → card, and card
// clicks → updated card or a new answer. handler.ts only moves activities in and out.
import type { Bot, ChecklistProgress } from "../../src/core/bot.ts";
import { messages } from "../../src/core/messages.ts";
import { userMessageOf } from "../../src/core/user-message.ts";
import {
  ACTION_ANSWER,
  ACTION_CHECKLIST_EXPORT,
  ACTION_FEEDBACK,
  type ChecklistAction,
  type ParsedCardAction,
} from "./actions.ts";
import {
  renderChecklistListCard,
  renderMessageCard,
  renderReplyCard,
  renderTopicsCard,
  type AdaptiveCard,
} from "./render.ts";
import { withFollowUpNote } from "./follow-up.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import type { Reply } from "../../src/reply.ts";

/** Longer input is refused with messages.errorTooLong. */
export { MAX_QUESTION_CHARS } from "../../src/limits.ts";

export type TeamsCommand =
  { kind: "help" } | { kind: "topics" } | { kind: "checklist"; query: string } | { kind: "question"; text: string };

/** Commands from the manifest's command list work as typed text (also with a leading slash). */
export function parseCommand(input: string): TeamsCommand {
  const text = input.replace(/\s+/g, " ").trim();
  const bare = text.replace(/^\/+/, "").toLowerCase();
  if (bare === "" || bare === "help" || bare === "hulp" || bare === "?") return { kind: "help" };
  if (bare === "onderwerpen" || bare === "onderwerp") return { kind: "topics" };
  const checklist = /^\/?checklists?(?:\s+(.*))?$/i.exec(text);
  if (checklist) return { kind: "checklist", query: (checklist[1] ?? "").trim() };
  return { kind: "question", text };
}

/** Adds to the card of an asked question (the hand-off button under an unknown reply, adapters/teams/handoff.ts). */
export type QuestionCardHook = (reply: Reply, card: AdaptiveCard, question: string) => Promise<AdaptiveCard>;

/**
 * The card that answers one typed message. `conversation` ("teams:<conversation id>") lets a follow-up question
 * be read in the context of the conversation's last answer.
 */
export async function replyToText(
  bot: Bot,
  input: string,
  conversation?: string,
  onQuestion?: QuestionCardHook,
): Promise<AdaptiveCard> {
  if (input.trim().length > MAX_QUESTION_CHARS) return renderMessageCard(messages.errorTooLong);
  const command = parseCommand(input);
  switch (command.kind) {
    case "help":
      return renderReplyCard(bot.help());
    case "topics":
      return renderTopicsCard(bot.featuredTopics(), bot.listChecklists());
    case "checklist": {
      if (!command.query) return renderChecklistListCard(bot.listChecklists(), false);
      const found = bot.findChecklist(command.query);
      if (!found) return renderChecklistListCard(bot.listChecklists(), true);
      return renderReplyCard(bot.answerById(found.id));
    }
    case "question": {
      const reply = await bot.ask(command.text, { platform: "teams", ...(conversation ? { conversation } : {}) });
      const card = withFollowUpNote(reply, renderReplyCard(reply, { question: command.text }));
      return onQuestion ? onQuestion(reply, card, command.text) : card;
    }
  }
}

/** Where a click happened: the conversation and the card's message, and who clicked. */
export interface ClickContext {
  conversationId: string;
  /** Id of the message holding the card (activity.replyToId); one checklist run per card. */
  cardMessageId: string | undefined;
  userId: string;
}

export type ClickResult =
  /** Replace the clicked card with this one. */
  | { kind: "update"; card: AdaptiveCard }
  /** Post this card as a new message (an answer button). */
  | { kind: "send"; card: AdaptiveCard };

export async function handleCardAction(bot: Bot, parsed: ParsedCardAction, click: ClickContext): Promise<ClickResult> {
  const { action } = parsed;
  switch (action.action) {
    case ACTION_ANSWER: {
      // A related topic opened in a chat becomes its follow-up context (the key replyToText uses for questions).
      const reply = await bot.openEntry(action.id, { conversation: `teams:${click.conversationId}` });
      return { kind: "send", card: renderReplyCard(reply) };
    }
    case ACTION_FEEDBACK: {
      await bot.recordFeedback(action.entryId, action.helpful, "teams", undefined, click.userId);
      return { kind: "update", card: renderReplyCard(bot.answerById(action.entryId), { feedbackGiven: true }) };
    }
    default:
      try {
        return { kind: "update", card: await saveChecklist(bot, action, parsed.toggles, click) };
      } catch (error) {
        // A checklist error (src/errors.ts) has a Dutch text to show; anything else is a real failure.
        const notice = userMessageOf(error);
        if (!notice) throw error;
        return { kind: "update", card: renderReplyCard(bot.answerById(action.checklistId), { notice }) };
      }
  }
}

async function saveChecklist(
  bot: Bot,
  action: ChecklistAction,
  toggles: Map<number, boolean>,
  click: ClickContext,
): Promise<AdaptiveCard> {
  const reply = bot.answerById(action.checklistId);
  const items = reply.answer?.kind === "checklist" ? (reply.answer.items ?? []) : [];
  if (!items.length) return renderReplyCard(reply);

  let progress: ChecklistProgress | null = action.runId ? await bot.checklistProgress(action.runId) : null;
  if (!progress || progress.run.checklistId !== action.checklistId) {
    const context = `teams:${click.conversationId}:${click.cardMessageId ?? "card"}`;
    progress = await bot.startChecklist(action.checklistId, context);
  }
  const runId = progress.run.runId;
  const current = new Map(progress.items.map((i) => [i.id, i.checked]));
  for (const [position, checked] of toggles) {
    const item = items[position - 1];
    if (!item || current.get(item.id) === checked) continue;
    progress = await bot.toggleChecklistItem(runId, item.id, click.userId, checked);
  }
  const exportMarkdown =
    action.action === ACTION_CHECKLIST_EXPORT ? ((await bot.exportChecklist(runId)) ?? undefined) : undefined;
  return renderReplyCard(reply, { progress, ...(exportMarkdown ? { exportMarkdown } : {}) });
}
