// The note above an answer to a follow-up question ("Opgevat als vervolgvraag op „…”"), added to a rendered card
// without changing the renderer: a small, subtle TextBlock at the top. The card's fallbackText and speak stay the
// answer's (they read as the answer); the note is a few hundred bytes, far inside Teams' card size limit.
import { messages } from "../../src/core/messages.ts";
import type { PreviewRenderer } from "../../src/http/mount.ts";
import type { Reply } from "../../src/reply.ts";
import { renderReplyCard, teamsPreviewRenderer as plainPreviewRenderer, type AdaptiveCard } from "./render.ts";

/** Teams markdown characters in a title are shown as they are. */
const escapeMarkdown = (text: string): string => text.replace(/([\\*_[\]])/g, "\\$1");

/** The card with the follow-up note on top when the reply was read as a follow-up; else the card as it is. */
export function withFollowUpNote(reply: Reply, card: AdaptiveCard): AdaptiveCard {
  if (!reply.followUp) return card;
  return {
    ...card,
    body: [
      {
        type: "TextBlock",
        text: messages.followUpNote(escapeMarkdown(reply.followUp.title)),
        wrap: true,
        size: "Small",
        isSubtle: true,
      },
      ...card.body,
    ],
  };
}

/** The preview page's Teams pane, with the follow-up note as Teams shows it. */
export const teamsPreviewRenderer: PreviewRenderer = {
  ...plainPreviewRenderer,
  render: (reply: Reply): AdaptiveCard => withFollowUpNote(reply, renderReplyCard(reply)),
};
