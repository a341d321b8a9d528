// The note above an answer to a follow-up question ("Opgevat als vervolgvraag op „…”"), added to a rendered
// message without changing the renderer: a context block of its own under the echo of the question ("U vroeg: …")
// or at the top; in a message that already has Block Kit's 50 blocks, inside the echo's context block instead.
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
  const echoed = first?.type === "context";
  if (msg.blocks.length < LIMITS.blocks) {
    const block: KnownBlock = { type: "context", elements: [note] };
    return { ...msg, blocks: echoed ? [first, block, ...rest] : [block, ...msg.blocks] };
  }
  if (echoed && first.elements.length < LIMITS.contextElements) {
    return { ...msg, blocks: [{ ...first, elements: [...first.elements, note] }, ...rest] };
  }
  return msg;
}

/** The preview page's Slack pane, with the follow-up note as Slack shows it. */
export const slackPreviewRenderer: PreviewRenderer = {
  ...plainPreviewRenderer,
  render: (reply: Reply): KnownBlock[] => withFollowUpNote(reply, renderReply(reply)).blocks,
};
