// The note above an answer to a follow-up question ("Opgevat als vervolgvraag op „…”"), added to a rendered
// message without changing the renderer: into the context block that echoes the question, or as a context block of
// its own at the top. The message's block count never grows past Block Kit's limit.
import { messages } from "../../src/core/messages.ts";
import type { Reply } from "../../src/reply.ts";
import { escapeMrkdwn, truncateMrkdwn } from "./mrkdwn.ts";
import type { PreviewRenderer } from "../../src/http/mount.ts";
import {
  LIMITS,
  renderReply,
  slackPreviewRenderer as plainPreviewRenderer,
  type KnownBlock,
  type SlackMessage,
} from "./render.ts";

/** The message with the follow-up note on top when the reply was read as a follow-up; else the message as it is. */
export function withFollowUpNote(reply: Reply, msg: SlackMessage): SlackMessage {
  if (!reply.followUp) return msg;
  const note = {
    type: "mrkdwn" as const,
    text: truncateMrkdwn(escapeMrkdwn(messages.followUpNote(reply.followUp.title)), LIMITS.sectionText),
    verbatim: true,
  };
  const [first, ...rest] = msg.blocks;
  if (first?.type === "context" && first.elements.length < LIMITS.contextElements) {
    return { ...msg, blocks: [{ ...first, elements: [...first.elements, note] }, ...rest] };
  }
  if (msg.blocks.length >= LIMITS.blocks) return msg;
  const block: KnownBlock = { type: "context", elements: [note] };
  return { ...msg, blocks: [block, ...msg.blocks] };
}

/** The preview page's Slack pane, with the follow-up note as Slack shows it. */
export const slackPreviewRenderer: PreviewRenderer = {
  ...plainPreviewRenderer,
  render: (reply: Reply): KnownBlock[] => withFollowUpNote(reply, renderReply(reply)).blocks,
};
