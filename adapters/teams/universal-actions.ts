// Universal Actions for shared checklist cards: every checklist card carries a `refresh` clause (an
// Action.Execute with the verb "checklistRefresh" and the conversation's members as `userIds`, at most 60, Teams'
// limit), so Teams asks the bot for the current card whenever a member views it; the bot answers that
// adaptiveCard/action invoke with the card as the run stands now. A tick through Action.Execute also edits the
// card message for everyone, which makes Teams refresh it for the members in `userIds` at once.
// Docs: learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/
// (work-with-universal-actions-for-adaptive-cards, up-to-date-views). No botbuilder here except its types.
import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import type { Bot } from "../../src/core/bot.ts";
import type { Logger } from "../../src/log.ts";
import { messages } from "../../src/core/messages.ts";
import { ACTION_CHECKLIST_EXPORT, ACTION_CHECKLIST_SAVE, type ParsedCardAction } from "./actions.ts";
import { CARD_CONTENT_TYPE, MAX_CARD_BYTES, cardBytes, renderReplyCard, type AdaptiveCard } from "./render.ts";

/** The verb of a checklist card's refresh action. */
export const VERB_REFRESH = "checklistRefresh";
/** Teams refreshes a card automatically for at most 60 users (user MRIs in `refresh.userIds`). */
export const MAX_REFRESH_USERS = 60;
/** How long a conversation's member list is reused (refresh invokes come in for every member viewing the card). */
export const ROSTER_TTL_MS = 5 * 60_000;
const ROSTER_CACHE_SIZE = 500;
/** Data field of the checklist actions: the positions the card showed ticked ("1,3"), so a click saves changes only. */
export const SHOWN_FIELD = "shown";

export interface RefreshClause {
  action: {
    type: "Action.Execute";
    title: string;
    verb: typeof VERB_REFRESH;
    data: ChecklistRef & { action: typeof VERB_REFRESH };
  };
  userIds: string[];
}

export type RefreshableCard = AdaptiveCard & { refresh?: RefreshClause };

/** The checklist (and its run, once one exists) a card shows. */
export interface ChecklistRef {
  checklistId: string;
  runId?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isChecklistAction = (name: unknown): boolean =>
  name === ACTION_CHECKLIST_SAVE || name === ACTION_CHECKLIST_EXPORT;

/** Calls `visit` on every object in the card (body, containers, action sets, actions and their fallbacks). */
function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (isObject(node)) {
    visit(node);
    for (const value of Object.values(node)) if (typeof value === "object") walk(value, visit);
  }
}

/** The checklist a card is for, read from its save/export actions; null for any other card. */
export function checklistRefOf(card: AdaptiveCard): ChecklistRef | null {
  let ref: ChecklistRef | null = null;
  walk(card.body, (obj) => {
    if (ref || obj.type !== "Action.Execute" || !isObject(obj.data) || !isChecklistAction(obj.data.action)) return;
    const { checklistId, runId } = obj.data;
    if (typeof checklistId !== "string") return;
    ref = { checklistId, ...(typeof runId === "string" ? { runId } : {}) };
  });
  return ref;
}

/** The refresh request in an adaptiveCard/action invoke, or null for any other action. */
export function refreshRequestOf(action: { verb?: unknown; data?: unknown }): ChecklistRef | null {
  const data = isObject(action.data) ? action.data : {};
  if (action.verb !== VERB_REFRESH && data.action !== VERB_REFRESH) return null;
  const { checklistId, runId } = data;
  if (typeof checklistId !== "string" || !checklistId || checklistId.length > 200) return null;
  return { checklistId, ...(typeof runId === "string" && runId && runId.length <= 200 ? { runId } : {}) };
}

/** Positions (1-based) of the toggles the card shows ticked: "1,3". */
function shownTicks(card: AdaptiveCard): string {
  const ticked: number[] = [];
  walk(card.body, (obj) => {
    const m = obj.type === "Input.Toggle" && typeof obj.id === "string" ? /^item-(\d{1,4})$/.exec(obj.id) : null;
    if (m && obj.value === "true") ticked.push(Number(m[1]));
  });
  return ticked.join(",");
}

/**
 * A click saves only what this user changed: toggles whose value equals what the card showed are dropped, so a
 * card that was stale (another member ticked meanwhile) does not undo the other member's ticks. Cards posted
 * before this field existed send no `shown`: then every toggle counts, as before.
 */
export function keepChangedToggles(parsed: ParsedCardAction, data: unknown): void {
  const shown = isObject(data) ? data[SHOWN_FIELD] : undefined;
  if (typeof shown !== "string" || !/^(\d{1,4}(,\d{1,4})*)?$/.test(shown)) return;
  const wasTicked = new Set(shown ? shown.split(",").map(Number) : []);
  for (const [position, checked] of [...parsed.toggles]) {
    if (wasTicked.has(position) === checked) parsed.toggles.delete(position);
  }
}

/**
 * The card with a refresh clause for these users and the shown ticks in its checklist actions; within Teams'
 * size limit (users are dropped from the end, the requester first in the list is kept longest; without room
 * for even one the card goes out as it was).
 */
export function withRefresh(card: AdaptiveCard, ref: ChecklistRef, userIds: string[]): RefreshableCard {
  const shown = shownTicks(card);
  const body = structuredClone(card.body);
  walk(body, (obj) => {
    if (obj.type !== "Action.Execute" && obj.type !== "Action.Submit") return;
    if (isObject(obj.data) && isChecklistAction(obj.data.action)) obj.data[SHOWN_FIELD] = shown;
  });
  const users = [...new Set(userIds)].slice(0, MAX_REFRESH_USERS);
  const build = (ids: string[]): RefreshableCard => ({
    ...card,
    body,
    refresh: {
      action: {
        type: "Action.Execute",
        title: messages.cardRefresh,
        verb: VERB_REFRESH,
        data: { action: VERB_REFRESH, ...ref },
      },
      userIds: ids,
    },
  });
  let result = build(users);
  while (cardBytes(result) > MAX_CARD_BYTES && users.length > 1) {
    users.pop();
    result = build(users);
  }
  return cardBytes(result) <= MAX_CARD_BYTES ? result : card;
}

/** The members Teams should refresh a card for: the conversation's user MRIs, cached per conversation. */
export class RefreshAudience {
  private readonly cache = new Map<string, { ids: string[]; until: number }>();

  constructor(
    /** The conversation's members (user MRIs, "29:…"); TeamsInfo.getPagedMembers in production. */
    private readonly fetchMembers: (context: TurnContext) => Promise<string[]>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user who acted first, then the other members; at most MAX_REFRESH_USERS. Never throws. */
  async userIdsFor(context: TurnContext): Promise<string[]> {
    const activity = context.activity;
    const self = activity.from?.id ? [activity.from.id] : [];
    if (activity.conversation?.conversationType === "personal") return self;
    const members = await this.members(context);
    return [...new Set([...self, ...members])].slice(0, MAX_REFRESH_USERS);
  }

  private async members(context: TurnContext): Promise<string[]> {
    const key = context.activity.conversation?.id ?? "";
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.ids;
    let ids: string[];
    try {
      // Bots ("28:…") get no refresh of their own.
      ids = (await this.fetchMembers(context)).filter((id) => !id.startsWith("28:")).slice(0, MAX_REFRESH_USERS);
    } catch (error) {
      // Without the roster only the user who acted refreshes automatically; the card itself still works.
      this.logger.warn({ err: { message: (error as Error).message } }, "teams: conversation members not available");
      ids = [];
    }
    this.cache.delete(key);
    this.cache.set(key, { ids, until: this.now() + ROSTER_TTL_MS });
    if (this.cache.size > ROSTER_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return ids;
  }
}

/** Invoke response with a card (Teams replaces the card for the user who acted or refreshed). */
export const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: CARD_CONTENT_TYPE,
  value: card as unknown as Record<string, unknown>,
});

/** Invoke response with a message Teams shows under the card (the card stays as it is). */
export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: "application/vnd.microsoft.activity.message",
  value: text as unknown as Record<string, unknown>,
});

/** The checklist card as the run stands now (no per-user state such as an export or a feedback thank-you). */
export async function currentChecklistCard(bot: Bot, ref: ChecklistRef): Promise<AdaptiveCard | null> {
  const reply = bot.answerById(ref.checklistId);
  if (reply.answer?.kind !== "checklist") return null;
  if (!ref.runId) return renderReplyCard(reply);
  const progress = await bot.checklistProgress(ref.runId);
  if (!progress || progress.run.checklistId !== ref.checklistId)
    return renderReplyCard(reply, { notice: messages.checklistRunUnknown });
  return renderReplyCard(reply, { progress });
}

/** Adds the refresh clause to checklist cards; everything else passes unchanged. */
export class UniversalActions {
  constructor(
    private readonly bot: Bot,
    private readonly audience: RefreshAudience,
  ) {}

  async prepare(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
    const ref = checklistRefOf(card);
    if (!ref) return card;
    return withRefresh(card, ref, await this.audience.userIdsFor(context));
  }

  /** The answer to a refresh invoke: the current card, or a Dutch message for a checklist that no longer exists. */
  async refresh(context: TurnContext, ref: ChecklistRef): Promise<AdaptiveCardInvokeResponse> {
    const found = ref.runId ? ref : await this.runOfCard(context, ref);
    const card = await currentChecklistCard(this.bot, found);
    if (!card) return messageResponse(messages.cardActionOutdated);
    return cardResponse(withRefresh(card, found, await this.audience.userIdsFor(context)));
  }

  /**
   * A card sent before anyone ticked names no run; its run is the one of its message (the context key
   * conversation.ts gives the run on the first tick), so a member whose card missed the edit still sees the ticks.
   */
  private async runOfCard(context: TurnContext, ref: ChecklistRef): Promise<ChecklistRef> {
    const messageId = context.activity.replyToId;
    if (!messageId || this.bot.answerById(ref.checklistId).answer?.kind !== "checklist") return ref;
    const progress = await this.bot.startChecklist(
      ref.checklistId,
      `teams:${context.activity.conversation.id}:${messageId}`,
    );
    return { ...ref, runId: progress.run.runId };
  }

  /**
   * After a save: the card everyone should see (with refresh), or null for other actions. Not after an export:
   * the edit makes Teams refresh the card for everyone in userIds, the exporting member included, which would
   * replace the export they just asked for (their toggles are stored all the same).
   */
  async sharedCardAfter(
    context: TurnContext,
    parsed: ParsedCardAction,
    card: AdaptiveCard,
  ): Promise<AdaptiveCard | null> {
    if (parsed.action.action !== ACTION_CHECKLIST_SAVE) return null;
    const ref = checklistRefOf(card);
    if (!ref?.runId) return null;
    const current = await currentChecklistCard(this.bot, ref);
    return current ? withRefresh(current, ref, await this.audience.userIdsFor(context)) : null;
  }
}
