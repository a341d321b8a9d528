// The Slack renderer of the shared markdown model (src/core/markdown): blocks and inline nodes → Slack mrkdwn,
// escaping, and limit-safe truncation/splitting. Pure functions: no Bolt, no I/O; no markdown parsing of its own.
import { safeLinkUrl } from "../../src/core/safe-url.ts";
import { parseInline, parseMarkdown } from "../../src/core/markdown/parse.ts";
import { inlineText, type Block, type Inline, type ListItem } from "../../src/core/markdown/model.ts";
import { renderInlines, wrapMarker, type InlineRenderer } from "../../src/core/markdown/inline-renderer.ts";
import { memoText } from "./memo.ts";

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The reverse of escapeMrkdwn. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A URL usable inside `<url|label>`: escaped, and without the characters that end the link. */
function linkTarget(url: string): string {
  return escapeMrkdwn(url.trim()).replace(/\|/g, "%7C").replace(/\s/g, "%20");
}

/** A link label: escaped, with "|" (which would end the target) replaced. */
function linkLabel(label: string): string {
  return escapeMrkdwn(label.replace(/\|/g, "/").replace(/\s+/g, " ").trim());
}

/**
 * `<url|label>` with both parts made safe. A URL that fails the shared check (src/core/safe-url.ts: only https
 * and mailto) is no link at all: the label (or the URL) is shown as escaped plain text.
 */
export function slackLink(url: string, label: string): string {
  const l = linkLabel(label);
  const safe = safeLinkUrl(url);
  if (!safe) return l || escapeMrkdwn(url.replace(/\s+/g, " ").trim());
  return l ? `<${linkTarget(safe)}|${l}>` : `<${linkTarget(safe)}>`;
}

/** How Slack writes each inline node: strong → *b*, emphasis → _i_, strike → ~s~, links → <url|label>; all text escaped. */
const mrkdwnInlines: InlineRenderer = {
  text: escapeMrkdwn,
  code: (text) => `\`${escapeMrkdwn(text).replace(/`/g, "'")}\``,
  break: () => " ",
  strong: (inner) => wrapMarker("*", inner),
  emphasis: (inner) => wrapMarker("_", inner),
  strike: (inner) => wrapMarker("~", inner),
  link: (url, children) => {
    // A bare URL or <autolink> is shown as the URL itself: `<url>`.
    const label = inlineText(children);
    return slackLink(url, label === url || safeLinkUrl(label) === url ? "" : label);
  },
};

/** Inline nodes → mrkdwn (src/core/markdown/inline-renderer.ts walks them). */
export const inlinesToMrkdwn = (nodes: readonly Inline[]): string => renderInlines(nodes, mrkdwnInlines);

/** Inline markdown (a summary, an item) → mrkdwn, parsed with the shared model (cached: ./memo.ts). */
export const inlineToMrkdwn = memoText((text: string): string => inlinesToMrkdwn(parseInline(text)));

/** The plain text of inline markdown (labels, notifications, checkbox options); cached. */
export const stripInline = memoText((text: string): string => inlineText(parseInline(text)));

const INDENT = "    ";

function itemLines(item: ListItem, marker: string, depth: number): string[] {
  const lines: string[] = [];
  let lead = "";
  const nested: string[] = [];
  for (const b of item.blocks) {
    if (b.type === "paragraph") lead += (lead ? " " : "") + inlinesToMrkdwn(b.children);
    else if (b.type === "list") nested.push(...listLines(b, depth + 1));
    else
      nested.push(
        ...blockToMrkdwn(b)
          .split("\n")
          .map((l) => INDENT.repeat(depth + 1) + l),
      );
  }
  lines.push(`${INDENT.repeat(depth)}${marker} ${lead}`.trimEnd(), ...nested);
  return lines;
}

function listLines(list: Extract<Block, { type: "list" }>, depth: number): string[] {
  return list.items.flatMap((item, i) => {
    const marker =
      item.checked !== undefined
        ? item.checked
          ? "☑"
          : "☐"
        : list.ordered
          ? `${list.start + i}.`
          : depth === 0
            ? "•"
            : "◦";
    return itemLines(item, marker, Math.min(depth, 3));
  });
}

function blockToMrkdwn(b: Block): string {
  switch (b.type) {
    case "heading":
      return `*${escapeMrkdwn(inlineText(b.children).trim())}*`;
    case "paragraph":
      return inlinesToMrkdwn(b.children);
    case "list":
      return listLines(b, 0).join("\n");
    case "quote":
      return blocksToMrkdwnParagraphs(b.blocks)
        .join("\n")
        .split("\n")
        .map((l) => `>${l}`)
        .join("\n");
    case "code":
      return `\`\`\`${escapeMrkdwn(b.text).replace(/```/g, "'''")}\`\`\``;
    case "table":
      return b.rows.map((row) => row.map(inlinesToMrkdwn).join(" — ")).join("\n");
    case "rule":
      return "───";
  }
}

/**
 * Blocks → Slack mrkdwn paragraphs (one string per block, to be joined by a blank line). A heading becomes a bold
 * line directly above the block it introduces (no blank line between them), lists get bullets (☐/☑ for tasks),
 * paragraphs are unwrapped, code stays code.
 */
export function blocksToMrkdwnParagraphs(blocks: readonly Block[]): string[] {
  const paragraphs: string[] = [];
  let pendingHeading: string | null = null;
  for (const b of blocks) {
    const text = blockToMrkdwn(b);
    if (b.type === "heading") {
      if (pendingHeading) paragraphs.push(pendingHeading);
      pendingHeading = inlineText(b.children).trim() ? text : null;
      continue;
    }
    if (!text.trim()) continue;
    paragraphs.push(pendingHeading ? `${pendingHeading}\n${text}` : text);
    pendingHeading = null;
  }
  if (pendingHeading) paragraphs.push(pendingHeading);
  return paragraphs;
}

/** Markdown → mrkdwn paragraphs, through the shared block model (src/core/markdown). */
export function markdownToMrkdwnParagraphs(markdown: string): string[] {
  return blocksToMrkdwnParagraphs(parseMarkdown(markdown));
}

/** Markdown → one mrkdwn string. */
export function markdownToMrkdwn(markdown: string): string {
  return markdownToMrkdwnParagraphs(markdown).join("\n\n");
}

// ---------- limits ----------

/** Length in UTF-16 code units, which is how Slack counts its limits (a conservative measure). */
const len = (s: string): number => s.length;

/** Cut position ≤ max that does not split a surrogate pair. */
function safeCodeUnitCut(text: string, max: number): number {
  if (max <= 0) return 0;
  if (max >= text.length) return text.length;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** "Title: summary" as one line of plain text; a title that ends in "?", "!" or ":" is not followed by another colon. */
export function titleLine(title: string, summary: string): string {
  return /[?!:]$/.test(title.trimEnd()) ? `${title.trimEnd()} ${summary}` : `${title}: ${summary}`;
}

/** Truncates plain text to max characters with an ellipsis, never splitting a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (len(text) <= max) return text;
  let cut = safeCodeUnitCut(text, max - 1);
  const space = text.lastIndexOf(" ", cut);
  if (space > max * 0.6) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * A cut position ≤ max in mrkdwn that is not inside an escape (&amp;), a <link|label> or a surrogate pair;
 * prefers a line break, then a space.
 */
export function safeMrkdwnCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  let cut = safeCodeUnitCut(text, max);
  // Inside an entity such as "&amp;" (at most 5 characters after "&")?
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp >= 0 && cut - amp < 6 && !text.slice(amp, cut).includes(";")) {
    const semi = text.indexOf(";", amp);
    if (semi >= cut || semi === -1) cut = amp;
  }
  // Inside a <...> link?
  const open = text.lastIndexOf("<", cut - 1);
  if (open >= 0 && text.lastIndexOf(">", cut - 1) < open) cut = open;
  const window = text.slice(0, cut);
  const newline = window.lastIndexOf("\n");
  if (newline > cut * 0.5) return newline;
  const space = window.lastIndexOf(" ");
  if (space > cut * 0.5) {
    // The space must itself be outside a link.
    const o = window.lastIndexOf("<", space);
    if (o < 0 || window.lastIndexOf(">", space) > o) return space;
  }
  return cut;
}

/** Truncates mrkdwn to max characters with an ellipsis, never inside an escape or a link. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = safeMrkdwnCut(text, max - 1);
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Splits mrkdwn into chunks of at most max characters: between paragraphs where possible, never inside an escape or link. */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const para = rest.lastIndexOf("\n\n", max);
    const cut = para > max * 0.5 ? para : safeMrkdwnCut(rest, max);
    const safeCut = cut > 0 ? cut : safeCodeUnitCut(rest, max);
    chunks.push(rest.slice(0, safeCut).trimEnd());
    rest = rest.slice(safeCut).replace(/^\s+/, "");
  }
  if (rest.trim()) chunks.push(rest);
  return chunks.filter((c) => c.length > 0);
}

/**
 * Turns a Slack message text (as Slack sends it: escaped, with <@U1>, <#C1|name>, <url|label>) into the
 * plain question the engine reads.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_m, target: string, label: string | undefined) => {
      if (target.startsWith("@") || target.startsWith("!")) return " ";
      if (target.startsWith("#")) return label ?? " ";
      return label ?? target;
    })
    .replace(/&lt;|&gt;|&amp;/g, (e) => unescapeMrkdwn(e))
    .replace(/\s+/g, " ")
    .trim();
}
