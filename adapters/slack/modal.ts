// The frame of the bot's Slack modals (👎 reason, hand-off to the griffie): Block Kit's text limits applied once.
import type { types } from "@slack/bolt";
import { feedbackText } from "../../src/core/feedback-reasons.ts";
import { truncatePlain } from "./mrkdwn.ts";

/** A plain_text element cut to Block Kit's limit for its place (75 for options, 24 for modal titles). */
export const plain = (text: string, max = 75): types.PlainTextElement => ({
  type: "plain_text",
  text: truncatePlain(text, max),
  emoji: true,
});

/** A modal with its callback id, metadata (≤ 3000 characters), title and submit label (≤ 24) and "Annuleren". */
export function modalView(
  callbackId: string,
  metadata: object,
  labels: { title: string; submit: string },
  blocks: types.KnownBlock[],
): types.ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify(metadata).slice(0, 3000),
    title: plain(labels.title, 24),
    submit: plain(labels.submit, 24),
    close: plain(feedbackText.cancel, 24),
    blocks,
  };
}
