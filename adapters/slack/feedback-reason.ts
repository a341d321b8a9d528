// 👎 asks why (Slack): the click opens a modal (views.open with the click's trigger_id) with the reasons as radio
// buttons and an optional explanation; its view_submission stores the reason with the user's feedback row and
// thanks the user ephemerally, with "Vraag het de griffie" when a griffie chat is configured. The 👎 button carries
// the user's question (actions.ts, feedbackNoValue), the modal keeps it, and the hand-off button starts with it.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import type { types } from "@slack/bolt";
import type { Bot } from "../../src/core/bot.ts";
import { feedbackText, MAX_REASON_TEXT, parseReason, reasonOptions } from "../../src/core/feedback-reasons.ts";
import type { HandoffService } from "../../src/core/handoff-service.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import type { Logger } from "../../src/log.ts";
import { escapeMrkdwn, truncatePlain } from "./mrkdwn.ts";
import { handoffButtonBlock } from "./handoff.ts";
import { modalView, plain } from "./modal.ts";
import { jsonWithQuestion } from "./actions.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";

/** callback_id of the reason modal. */
export const REASON_VIEW = "feedback_reason";
export const REASON_BLOCK = "reason";
export const REASON_TEXT_BLOCK = "reason_text";
const REASON_ACTION = "reason_choice";
const REASON_TEXT_ACTION = "reason_text_input";

type Client = AllMiddlewareArgs["client"];
type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** Where the 👎 was clicked; kept in the modal's private_metadata (at most 3,000 characters). */
export interface ReasonOrigin {
  /** Entry id of the answer. */
  e: string;
  /** Channel and thread of the message (absent on App Home). */
  c?: string;
  t?: string;
  /** The user's question, so that "Vraag het de griffie" in the thanks starts with it. */
  q?: string;
}

/** The reason modal for one answer (Block Kit: title ≤ 24, submit/close ≤ 24 characters). */
export function reasonModal(origin: ReasonOrigin, answerTitle: string): types.ModalView {
  // private_metadata holds at most 3,000 characters: the question is cut to fit, the rest never.
  const { q, ...where } = origin;
  const metadata = JSON.parse(jsonWithQuestion(where as Record<string, string>, q, 3000)) as ReasonOrigin;
  return modalView(REASON_VIEW, metadata, { title: feedbackText.reasonTitle, submit: feedbackText.reasonSubmit }, [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${escapeMrkdwn(truncatePlain(answerTitle, 2900))}*`, verbatim: true },
    },
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(feedbackText.reasonIntro), verbatim: true }] },
    {
      type: "input",
      block_id: REASON_BLOCK,
      label: plain(feedbackText.reasonLabel, 2000),
      element: {
        type: "radio_buttons",
        action_id: REASON_ACTION,
        options: reasonOptions().map((o) => ({ text: plain(o.label), value: o.value })),
      },
    },
    {
      type: "input",
      block_id: REASON_TEXT_BLOCK,
      optional: true,
      label: plain(feedbackText.reasonTextLabel, 2000),
      element: {
        type: "plain_text_input",
        action_id: REASON_TEXT_ACTION,
        multiline: true,
        max_length: MAX_REASON_TEXT,
        placeholder: plain(feedbackText.reasonTextPlaceholder, 150),
      },
    },
  ]);
}

/** After a 👎 click: opens the reason modal (must happen within 3 s of the click, so before anything slow). */
export async function askReason(
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  entryId: string,
  answerTitle: string,
  question?: string,
): Promise<void> {
  const body = args.body;
  const container = body.container as { channel_id?: string; thread_ts?: string } | undefined;
  const message = body.message as { thread_ts?: string } | undefined;
  const channel = body.channel?.id ?? container?.channel_id;
  const thread = message?.thread_ts ?? container?.thread_ts;
  const origin: ReasonOrigin = {
    e: entryId,
    ...(channel ? { c: channel } : {}),
    ...(thread ? { t: thread } : {}),
    ...(question ? { q: normalizeUserText(question) } : {}),
  };
  await args.client.views.open({ trigger_id: body.trigger_id, view: reasonModal(origin, answerTitle) });
}

function parseOrigin(raw: string | undefined): ReasonOrigin | null {
  try {
    const o = JSON.parse(raw ?? "") as Partial<ReasonOrigin>;
    if (typeof o.e !== "string" || !o.e || o.e.length > 200) return null;
    return {
      e: o.e,
      ...(typeof o.c === "string" && /^[A-Z0-9]{2,40}$/.test(o.c) ? { c: o.c } : {}),
      ...(typeof o.t === "string" && /^\d+\.\d+$/.test(o.t) ? { t: o.t } : {}),
      ...(typeof o.q === "string" && o.q ? { q: normalizeUserText(o.q).slice(0, MAX_QUESTION_CHARS) } : {}),
    };
  } catch {
    return null;
  }
}

/** An ephemeral note in the conversation the click came from (the DM for App Home). */
export async function tellUser(
  client: Client,
  user: string,
  where: { c?: string; t?: string },
  msg: { text: string; blocks: types.KnownBlock[] },
): Promise<void> {
  if (where.c) {
    await client.chat.postEphemeral({ channel: where.c, user, ...(where.t ? { thread_ts: where.t } : {}), ...msg });
    return;
  }
  const opened = await client.conversations.open({ users: user });
  if (opened.channel?.id) await client.chat.postMessage({ channel: opened.channel.id, ...msg });
}

export interface FeedbackReasonDeps {
  bot: Bot;
  logger: Logger;
  handoffs: HandoffService | undefined;
}

/** Registers the reason modal's submission; returns the callback ids registered. */
export function registerFeedbackReason(app: App, { bot, logger, handoffs }: FeedbackReasonDeps): string[] {
  app.view(REASON_VIEW, async ({ ack, body, view, client }: ViewArgs) => {
    const origin = parseOrigin(view.private_metadata);
    const values = view.state.values;
    const reason = parseReason(values[REASON_BLOCK]?.[REASON_ACTION]?.selected_option?.value);
    if (!reason) {
      await ack({ response_action: "errors", errors: { [REASON_BLOCK]: feedbackText.reasonMissing } });
      return;
    }
    await ack();
    if (!origin || bot.answerById(origin.e).status === "unknown") {
      logger.warn("slack: reason for an unknown answer ignored");
      return;
    }
    const text = normalizeUserText(values[REASON_TEXT_BLOCK]?.[REASON_TEXT_ACTION]?.value ?? "")
      .trim()
      .slice(0, MAX_REASON_TEXT);
    try {
      await bot.recordFeedback(origin.e, false, "slack", text || undefined, body.user.id, reason);
      const blocks: types.KnownBlock[] = [
        { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(feedbackText.reasonThanks), verbatim: true } },
      ];
      if (handoffs && (await handoffs.enabled()))
        blocks.push(handoffButtonBlock({ g: origin.e, ...(origin.q ? { q: origin.q } : {}) }));
      await tellUser(client, body.user.id, origin, { text: escapeMrkdwn(feedbackText.reasonThanks), blocks });
    } catch (err) {
      logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        "slack: storing a reason failed",
      );
    }
  });
  return [REASON_VIEW];
}
