// Teams side of "👎 asks why" and "Vraag het de griffie" (see adapters/slack/handoff.ts for the flow):
//  - after a 👎 the card gets a reason form (Input.ChoiceSet + Input.Text, Action.Submit); its submit stores the
//    reason with the user's feedback row and, when a griffie chat is configured, offers the hand-off;
//  - "Vraag het de griffie" is an Action.ShowCard with the question in an Input.Text: "Versturen" confirms;
//  - "griffie hier", typed by an admin (GRIFFIE_TEAMS_ADMINS) in a channel or group chat, stores that
//    conversation's reference; hand-offs are then posted there (a proactive message) with "Beantwoord" (a deep
//    link to the user's conversation) and "Markeer als beantwoord".
// User text in the griffie's card is a TextRun (never parsed as markdown) and length-limited.
import { CardFactory, TurnContext, type ConversationReference } from "botbuilder";
import { z } from "zod";
import type { AppConfig } from "../../src/config.ts";
import type { Bot } from "../../src/core/bot.ts";
import { dutchDate } from "../../src/core/dutch-date.ts";
import { messages } from "../../src/core/messages.ts";
import {
  feedbackText,
  griffieNoLinkNote,
  MAX_REASON_TEXT,
  parseReason,
  platformLabel,
  reasonOptions,
} from "../../src/core/feedback-reasons.ts";
import type { HandoffMessage, HandoffService, HandoffSink } from "../../src/core/handoff-service.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import type { Logger } from "../../src/log.ts";
import type { HandoffRow } from "../../src/store/port.ts";
import { createCloudAdapter } from "./index.ts";
import type { AdaptiveCard, CardElement } from "./render.ts";

/** `action` of the reason form's Action.Submit (the form under a 👎). */
const ACTION_REASON = "feedbackReason";
/** `action` of "Versturen" in the "Vraag het de griffie" form. */
const ACTION_HANDOFF = "handoff";
/** `action` of the griffie's "Markeer als beantwoord". */
const ACTION_HANDOFF_ANSWERED = "handoffAnswered";
/** Input ids of the reason form: the chosen reason and the optional explanation. */
const REASON_INPUT = "reason";
const REASON_TEXT_INPUT = "reasonText";
/** Input id of the question in the hand-off form (prefilled with the user's question). */
const HANDOFF_INPUT = "handoffQuestion";
/** Setting name (in the store, through the hand-off service) of the griffie's Teams conversation reference. */
const TEAMS_TARGET = "teams";

const GRIFFIE_HERE = /^griffie\s+hier[.!]?$/i;

const reasonAction = z.object({
  action: z.literal(ACTION_REASON),
  entryId: z.string().min(1).max(200),
  /** The user's question, carried from the 👎 (actions.ts) to the hand-off. */
  q: z.string().max(MAX_QUESTION_CHARS).optional(),
  [REASON_INPUT]: z.string().max(50).optional(),
  [REASON_TEXT_INPUT]: z.string().max(5000).optional(),
});
const handoffAction = z.object({
  action: z.literal(ACTION_HANDOFF),
  g: z.string().max(200).optional(),
  [HANDOFF_INPUT]: z.string().max(10_000).optional(),
});
const answeredAction = z.object({ action: z.literal(ACTION_HANDOFF_ANSWERED), id: z.string().min(1).max(100) });
const flowAction = z.union([reasonAction, handoffAction, answeredAction]);
export type FlowAction = z.infer<typeof flowAction>;

/** One of this module's card actions (submitted data with the inputs merged in), or null. */
export function parseFlowAction(data: unknown): FlowAction | null {
  const parsed = flowAction.safeParse(data);
  return parsed.success ? parsed.data : null;
}

// Loosely typed card parts (render.ts's union covers the answer card only); the card tests validate them.
type Element = Record<string, unknown>;
const textBlock = (t: string, extra: Element = {}): Element => ({ type: "TextBlock", text: t, wrap: true, ...extra });
/** User text: a TextRun is shown as typed, never as markdown. */
const userText = (t: string, extra: Element = {}): Element => ({
  type: "RichTextBlock",
  inlines: [{ type: "TextRun", text: t }],
  ...extra,
});
const submit = (title: string, data: Element, style?: "positive"): Element => ({
  type: "Action.Submit",
  title,
  data,
  ...(style ? { style } : {}),
});

/** The "Vraag het de griffie" action: a ShowCard with the question to confirm. */
export function handoffShowCard(question: string, bestGuess: string | null): Element {
  return {
    type: "Action.ShowCard",
    title: feedbackText.handoffButton,
    card: {
      type: "AdaptiveCard",
      body: [
        textBlock(feedbackText.handoffIntro),
        {
          type: "Input.Text",
          id: HANDOFF_INPUT,
          label: feedbackText.handoffQuestionLabel,
          isMultiline: true,
          isRequired: true,
          errorMessage: feedbackText.handoffQuestionMissing,
          maxLength: MAX_QUESTION_CHARS,
          value: question.slice(0, MAX_QUESTION_CHARS),
        },
      ],
      actions: [
        submit(
          feedbackText.handoffSubmit,
          { action: ACTION_HANDOFF, ...(bestGuess ? { g: bestGuess } : {}) },
          "positive",
        ),
      ],
    },
  };
}

const withElements = (card: AdaptiveCard, extra: Element[]): AdaptiveCard => ({
  ...card,
  body: [...card.body, ...(extra as unknown as CardElement[])],
});

/** The answer card after a 👎: the reason form under it (its submit carries the user's question on). */
export function withReasonForm(card: AdaptiveCard, entryId: string, question?: string): AdaptiveCard {
  return withElements(card, [
    {
      type: "Container",
      id: "reasonForm",
      separator: true,
      spacing: "Medium",
      items: [
        textBlock(feedbackText.reasonTitle, { weight: "Bolder" }),
        textBlock(feedbackText.reasonIntro, { isSubtle: true, size: "Small" }),
        {
          type: "Input.ChoiceSet",
          id: REASON_INPUT,
          label: feedbackText.reasonLabel,
          style: "expanded",
          isRequired: true,
          errorMessage: feedbackText.reasonMissing,
          choices: reasonOptions().map((o) => ({ title: o.label, value: o.value })),
        },
        {
          type: "Input.Text",
          id: REASON_TEXT_INPUT,
          label: feedbackText.reasonTextLabel,
          placeholder: feedbackText.reasonTextPlaceholder,
          isMultiline: true,
          maxLength: MAX_REASON_TEXT,
        },
        {
          type: "ActionSet",
          actions: [
            submit(feedbackText.reasonSubmit, { action: ACTION_REASON, entryId, ...(question ? { q: question } : {}) }),
          ],
        },
      ],
    },
  ]);
}

/**
 * The thanks after a reason, with the hand-off when a griffie chat is configured: its question field starts with
 * the user's question (empty when the card did not carry one).
 */
export function withReasonThanks(
  card: AdaptiveCard,
  entryId: string,
  handoff: boolean,
  question?: string,
): AdaptiveCard {
  const extra: Element[] = [textBlock(feedbackText.reasonThanks, { separator: true, spacing: "Medium" })];
  if (handoff) extra.push({ type: "ActionSet", actions: [handoffShowCard(question ?? "", entryId)] });
  return withElements(card, extra);
}

/** An unknown reply's card with "Vraag het de griffie" (the question filled in). */
export function withHandoffButton(card: AdaptiveCard, question: string, bestGuess: string | null): AdaptiveCard {
  return withElements(card, [
    { type: "ActionSet", id: "handoff", spacing: "Medium", actions: [handoffShowCard(question, bestGuess)] },
  ]);
}

function simpleCard(body: Element[], actions: Element[] = []): AdaptiveCard {
  const plain = body
    .map((b) =>
      typeof b.text === "string"
        ? b.text
        : Array.isArray(b.inlines)
          ? (b.inlines as { text: string }[]).map((i) => i.text).join("")
          : "",
    )
    .filter(Boolean)
    .join(" ");
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [...body, ...(actions.length ? [{ type: "ActionSet", actions }] : [])] as unknown as CardElement[],
    msteams: { width: "Full" },
    fallbackText: plain.slice(0, 1000),
    speak: plain.slice(0, 1000),
  };
}

export const noticeCard = (t: string): AdaptiveCard => simpleCard([textBlock(t)]);

/** The griffie's card for a hand-off (status line and no "Markeer" button once answered). */
export function griffieCard(
  h: Pick<HandoffMessage, "id" | "question" | "bestGuess" | "platform" | "link" | "at"> & {
    askedByName?: string | null;
  },
  answered?: { at: Date },
): AdaptiveCard {
  const meta = [
    h.askedByName ? `${feedbackText.griffieAskedBy} ${h.askedByName.slice(0, 100)}` : "",
    feedbackText.griffieVia(platformLabel(h.platform)),
    dutchDate(h.at.toISOString().slice(0, 10)),
  ]
    .filter(Boolean)
    .join(", ");
  const body: Element[] = [
    textBlock(feedbackText.griffieTitle, { size: "Large", weight: "Bolder" }),
    textBlock(feedbackText.griffieQuestion, { weight: "Bolder" }),
    userText(h.question.slice(0, MAX_QUESTION_CHARS)),
    textBlock(feedbackText.griffieBestGuess, { weight: "Bolder" }),
    userText(h.bestGuess?.title ?? feedbackText.griffieNoGuess),
    userText(h.link ? meta : `${meta}. ${griffieNoLinkNote(h.platform)}`, { spacing: "Small" }),
  ];
  const actions: Element[] = [];
  if (h.link && /^https:\/\//.test(h.link))
    actions.push({ type: "Action.OpenUrl", title: feedbackText.griffieAnswerLink, url: h.link });
  if (answered)
    body.push(textBlock(`${feedbackText.griffieAnswered}: ${dutchDate(answered.at.toISOString().slice(0, 10))}`));
  else actions.push(submit(feedbackText.griffieMarkAnswered, { action: ACTION_HANDOFF_ANSWERED, id: h.id }));
  return simpleCard(body, actions);
}

/** A deep link to the message in a Teams channel or group chat; null for a personal chat (the griffie cannot see it). */
export function teamsDeepLink(activity: {
  conversation: { id: string; conversationType?: string };
  replyToId?: string;
  id?: string;
}): string | null {
  const type = activity.conversation.conversationType;
  if (type !== "channel" && type !== "groupChat") return null;
  const [chat, root] = activity.conversation.id.split(";messageid=");
  const message = root ?? activity.replyToId ?? activity.id;
  if (!chat || !message) return null;
  const parent = root ? `?parentMessageId=${encodeURIComponent(root)}` : "";
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(chat)}/${encodeURIComponent(message)}${parent}`;
}

/** Hand-offs into the Teams conversation set with "griffie hier" (a proactive message). */
export function teamsHandoffSink(config: AppConfig, handoffs: Pick<HandoffService, "getTarget">): HandoffSink {
  let adapter: ReturnType<typeof createCloudAdapter> | undefined;
  const appId = config.MicrosoftAppId ?? "";
  const reference = async (): Promise<Partial<ConversationReference> | null> => {
    const raw = await handoffs.getTarget(TEAMS_TARGET);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Partial<ConversationReference>;
    } catch {
      return null;
    }
  };
  return {
    name: "teams",
    available: async () => (await reference()) !== null,
    async deliver(message) {
      const ref = await reference();
      if (!ref) throw new Error("no Teams conversation set for the griffie");
      adapter ??= createCloudAdapter(config);
      await adapter.continueConversationAsync(appId, ref, async (context) => {
        await context.sendActivity({
          type: "message",
          attachments: [CardFactory.adaptiveCard(griffieCard(message))],
        });
      });
    },
  };
}

export interface TeamsFlowDeps {
  bot: Bot;
  logger: Logger;
  handoffs: HandoffService | undefined;
  /** Entra object ids allowed to run "griffie hier" (lower case). */
  admins: readonly string[];
}

export type FlowResult = { kind: "update" | "send"; card: AdaptiveCard };

/** "griffie hier" typed in a conversation: the reply card, or null when the text is not that command. */
export async function griffieHere(
  context: TurnContext,
  text: string,
  deps: TeamsFlowDeps,
): Promise<AdaptiveCard | null> {
  if (!GRIFFIE_HERE.test(text.trim()) || !deps.handoffs) return null;
  const a = context.activity;
  const who = (a.from.aadObjectId ?? "").toLowerCase();
  if (!who || !deps.admins.includes(who)) {
    deps.logger.warn(
      { conversationType: a.conversation.conversationType },
      "teams: griffie hier refused (not an admin)",
    );
    return noticeCard(feedbackText.griffieHereDenied);
  }
  if (a.conversation.conversationType === "personal") return noticeCard(feedbackText.griffieHerePersonal);
  const ref = TurnContext.getConversationReference(a);
  // A channel thread's id carries ";messageid=…": post new hand-offs at the channel's top level.
  const conversation = { ...ref.conversation, id: ref.conversation?.id.split(";messageid=")[0] ?? "" };
  await deps.handoffs.setTarget(TEAMS_TARGET, JSON.stringify({ ...ref, conversation, activityId: undefined }));
  deps.logger.info({ conversationType: a.conversation.conversationType }, "teams: griffie conversation set");
  return noticeCard(feedbackText.griffieHere);
}

/** Handles this module's card actions. */
export async function handleFlowAction(
  action: FlowAction,
  context: TurnContext,
  deps: TeamsFlowDeps,
  answerCard: (entryId: string) => AdaptiveCard,
): Promise<FlowResult> {
  const a = context.activity;
  const userId = a.from.aadObjectId ?? a.from.id ?? "anonymous";
  switch (action.action) {
    case ACTION_REASON: {
      const reason = parseReason(action[REASON_INPUT]);
      if (deps.bot.answerById(action.entryId).status === "unknown")
        return { kind: "send", card: noticeCard(messages.errorGeneric) };
      const question = action.q ? normalizeUserText(action.q).trim() : undefined;
      if (!reason)
        return { kind: "update", card: withReasonForm(answerCard(action.entryId), action.entryId, question) };
      const text = normalizeUserText(action[REASON_TEXT_INPUT] ?? "")
        .trim()
        .slice(0, MAX_REASON_TEXT);
      await deps.bot.recordFeedback(action.entryId, false, "teams", text || undefined, userId, reason);
      const handoff = Boolean(deps.handoffs && (await deps.handoffs.enabled()));
      return {
        kind: "update",
        card: withReasonThanks(answerCard(action.entryId), action.entryId, handoff, question),
      };
    }
    case ACTION_HANDOFF: {
      const question = normalizeUserText(action[HANDOFF_INPUT] ?? "")
        .replace(/\s+/g, " ")
        .trim();
      if (!question) return { kind: "send", card: noticeCard(feedbackText.handoffQuestionMissing) };
      if (!deps.handoffs) return { kind: "send", card: noticeCard(feedbackText.handoffFailed) };
      try {
        await deps.handoffs.forward({
          question,
          bestGuess: action.g && deps.bot.answerById(action.g).status !== "unknown" ? action.g : null,
          platform: "teams",
          userId,
          ...(a.from.name ? { askedByName: normalizeUserText(a.from.name).slice(0, 100) } : {}),
          link: teamsDeepLink(a),
        });
        return { kind: "send", card: noticeCard(feedbackText.handoffSent) };
      } catch (err) {
        deps.logger.error(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          "teams: hand-off failed",
        );
        return { kind: "send", card: noticeCard(feedbackText.handoffFailed) };
      }
    }
    case ACTION_HANDOFF_ANSWERED: {
      const row: HandoffRow | null = deps.handoffs ? await deps.handoffs.markAnswered(action.id, userId) : null;
      if (!row) return { kind: "send", card: noticeCard(feedbackText.griffieUnknown) };
      const title = row.bestGuess ? (deps.bot.answerById(row.bestGuess).answer?.title ?? null) : null;
      return {
        kind: "update",
        card: griffieCard(
          { ...row, bestGuess: row.bestGuess && title ? { id: row.bestGuess, title } : null },
          { at: row.answeredAt ?? new Date() },
        ),
      };
    }
  }
}
