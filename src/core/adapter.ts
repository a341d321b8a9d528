// What the composition root (app/main.ts) hands every platform adapter.
import type { Bot } from "./bot.ts";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { SeenRequests } from "./seen-requests.ts";
import type { TermijnService } from "../termijnen/service.ts";
import type { HandoffService } from "./handoff-service.ts";

export interface AdapterDeps {
  bot: Bot;
  config: AppConfig;
  logger: Logger;
  /**
   * Records of handled requests (Slack signatures and event ids), shared through the store so that several
   * instances answer once. Without it an adapter keeps them in process memory (tests).
   */
  seen?: SeenRequests;
  /** Deadlines and the gemeente's register (/termijn, App Home, welcome card); absent in older tests. */
  termijnen?: TermijnService;
  /** "Vraag het de griffie" (src/core/handoff-service.ts); absent: no hand-off button. */
  handoffs?: HandoffService;
}
