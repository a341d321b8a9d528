// Converts the knowledge base's markdown to the subset Teams renders in Adaptive Card TextBlocks:
// bold, italic, bulleted and numbered lists (items separated by "\r") and links. Headings become bold
// lines, code fences and HTML are flattened to plain text, tables become list items. Only https and mailto links
// survive (src/core/safe-url.ts); any other link keeps its label as plain text.
import { safeLinkUrl } from "../../src/core/safe-url.ts";

/** One TextBlock's worth of text per paragraph, heading or list. */
export function toTeamsMarkdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let inFence = false;
  let fence: string[] = [];

  const flushParagraph = (): void => {
    if (paragraph.length) blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  const flushList = (): void => {
    if (list.length) blocks.push(list.join("\r"));
    list = [];
  };

  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      if (inFence) {
        if (fence.length) blocks.push(fence.map(escapeMarkdown).join("\r"));
        fence = [];
      } else {
        flushParagraph();
        flushList();
      }
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (line.trim()) fence.push(line.trim());
      continue;
    }
    const trimmed = line.trim();
    if (!trimmed) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(trimmed);
    if (heading) {
      flushParagraph();
      flushList();
      const text = inline(heading[1] ?? "");
      if (text) blocks.push(`**${stripBold(text)}**`);
      continue;
    }
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(trimmed)) {
      flushParagraph();
      flushList();
      continue;
    }
    if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(trimmed)) continue; // table separator row
    if (trimmed.startsWith("|") && trimmed.endsWith("|")) {
      flushParagraph();
      const cells = trimmed
        .slice(1, -1)
        .split("|")
        .map((c) => inline(c.trim()))
        .filter(Boolean);
      if (cells.length) list.push(`- ${cells.join(" — ")}`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    if (bullet) {
      flushParagraph();
      list.push(`- ${inline(bullet[1] ?? "")}`);
      continue;
    }
    const numbered = /^\s*(\d+)[.)]\s+(.*)$/.exec(line);
    if (numbered) {
      flushParagraph();
      list.push(`${numbered[1]}. ${inline(numbered[2] ?? "")}`);
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(trimmed);
    if (quote) {
      flushList();
      paragraph.push(`_${inline(quote[1] ?? "")}_`);
      continue;
    }
    if (list.length) {
      // A continuation line of the last list item.
      list[list.length - 1] += ` ${inline(trimmed)}`;
      continue;
    }
    paragraph.push(inline(trimmed));
  }
  if (inFence && fence.length) blocks.push(fence.map(escapeMarkdown).join("\r"));
  flushParagraph();
  flushList();
  return blocks.filter((b) => b.trim() !== "");
}

/** Inline markdown: keep bold, italic and links; turn the rest into plain text. */
export function inline(text: string): string {
  const flat = text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images are not supported
    .replace(/`([^`]+)`/g, "$1")
    .replace(/~~([^~]+)~~/g, "$1")
    .replace(/__([^_]+)__/g, "**$1**")
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, "$1_$2_")
    .replace(/\s+/g, " ")
    .trim();
  return safeMarkdownLinks(flat);
}

/**
 * Keeps markdown links whose target passes the shared URL check and turns every other link into its label
 * (also "[x]( javascript:…)" with spaces, odd casing or angle brackets). A stray "](" that is not a link we
 * recognise is broken up, so no client can read a link into it.
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

function stripBold(text: string): string {
  return text.replace(/\*\*/g, "");
}

function escapeMarkdown(text: string): string {
  return text.replace(/([*_[\]])/g, "\\$1");
}
