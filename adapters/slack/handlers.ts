// Bolt listeners: slash commands, mentions, DMs, App Home and the buttons/checkboxes of our messages.
// Every listener calls the core (src/core/bot.ts) and renders with ./render.ts; no wording of its own.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  BlockElementAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import type { Bot } from "../../src/core/bot.ts";
import type { SeenRequests } from "../../src/core/seen-requests.ts";
import { messages } from "../../src/core/messages.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { userMessageOf } from "../../src/core/user-message.ts";
import type { Reply } from "../../src/reply.ts";
import type { Logger } from "../../src/log.ts";
import { ACTION, actionPattern, parseFeedbackValue, runIdFromBlockId } from "./actions.ts";
import { slackTextToPlain } from "./mrkdwn.ts";
import { homeTermijnBlocks } from "./termijn.ts";
import { withFollowUpNote } from "./follow-up.ts";
import type { TermijnService } from "../../src/termijnen/service.ts";
import type { HandoffService } from "../../src/core/handoff-service.ts";
import { askReason, registerFeedbackReason } from "./feedback-reason.ts";
import { handoffButtonBlock, registerHandoff } from "./handoff.ts";
import {
  LIMITS,
  expandAnswer,
  renderChecklistList,
  renderExport,
  renderHome,
  renderNotice,
  renderReply,
  type KnownBlock,
  type SlackMessage,
} from "./render.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";

/** How long an event id is remembered (Slack retries after ~1 s, ~1 min and ~5 min). */
const EVENT_ID_TTL_MS = 3_600_000;

/** Longest question we accept; longer ones get messages.errorTooLong. */
export { MAX_QUESTION_CHARS } from "../../src/limits.ts";

type Client = AllMiddlewareArgs["client"];
type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type CommandHandler = (args: CommandArgs) => Promise<void>;
type ActionHandler = (args: ActionArgs) => Promise<void>;

/** Slash commands this app handles; manifest/slack/manifest.yml must declare exactly these. */
export const COMMANDS = ["/samenwerken", "/checklist"] as const;
/** Bot events this app subscribes to (manifest names); the manifest must declare exactly these. */
export const EVENTS = ["app_mention", "message.im", "app_home_opened"] as const;

export interface HandlerDeps {
  bot: Bot;
  logger: Logger;
  /**
   * How long a slash command may take before it is acknowledged empty and answered through response_url
   * instead (Slack gives up after 3 s). Default 2,500 ms.
   */
  ackBudgetMs?: number;
  /** Records of Events API deliveries (retries carry the same event_id); the store in production. */
  seen: SeenRequests;
  /** Deadlines from the gemeente's register, shown on App Home. */
  termijnen?: TermijnService;
  /** "Vraag het de griffie" (adapters/slack/handoff.ts); without it, or unconfigured, no button. */
  handoffs?: HandoffService;
}

const HELP_WORDS = /^(help|hulp|\?|hallo|hoi|goedemorgen|goedemiddag)$/i;
const CHECKLIST_PREFIX = /^checklists?\b[:\s]*(.*)$/i;

/** The run context of a conversation: "slack:<channel>" or "slack:<channel>:<thread ts>". */
export const runContext = (channel: string, threadTs?: string): string =>
  threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`;

/** What the bot says about one text (slash command, mention, DM): help, a checklist, or an answer. */
export class Conversation {
  constructor(
    private readonly bot: Bot,
    private readonly handoffs?: HandoffService,
  ) {}

  /**
   * `opts.conversation`: the thread or DM the text was written in (mentions, DMs), so a follow-up question is read
   * in its context. Slash commands pass none: their ephemeral answers are no conversation.
   */
  async messageFor(
    rawText: string,
    ctx: string,
    opts: { share?: boolean; conversation?: string } = {},
  ): Promise<SlackMessage> {
    const text = slackTextToPlain(normalizeUserText(rawText));
    if (!text || HELP_WORDS.test(text)) return renderReply(this.bot.help(), {});
    if (text.length > MAX_QUESTION_CHARS) return renderNotice(messages.errorTooLong);
    const checklist = CHECKLIST_PREFIX.exec(text);
    if (checklist) return this.checklistMessage(checklist[1] ?? "", ctx);
    const reply = await this.bot.ask(text, {
      platform: "slack",
      ...(opts.conversation ? { conversation: opts.conversation } : {}),
    });
    const msg = await this.present(reply, ctx, {
      question: text,
      share: opts.share === true && reply.status === "answer",
    });
    return this.withHandoff(msg, reply, text);
  }

  /** Adds "Vraag het de griffie" under an unknown reply when a griffie chat is configured. */
  private async withHandoff(msg: SlackMessage, reply: Reply, question: string): Promise<SlackMessage> {
    if (reply.status !== "unknown" || !this.handoffs || msg.blocks.length >= LIMITS.blocks) return msg;
    if (!(await this.handoffs.enabled())) return msg;
    const guess = reply.alternatives.find((a) => a.score > 0)?.id;
    return { ...msg, blocks: [...msg.blocks, handoffButtonBlock({ q: question, ...(guess ? { g: guess } : {}) })] };
  }

  /** `/checklist [onderwerp]`: the list, or the best checklist opened as a run in this conversation. */
  async checklistMessage(query: string, ctx: string): Promise<SlackMessage> {
    const q = query.trim();
    if (!q) return renderChecklistList(this.bot.listChecklists(), false);
    const found = this.bot.findChecklist(q);
    if (!found) return renderChecklistList(this.bot.listChecklists(), true);
    return this.present(this.bot.answerById(found.id), ctx, {});
  }

  /** Renders a reply; a checklist answer is opened as a run (ticks shared by everyone in the conversation). */
  async present(
    reply: Reply,
    ctx: string,
    opts: { question?: string; share?: boolean; full?: boolean },
  ): Promise<SlackMessage> {
    if (reply.status === "answer" && reply.answer?.kind === "checklist" && reply.answer.items?.length) {
      const progress = await this.bot.startChecklist(reply.answer.id, ctx);
      return withFollowUpNote(reply, renderReply(reply, { ...opts, progress }));
    }
    return withFollowUpNote(reply, renderReply(reply, opts));
  }
}

// ---------- delivery of interaction results ----------

interface Origin {
  channel: string | undefined;
  /** The message the button was on (absent for App Home and ephemeral messages). */
  messageTs: string | undefined;
  threadTs: string | undefined;
  ephemeral: boolean;
  home: boolean;
  hasResponseUrl: boolean;
}

function originOf(body: BlockAction): Origin {
  const container = body.container as {
    type?: string;
    is_ephemeral?: boolean;
    channel_id?: string;
    message_ts?: string;
    thread_ts?: string;
  };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  return {
    channel: body.channel?.id ?? container.channel_id,
    messageTs: message?.ts ?? container.message_ts,
    threadTs: message?.thread_ts ?? container.thread_ts,
    ephemeral: container.is_ephemeral === true,
    home: container.type === "view" || body.view?.type === "home",
    hasResponseUrl: typeof body.response_url === "string" && body.response_url.length > 0,
  };
}

function payload(msg: SlackMessage): { text: string; blocks: KnownBlock[] } {
  return { text: msg.text, blocks: msg.blocks };
}

async function directMessageChannel(client: Client, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
}

/** Where a reply to a click goes, and the run context of a checklist opened there. */
async function replyTarget(
  args: ActionArgs,
): Promise<{ channel: string | undefined; threadTs: string | undefined; ctx: string; origin: Origin }> {
  const origin = originOf(args.body);
  if (origin.home || !origin.channel) {
    const channel = await directMessageChannel(args.client, args.body.user.id);
    return { channel, threadTs: undefined, ctx: runContext(channel), origin };
  }
  return {
    channel: origin.channel,
    threadTs: origin.threadTs,
    ctx: runContext(origin.channel, origin.threadTs),
    origin,
  };
}

/** Shows a new reply after a click: replaces an ephemeral message, otherwise posts (in the thread, or in the DM for App Home). */
async function showReply(args: ActionArgs, build: (ctx: string) => Promise<SlackMessage>): Promise<void> {
  const target = await replyTarget(args);
  const msg = await build(target.ctx);
  if (target.origin.ephemeral && target.origin.hasResponseUrl) {
    await args.respond({ response_type: "ephemeral", replace_original: true, ...payload(msg) });
    return;
  }
  if (!target.channel) return;
  await args.client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    ...payload(msg),
    unfurl_links: false,
    unfurl_media: false,
  });
}

/** A short ephemeral note to the user who clicked. */
async function notify(args: ActionArgs, msg: SlackMessage): Promise<void> {
  const origin = originOf(args.body);
  if (origin.hasResponseUrl) {
    await args.respond({ response_type: "ephemeral", replace_original: false, ...payload(msg) });
  } else if (origin.channel) {
    await args.client.chat.postEphemeral({
      channel: origin.channel,
      user: args.body.user.id,
      ...(origin.threadTs ? { thread_ts: origin.threadTs } : {}),
      ...payload(msg),
    });
  }
}

/** Replaces the message the click came from (checklist progress, feedback thanks). */
async function updateOrigin(args: ActionArgs, msg: SlackMessage): Promise<void> {
  const origin = originOf(args.body);
  if (origin.hasResponseUrl) {
    await args.respond({ replace_original: true, ...payload(msg) } satisfies RespondArguments);
  } else if (origin.channel && origin.messageTs) {
    await args.client.chat.update({ channel: origin.channel, ts: origin.messageTs, ...payload(msg) });
  }
}

/** The Dutch text for an error: the core's own user message (e.g. a checklist error) or the generic one. */
const noticeOf = (err: unknown): string => userMessageOf(err) ?? messages.errorGeneric;

const valueOf = (action: BlockElementAction): string =>
  "value" in action && typeof action.value === "string" ? action.value : "";

/** The message's blocks with the 👍/👎 row replaced by the thank-you (null when the message is not at hand). */
function withFeedbackThanks(blocks: unknown): KnownBlock[] | null {
  if (!Array.isArray(blocks)) return null;
  const out: KnownBlock[] = [];
  let replaced = false;
  for (const block of blocks as KnownBlock[]) {
    const isFeedbackRow =
      block.type === "actions" &&
      block.elements.some(
        (e) => "action_id" in e && (e.action_id === ACTION.feedbackYes || e.action_id === ACTION.feedbackNo),
      );
    if (!isFeedbackRow) {
      out.push(block);
      continue;
    }
    // Drop the question line above the buttons too.
    const prev = out[out.length - 1];
    if (prev?.type === "context") out.pop();
    out.push({ type: "context", elements: [{ type: "mrkdwn", text: messages.feedbackThanks, verbatim: true }] });
    replaced = true;
  }
  return replaced ? out : null;
}

// ---------- registration ----------

/** The commands, events (manifest names) and action ids that registerHandlers registered. */
export interface Registered {
  commands: string[];
  events: string[];
  actions: string[];
}

/** What every registration step needs. */
interface Registration {
  app: App;
  bot: Bot;
  logger: Logger;
  conversation: Conversation;
  termijnen: TermijnService | undefined;
}

/** Registers every listener in named steps; returns what was registered (the manifest test compares). */
export function registerHandlers(app: App, deps: HandlerDeps): Registered {
  const { bot, logger } = deps;
  const r: Registration = {
    app,
    bot,
    logger,
    conversation: new Conversation(bot, deps.handoffs),
    termijnen: deps.termijnen,
  };
  skipRetriedDeliveries(r, deps.seen);
  const commands = registerCommands(r, deps.ackBudgetMs ?? 2_500);
  const events = registerEvents(r);
  const actions = registerActions(r);
  registerFeedbackReason(app, { bot, logger, handoffs: deps.handoffs });
  if (deps.handoffs) actions.push(...registerHandoff(app, { bot, logger, handoffs: deps.handoffs }));
  return { commands, events, actions };
}

/**
 * Events API retries (x-slack-retry-num) carry the event_id of the first delivery: answer once, also when
 * the retry reaches another instance (the record is in the shared store). Slack retries within ~5 minutes.
 */
function skipRetriedDeliveries({ app, logger }: Registration, seen: SeenRequests): void {
  const firstDelivery = async (eventId: string): Promise<boolean> => {
    try {
      return await seen.firstSeen(`slack:event:${eventId}`, EVENT_ID_TTL_MS);
    } catch (err) {
      logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        "slack: could not record the event id",
      );
      return true;
    }
  };
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await firstDelivery(eventId))) {
      logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        "slack: duplicate event delivery skipped",
      );
      return;
    }
    await next();
  });
}

/** Slash commands, answered in the acknowledgement when the answer is ready within `ackBudgetMs`. */
function registerCommands({ app, logger, conversation }: Registration, ackBudgetMs: number): string[] {
  /**
   * Answers a slash command in the acknowledgement itself; when the answer takes longer than the budget, acks
   * empty (so Slack does not show a timeout) and sends the answer through response_url when it is ready.
   */
  const answerCommand = async (args: CommandArgs, name: string, build: () => Promise<SlackMessage>): Promise<void> => {
    const work = build().catch((err: unknown) => {
      logger.error({ err, command: name }, "slack: command failed");
      return renderNotice(noticeOf(err));
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ackBudgetMs);
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first) {
      await args.ack({ response_type: "ephemeral", ...payload(first) });
      return;
    }
    logger.warn(
      { command: name, budgetMs: ackBudgetMs },
      "slack: answer slower than the ack budget; sending it via response_url",
    );
    await args.ack();
    await args.respond({ response_type: "ephemeral", ...payload(await work) });
  };

  const commandHandlers: Record<(typeof COMMANDS)[number], CommandHandler> = {
    "/samenwerken": (args) =>
      answerCommand(args, "/samenwerken", () =>
        conversation.messageFor(args.command.text ?? "", runContext(args.command.channel_id), { share: true }),
      ),
    "/checklist": (args) =>
      answerCommand(args, "/checklist", () =>
        conversation.checklistMessage(
          slackTextToPlain(normalizeUserText(args.command.text ?? "")),
          runContext(args.command.channel_id),
        ),
      ),
  };
  // One global middleware dispatches our commands by name, instead of one app.command() listener each: Bolt runs
  // every registered listener's middleware chain for every request (about twenty here), which cost ~0.3 ms per
  // command. Not calling next() ends Bolt's processing after the handler; other requests go on to the listeners.
  // Errors propagate to Bolt's error handler as a listener's would.
  const handlerOf = new Map<string, CommandHandler>(Object.entries(commandHandlers));
  app.use(async (args) => {
    const name = (args.body as { command?: unknown }).command;
    const handler = typeof name === "string" ? handlerOf.get(name) : undefined;
    if (!handler || !("command" in args)) return args.next();
    await handler(args as unknown as CommandArgs);
  });
  return Object.keys(commandHandlers);
}

/** Mentions (answered in their thread), direct messages and the App Home tab. */
function registerEvents({ app, bot, logger, conversation, termijnen }: Registration): string[] {
  const answerInConversation = async (
    client: Client,
    channel: string,
    text: string,
    threadTs: string | undefined,
  ): Promise<void> => {
    let msg: SlackMessage;
    try {
      const ctx = runContext(channel, threadTs);
      msg = await conversation.messageFor(text, ctx, { conversation: ctx });
    } catch (err) {
      logger.error({ err }, "slack: answering failed");
      msg = renderNotice(noticeOf(err));
    }
    await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...payload(msg),
      unfurl_links: false,
      unfurl_media: false,
    });
  };

  const eventHandlers: Record<(typeof EVENTS)[number], () => void> = {
    app_mention: () =>
      app.event(
        "app_mention",
        async ({ event, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
          // Answer in the thread the mention is in, or start one under it.
          await answerInConversation(client, event.channel, event.text ?? "", event.thread_ts ?? event.ts);
        },
      ),
    "message.im": () =>
      app.event("message", async ({ event, client }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
        if (event.channel_type !== "im" || event.subtype !== undefined) return;
        if ("bot_id" in event && event.bot_id) return;
        await answerInConversation(client, event.channel, event.text ?? "", event.thread_ts);
      }),
    app_home_opened: () =>
      app.event(
        "app_home_opened",
        async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
          if (event.tab !== "home") return;
          const home = renderHome(bot.featuredTopics(), bot.listChecklists());
          await client.views.publish({
            user_id: event.user,
            view: { ...home, blocks: [...home.blocks, ...homeTermijnBlocks(termijnen)] },
          });
        },
      ),
  };
  for (const register of Object.values(eventHandlers)) register();
  return Object.keys(eventHandlers);
}

/** Buttons and checkboxes on our messages: acknowledged at once, answered through response_url or the Web API. */
function registerActions({ app, bot, logger, conversation }: Registration): string[] {
  const openChecklist: ActionHandler = async (args) => {
    const id = valueOf(args.action);
    await showReply(args, (ctx) => conversation.present(bot.answerById(id), ctx, {}));
  };
  // A related topic opened in a thread or DM becomes its follow-up context, like an answered question; one opened
  // from an ephemeral (slash-command) answer stands alone, as that answer does.
  const openEntry: ActionHandler = async (args) => {
    const id = valueOf(args.action);
    const standalone = originOf(args.body).ephemeral;
    await showReply(args, async (ctx) =>
      conversation.present(await bot.openEntry(id, standalone ? {} : { conversation: ctx }), ctx, {}),
    );
  };

  const actionHandlers: Record<string, ActionHandler> = {
    [ACTION.openEntry]: openEntry,
    [ACTION.openChecklist]: openChecklist,
    [ACTION.feedbackYes]: (args) => feedback(args, true),
    [ACTION.feedbackNo]: (args) => feedback(args, false),
    [ACTION.share]: async (args) => {
      const origin = originOf(args.body);
      const msg = await conversation.present(
        bot.answerById(valueOf(args.action)),
        runContext(origin.channel ?? "unknown"),
        {},
      );
      if (origin.hasResponseUrl) {
        await args.respond({ response_type: "in_channel", replace_original: false, ...payload(msg) });
        await args.respond({ delete_original: true });
      } else if (origin.channel) {
        await args.client.chat.postMessage({ channel: origin.channel, ...payload(msg), unfurl_links: false });
      }
    },
    [ACTION.tick]: (args) => tick(args),
    [ACTION.readMore]: (args) => readMore(args),
    [ACTION.exportChecklist]: async (args) => {
      const markdown = await bot.exportChecklist(valueOf(args.action));
      await notify(args, markdown === null ? renderNotice(messages.checklistRunUnknown) : renderExport(markdown));
    },
  };

  async function feedback(args: ActionArgs, helpful: boolean): Promise<void> {
    const { entryId, question } = parseFeedbackValue(valueOf(args.action));
    const answer = entryId ? bot.answerById(entryId) : null;
    if (!answer || answer.status === "unknown") return;
    // 👎 asks why: the modal must open within 3 s of the click, so first (adapters/slack/feedback-reason.ts).
    if (!helpful)
      await askReason(args, entryId, answer.answer?.title ?? entryId, question).catch((err: unknown) =>
        logger.warn({ err: { name: (err as Error).name } }, "slack: reason modal failed"),
      );
    await bot.recordFeedback(entryId, helpful, "slack", undefined, args.body.user.id);
    const blocks = withFeedbackThanks(args.body.message?.blocks);
    // The message still shows the answer, so its plain-text fallback stays the answer's.
    if (blocks) await updateOrigin(args, { text: renderReply(bot.answerById(entryId), {}).text, blocks });
    else await notify(args, renderNotice(messages.feedbackThanks));
  }

  /**
   * "Lees meer": the same message, updated in place, with the full text instead of the key lines. Slack sends the
   * message's blocks with the click (not for ephemeral messages): then only the short form is replaced. Without
   * them the answer is rendered anew in full, with the checklist run of this conversation and, for an ephemeral
   * (slash-command) answer, its "Deel in kanaal" button.
   */
  async function readMore(args: ActionArgs): Promise<void> {
    const reply = bot.answerById(valueOf(args.action));
    if (reply.status === "unknown" || !reply.answer) return;
    const blocks = expandAnswer(args.body.message?.blocks, reply.answer);
    if (blocks) {
      await updateOrigin(args, { text: renderReply(reply, {}).text, blocks });
      return;
    }
    const origin = originOf(args.body);
    const ctx = runContext(origin.channel ?? "unknown", origin.threadTs);
    await updateOrigin(args, await conversation.present(reply, ctx, { full: true, share: origin.ephemeral }));
  }

  /** One checkbox group (at most LIMITS.checkboxOptions items) changed: store each changed item, show the progress. */
  async function tick(args: ActionArgs): Promise<void> {
    const action = args.action;
    if (action.type !== "checkboxes") return;
    const runId = runIdFromBlockId(action.block_id);
    if (!runId) return;
    const progress = await bot.checklistProgress(runId);
    if (!progress) {
      await notify(args, renderNotice(messages.checklistRunUnknown));
      return;
    }
    const group = Number(action.block_id.split("|")[2] ?? "1");
    const selected = new Set(action.selected_options.map((o) => Number(o.value)));
    const first = (group - 1) * LIMITS.checkboxOptions + 1;
    const last = Math.min(group * LIMITS.checkboxOptions, progress.items.length);
    let latest = progress;
    for (let index = first; index <= last; index++) {
      const item = progress.items[index - 1];
      if (!item) continue;
      const want = selected.has(index);
      if (want !== item.checked) latest = await bot.toggleChecklistItem(runId, item.id, args.body.user.id, want);
    }
    await updateOrigin(args, renderReply(bot.answerById(latest.run.checklistId), { progress: latest }));
  }

  for (const [actionId, handler] of Object.entries(actionHandlers)) {
    app.action<BlockAction>({ type: "block_actions", action_id: actionPattern(actionId) }, async (args) => {
      // Acknowledge first (Slack's 3-second window); the result goes out through response_url or the Web API.
      await args.ack();
      try {
        await handler(args);
      } catch (err) {
        logger.error({ err, action: actionId }, "slack: action failed");
        await notify(args, renderNotice(noticeOf(err))).catch(() => undefined);
      }
    });
  }
  return Object.keys(actionHandlers);
}
