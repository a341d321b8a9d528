// Renders the knowledge base's markdown subset to safe HTML for the preview page: paragraphs, headings
// (#..####), bullet and numbered lists, task lists, block quotes, **bold**, *italic*, `code` and [links](https://…).
// Every piece of text is escaped; only https and mailto links survive.
import { safeLinkUrl } from "../../core/safe-url.ts";

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** The URL when it is https or mailto, else null: the shared check of every renderer (src/core/safe-url.ts). */
export const safeUrl = (url: string): string | null => safeLinkUrl(url);

/** Inline markdown → HTML (input is raw text; output is escaped). */
export function inlineToHtml(text: string): string {
  const out: string[] = [];
  // Links and code spans are cut out first so that their contents are not formatted.
  const pattern = /\[([^\]]+)\]\(\s*<?([^)\s>]+)>?\s*\)|`([^`]+)`|<(https?:\/\/[^>\s]+)>/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(emphasis(escapeHtml(text.slice(last, m.index))));
    if (m[1] !== undefined && m[2] !== undefined) {
      const href = safeUrl(m[2]);
      out.push(
        href
          ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${emphasis(escapeHtml(m[1]))}</a>`
          : escapeHtml(m[0]),
      );
    } else if (m[3] !== undefined) {
      out.push(`<code>${escapeHtml(m[3])}</code>`);
    } else if (m[4] !== undefined) {
      const href = safeUrl(m[4]);
      out.push(
        href
          ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(m[4])}</a>`
          : escapeHtml(m[0]),
      );
    }
    last = m.index + m[0].length;
  }
  out.push(emphasis(escapeHtml(text.slice(last))));
  return out.join("");
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, "$1<em>$2</em>")
    .replace(/(^|[^_\w])_(?=\S)([^_]+?)(?<=\S)_(?![_\w])/g, "$1<em>$2</em>");
}

type ListKind = "ul" | "ol";

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { kind: ListKind; items: string[] } | null = null;
  let quote: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length) html.push(`<p>${inlineToHtml(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) html.push(`<${list.kind}>${list.items.map((i) => `<li>${i}</li>`).join("")}</${list.kind}>`);
    list = null;
  };
  const flushQuote = () => {
    if (quote.length) html.push(`<blockquote><p>${inlineToHtml(quote.join(" "))}</p></blockquote>`);
    quote = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushQuote();
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === "") {
      flushAll();
      continue;
    }
    const heading = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    if (heading?.[1] && heading[2]) {
      flushAll();
      // Entry bodies sit under the card title (h2), so their headings start at h3.
      const level = Math.min(6, heading[1].length + 2);
      html.push(`<h${level}>${inlineToHtml(heading[2])}</h${level}>`);
      continue;
    }
    const task = /^\s*[-*+]\s+\[( |x|X)\]\s+(.+)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.+)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.+)$/.exec(line);
    if (task?.[2] || bullet?.[1] || numbered?.[1]) {
      flushParagraph();
      flushQuote();
      const kind: ListKind = numbered ? "ol" : "ul";
      if (list && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      if (task?.[2]) {
        const mark = task[1] === " " ? "☐" : "☑";
        list.items.push(`<span aria-hidden="true">${mark}</span> ${inlineToHtml(task[2])}`);
      } else list.items.push(inlineToHtml((bullet?.[1] ?? numbered?.[1]) as string));
      continue;
    }
    const q = /^>\s?(.*)$/.exec(line);
    if (q) {
      flushParagraph();
      flushList();
      quote.push(q[1] ?? "");
      continue;
    }
    if (list && /^\s{2,}\S/.test(raw)) {
      // Continuation of the previous list item.
      const items = (list as { items: string[] }).items;
      items[items.length - 1] += ` ${inlineToHtml(line.trim())}`;
      continue;
    }
    flushList();
    flushQuote();
    paragraph.push(line.trim());
  }
  flushAll();
  return html.join("\n");
}
