// The Bot facade (src/core/bot.ts) on top of the Engine and the Store: what Slack, Teams, the CLI and the preview
// page call, so they all behave the same. It composes two services: questions (answers, help, featured topics,
// feedback) and checklists (find, open, tick, progress, export).
import type { Engine } from "../engine/types.ts";
import type { Logger } from "../log.ts";
import type { Store } from "../store/port.ts";
import type { Bot } from "./bot.ts";
import { createChecklistService } from "./checklist-service.ts";
import { createQuestionService } from "./question-service.ts";

export interface CreateBotOptions {
  engine: Engine;
  store: Store;
  logger: Logger;
  /** Ids of the featured entries, in order (the knowledge base's uitgelicht.yml); missing ones are skipped. */
  featured?: readonly string[];
  /** Lifetime of a conversation's context for follow-up questions (ms; FOLLOW_UP_MINUTES); 0 = off. Default 30 min. */
  followUpMs?: number;
  /** Source of "now" for the export date (tests). */
  clock?: () => Date;
}

export function createBot({
  engine,
  store,
  logger,
  featured,
  followUpMs,
  clock = () => new Date(),
}: CreateBotOptions): Bot {
  const log = logger.child({ component: "bot" });
  return {
    ...createQuestionService({
      engine,
      store,
      log,
      ...(featured ? { featured } : {}),
      ...(followUpMs === undefined ? {} : { followUpMs }),
    }),
    ...createChecklistService({ engine, store, clock }),
  };
}
