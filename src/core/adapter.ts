// What the composition root (app/main.ts) hands every platform adapter.
import type { Bot } from "./bot.ts";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../log.ts";

export interface AdapterDeps {
  bot: Bot;
  config: AppConfig;
  logger: Logger;
}
