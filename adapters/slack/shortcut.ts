// The message shortcut "Vraag Raadswijzer": on any message, ask the bot about that message's text and answer
// privately (ephemeral) in the message's thread. Registered by createSlackApp (index.ts); declared in
// manifest/slack/manifest.yml under features.shortcuts with the same callback_id.
import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { Bot } from "../../src/core/bot.ts";
import type { Logger } from "../../src/log.ts";
import { messages } from "../../src/core/messages.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { userMessageOf } from "../../src/core/user-message.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import { Conversation, runContext } from "./handlers.ts";
import { renderNotice, type SlackMessage } from "./render.ts";

/** callback_id of the message shortcut; the manifest declares exactly the shortcuts in SHORTCUTS. */
export const ASK_SHORTCUT = "vraag_raadswijzer";
export const SHORTCUTS = [ASK_SHORTCUT] as const;

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** Where the answer goes: the channel and thread of the message the shortcut was used on. */
export interface ShortcutTarget {
  channel: string;
  user: string;
  /** The message's thread, or the message itself (the answer starts a thread under it). */
  threadTs: string;
}

export function targetOf(shortcut: MessageShortcut): ShortcutTarget {
  const message = shortcut.message as { ts: string; thread_ts?: unknown };
  const threadTs = typeof message.thread_ts === "string" && message.thread_ts ? message.thread_ts : message.ts;
  return { channel: shortcut.channel.id, user: shortcut.user.id, threadTs };
}

/**
 * The answer to one message's text: a notice for a message without text or one longer than a question may be,
 * otherwise what the bot says when the text is asked in that thread (a checklist opens as that thread's run).
 */
export async function shortcutMessage(bot: Bot, rawText: unknown, target: ShortcutTarget): Promise<SlackMessage> {
  const text = normalizeUserText(rawText).trim();
  if (!text) return renderNotice(messages.shortcutEmpty);
  if (text.length > MAX_QUESTION_CHARS) return renderNotice(messages.shortcutTooLong(MAX_QUESTION_CHARS));
  return new Conversation(bot).messageFor(text, runContext(target.channel, target.threadTs));
}

/** Registers the shortcut; returns the callback ids it registered (the manifest test compares). */
export function registerAskShortcut(app: App, deps: { bot: Bot; logger: Logger }): string[] {
  const { bot, logger } = deps;
  app.shortcut<MessageShortcut>(
    { callback_id: ASK_SHORTCUT, type: "message_action" },
    async ({ shortcut, ack, client, respond }: ShortcutArgs) => {
      // Acknowledge at once (Slack's 3-second window); the answer follows through the Web API.
      await ack();
      const target = targetOf(shortcut);
      let msg: SlackMessage;
      try {
        msg = await shortcutMessage(bot, shortcut.message.text, target);
      } catch (err) {
        logger.error({ err: { message: (err as Error).message } }, "slack: shortcut failed");
        msg = renderNotice(userMessageOf(err) ?? messages.errorGeneric);
      }
      const content = { text: msg.text, blocks: msg.blocks };
      try {
        await client.chat.postEphemeral({
          channel: target.channel,
          user: target.user,
          thread_ts: target.threadTs,
          ...content,
        });
      } catch (err) {
        // The bot cannot post in every conversation (not a member, a DM between other people): the
        // shortcut's response_url can always answer the user who used it.
        logger.warn(
          { err: { code: (err as { code?: unknown }).code, message: (err as Error).message } },
          "slack: ephemeral answer to the shortcut failed; answering through response_url",
        );
        await respond({ response_type: "ephemeral", replace_original: false, ...content });
      }
    },
  );
  return [...SHORTCUTS];
}
