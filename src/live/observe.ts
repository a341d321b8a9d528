// Wraps the Bot facade for the editors' loop, without changing what it answers:
// - every asked question is logged (status, entry, platform; never the text) for the HTML report;
// - answers from entries not checked for STALE_MONTHS are marked `stale` (the adapters then say when they were
//   last checked);
// - observers (metrics) see every question with its latency and every piece of feedback.
// Other calls pass straight through (a Proxy, so methods added to Bot later pass too).
import type { AskContext, Bot } from "../core/bot.ts";
import { isStale } from "../core/freshness.ts";
import type { Reply } from "../reply.ts";
import type { Logger } from "../log.ts";
import type { Platform, Store } from "../store/port.ts";

export interface AskObservation {
  status: Reply["status"];
  platform: Platform;
  entryId: string | null;
  seconds: number;
}

export interface BotObserver {
  asked?(o: AskObservation): void;
  feedback?(helpful: boolean, platform: Platform): void;
}

export interface ObserveOptions {
  store: Pick<Store, "recordAsked">;
  logger: Logger;
  staleMonths: number;
  observers?: BotObserver[];
  clock?: () => Date;
}

export function observeBot(bot: Bot, opts: ObserveOptions): Bot {
  const log = opts.logger.child({ component: "observe" });
  const clock = opts.clock ?? (() => new Date());
  const observers = opts.observers ?? [];
  const notify = (fn: (o: BotObserver) => void): void => {
    for (const o of observers) {
      try {
        fn(o);
      } catch (err) {
        log.warn({ err }, "observer failed");
      }
    }
  };

  const markStale = (reply: Reply): Reply => {
    const a = reply.answer;
    if (!a?.updated || !isStale(a.updated, clock(), opts.staleMonths)) return reply;
    return { ...reply, answer: { ...a, stale: true } };
  };

  const ask = async (question: string, ctx: AskContext): Promise<Reply> => {
    const started = process.hrtime.bigint();
    const reply = await bot.ask(question, ctx);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const entryId = reply.status === "answer" || reply.status === "ambiguous" ? (reply.answer?.id ?? null) : null;
    notify((o) => o.asked?.({ status: reply.status, platform: ctx.platform, entryId, seconds }));
    // Search-as-you-type is not a question (the same rule as for unanswered questions).
    if (ctx.recordUnanswered !== false && opts.store.recordAsked) {
      try {
        await opts.store.recordAsked({
          status: reply.status,
          entryId,
          confidence: reply.confidence,
          platform: ctx.platform,
        });
      } catch (err) {
        log.warn({ err }, "could not log an asked question");
      }
    }
    return markStale(reply);
  };

  const overrides: Partial<Bot> = {
    ask,
    answerById: (id: string) => markStale(bot.answerById(id)),
    // A related topic, "bedoelde u" or a featured topic opened with its button is an answer like any other.
    openEntry: async (id, ctx) => markStale(await bot.openEntry(id, ctx)),
    recordFeedback: async (entryId, helpful, platform, comment, userId, reason) => {
      await bot.recordFeedback(entryId, helpful, platform, comment, userId, reason);
      notify((o) => o.feedback?.(helpful, platform));
    },
  };

  return new Proxy(bot, {
    get(target, prop, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof Bot];
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
