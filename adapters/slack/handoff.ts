// "Vraag het de griffie" in Slack. The button (under an unknown reply, and in the thanks after a 👎 reason) opens a
// modal with the question filled in; submitting it is the user's confirmation. The question then goes, through
// the core's hand-off service, to every configured griffie chat: GRIFFIE_SLACK_CHANNEL (the sink below) and/or the
// Teams conversation set with "griffie hier". The griffie's message shows the question (escaped: no mentions or
// <!channel> from user text), the bot's best guess, a "Beantwoord" link to the user's thread (chat.getPermalink)
// and "Markeer als beantwoord".
import { slackWebClient, type WebClientConfig } from "./web-client.ts";
import {
  type AllMiddlewareArgs,
  type App,
  type BlockAction,
  type SlackActionMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type types,
} from "@slack/bolt";
import type { Bot } from "../../src/core/bot.ts";
import { dutchDate } from "../../src/core/dutch-date.ts";
import { feedbackText, griffieNoLinkNote, platformLabel } from "../../src/core/feedback-reasons.ts";
import type { HandoffMessage, HandoffService, HandoffSink } from "../../src/core/handoff-service.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import type { Logger } from "../../src/log.ts";
import { escapeMrkdwn, truncatePlain } from "./mrkdwn.ts";
import { tellUser } from "./feedback-reason.ts";
import { modalView, plain } from "./modal.ts";
import { jsonWithQuestion } from "./actions.ts";

export const HANDOFF_ACTION = {
  /** "Vraag het de griffie": value = JSON {q?: question, g?: best-guess entry id}. */
  open: "handoff_open",
  /** "Markeer als beantwoord" in the griffie channel: value = hand-off id. */
  answered: "handoff_answered",
} as const;
/** callback_id of the confirmation modal. */
export const HANDOFF_VIEW = "handoff_confirm";
export const HANDOFF_QUESTION_BLOCK = "handoff_question";
const HANDOFF_QUESTION_ACTION = "handoff_question_input";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** What the button carries. */
export interface HandoffSeed {
  q?: string;
  g?: string;
}

/** Where the button was clicked; the modal's private_metadata. */
interface HandoffOrigin extends HandoffSeed {
  /** Channel, thread, and the message (for the permalink), absent on App Home. */
  c?: string;
  t?: string;
  m?: string;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });

/** The button's value: the question (cut so the JSON stays within the 2,000 characters of a button value). */
const seedValue = (seed: HandoffSeed): string => jsonWithQuestion(seed.g ? { g: seed.g.slice(0, 200) } : {}, seed.q);

/** An actions block with the "Vraag het de griffie" button. */
export function handoffButtonBlock(seed: HandoffSeed): types.ActionsBlock {
  return {
    type: "actions",
    block_id: "handoff",
    elements: [
      {
        type: "button",
        text: plain(feedbackText.handoffButton),
        action_id: HANDOFF_ACTION.open,
        value: seedValue(seed),
      },
    ],
  };
}

const str = (v: unknown, max: number): string | undefined =>
  typeof v === "string" && v.length > 0 ? v.slice(0, max) : undefined;

function parseJson(raw: string | undefined): Record<string, unknown> {
  try {
    const v = JSON.parse(raw ?? "") as unknown;
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The confirmation modal: the question (editable), what happens, "Versturen". */
export function handoffModal(origin: HandoffOrigin, bestGuessTitle: string | null): types.ModalView {
  const blocks: types.KnownBlock[] = [
    { type: "section", text: mrkdwn(escapeMrkdwn(feedbackText.handoffIntro)) },
    {
      type: "input",
      block_id: HANDOFF_QUESTION_BLOCK,
      label: plain(feedbackText.handoffQuestionLabel, 2000),
      element: {
        type: "plain_text_input",
        action_id: HANDOFF_QUESTION_ACTION,
        multiline: true,
        max_length: MAX_QUESTION_CHARS,
        ...(origin.q ? { initial_value: origin.q.slice(0, MAX_QUESTION_CHARS) } : {}),
      },
    },
  ];
  if (bestGuessTitle)
    blocks.push({
      type: "context",
      elements: [mrkdwn(`${escapeMrkdwn(feedbackText.griffieBestGuess)}: ${escapeMrkdwn(bestGuessTitle)}`)],
    });
  // The question is in the input; the metadata keeps only where to answer and the best guess.
  const meta: HandoffOrigin = { ...(origin.g ? { g: origin.g } : {}), ...pick(origin) };
  return modalView(
    HANDOFF_VIEW,
    meta,
    { title: feedbackText.handoffTitle, submit: feedbackText.handoffSubmit },
    blocks,
  );
}

const pick = (o: HandoffOrigin): Pick<HandoffOrigin, "c" | "t" | "m"> => ({
  ...(o.c && /^[A-Z0-9]{2,40}$/.test(o.c) ? { c: o.c } : {}),
  ...(o.t && /^\d+\.\d+$/.test(o.t) ? { t: o.t } : {}),
  ...(o.m && /^\d+\.\d+$/.test(o.m) ? { m: o.m } : {}),
});

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/** The griffie channel's message for one hand-off. */
export function renderGriffieMessage(h: HandoffMessage): { text: string; blocks: types.KnownBlock[] } {
  const question = escapeMrkdwn(truncatePlain(h.question.replace(/\s+/g, " ").trim(), 2800));
  const who =
    h.platform === "slack" && h.askedBy && SLACK_USER_ID.test(h.askedBy)
      ? `${escapeMrkdwn(feedbackText.griffieAskedBy)} <@${h.askedBy}> `
      : h.askedByName
        ? `${escapeMrkdwn(feedbackText.griffieAskedBy)} ${escapeMrkdwn(truncatePlain(h.askedByName, 100))} `
        : "";
  const guess = h.bestGuess ? escapeMrkdwn(truncatePlain(h.bestGuess.title, 300)) : feedbackText.griffieNoGuess;
  const buttons: types.Button[] = [];
  if (h.link && /^https:\/\//.test(h.link))
    buttons.push({
      type: "button",
      text: plain(feedbackText.griffieAnswerLink),
      action_id: "handoff_link",
      url: h.link.slice(0, 3000),
      style: "primary",
    });
  buttons.push({
    type: "button",
    text: plain(feedbackText.griffieMarkAnswered),
    action_id: HANDOFF_ACTION.answered,
    value: h.id,
  });
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(feedbackText.griffieTitle, 150) },
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(feedbackText.griffieQuestion)}*\n“${question}”`) },
    {
      type: "section",
      text: mrkdwn(`*${escapeMrkdwn(feedbackText.griffieBestGuess)}*\n${guess}`),
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          `${who}${escapeMrkdwn(feedbackText.griffieVia(platformLabel(h.platform)))}, ${escapeMrkdwn(dutchDate(h.at.toISOString().slice(0, 10)))}` +
            (h.link ? "" : `. ${escapeMrkdwn(griffieNoLinkNote(h.platform))}`),
        ),
      ],
    },
    { type: "actions", block_id: `handoff|${h.id}`, elements: buttons },
  ];
  return { text: escapeMrkdwn(`${feedbackText.griffieTitle}: ${truncatePlain(h.question, 500)}`), blocks };
}

/** Posts hand-offs into GRIFFIE_SLACK_CHANNEL through the Web API (its own client, like the reminders). */
export function slackHandoffSink(config: WebClientConfig, channel: string): HandoffSink {
  const client = slackWebClient(config);
  return {
    name: `slack:${channel}`,
    available: async () => true,
    async deliver(message) {
      await client.chat.postMessage({
        channel,
        ...renderGriffieMessage(message),
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}

export interface HandoffDeps {
  bot: Bot;
  logger: Logger;
  handoffs: HandoffService;
}

/** Registers the button, the confirmation modal and "Markeer als beantwoord"; returns the action ids. */
export function registerHandoff(app: App, { bot, logger, handoffs }: HandoffDeps): string[] {
  const titleOf = (id: string | undefined): string | null => (id ? (bot.answerById(id).answer?.title ?? null) : null);

  app.action<BlockAction>({ type: "block_actions", action_id: HANDOFF_ACTION.open }, async (args: ActionArgs) => {
    await args.ack();
    const action = args.action as { value?: string };
    const seed = parseJson(action.value);
    const body = args.body;
    const container = body.container as {
      channel_id?: string;
      message_ts?: string;
      thread_ts?: string;
      is_ephemeral?: boolean;
    };
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const q = str(seed.q, MAX_QUESTION_CHARS);
    const g = str(seed.g, 200);
    const origin: HandoffOrigin = {
      ...(q ? { q: normalizeUserText(q) } : {}),
      ...(g ? { g } : {}),
      ...pick({
        ...((body.channel?.id ?? container.channel_id) ? { c: body.channel?.id ?? container.channel_id } : {}),
        ...((message?.thread_ts ?? container.thread_ts) ? { t: message?.thread_ts ?? container.thread_ts } : {}),
        // An ephemeral message has no permalink; its thread (if any) has.
        ...(!container.is_ephemeral && (message?.ts ?? container.message_ts)
          ? { m: message?.ts ?? container.message_ts }
          : {}),
      }),
    };
    try {
      await args.client.views.open({ trigger_id: body.trigger_id, view: handoffModal(origin, titleOf(g)) });
    } catch (err) {
      logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        "slack: hand-off modal failed",
      );
    }
  });

  app.view(HANDOFF_VIEW, async ({ ack, body, view, client }: ViewArgs) => {
    const raw = view.state.values[HANDOFF_QUESTION_BLOCK]?.[HANDOFF_QUESTION_ACTION]?.value ?? "";
    const question = normalizeUserText(raw).replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION_CHARS);
    if (!question) {
      await ack({
        response_action: "errors",
        errors: { [HANDOFF_QUESTION_BLOCK]: feedbackText.handoffQuestionMissing },
      });
      return;
    }
    await ack();
    const meta = parseJson(view.private_metadata) as HandoffOrigin;
    const where = pick(meta);
    const g = str(meta.g, 200);
    let link: string | null = null;
    const linkTs = where.m ?? where.t;
    if (where.c && linkTs) {
      try {
        const res = await client.chat.getPermalink({ channel: where.c, message_ts: linkTs });
        link = typeof res.permalink === "string" ? res.permalink : null;
      } catch (err) {
        logger.warn({ err: { name: (err as Error).name } }, "slack: no permalink for a hand-off");
      }
    }
    let notice: string = feedbackText.handoffSent;
    try {
      await handoffs.forward({
        question,
        bestGuess: g && titleOf(g) ? g : null,
        platform: "slack",
        userId: body.user.id,
        link,
      });
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, "slack: hand-off failed");
      notice = feedbackText.handoffFailed;
    }
    const text = escapeMrkdwn(notice);
    await tellUser(client, body.user.id, where, { text, blocks: [{ type: "section", text: mrkdwn(text) }] }).catch(
      (err: unknown) => logger.warn({ err: { name: (err as Error).name } }, "slack: hand-off notice failed"),
    );
  });

  app.action<BlockAction>({ type: "block_actions", action_id: HANDOFF_ACTION.answered }, async (args: ActionArgs) => {
    await args.ack();
    const id = (args.action as { value?: string }).value ?? "";
    const row = await handoffs.markAnswered(id, args.body.user.id).catch((err: unknown) => {
      logger.error({ err: { name: (err as Error).name } }, "slack: marking a hand-off answered failed");
      return undefined;
    });
    if (row === undefined) return;
    const message = args.body.message as { ts?: string; text?: string; blocks?: types.KnownBlock[] } | undefined;
    const channel = args.body.channel?.id;
    const by = SLACK_USER_ID.test(args.body.user.id) ? `<@${args.body.user.id}>, ` : "";
    const status = row
      ? `${escapeMrkdwn(feedbackText.griffieAnswered)}: ${by}${escapeMrkdwn(dutchDate((row.answeredAt ?? new Date()).toISOString().slice(0, 10)))}`
      : escapeMrkdwn(feedbackText.griffieUnknown);
    const blocks = (message?.blocks ?? []).flatMap((b): types.KnownBlock[] => {
      if (b.type !== "actions") return [b];
      const rest = b.elements.filter((e) => !("action_id" in e && e.action_id === HANDOFF_ACTION.answered));
      return rest.length ? [{ ...b, elements: rest }] : [];
    });
    blocks.push({ type: "context", elements: [mrkdwn(status)] });
    if (channel && message?.ts)
      await args.client.chat.update({ channel, ts: message.ts, text: message.text ?? status, blocks });
  });

  // A URL button still sends block_actions: acknowledge it so Slack shows no warning.
  app.action<BlockAction>({ type: "block_actions", action_id: "handoff_link" }, async ({ ack }) => {
    await ack();
  });

  return [HANDOFF_ACTION.open, HANDOFF_ACTION.answered, "handoff_link"];
}
