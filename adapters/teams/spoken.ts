// The plain-text version of a card: its `fallbackText` (clients that cannot show the card, notifications) and
// its `speak` (screen readers, voice). It reads as the answer: the card's title and its first text (for an
// answer: title and summary); a card with only buttons below its title lists their titles.
import { messages } from "../../src/core/messages.ts";
import { ACTION_ANSWER } from "./actions.ts";
import type { CardElement, TextBlock } from "./render.ts";

/** Longest spoken/fallback text; a title and a summary fit easily. */
export const MAX_SPOKEN = 1000;

/** Teams markdown (bold, italic, links, escapes) to plain text on one line. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, "$1")
    .replace(/\\([*_[\]\\])/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;!?])/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Ends a sentence with a full stop unless it already has punctuation. */
const sentence = (s: string): string => (/[.?!:…]$/.test(s) ? s : `${s}.`);

function answerChoices(elements: CardElement[]): string[] {
  return elements.flatMap((e) =>
    e.type === "ActionSet"
      ? e.actions.filter((a) => a.type === "Action.Submit" && a.data.action === ACTION_ANSWER).map((a) => a.title)
      : [],
  );
}

export function spokenText(body: CardElement[]): string {
  const texts = body.filter((e): e is TextBlock => e.type === "TextBlock");
  const notice = texts.find((t) => t.id === "notice");
  const titleIndex = texts.findIndex((t) => t.size === "Large");
  const titleBlock = titleIndex >= 0 ? texts[titleIndex] : undefined;
  const rest = titleIndex >= 0 ? texts.slice(titleIndex + 1) : texts.filter((t) => t !== notice);
  // The lead: the first running text (not a heading, not the small print, not feedback/progress/export).
  const lead = rest.find((t) => t.weight !== "Bolder" && t.size !== "Small" && !t.isSubtle && !t.id);
  const parts = [notice, titleBlock, lead]
    .filter((t): t is TextBlock => Boolean(t))
    .map((t) => sentence(plainText(t.text)));
  // Without running text the buttons are the content; after it, "Bedoelde u:" suggestions are read out too.
  const didYouMean = body.findIndex((e) => e.type === "TextBlock" && e.text === messages.didYouMean);
  const choices = answerChoices(lead ? (didYouMean >= 0 ? body.slice(didYouMean + 1) : []) : body);
  if (choices.length)
    parts.push(lead ? `${messages.didYouMean} ${sentence(choices.join(", "))}` : sentence(choices.join(", ")));
  const spoken = parts
    .join(" ")
    .replace(/[<>]/g, "")
    .replace(/\s*&\s*/g, " en ");
  return spoken.length > MAX_SPOKEN ? `${spoken.slice(0, MAX_SPOKEN - 1).replace(/\s+\S*$/, "")}…` : spoken;
}
