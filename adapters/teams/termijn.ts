// Teams side of the deadlines (src/termijnen): the "termijn" command and the next deadlines on the welcome card.
import { type Activity, CardFactory, TurnContext } from "botbuilder";
import type { AppConfig } from "../../src/config.ts";
import type { Reply } from "../../src/reply.ts";
import type { ReminderSink } from "../../src/termijnen/herinneringen.ts";
import { termijnTekst, type TermijnService } from "../../src/termijnen/service.ts";
import { createCloudAdapter } from "./index.ts";
import { inline, toTeamsMarkdownBlocks } from "./markdown.ts";
import type { AdaptiveCard, CardElement, TextBlock } from "./render.ts";

const text = (t: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});

const card = (body: CardElement[]): AdaptiveCard => ({
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  type: "AdaptiveCard",
  version: "1.5",
  body,
  msteams: { width: "Full" },
});

/** "termijn …" (also "/termijn …"): the rest of the text, or null when the message is not the command. */
export function parseTermijnCommand(input: string): string | null {
  const m = /^\/?termijn(?:\s+(.*))?$/is.exec(input.replace(/\s+/g, " ").trim());
  return m ? (m[1] ?? "").trim() : null;
}

/** A deadline reply as a card: title, the date, the rule and the article's sources as links. */
export function renderTermijnCard(reply: Reply): AdaptiveCard {
  const a = reply.answer;
  if (!a) return card([text(termijnTekst.hulp)]);
  const body: CardElement[] = [
    text(inline(a.title), { size: "Large", weight: "Bolder" }),
    text(inline(a.summary), { weight: "Bolder" }),
  ];
  for (const block of toTeamsMarkdownBlocks(a.text)) body.push(text(block));
  if (a.links.length)
    body.push({
      type: "ActionSet",
      actions: a.links.map((l) => ({ type: "Action.OpenUrl" as const, title: l.title, url: l.url })),
    });
  return card(body);
}

/** The card for a typed "termijn" command, or null when the message is something else. */
export function termijnCommandCard(input: string, termijnen: TermijnService | undefined): AdaptiveCard | null {
  const rest = parseTermijnCommand(input);
  if (rest === null) return null;
  return termijnen ? renderTermijnCard(termijnen.commando(rest)) : card([text(termijnTekst.hulp)]);
}

/** The welcome card with the next deadlines from the register added (unchanged without a register). */
export function withDeadlines(welcome: AdaptiveCard, termijnen: TermijnService | undefined): AdaptiveCard {
  const lines = termijnen?.overzichtRegels(5) ?? [];
  if (!lines.length) return welcome;
  const extra: CardElement[] = [
    text(termijnTekst.volgendeTermijnen, { weight: "Bolder", spacing: "Medium" }),
    text(lines.map((l) => `- ${inline(l)}`).join("\r")),
  ];
  if (termijnen?.register?.voorbeeld)
    extra.push(text(termijnTekst.voorbeeldRegister, { isSubtle: true, spacing: "Small" }));
  return { ...welcome, body: [...welcome.body, ...extra] };
}

/** The part of the Bot Framework connector client a reminder uses (the adapter keeps it in the turn state). */
interface ConnectorSend {
  conversations: {
    sendToConversation(
      id: string,
      activity: Partial<Activity>,
      options: { abortSignal: AbortSignal },
    ): Promise<unknown>;
  };
}

/** Rejects with the signal's reason once it aborts (for steps that take no signal, such as getting a token). */
const bounded = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });

/**
 * Reminders into one Teams conversation (a channel or chat the bot is in) as a proactive message. The conversation
 * id and the service URL come from an earlier activity in that conversation (Teams sends both with every message).
 * A post gives up after `timeoutMs` (the connector client waits forever; a reminder is posted inside the sent-log
 * transaction, so a hanging Teams must not hold it open): the request is aborted and the post rejects, so the
 * claim is rolled back and the next run retries.
 */
export function teamsReminderSink(
  config: AppConfig,
  serviceUrl: string,
  conversationId: string,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): ReminderSink {
  const adapter = createCloudAdapter(config);
  const appId = config.MicrosoftAppId ?? "";
  const reference = {
    serviceUrl,
    channelId: "msteams",
    conversation: { id: conversationId, isGroup: true, conversationType: "channel", name: "" },
    bot: { id: appId, name: "" },
  };
  return {
    name: `teams:${conversationId}`,
    async post(reminder) {
      const body: CardElement[] = [
        text(termijnTekst.herinneringTitel, { weight: "Bolder" }),
        text(inline(reminder.tekst)),
      ];
      const signal = AbortSignal.timeout(timeoutMs);
      const send = adapter.continueConversationAsync(appId, reference, async (context) => {
        const activity = TurnContext.applyConversationReference(
          { type: "message", attachments: [CardFactory.adaptiveCard(card(body))] },
          TurnContext.getConversationReference(context.activity),
        );
        const client = context.turnState.get<ConnectorSend>(adapter.ConnectorClientKey);
        await client.conversations.sendToConversation(conversationId, activity, { abortSignal: signal });
      });
      await bounded(send, signal);
    },
  };
}
