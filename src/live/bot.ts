// A Bot facade that forwards every call to the Bot of the current knowledge base. Each call reads the current base
// once, so one request is answered from one complete base even while a reload swaps in the next one. Forwarding
// is generic (a Proxy), so methods added to the Bot interface later are forwarded too.
import type { Bot } from "../core/bot.ts";

export function currentBot(current: () => Bot): Bot {
  return new Proxy({} as Bot, {
    get(_target, prop) {
      const bot = current();
      const value = Reflect.get(bot, prop, bot) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(bot) : value;
    },
    has: (_target, prop) => prop in current(),
  });
}
