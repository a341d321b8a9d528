// Slack side of the deadlines (src/termijnen): the /termijn command, the "Eerstvolgende termijnen" section of
// App Home and the reminder poster. Wording comes from the core; user text is escaped.
import { type SlackClientOptions, slackWebClient, type WebClientConfig } from "./web-client.ts";
import { type AllMiddlewareArgs, type App, type SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { Reply } from "../../src/reply.ts";
import type { Logger } from "../../src/log.ts";
import type { ReminderSink } from "../../src/termijnen/herinneringen.ts";
import { termijnTekst, type TermijnService } from "../../src/termijnen/service.ts";
import { escapeMrkdwn, inlineToMrkdwn, markdownToMrkdwn, slackLink, slackTextToPlain, titleLine } from "./mrkdwn.ts";
import { header, section, type KnownBlock, type SlackMessage } from "./render.ts";

export const TERMIJN_COMMAND = "/termijn";

/** A deadline reply as Block Kit: title, the date (summary), the rule and the article's sources. No feedback buttons. */
export function renderTermijn(reply: Reply): SlackMessage {
  const a = reply.answer;
  if (!a) return { text: escapeMrkdwn(termijnTekst.hulp), blocks: [section(escapeMrkdwn(termijnTekst.hulp))] };
  const blocks: KnownBlock[] = [header(a.title), section(inlineToMrkdwn(a.summary))];
  if (a.text.trim()) blocks.push(section(markdownToMrkdwn(a.text)));
  if (a.links.length)
    blocks.push({
      type: "context",
      elements: a.links.map((l) => ({ type: "mrkdwn" as const, text: slackLink(l.url, l.title), verbatim: true })),
    });
  return { text: escapeMrkdwn(titleLine(a.title, a.summary)), blocks };
}

/** Blocks for App Home: the next deadlines from the register (none without a register). */
export function homeTermijnBlocks(termijnen: TermijnService | undefined): KnownBlock[] {
  const lines = termijnen?.overzichtRegels(5) ?? [];
  if (!lines.length) return [];
  const note = termijnen?.register?.voorbeeld ? `\n_${escapeMrkdwn(termijnTekst.voorbeeldRegister)}_` : "";
  return [
    { type: "divider" },
    section(
      `*${escapeMrkdwn(termijnTekst.volgendeTermijnen)}*\n${lines.map((l) => `• ${escapeMrkdwn(l)}`).join("\n")}${note}`,
    ),
  ];
}

/** Registers /termijn; returns the command names registered (for the manifest check). */
export function registerTermijnCommand(app: App, termijnen: TermijnService | undefined, logger: Logger): string[] {
  app.command(TERMIJN_COMMAND, async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    try {
      const reply = termijnen ? termijnen.commando(slackTextToPlain(command.text ?? "")) : null;
      const msg = reply
        ? renderTermijn(reply)
        : renderTermijn({ status: "help", confidence: 0, answer: null, alternatives: [] });
      await ack({ response_type: "ephemeral", text: msg.text, blocks: msg.blocks });
    } catch (err) {
      logger.error({ err }, "slack: /termijn failed");
      await ack({
        response_type: "ephemeral",
        text: escapeMrkdwn("Er ging iets mis bij het berekenen van de termijn. Probeert u het later nog eens."),
      });
    }
  });
  return [TERMIJN_COMMAND];
}

/** Reminders into one Slack channel through the Web API (chat.postMessage). */
export function slackReminderSink(
  config: WebClientConfig,
  channel: string,
  options: SlackClientOptions = {},
): ReminderSink {
  const client = slackWebClient(config, options);
  return {
    name: `slack:${channel}`,
    async post(reminder) {
      const text = escapeMrkdwn(reminder.tekst);
      await client.chat.postMessage({ channel, text, blocks: [section(text)], unfurl_links: false });
    },
  };
}
