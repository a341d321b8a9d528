// The botbuilder side: a TeamsActivityHandler that turns activities into calls on conversation.ts and
// sends the cards back. Personal chat, @mentions in channels and group chats, card clicks (Action.Execute
// invoke and its Action.Submit fallback), the search message extension and the welcome card.
import {
  CardFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from "botbuilder";
import type { Bot } from "../../src/core/bot.ts";
import type { Logger } from "../../src/log.ts";
import { messages } from "../../src/core/messages.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { ACTION_FEEDBACK, parseCardAction, type ParsedCardAction } from "./actions.ts";
import { handleCardAction, replyToText, type ClickContext, type ClickResult } from "./conversation.ts";
import { renderMessageCard, renderReplyCard, renderWelcomeCard, type AdaptiveCard } from "./render.ts";
import type { Reply } from "../../src/reply.ts";
import { searchEntries } from "./search-extension.ts";
import { termijnCommandCard, withDeadlines } from "./termijn.ts";
import {
  RefreshAudience,
  UniversalActions,
  cardResponse,
  keepChangedToggles,
  messageResponse,
  refreshRequestOf,
} from "./universal-actions.ts";
import type { TermijnService } from "../../src/termijnen/service.ts";
import {
  griffieHere,
  handleFlowAction,
  parseFlowAction,
  withHandoffButton,
  withReasonForm,
  type TeamsFlowDeps,
} from "./handoff.ts";

/** A message with one card; `summary` (notification, fallback) and `speak` carry the card's plain text. */
export function cardActivity(card: AdaptiveCard): {
  type: "message";
  attachments: ReturnType<typeof CardFactory.adaptiveCard>[];
  summary?: string;
  speak?: string;
} {
  return {
    type: "message",
    attachments: [CardFactory.adaptiveCard(card)],
    ...(card.fallbackText ? { summary: card.fallbackText } : {}),
    ...(card.speak ? { speak: card.speak } : {}),
  };
}

export class RaadswijzerTeamsBot extends TeamsActivityHandler {
  /** Refresh clauses on checklist cards (universal-actions.ts). */
  private readonly universal: UniversalActions;

  constructor(
    private readonly bot: Bot,
    private readonly logger: Logger,
    private readonly termijnen?: TermijnService,
    /** 👎 reasons and "Vraag het de griffie" (adapters/teams/handoff.ts). */
    private readonly flow?: Omit<TeamsFlowDeps, "bot" | "logger">,
    fetchMembers: (context: TurnContext) => Promise<string[]> = conversationMembers,
  ) {
    super();
    this.universal = new UniversalActions(bot, new RefreshAudience(fetchMembers, logger));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === context.activity.recipient.id);
      const personal = context.activity.conversation.conversationType === "personal";
      if (botAdded || (personal && added.length > 0)) {
        const welcome = renderWelcomeCard(this.bot.featuredTopics(), this.bot.listChecklists());
        await context.sendActivity(cardActivity(withDeadlines(welcome, this.termijnen)));
      }
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Action.Submit (the fallback of Action.Execute, and our answer buttons) arrives as a message with a value.
    const flowAction = parseFlowAction(activity.value);
    if (flowAction) {
      const deps = this.flowDeps();
      await this.deliver(
        context,
        await handleFlowAction(flowAction, context, deps, (id) =>
          renderReplyCard(this.bot.answerById(id), { feedbackGiven: true }),
        ),
      );
      return;
    }
    const parsed = parseCardAction(activity.value);
    if (parsed) {
      keepChangedToggles(parsed, activity.value);
      const result = await this.click(parsed, context);
      await this.deliver(context, result);
      return;
    }
    if (isOutdatedCardValue(activity.value)) {
      // A button on a card posted by an older version, with data this version no longer reads.
      this.logger.warn("teams card action not recognised (Action.Submit)");
      await context.sendActivity(cardActivity(renderMessageCard(messages.cardActionOutdated)));
      return;
    }
    const text = normalizeUserText(TurnContext.removeRecipientMention(activity) ?? activity.text ?? "");
    const cleaned = stripMentionMarkup(text);
    this.logger.debug(
      { conversationType: activity.conversation.conversationType, chars: cleaned.length },
      "teams message",
    );
    const card =
      (await griffieHere(context, cleaned, this.flowDeps())) ??
      termijnCommandCard(cleaned, this.termijnen) ??
      (await replyToText(this.bot, cleaned, `teams:${activity.conversation.id}`, (reply, answer, question) =>
        this.withHandoff(reply, answer, question),
      ));
    await context.sendActivity(cardActivity(await this.universal.prepare(context, card)));
  }

  private flowDeps(): TeamsFlowDeps {
    return { bot: this.bot, logger: this.logger, handoffs: this.flow?.handoffs, admins: this.flow?.admins ?? [] };
  }

  /** A card click; after a 👎 the card asks why (adapters/teams/handoff.ts). */
  private async click(parsed: ParsedCardAction, context: TurnContext): Promise<ClickResult> {
    const result = await handleCardAction(this.bot, parsed, clickContext(context));
    const action = parsed.action;
    if (action.action === ACTION_FEEDBACK && !action.helpful && result.kind === "update")
      return { ...result, card: withReasonForm(result.card, action.entryId, action.q) };
    return result;
  }

  /** "Vraag het de griffie" under an unknown reply, when a griffie chat is configured. */
  private async withHandoff(reply: Reply, card: AdaptiveCard, question: string): Promise<AdaptiveCard> {
    const handoffs = this.flow?.handoffs;
    if (reply.status !== "unknown" || !handoffs || !(await handoffs.enabled())) return card;
    return withHandoffButton(card, question, reply.alternatives.find((a) => a.score > 0)?.id ?? null);
  }

  private async deliver(context: TurnContext, result: ClickResult): Promise<void> {
    const replyTo = context.activity.replyToId;
    const card = await this.universal.prepare(context, result.card);
    if (result.kind === "update" && replyTo) {
      await context.updateActivity({ ...cardActivity(card), id: replyTo });
      return;
    }
    await context.sendActivity(cardActivity(card));
  }

  /** Action.Execute (Universal Actions): the updated card goes back in the invoke response. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue.action;
    try {
      // Teams asks for the current checklist card (a member views it, or its message was edited).
      const refresh = refreshRequestOf(action);
      if (refresh) return await this.universal.refresh(context, refresh);
      const data = { ...(action.data ?? {}), action: action.data?.action ?? action.verb };
      const parsed = parseCardAction(data);
      if (!parsed) {
        // A button of a card posted by an older version: Teams shows the Dutch message under the card.
        this.logger.warn({ verb: action.verb }, "teams card action not recognised");
        return messageResponse(messages.cardActionOutdated);
      }
      keepChangedToggles(parsed, data);
      // An answer button sent as Action.Execute replaces the card with the answer; ours are Action.Submit.
      const result = await this.click(parsed, context);
      await this.editForEveryone(context, parsed, result.card);
      return cardResponse(await this.universal.prepare(context, result.card));
    } catch (error) {
      // Teams shows an error response under the card and keeps the card as it was (ticks are not lost).
      this.logger.error({ err: errorInfo(error), verb: action.verb }, "teams card action failed");
      return {
        statusCode: 500,
        type: "application/vnd.microsoft.error",
        value: { code: "InternalError", message: messages.errorGeneric },
      };
    }
  }

  /**
   * After a tick through Action.Execute the invoke response updates the card of the user who ticked; the edit
   * of the card message shows the ticks to everyone (and makes Teams refresh the card for the members in its
   * refresh.userIds). A failed edit is logged: the tick is stored and the clicking user sees it.
   */
  private async editForEveryone(context: TurnContext, parsed: ParsedCardAction, card: AdaptiveCard): Promise<void> {
    const replyTo = context.activity.replyToId;
    if (!replyTo) return;
    const shared = await this.universal.sharedCardAfter(context, parsed, card);
    if (!shared) return;
    await this.warnOnFailure(
      () => context.updateActivity({ ...cardActivity(shared), id: replyTo }),
      "teams: checklist card message could not be updated for everyone",
    );
  }

  /** Runs a step whose failure the user can live with: logged as a warning, never thrown. */
  private async warnOnFailure(step: () => Promise<unknown>, message: string): Promise<void> {
    try {
      await step();
    } catch (error) {
      this.logger.warn({ err: errorInfo(error) }, message);
    }
  }

  /** Action.Submit on a card a user inserted with the search extension arrives as this invoke. */
  protected override async handleTeamsMessagingExtensionCardButtonClicked(
    context: TurnContext,
    cardData: unknown,
  ): Promise<void> {
    const parsed = parseCardAction(cardData);
    if (!parsed) return;
    // The bot may not be a member of the chat the card was inserted into.
    await this.warnOnFailure(async () => {
      const result = await handleCardAction(this.bot, parsed, clickContext(context));
      if (result.kind === "send") await context.sendActivity(cardActivity(result.card));
    }, "teams card button on an inserted card failed");
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    try {
      return (await searchEntries(this.bot, query)) as MessagingExtensionResponse;
    } catch (error) {
      this.logger.error({ err: errorInfo(error) }, "teams search failed");
      return { composeExtension: { type: "message", text: messages.errorGeneric } };
    }
  }
}

function errorInfo(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: "Error", message: String(error) };
}

/** The user MRIs of the conversation's members (first page; Teams refreshes for at most 60 anyway). */
async function conversationMembers(context: TurnContext): Promise<string[]> {
  const page = await TeamsInfo.getPagedMembers(context, 100);
  return page.members.map((m) => m.id).filter((id): id is string => typeof id === "string" && id.length > 0);
}

/** A card value that names an action of ours (Action.Submit data) but is not one this version reads. */
function isOutdatedCardValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { action?: unknown }).action === "string";
}

function clickContext(context: TurnContext): ClickContext {
  const a = context.activity;
  return {
    conversationId: a.conversation.id,
    cardMessageId: a.replyToId,
    userId: a.from.aadObjectId ?? a.from.id ?? "anonymous",
  };
}

/** Leftover mention markup (other users, or a mention Teams did not attach as an entity). */
export function stripMentionMarkup(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
