// The HTML renderer of the shared markdown model (src/core/markdown), for the preview page: paragraphs, headings,
// bullet, numbered and task lists, quotes, code, tables, strong, emphasis, strike and links. Every piece of text
// is escaped; links in the model already passed the shared URL check (only https and mailto).
import { safeLinkUrl } from "../../core/safe-url.ts";
import { parseInline, parseMarkdown } from "../../core/markdown/parse.ts";
import type { Block, Inline, ListItem } from "../../core/markdown/model.ts";
import { renderInlines, type InlineRenderer } from "../../core/markdown/inline-renderer.ts";

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** The URL when it is https or mailto, else null: the shared check of every renderer (src/core/safe-url.ts). */
export const safeUrl = (url: string): string | null => safeLinkUrl(url);

/** How the page writes each inline node: escaped text, <code>, <strong>, <em>, <del> and https/mailto links. */
const htmlInlines: InlineRenderer = {
  text: escapeHtml,
  code: (text) => `<code>${escapeHtml(text)}</code>`,
  break: () => " ",
  strong: (inner) => `<strong>${inner}</strong>`,
  emphasis: (inner) => `<em>${inner}</em>`,
  strike: (inner) => `<del>${inner}</del>`,
  link: (url, _children, inner) => {
    const href = safeUrl(url);
    return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${inner}</a>` : inner;
  },
};

/** Inline nodes → escaped HTML (src/core/markdown/inline-renderer.ts walks them). */
export const inlinesToHtml = (nodes: readonly Inline[]): string => renderInlines(nodes, htmlInlines);

/** Inline markdown (raw text) → escaped HTML. */
export function inlineToHtml(text: string): string {
  return inlinesToHtml(parseInline(text));
}

function itemHtml(item: ListItem): string {
  // A single paragraph in an item is shown without <p> (a tight list).
  const inner =
    item.blocks.length === 1 && item.blocks[0]?.type === "paragraph"
      ? inlinesToHtml(item.blocks[0].children)
      : blocksToHtml(item.blocks);
  if (item.checked === undefined) return `<li>${inner}</li>`;
  const mark = item.checked ? "☑" : "☐";
  return `<li><span aria-hidden="true">${mark}</span> ${inner}</li>`;
}

export interface HtmlOptions {
  /** Added to heading levels: entry bodies sit under the card title (h2), so their headings start at h3. */
  headingOffset?: number;
}

/** Blocks → escaped HTML. */
export function blocksToHtml(blocks: readonly Block[], opts: HtmlOptions = {}): string {
  const offset = opts.headingOffset ?? 2;
  return blocks
    .map((b): string => {
      switch (b.type) {
        case "heading": {
          const level = Math.min(6, b.level + offset);
          return `<h${level}>${inlinesToHtml(b.children)}</h${level}>`;
        }
        case "paragraph":
          return `<p>${inlinesToHtml(b.children)}</p>`;
        case "list": {
          const items = b.items.map(itemHtml).join("");
          if (!b.ordered) return `<ul>${items}</ul>`;
          return b.start === 1 ? `<ol>${items}</ol>` : `<ol start="${b.start}">${items}</ol>`;
        }
        case "quote":
          return `<blockquote>${blocksToHtml(b.blocks, opts)}</blockquote>`;
        case "code":
          return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
        case "table":
          return `<table>${b.rows.map((row) => `<tr>${row.map((c) => `<td>${inlinesToHtml(c)}</td>`).join("")}</tr>`).join("")}</table>`;
        case "rule":
          return "<hr>";
      }
    })
    .join("\n");
}

/** Markdown → escaped HTML, through the shared block model. */
export function markdownToHtml(markdown: string, opts: HtmlOptions = {}): string {
  return blocksToHtml(parseMarkdown(markdown), opts);
}

/**
 * One Teams TextBlock's markdown (lines separated by "\r") → escaped HTML, for the Adaptive Cards renderer on the
 * preview page (its onProcessMarkdown hook looks the HTML up instead of parsing markdown in the browser). A single
 * paragraph stays inline, as Teams shows it.
 */
export function teamsTextToHtml(text: string): string {
  const blocks = parseMarkdown(text.replace(/\r\n?|\r/g, "\n"));
  const only = blocks[0];
  if (blocks.length === 1 && only?.type === "paragraph") return inlinesToHtml(only.children);
  return blocksToHtml(blocks, { headingOffset: 3 });
}

/** Every TextBlock text in an Adaptive Card (JSON), mapped to its HTML. */
export function cardMarkdownHtml(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const obj = node as Record<string, unknown>;
      if (obj.type === "TextBlock" && typeof obj.text === "string" && !(obj.text in out))
        out[obj.text] = teamsTextToHtml(obj.text);
      for (const v of Object.values(obj)) if (typeof v === "object") walk(v);
    }
  };
  walk(card);
  return out;
}
