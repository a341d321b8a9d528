// Reply → Adaptive Card (schema 1.5) as Teams shows it. Pure functions: no botbuilder, no I/O.
// All wording comes from src/core/messages.ts or the knowledge base.
import type { Alternative, Answer, Reply } from "../../src/reply.ts";
import type { ChecklistProgress, ChecklistSummary } from "../../src/core/bot.ts";
import type { PreviewRenderer } from "../../src/http/mount.ts";
import { messages } from "../../src/core/messages.ts";
import { offeredEntries, suggestedEntries, uniqueById } from "../../src/core/offered-entries.ts";
import { safeLinkUrl } from "../../src/core/safe-url.ts";
import { updatedNote } from "../../src/core/freshness.ts";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import {
  ACTION_ANSWER,
  ACTION_CHECKLIST_EXPORT,
  ACTION_CHECKLIST_SAVE,
  ACTION_FEEDBACK,
  toggleInputId,
  type AnswerAction,
  type ChecklistAction,
  type FeedbackAction,
} from "./actions.ts";
import { digestBody } from "../../src/core/markdown/digest.ts";
import { blocksToTeams, inline, inlinesToTeams, safeMarkdownLinks } from "./markdown.ts";
import { spokenText } from "./spoken.ts";

export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const CARD_VERSION = "1.5";
/** Teams rejects cards above 28 KB; we stay below with some margin. */
export const MAX_CARD_BYTES = 27 * 1024;

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  size?: "Small" | "Default" | "Medium" | "Large";
  color?: "Attention";
  weight?: "Bolder";
  isSubtle?: boolean;
  fontType?: "Monospace";
  spacing?: "Small" | "Medium" | "Large";
  separator?: boolean;
  id?: string;
}

export interface ToggleInput {
  type: "Input.Toggle";
  id: string;
  title: string;
  value: "true" | "false";
  valueOn: "true";
  valueOff: "false";
  wrap: true;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: AnswerAction | FeedbackAction | ChecklistAction;
}

export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: FeedbackAction | ChecklistAction;
  style?: "positive";
  /** Clients without Universal Actions get the same data as an Action.Submit (Teams' documented fallback). */
  fallback: SubmitAction;
}

/** Shows or hides elements by id on the client: no round trip to the bot ("Lees meer"). */
export interface ToggleVisibilityAction {
  type: "Action.ToggleVisibility";
  title: string;
  targetElements: string[];
}

export type CardAction = OpenUrlAction | SubmitAction | ExecuteAction | ToggleVisibilityAction;

export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
  id?: string;
  spacing?: "Small" | "Medium";
  isVisible?: boolean;
}

export interface Container {
  type: "Container";
  items: CardElement[];
  id?: string;
  isVisible?: boolean;
  style?: "emphasis";
  spacing?: "Medium";
  separator?: boolean;
}

export type CardElement = TextBlock | ToggleInput | ActionSet | Container;

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: typeof CARD_VERSION;
  body: CardElement[];
  msteams?: { width: "Full" };
  /** Plain text for clients that cannot show the card (and notifications); reads as the answer. */
  fallbackText?: string;
  /** What a screen reader or voice client says: the same plain text. */
  speak?: string;
}

/** Extra state an updated card shows after a click. */
export interface CardState {
  /** The run a checklist card belongs to; ticks and progress are shown from it. */
  progress?: ChecklistProgress;
  /** Feedback was given: the 👍/👎 buttons are replaced by a thank-you. */
  feedbackGiven?: boolean;
  /** Markdown export of the checklist run, shown in the card. */
  exportMarkdown?: string;
  /** A short notice above the card (e.g. a checklist run that no longer exists). */
  notice?: string;
  /** The user's question: the 👎 carries it, so "Vraag het de griffie" after the 👎 starts with it. */
  question?: string;
}

// ---------- building blocks ----------

/** Every TextBlock goes through the link check: only https/mailto links survive, whatever the source of the text. */
const text = (t: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: "TextBlock",
  text: safeMarkdownLinks(t),
  wrap: true,
  ...extra,
});

const title = (t: string): TextBlock => text(t, { size: "Large", weight: "Bolder" });

const heading = (t: string): TextBlock => text(t, { weight: "Bolder", spacing: "Medium" });

const answerButton = (alt: { id: string; title: string }): SubmitAction => ({
  type: "Action.Submit",
  title: alt.title,
  data: { action: ACTION_ANSWER, id: alt.id },
});

function execute(titleText: string, data: FeedbackAction | ChecklistAction, style?: "positive"): ExecuteAction {
  return {
    type: "Action.Execute",
    title: titleText,
    verb: data.action,
    data,
    ...(style ? { style } : {}),
    fallback: { type: "Action.Submit", title: titleText, data },
  };
}

function buttonList(items: { id: string; title: string }[]): CardElement[] {
  // One action per ActionSet keeps long Dutch titles readable (Teams truncates side-by-side buttons).
  return items.map((item) => ({ type: "ActionSet", actions: [answerButton(item)], spacing: "Small" }));
}

function spoken(body: CardElement[]): { fallbackText: string; speak: string } {
  const plain = spokenText(body);
  return { fallbackText: plain, speak: plain };
}

function card(body: CardElement[]): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: CARD_VERSION,
    body,
    msteams: { width: "Full" },
    ...spoken(body),
  };
}

export function cardBytes(c: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(c), "utf8");
}

// ---------- replies ----------

/** Renders any Reply; the card the bot sends, the search extension inserts and the preview page shows. */
export function renderReplyCard(reply: Reply, state: CardState = {}): AdaptiveCard {
  switch (reply.status) {
    case "answer":
      return reply.answer ? renderAnswerCard(reply, reply.answer, state) : renderUnknownCard(reply.alternatives);
    case "ambiguous":
      // "Ik denk dat u dit bedoelt:" + the best entry, the other candidates as "Of bedoelde u…".
      return reply.answer
        ? renderAnswerCard(reply, reply.answer, state)
        : renderChoiceCard(messages.ambiguousTitle, null, reply.alternatives, null);
    case "unknown":
      return renderUnknownCard(reply.alternatives, reply.message);
    case "help":
      return renderHelpCard(reply.alternatives);
  }
}

function renderUnknownCard(alternatives: Alternative[], message?: string): AdaptiveCard {
  return renderChoiceCard(messages.unknownTitle, message ?? messages.unknownText, alternatives, null);
}

function renderChoiceCard(
  titleText: string,
  intro: string | null,
  alternatives: Alternative[],
  best: Answer | null,
): AdaptiveCard {
  const choices = suggestedEntries(best, alternatives);
  const body: CardElement[] = [title(titleText)];
  if (intro) body.push(text(intro));
  if (choices.length) {
    body.push(heading(messages.didYouMean), ...buttonList(choices));
  }
  return card(body);
}

function renderHelpCard(alternatives: Alternative[]): AdaptiveCard {
  const body: CardElement[] = [title(messages.helpTitle), text(messages.intro), text(messages.helpText)];
  if (alternatives.length) body.push(heading(messages.topicsTitle), ...buttonList(uniqueById(alternatives)));
  return card(body);
}

function renderAnswerCard(reply: Reply, answer: Answer, state: CardState): AdaptiveCard {
  const ambiguous = reply.status === "ambiguous";
  const head: CardElement[] = [
    ...(state.notice ? [text(state.notice, { color: "Attention", id: "notice" })] : []),
    ...(ambiguous ? [text(messages.ambiguousIntro, { weight: "Bolder" })] : []),
    title(answer.title),
    text(inline(answer.summary), { spacing: "Small" }),
  ];
  const digest = digestBody(answer.text);
  const bodyBlocks = blocksToTeams(digest.details).map((b) => text(b));
  // Answer first: at most five key lines (a checklist shows its items instead); the full text in a hidden
  // Container that "Lees meer" shows on the client (Action.ToggleVisibility, no round trip).
  const keyLines = answer.kind === "checklist" ? [] : digest.keyLines;
  const short: CardElement[] = keyLines.length
    ? [text(keyLines.map((l) => `- ${inlinesToTeams(l).trim()}`).join("\r"), { id: ID.keyLines, spacing: "Small" })]
    : [];
  const expandable = keyLines.length ? digest.hasDetails : bodyBlocks.length > 0;
  const tail: CardElement[] = [];

  if (answer.kind === "checklist" && answer.items?.length) tail.push(...checklistSection(answer, state));

  const links = answer.links.flatMap((l) => {
    const url = safeLinkUrl(l.url);
    return url ? [{ title: l.title, url }] : [];
  });
  if (links.length) {
    // A list of markdown links in one TextBlock, not Action.OpenUrl buttons: Teams cuts a button's title to one
    // line ("Wet gemeenschappelijke re…"), so two sources from the same law looked the same on a phone; a link wraps.
    tail.push(
      heading(messages.sources),
      text(
        links
          .map(
            (l) => `- ${inlinesToTeams([{ type: "link", url: l.url, children: [{ type: "text", text: l.title }] }])}`,
          )
          .join("\r"),
        { id: ID.sources, spacing: "Small" },
      ),
    );
  }
  const { others, related } = offeredEntries(answer, reply.alternatives, ambiguous);
  if (others.length) tail.push(heading(messages.orDidYouMean), ...buttonList(others));
  if (related.length) tail.push(heading(messages.related), ...buttonList(related));

  if (answer.updated) tail.push(text(updatedNote(answer) ?? "", { size: "Small", isSubtle: true, spacing: "Medium" }));

  if (state.feedbackGiven) {
    tail.push(text(messages.feedbackThanks, { id: "feedback", spacing: "Medium", separator: true }));
  } else {
    tail.push(text(messages.feedbackQuestion, { spacing: "Medium", separator: true }), {
      type: "ActionSet",
      id: "feedback",
      actions: [
        execute(messages.feedbackYes, { action: ACTION_FEEDBACK, entryId: answer.id, helpful: true }),
        execute(messages.feedbackNo, {
          action: ACTION_FEEDBACK,
          entryId: answer.id,
          helpful: false,
          ...(state.question?.trim() ? { q: state.question.trim().slice(0, MAX_QUESTION_CHARS) } : {}),
        }),
      ],
    });
  }

  return fitToLimit([...head, ...short], expandable ? bodyBlocks : [], tail, keyLines.length > 0);
}

/** Element ids of the short form and the full text (targets of Action.ToggleVisibility). */
export const ID = { keyLines: "key-lines", details: "details", readMore: "read-more", sources: "sources" } as const;

/**
 * The full text, hidden, and the "Lees meer" button that shows it (hiding the key lines and itself); a
 * "Minder tonen" button at the end of the full text toggles back.
 */
function detailsSection(bodyBlocks: TextBlock[], hasKeyLines: boolean): CardElement[] {
  if (!bodyBlocks.length) return [];
  const targets = [ID.details, ID.readMore, ...(hasKeyLines ? [ID.keyLines] : [])];
  const toggle = (title: string): ActionSet => ({
    type: "ActionSet",
    actions: [{ type: "Action.ToggleVisibility", title, targetElements: targets }],
    spacing: "Small",
  });
  return [
    { ...toggle(messages.readMore), id: ID.readMore },
    { type: "Container", id: ID.details, isVisible: false, items: [...bodyBlocks, toggle(messages.readLess)] },
  ];
}

function checklistSection(answer: Answer, state: CardState): CardElement[] {
  const items = answer.items ?? [];
  const checked = new Set(state.progress ? state.progress.items.filter((i) => i.checked).map((i) => i.id) : []);
  const section: CardElement[] = [];
  if (state.progress) {
    section.push(
      text(messages.checklistProgress(state.progress.done, state.progress.total), {
        weight: "Bolder",
        spacing: "Medium",
        id: "progress",
      }),
    );
  }
  items.forEach((item, index) => {
    section.push({
      type: "Input.Toggle",
      id: toggleInputId(index + 1),
      title: item.text,
      value: checked.has(item.id) ? "true" : "false",
      valueOn: "true",
      valueOff: "false",
      wrap: true,
    });
  });
  const runId = state.progress?.run.runId;
  const base = { checklistId: answer.id, ...(runId ? { runId } : {}) };
  section.push({
    type: "ActionSet",
    id: "checklist-actions",
    actions: [
      execute(messages.checklistSave, { action: ACTION_CHECKLIST_SAVE, ...base }, "positive"),
      execute(messages.checklistExport, { action: ACTION_CHECKLIST_EXPORT, ...base }),
    ],
  });
  if (state.exportMarkdown) {
    section.push({
      type: "Container",
      style: "emphasis",
      spacing: "Medium",
      items: [
        text(state.exportMarkdown.replace(/\r?\n/g, "\r"), { fontType: "Monospace", size: "Small", id: "export" }),
      ],
    });
  }
  return section;
}

/** Drops paragraphs of the full text from the end (with an ellipsis) until the card fits Teams' size limit. */
function fitToLimit(
  head: CardElement[],
  bodyBlocks: TextBlock[],
  tail: CardElement[],
  keyLines: boolean,
): AdaptiveCard {
  let blocks = bodyBlocks;
  let result = card([...head, ...detailsSection(blocks, keyLines), ...tail]);
  while (cardBytes(result) > MAX_CARD_BYTES && blocks.length) {
    blocks = blocks.slice(0, -1);
    result = card([...head, ...detailsSection([...blocks, text("…")], keyLines), ...tail]);
  }
  return result;
}

// ---------- other cards ----------

export function renderWelcomeCard(
  topics: { id: string; title: string }[],
  checklists: ChecklistSummary[],
): AdaptiveCard {
  const body: CardElement[] = [title(messages.welcomeTitle), text(messages.intro), text(messages.helpText)];
  if (topics.length) body.push(heading(messages.topicsTitle), ...buttonList(topics));
  if (checklists.length) body.push(heading(messages.checklistsTitle), ...buttonList(checklists));
  return card(body);
}

/** The "onderwerpen" command: featured topics and every checklist. */
export function renderTopicsCard(
  topics: { id: string; title: string }[],
  checklists: ChecklistSummary[],
): AdaptiveCard {
  const body: CardElement[] = [title(messages.topicsTitle), ...buttonList(topics)];
  if (checklists.length) body.push(heading(messages.checklistsTitle), ...buttonList(checklists));
  return card(body);
}

/** "checklist <onderwerp>" without a match: say so and list the checklists that exist. */
export function renderChecklistListCard(checklists: ChecklistSummary[], notFound: boolean): AdaptiveCard {
  const body: CardElement[] = [title(messages.checklistsTitle)];
  if (notFound) body.push(text(messages.checklistNotFound));
  for (const c of checklists) {
    body.push(
      text(`**${c.title}**`, { spacing: "Medium" }),
      text(inline(c.summary), { isSubtle: true, spacing: "Small" }),
      {
        type: "ActionSet",
        actions: [{ type: "Action.Submit", title: messages.checklistOpen, data: { action: ACTION_ANSWER, id: c.id } }],
        spacing: "Small",
      },
    );
  }
  return card(body);
}

/** A plain message card (errors). */
export function renderMessageCard(message: string): AdaptiveCard {
  return card([text(message)]);
}

export const teamsPreviewRenderer: PreviewRenderer = {
  id: "teams",
  label: "Microsoft Teams",
  render: (reply: Reply): AdaptiveCard => renderReplyCard(reply),
};
