// Reply → Slack Block Kit, as the bot sends it. Pure functions: no Bolt runtime, no I/O.
// All wording comes from src/core/messages.ts or the knowledge base; every block stays within Block Kit's limits.
import type { types } from "@slack/bolt";
import type { ChecklistProgress, ChecklistSummary } from "../../src/core/bot.ts";
import { messages } from "../../src/core/messages.ts";
import { MAX_OFFERED, offeredEntries, suggestedEntries, uniqueById } from "../../src/core/offered-entries.ts";
import { updatedNote } from "../../src/core/freshness.ts";
import type { Alternative, Answer, Reply } from "../../src/reply.ts";
import type { PreviewRenderer } from "../../src/http/mount.ts";
import { digestBody } from "../../src/core/markdown/digest.ts";
import { ACTION, BLOCK, checklistBlockId, feedbackNoValue, indexedAction } from "./actions.ts";
import {
  blocksToMrkdwnParagraphs,
  escapeMrkdwn,
  inlinesToMrkdwn,
  inlineToMrkdwn,
  slackLink,
  splitMrkdwn,
  stripInline,
  titleLine,
  truncateMrkdwn,
  truncatePlain,
} from "./mrkdwn.ts";

export type KnownBlock = types.KnownBlock;
type Button = types.Button;
type SectionBlock = types.SectionBlock;
type ActionsBlock = types.ActionsBlock;
type ContextBlock = types.ContextBlock;
type InputBlock = types.InputBlock;
type PlainTextOption = types.PlainTextOption;
type HomeView = types.HomeView;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
  checkboxOptions: 10,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  inputLabel: 2000,
  /** Top-level `text` of chat.postMessage is truncated by Slack above 40,000; keep notifications short. */
  fallbackText: 3000,
} as const;

/** Longest echo of the user's question. */
const MAX_ECHO = 300;

export interface SlackMessage {
  /** Notification / fallback text (escaped mrkdwn). */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** The user's question, echoed (escaped) above the reply. */
  question?: string;
  /** Add the "Deel in kanaal" button (ephemeral slash-command answers). */
  share?: boolean;
  /** The checklist run this reply shows (ticks, progress, export). */
  progress?: ChecklistProgress;
  /** Feedback was given: the 👍/👎 buttons are replaced by a thank-you. */
  feedbackGiven?: boolean;
  /** Show the answer's full text (after "Lees meer") instead of its key lines and the "Lees meer" button. */
  full?: boolean;
}

// ---------- building blocks ----------

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: "plain_text",
  text: truncatePlain(text, max),
  emoji: true,
});

/**
 * A mrkdwn text object. verbatim: Slack does not auto-parse the text (no automatic mentions, channel or URL
 * linking); our links are explicit <url|label> and still work.
 */
const mrkdwn = (text: string): types.MrkdwnElement => ({
  type: "mrkdwn",
  text: truncateMrkdwn(text, LIMITS.sectionText),
  verbatim: true,
});

export const header = (text: string): KnownBlock => ({ type: "header", text: plain(text, LIMITS.headerText) });

export const section = (text: string): SectionBlock => ({ type: "section", text: mrkdwn(text) });

const context = (text: string): ContextBlock => ({ type: "context", elements: [mrkdwn(text)] });

const divider = (): KnownBlock => ({ type: "divider" });

export function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    text: plain(text, LIMITS.buttonText),
    action_id: actionId.slice(0, LIMITS.actionId),
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** Buttons in actions blocks of at most 25 elements (action ids get an index so they are unique per block). */
function buttonRows(buttons: Button[]): ActionsBlock[] {
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    rows.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return rows;
}

function entryButtons(items: { id: string; title: string }[], base: string = ACTION.openEntry): ActionsBlock[] {
  return buttonRows(items.map((item, i) => button(item.title, indexedAction(base, i + 1), item.id)));
}

function echo(question: string | undefined): KnownBlock[] {
  const q = question?.replace(/\s+/g, " ").trim();
  return q ? [context(messages.youAsked(escapeMrkdwn(truncatePlain(q, MAX_ECHO))))] : [];
}

/** The message's top-level text (notifications, screen readers): plain text, escaped, within limits. */
const fallback = (text: string): string =>
  truncateMrkdwn(escapeMrkdwn(text.replace(/\s+/g, " ").trim()), LIMITS.fallbackText);

/** Bold heading line in mrkdwn (wording from messages.ts). */
const bold = (text: string): string => `*${escapeMrkdwn(text)}*`;

// ---------- replies ----------

/** Renders any Reply as the message the bot sends. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  switch (reply.status) {
    case "answer":
      return reply.answer
        ? renderAnswer(reply, reply.answer, opts)
        : renderChoices(messages.unknownTitle, messages.unknownText, reply.alternatives, null, opts);
    case "ambiguous":
      // "Ik denk dat u dit bedoelt:" + the best entry, the other candidates as "Of bedoelde u…".
      return reply.answer
        ? renderAnswer(reply, reply.answer, opts)
        : renderChoices(messages.ambiguousTitle, null, reply.alternatives, null, opts);
    case "unknown":
      return renderChoices(
        messages.unknownTitle,
        reply.message ?? messages.unknownText,
        reply.alternatives,
        null,
        opts,
      );
    case "help":
      return renderHelp(reply.alternatives, opts);
  }
}

function renderChoices(
  title: string,
  intro: string | null,
  alternatives: Alternative[],
  best: Answer | null,
  opts: RenderOptions,
): SlackMessage {
  const choices = suggestedEntries(best, alternatives);
  const blocks: KnownBlock[] = [...echo(opts.question), header(title)];
  if (intro) blocks.push(section(escapeMrkdwn(intro)));
  if (choices.length) blocks.push(section(bold(messages.didYouMean)), ...entryButtons(choices));
  return {
    text: fallback(`${sentence(title)} ${intro ?? ""} ${choiceList(choices, Boolean(intro))}`),
    blocks: fit(blocks),
  };
}

/** Ends a title with a full stop unless it has punctuation, so the fallback reads as sentences. */
const sentence = (s: string): string => (/[.?!:…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** "Bedoelde u: A, B." after an introduction, or just "A, B." under a title that already asks. */
function choiceList(choices: { title: string }[], withLabel: boolean): string {
  if (!choices.length) return "";
  const list = `${choices.map((c) => c.title).join(", ")}.`;
  return withLabel ? `${messages.didYouMean} ${list}` : list;
}

function renderHelp(alternatives: Alternative[], opts: RenderOptions): SlackMessage {
  const blocks: KnownBlock[] = [
    ...echo(opts.question),
    header(messages.helpTitle),
    section(escapeMrkdwn(messages.intro)),
    section(escapeMrkdwn(messages.helpText)),
  ];
  const topics = uniqueById(alternatives).slice(0, MAX_OFFERED);
  if (topics.length) blocks.push(section(bold(messages.topicsTitle)), ...entryButtons(topics));
  return { text: fallback(`${messages.helpTitle} ${messages.intro}`), blocks: fit(blocks) };
}

/** An answer; under an ambiguous one ("Ik denk dat u dit bedoelt:") the other candidates as "Of bedoelde u…". */
function renderAnswer(reply: Reply, answer: Answer, opts: RenderOptions): SlackMessage {
  const ambiguous = reply.status === "ambiguous";
  const head: KnownBlock[] = [
    ...echo(opts.question),
    ...(ambiguous ? [section(bold(messages.ambiguousIntro))] : []),
    header(answer.title),
  ];
  if (answer.summary.trim()) head.push(section(inlineToMrkdwn(answer.summary)));

  const body: KnownBlock[] = opts.full ? detailBlocks(answer) : shortBlocks(answer);

  const tail: KnownBlock[] = [];
  if (answer.kind === "checklist" && answer.items?.length) tail.push(...checklistBlocks(answer, opts.progress));

  if (answer.links.length) tail.push(section(sourcesText(answer)));

  const { others, related } = offeredEntries(answer, reply.alternatives, ambiguous);
  if (others.length) tail.push(section(bold(messages.orDidYouMean)), ...entryButtons(others));
  if (related.length) tail.push(section(bold(messages.related)), ...entryButtons(related));

  if (answer.updated) tail.push(context(escapeMrkdwn(updatedNote(answer) ?? "")));

  tail.push(divider());
  if (opts.feedbackGiven) {
    tail.push(context(escapeMrkdwn(messages.feedbackThanks)));
  } else {
    tail.push(context(escapeMrkdwn(messages.feedbackQuestion)), {
      type: "actions",
      elements: [
        button(messages.feedbackYes, ACTION.feedbackYes, answer.id),
        button(messages.feedbackNo, ACTION.feedbackNo, feedbackNoValue(answer.id, opts.question)),
      ],
    });
  }
  if (opts.share)
    tail.push({ type: "actions", elements: [button(messages.shareInChannel, ACTION.share, answer.id, "primary")] });

  return { text: fallback(titleLine(answer.title, stripInline(answer.summary))), blocks: fitAnswer(head, body, tail) };
}

// ---------- answer first, details on request ----------

/** The full text of an answer as sections (what "Lees meer" shows). */
export function detailBlocks(answer: Answer): KnownBlock[] {
  const paragraphs = blocksToMrkdwnParagraphs(digestBody(answer.text).details);
  return packParagraphs(paragraphs, LIMITS.sectionText).map((chunk) => section(chunk));
}

/**
 * The short form: at most five key lines of the body and a "Lees meer" button (block ids in BLOCK, so the click
 * can replace exactly these blocks). A checklist shows its items instead of key lines; its text is behind the
 * button.
 */
function shortBlocks(answer: Answer): KnownBlock[] {
  const digest = digestBody(answer.text);
  const blocks: KnownBlock[] = [];
  const lines = answer.kind === "checklist" ? [] : digest.keyLines;
  if (lines.length)
    blocks.push({
      ...section(lines.map((l) => `• ${inlinesToMrkdwn(l)}`).join("\n")),
      block_id: BLOCK.keyLines,
    });
  // Without key lines (a checklist) any body text is behind the button.
  if (lines.length ? digest.hasDetails : digest.details.length > 0)
    blocks.push({
      type: "actions",
      block_id: BLOCK.readMore,
      elements: [button(messages.readMore, ACTION.readMore, answer.id)],
    });
  return blocks;
}

/**
 * The message after "Lees meer": the clicked message's blocks with the key lines and the button replaced by the
 * full text, everything else (question, ticks, feedback state) as it was; within 50 blocks (the full text is cut
 * with "…" first). Null when the blocks are not at hand or hold no short form (then the caller re-renders).
 */
export function expandAnswer(blocks: unknown, answer: Answer): KnownBlock[] | null {
  if (!Array.isArray(blocks)) return null;
  const list = blocks as KnownBlock[];
  const isShort = (b: KnownBlock): boolean => b.block_id === BLOCK.keyLines || b.block_id === BLOCK.readMore;
  const at = list.findIndex(isShort);
  if (at < 0) return null;
  const head = list.slice(0, at);
  const tail = list.slice(at).filter((b) => !isShort(b));
  return fitAnswer(head, detailBlocks(answer), tail);
}

function sourcesText(answer: Answer): string {
  const lines = [bold(messages.sources)];
  let length = lines[0]!.length;
  for (const link of answer.links) {
    const line = `• ${slackLink(link.url, link.title)}`;
    // Whole links only: a link cut in half would show as broken markup.
    if (length + line.length + 1 > LIMITS.sectionText - 2) {
      lines.push("…");
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

/** Packs paragraphs into chunks of at most max characters (long paragraphs are split safely). */
function packParagraphs(paragraphs: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const p of paragraphs.flatMap((para) => splitMrkdwn(para, max))) {
    if (!current) current = p;
    else if (current.length + 2 + p.length <= max) current += `\n\n${p}`;
    else {
      chunks.push(current);
      current = p;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Drops body sections from the end (with an ellipsis) until the message has at most 50 blocks. */
function fitAnswer(head: KnownBlock[], body: KnownBlock[], tail: KnownBlock[]): KnownBlock[] {
  if (head.length + body.length + tail.length <= LIMITS.blocks) return [...head, ...body, ...tail];
  const room = Math.max(0, LIMITS.blocks - head.length - tail.length - 1);
  return fit([...head, ...body.slice(0, room), section("…"), ...tail]);
}

/** Last resort: never more than 50 blocks. */
function fit(blocks: KnownBlock[]): KnownBlock[] {
  return blocks.length <= LIMITS.blocks ? blocks : blocks.slice(0, LIMITS.blocks);
}

// ---------- checklists ----------

/** A checkbox option: only the item's number ("Punt 3"); the item's text stands once, in the list above. */
function checklistOption(index: number): PlainTextOption {
  return { text: plain(messages.checklistItemLabel(index), LIMITS.optionText), value: String(index) };
}

/**
 * A checklist shows each item once: the progress, every item in full (numbered), then the checkboxes in groups
 * of at most 10. Checkbox options hold at most 75 characters and most items are longer, so an option is labelled
 * with the item's number only ("Punt 3") and shows its tick; the item's text stands once, in the list above.
 */
function checklistBlocks(answer: Answer, progress: ChecklistProgress | undefined): KnownBlock[] {
  const items = answer.items ?? [];
  const checked = new Set(progress ? progress.items.filter((i) => i.checked).map((i) => i.id) : []);
  const blocks: KnownBlock[] = [];
  if (progress) blocks.push(section(bold(messages.checklistProgress(progress.done, progress.total))));
  const list = items
    .map((item, i) => `*${i + 1}.* ${inlineToMrkdwn(item.text.replace(/\s+/g, " ").trim())}`)
    .join("\n");
  for (const chunk of splitMrkdwn(list, LIMITS.sectionText)) blocks.push(section(chunk));
  const runId = progress?.run.runId;
  const groups = Math.ceil(items.length / LIMITS.checkboxOptions);
  for (let g = 0; g < groups; g++) {
    const slice = items.slice(g * LIMITS.checkboxOptions, (g + 1) * LIMITS.checkboxOptions);
    const options = slice.map((_item, i) => checklistOption(g * LIMITS.checkboxOptions + i + 1));
    const initial = options.filter((_o, i) => checked.has(slice[i]!.id));
    const element: types.Checkboxes = {
      type: "checkboxes",
      action_id: ACTION.tick,
      options,
      ...(initial.length ? { initial_options: initial } : {}),
    };
    const input: InputBlock = {
      type: "input",
      block_id: checklistBlockId(runId, g + 1).slice(0, LIMITS.blockId),
      dispatch_action: true,
      optional: true,
      // The title stands above the list already; the label says what the boxes are for (and which, in groups).
      label: plain(
        groups > 1
          ? messages.checklistTickLabel(g * LIMITS.checkboxOptions + 1, g * LIMITS.checkboxOptions + slice.length)
          : messages.checklistTickLabel(),
        LIMITS.inputLabel,
      ),
      element,
    };
    blocks.push(input);
  }
  if (runId)
    blocks.push({ type: "actions", elements: [button(messages.checklistExport, ACTION.exportChecklist, runId)] });
  return blocks;
}

/** The markdown export of a checklist run as a code block (split over sections when long). */
export function renderExport(markdown: string): SlackMessage {
  const chunks = splitMrkdwn(escapeMrkdwn(markdown).replace(/```/g, "'''"), LIMITS.sectionText - 8);
  const blocks: KnownBlock[] = [
    section(bold(messages.checklistExport)),
    ...chunks.map((c) => section(`\`\`\`${c}\`\`\``)),
  ];
  const plainExport = markdown
    .replace(/^#+\s*/gm, "")
    .replace(/^- \[[xX]\] /gm, "☑ ")
    .replace(/^- \[ \] /gm, "☐ ");
  return { text: fallback(`${messages.checklistExport}: ${plainExport}`), blocks: fit(blocks) };
}

/** The list of checklists (for `/checklist` and a topic without a match). */
export function renderChecklistList(checklists: ChecklistSummary[], notFound: boolean): SlackMessage {
  const blocks: KnownBlock[] = [header(messages.checklistsTitle)];
  if (notFound) blocks.push(section(escapeMrkdwn(messages.checklistNotFound)));
  checklists.slice(0, 15).forEach((c, i) => {
    blocks.push({
      type: "section",
      text: mrkdwn(`*${escapeMrkdwn(c.title)}*\n${inlineToMrkdwn(c.summary)}`),
      accessory: button(messages.checklistOpen, indexedAction(ACTION.openChecklist, i + 1), c.id),
    });
  });
  const titles = checklists
    .slice(0, 15)
    .map((c) => c.title)
    .join(", ");
  return {
    text: fallback(`${notFound ? messages.checklistNotFound : `${messages.checklistsTitle}:`} ${titles}`),
    blocks: fit(blocks),
  };
}

/** A one-line notice (feedback thanks, errors). */
export function renderNotice(text: string): SlackMessage {
  return { text: fallback(text), blocks: [section(escapeMrkdwn(text))] };
}

/** The App Home tab: what the bot does, featured topics, the checklists. */
export function renderHome(topics: { id: string; title: string }[], checklists: ChecklistSummary[]): HomeView {
  const blocks: KnownBlock[] = [
    header(messages.welcomeTitle),
    section(escapeMrkdwn(messages.intro)),
    section(escapeMrkdwn(messages.helpText)),
  ];
  if (topics.length)
    blocks.push(divider(), section(bold(messages.topicsTitle)), ...entryButtons(uniqueById(topics).slice(0, 20)));
  if (checklists.length) {
    blocks.push(divider(), section(bold(messages.checklistsTitle)));
    checklists.slice(0, 15).forEach((c, i) => {
      blocks.push({
        type: "section",
        text: mrkdwn(`*${escapeMrkdwn(c.title)}*\n${inlineToMrkdwn(c.summary)}`),
        accessory: button(messages.checklistOpen, indexedAction(ACTION.openChecklist, i + 1), c.id),
      });
    });
  }
  return { type: "home", blocks: fit(blocks) };
}

export const slackPreviewRenderer: PreviewRenderer = {
  id: "slack",
  label: "Slack",
  render: (reply: Reply): KnownBlock[] => renderReply(reply).blocks,
  renderFull: (reply: Reply): KnownBlock[] => renderReply(reply, { full: true }).blocks,
};
