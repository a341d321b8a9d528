// The question half of the Bot facade: answers, help, featured topics and feedback, over the Engine and the Store.
import type { Engine } from "../engine/types.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";
import type { Logger } from "../log.ts";
import type { Store } from "../store/port.ts";
import type { Bot } from "./bot.ts";
import type { Reply } from "../reply.ts";
import { normalizeUserText } from "./user-text.ts";
import { createFollowUps } from "./follow-up.ts";

const FEATURED_COUNT = 5;
const MIN_FEATURED = 3;

export type QuestionService = Pick<
  Bot,
  "ask" | "answerById" | "openEntry" | "help" | "featuredTopics" | "recordFeedback"
>;

export interface ServiceDeps {
  engine: Engine;
  store: Store;
  /** Already the Bot's child logger. */
  log: Logger;
  /** Entry points shown on App Home and the welcome card, in this order (knowledge/uitgelicht.yml). */
  featured?: readonly string[];
  /** How long a conversation's context lives for follow-up questions (ms); 0 turns follow-ups off. */
  followUpMs?: number;
}

/** Default lifetime of a conversation's context (FOLLOW_UP_MINUTES). */
export const DEFAULT_FOLLOW_UP_MS = 30 * 60_000;

/** The featured topics that exist, topped up from the base when fewer than MIN_FEATURED of them do. */
function pickFeatured(
  ids: readonly string[],
  entries: readonly KnowledgeEntry[],
  byId: ReadonlyMap<string, KnowledgeEntry>,
): { id: string; title: string }[] {
  const topics = entries.filter((e) => e.kind === "topic");
  const picked: KnowledgeEntry[] = ids.map((id) => byId.get(id)).filter((e): e is KnowledgeEntry => !!e);
  if (picked.length < MIN_FEATURED) {
    for (const e of topics.length ? topics : entries) {
      if (picked.length >= FEATURED_COUNT) break;
      if (!picked.includes(e)) picked.push(e);
    }
  }
  return picked.map((e) => ({ id: e.id, title: e.title }));
}

export function createQuestionService({
  engine,
  store,
  log,
  featured: ids = [],
  followUpMs = DEFAULT_FOLLOW_UP_MS,
}: ServiceDeps): QuestionService {
  const byId = new Map<string, KnowledgeEntry>(engine.entries.map((e) => [e.id, e]));
  const featured = pickFeatured(ids, engine.entries, byId);
  const followUps = followUpMs > 0 ? createFollowUps({ engine, store, ttlMs: followUpMs, log }) : null;

  const unknownReply = (): Reply => ({
    status: "unknown",
    confidence: 0,
    answer: null,
    alternatives: featured.map((t) => ({ ...t, score: 0 })),
  });

  return {
    async ask(question, ctx) {
      // Adapters normalise at the edge already; normalising again here is idempotent and keeps the store safe.
      const text = normalizeUserText(question);
      let reply: Reply;
      try {
        reply = engine.ask(text);
      } catch (err) {
        // The engine promises never to throw; if it does anyway, the user still gets a polite reply.
        log.error({ err }, "engine.ask threw");
        return unknownReply();
      }
      const conversation = followUps && ctx.conversation ? ctx.conversation : null;
      if (conversation) {
        try {
          reply = await followUps!.resolve(text, reply, conversation);
        } catch (err) {
          log.error({ err: { name: (err as Error).name } }, "follow-up resolution threw");
        }
        await followUps!.remember(conversation, reply);
      }
      if (reply.status === "unknown" && text.trim() && ctx.recordUnanswered !== false) {
        const guess = reply.alternatives.find((a) => a.score > 0);
        try {
          await store.recordUnanswered({
            question: text,
            bestGuess: guess?.id ?? null,
            confidence: reply.confidence,
            platform: ctx.platform,
          });
        } catch (err) {
          // Never the question itself (or an error that may quote it) in a warning.
          log.warn(
            { err: { name: (err as Error).name, code: (err as { code?: unknown }).code } },
            "could not record an unanswered question",
          );
        }
      }
      return reply;
    },

    answerById(id) {
      return engine.replyFor(id) ?? unknownReply();
    },

    async openEntry(id, ctx) {
      const reply = engine.replyFor(id) ?? unknownReply();
      if (followUps && ctx.conversation) await followUps.remember(ctx.conversation, reply);
      return reply;
    },

    help() {
      return engine.help();
    },

    featuredTopics() {
      return featured.map((t) => ({ ...t }));
    },

    // Parameter types from the Bot interface (src/core/bot.ts).
    async recordFeedback(entryId, helpful, platform, comment, userId, reason) {
      if (!byId.has(entryId)) {
        log.warn({ entryId }, "feedback for an unknown entry ignored");
        return;
      }
      await store.recordFeedback({
        entryId,
        helpful,
        platform,
        ...(comment === undefined ? {} : { comment: normalizeUserText(comment) }),
        ...(userId ? { userId } : {}),
        ...(reason && !helpful ? { reason } : {}),
      });
    },
  };
}
