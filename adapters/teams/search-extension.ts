// The search message extension (composeExtension/query): matching entries as preview + Adaptive Card,
// so a councillor can insert an answer into any chat.
import type { Bot } from "../../src/core/bot.ts";
import { inline } from "./markdown.ts";
import { CARD_CONTENT_TYPE, renderReplyCard, type AdaptiveCard } from "./render.ts";
import { MAX_QUESTION_CHARS } from "./conversation.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";

/** Parameter name declared in manifest/teams/manifest.json (composeExtensions[0].commands[0]). */
export const SEARCH_COMMAND_ID = "zoeken";
export const SEARCH_PARAMETER = "zoekterm";
export const MAX_RESULTS = 8;

export interface SearchQuery {
  commandId?: string;
  parameters?: { name?: string; value?: unknown }[];
  queryOptions?: { skip?: number; count?: number };
}

export interface SearchResultAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: AdaptiveCard;
  preview: {
    contentType: "application/vnd.microsoft.card.thumbnail";
    content: { title: string; text: string; tap?: unknown };
  };
}

export interface SearchResponse {
  composeExtension: {
    type: "result";
    attachmentLayout: "list";
    attachments: SearchResultAttachment[];
  };
}

/** The query text; "" for the initial run (Teams sends initialRun=true when the extension opens). */
export function queryText(query: SearchQuery): string {
  const params = query.parameters ?? [];
  const own = params.find((p) => p.name === SEARCH_PARAMETER) ?? params.find((p) => p.name !== "initialRun");
  const value = own?.value;
  return typeof value === "string" ? normalizeUserText(value).trim().slice(0, MAX_QUESTION_CHARS) : "";
}

export async function searchEntries(bot: Bot, query: SearchQuery): Promise<SearchResponse> {
  const text = queryText(query);
  let ids: string[];
  if (!text) {
    ids = [...bot.featuredTopics().map((t) => t.id), ...bot.listChecklists().map((c) => c.id)];
  } else {
    const reply = await bot.ask(text, { platform: "teams", recordUnanswered: false });
    ids = [...(reply.answer ? [reply.answer.id] : []), ...reply.alternatives.map((a) => a.id)];
  }
  const attachments: SearchResultAttachment[] = [];
  for (const id of [...new Set(ids)].slice(0, MAX_RESULTS)) {
    const reply = bot.answerById(id);
    if (!reply.answer) continue;
    attachments.push({
      contentType: CARD_CONTENT_TYPE,
      content: renderReplyCard(reply),
      preview: {
        contentType: "application/vnd.microsoft.card.thumbnail",
        content: { title: reply.answer.title, text: inline(reply.answer.summary).replace(/[*_]/g, "") },
      },
    });
  }
  return { composeExtension: { type: "result", attachmentLayout: "list", attachments } };
}
