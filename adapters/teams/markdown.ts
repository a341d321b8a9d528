// The Teams renderer of the shared markdown model (src/core/markdown): blocks → the markdown subset Teams renders
// in Adaptive Card TextBlocks: bold, italic, bulleted and numbered lists (items separated by "\r") and links.
// Headings become bold lines, code and tables become plain lines, quotes italic. Links in the model already passed
// the shared URL check (src/core/safe-url.ts); safeMarkdownLinks is the last guard on every TextBlock.
import { safeLinkUrl } from "../../src/core/safe-url.ts";
import { parseInline, parseMarkdown } from "../../src/core/markdown/parse.ts";
import { inlineText, type Block, type Inline, type ListItem } from "../../src/core/markdown/model.ts";
import { renderInlines, wrapMarker, type InlineRenderer } from "../../src/core/markdown/inline-renderer.ts";

/** Literal "](" (a link the parser did not accept) must not read as a link in Teams' own parser. */
const noLink = (text: string): string => text.replace(/\]\(/g, "] (");

/** How Teams writes each inline node: **bold**, _italic_, [label](url); strike and code become plain text. */
const teamsInlines: InlineRenderer = {
  text: noLink,
  code: noLink,
  break: () => " ",
  strong: (inner) => wrapMarker("**", inner),
  emphasis: (inner) => wrapMarker("_", inner),
  strike: (inner) => inner,
  link: (url, children) => {
    const label = inlineText(children).replace(/\s+/g, " ").trim().replace(/[[\]]/g, "");
    return `[${label || url}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
  },
};

/** Inline nodes → Teams markdown on one line (src/core/markdown/inline-renderer.ts walks them). */
export function inlinesToTeams(nodes: readonly Inline[]): string {
  return renderInlines(nodes, teamsInlines).replace(/\s+/g, " ");
}

function itemText(item: ListItem): string {
  return item.blocks
    .map((b) => (b.type === "paragraph" ? inlinesToTeams(b.children) : blockLines(b).join(" ")))
    .join(" ")
    .trim();
}

function blockLines(b: Block): string[] {
  switch (b.type) {
    case "heading": {
      const t = inlineText(b.children).replace(/\s+/g, " ").trim();
      return t ? [`**${t}**`] : [];
    }
    case "paragraph":
      return [inlinesToTeams(b.children).trim()];
    case "list":
      // Teams renders one list level: nested items are flattened into the list.
      return b.items.flatMap((item, i) => {
        const nested = item.blocks.filter((x) => x.type === "list");
        const own = { ...item, blocks: item.blocks.filter((x) => x.type !== "list") };
        const marker = b.ordered ? `${b.start + i}.` : "-";
        return [`${marker} ${itemText(own)}`, ...nested.flatMap(blockLines)];
      });
    case "quote":
      return b.blocks.flatMap(blockLines).map((l) => `_${l}_`);
    case "code":
      return b.text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .map(escapeMarkdown);
    case "table":
      return b.rows.map(
        (row) =>
          `- ${row
            .map((c) => inlinesToTeams(c).trim())
            .filter(Boolean)
            .join(" — ")}`,
      );
    case "rule":
      return [];
  }
}

/** Blocks → one TextBlock text per paragraph, heading, list, quote or code block. */
export function blocksToTeams(blocks: readonly Block[]): string[] {
  return blocks.map((b) => blockLines(b).join("\r")).filter((t) => t.trim() !== "");
}

/** Markdown → one TextBlock's worth of text per block, through the shared model. */
export function toTeamsMarkdownBlocks(markdown: string): string[] {
  return blocksToTeams(parseMarkdown(markdown));
}

/** Inline markdown (a summary) → Teams markdown. */
export function inline(text: string): string {
  return inlinesToTeams(parseInline(text)).trim();
}

/**
 * Keeps markdown links whose target passes the shared URL check and turns every other link into its label
 * (also "[x]( javascript:…)" with spaces, odd casing or angle brackets). A stray "](" that is not a link we
 * recognise is broken up, so no client can read a link into it. The last guard on every TextBlock's text.
 */
export function safeMarkdownLinks(text: string): string {
  return text.replace(
    /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|\]\(/g,
    (_match: string, label: string | undefined, url: string | undefined) => {
      if (label === undefined) return "] (";
      const safe = safeLinkUrl(url ?? "");
      const shown = label.trim();
      if (!safe) return shown;
      return `[${shown || safe}](${safe.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
    },
  );
}

function escapeMarkdown(text: string): string {
  return text.replace(/([*_[\]])/g, "\\$1");
}
