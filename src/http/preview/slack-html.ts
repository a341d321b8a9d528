// Renders Slack Block Kit JSON to HTML that looks roughly like Slack shows it, for the preview page.
// Supports header, section (text, fields, accessory), context, actions, divider, image, input (checkboxes,
// text input) and rich_text (as plain text). Unknown blocks are shown as a labelled placeholder.
import { escapeHtml, safeUrl } from "./markdown.ts";

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function mrkdwnInline(escaped: string): string {
  return escaped
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*(?=\S)([^*\n]+?)(?<=\S)\*(?=$|[\s).,:;!?])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_(?=\S)([^_\n]+?)(?<=\S)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])~(?=\S)([^~\n]+?)(?<=\S)~(?=$|[\s).,:;!?])/g, "$1<del>$2</del>");
}

/** Slack "mrkdwn" → HTML: *bold*, _italic_, ~strike~, `code`, <url|label>, > quotes, line breaks. */
export function mrkdwnToHtml(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const isQuote = /^(&gt;|>)\s?/.test(line);
    const body = isQuote ? line.replace(/^(&gt;|>)\s?/, "") : line;
    const html = mrkdwnLine(body);
    if (isQuote) quote.push(html);
    else {
      flushQuote();
      out.push(html);
    }
  }
  flushQuote();
  return out
    .join("<br>")
    .replace(/<br>(<blockquote>)/g, "$1")
    .replace(/(<\/blockquote>)<br>/g, "$1");
}

function mrkdwnLine(line: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of line.matchAll(/<([^<>|]+)(?:\|([^<>]+))?>/g)) {
    parts.push(mrkdwnInline(escapeHtml(unescapeSlack(line.slice(last, m.index)))));
    const target = unescapeSlack(m[1] ?? "");
    const label = unescapeSlack(m[2] ?? target);
    const href = safeUrl(target);
    if (href)
      parts.push(
        `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${mrkdwnInline(escapeHtml(label))}</a>`,
      );
    else if (target.startsWith("@") || target.startsWith("#") || target.startsWith("!"))
      parts.push(`<span class="sk-mention">${escapeHtml(label)}</span>`);
    else parts.push(escapeHtml(m[0]));
    last = m.index + m[0].length;
  }
  parts.push(mrkdwnInline(escapeHtml(unescapeSlack(line.slice(last)))));
  return parts.join("");
}

function textObject(t: unknown): string {
  if (!isObj(t)) return "";
  const text = str(t.text);
  if (t.type === "mrkdwn") return mrkdwnToHtml(text);
  return escapeHtml(text).replace(/\n/g, "<br>");
}

function plain(t: unknown): string {
  return isObj(t) ? escapeHtml(str(t.text)) : "";
}

function element(el: unknown): string {
  if (!isObj(el)) return "";
  const data = `data-action-id="${escapeHtml(str(el.action_id))}" data-value="${escapeHtml(str(el.value))}"`;
  switch (el.type) {
    case "button": {
      const style = el.style === "primary" ? " sk-primary" : el.style === "danger" ? " sk-danger" : "";
      const url = typeof el.url === "string" ? safeUrl(el.url) : null;
      if (url)
        return `<a class="sk-button${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${plain(el.text)}</a>`;
      return `<button type="button" class="sk-button${style}" ${data}>${plain(el.text)}</button>`;
    }
    case "checkboxes": {
      const initial = new Set(
        (Array.isArray(el.initial_options) ? el.initial_options : []).filter(isObj).map((o) => str(o.value)),
      );
      const options = (Array.isArray(el.options) ? el.options : []).filter(isObj);
      return `<div class="sk-checkboxes">${options
        .map((o) => {
          const checked = initial.has(str(o.value));
          const desc = o.description ? `<span class="sk-desc">${textObject(o.description)}</span>` : "";
          // A picture of Slack's checkbox, not a form control: ticking happens in the checklist pane.
          const box = `<span class="sk-box${checked ? " sk-box-checked" : ""}" role="img" aria-label="${checked ? "aangevinkt" : "niet aangevinkt"}">${checked ? "✓" : ""}</span>`;
          return `<div class="sk-checkbox">${box}<span>${textObject(o.text)}${desc}</span></div>`;
        })
        .join("")}</div>`;
    }
    case "static_select":
    case "external_select":
    case "overflow": {
      const options = (Array.isArray(el.options) ? el.options : []).filter(isObj);
      const label = el.placeholder ? plain(el.placeholder) : "⋯";
      return `<span class="sk-select" title="${options.map((o) => escapeHtml(str((o.text as Json | undefined)?.text))).join(", ")}">${label} ▾</span>`;
    }
    case "plain_text_input":
      return `<span class="sk-input">${el.placeholder ? plain(el.placeholder) : ""}</span>`;
    case "image":
      return `<img class="sk-context-img" src="${escapeHtml(safeUrl(str(el.image_url)) ?? "")}" alt="${escapeHtml(str(el.alt_text))}">`;
    case "mrkdwn":
    case "plain_text":
      return `<span>${textObject(el)}</span>`;
    default:
      return `<span class="sk-unknown">[${escapeHtml(str(el.type))}]</span>`;
  }
}

function richText(block: Json): string {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (typeof v.text === "string") texts.push(v.text);
      if (v.type === "link" && typeof v.url === "string" && typeof v.text !== "string") texts.push(v.url);
      walk(v.elements);
    }
  };
  walk(block.elements);
  return `<div class="sk-section">${escapeHtml(texts.join("")).replace(/\n/g, "<br>")}</div>`;
}

export function blockToHtml(block: unknown): string {
  if (!isObj(block)) return "";
  switch (block.type) {
    case "header":
      return `<div class="sk-header">${plain(block.text)}</div>`;
    case "divider":
      return `<hr class="sk-divider">`;
    case "section": {
      const fields =
        Array.isArray(block.fields) && block.fields.length
          ? `<div class="sk-fields">${block.fields.map((f) => `<div>${textObject(f)}</div>`).join("")}</div>`
          : "";
      const accessory = block.accessory ? `<div class="sk-accessory">${element(block.accessory)}</div>` : "";
      return `<div class="sk-section"><div class="sk-section-main"><div>${textObject(block.text)}</div>${fields}</div>${accessory}</div>`;
    }
    case "context":
      return `<div class="sk-context">${(Array.isArray(block.elements) ? block.elements : []).map(element).join(" ")}</div>`;
    case "actions":
      return `<div class="sk-actions">${(Array.isArray(block.elements) ? block.elements : []).map(element).join("")}</div>`;
    case "input": {
      const hint = block.hint ? `<div class="sk-hint">${plain(block.hint)}</div>` : "";
      return `<div class="sk-input-block"><div class="sk-label">${plain(block.label)}</div>${element(block.element)}${hint}</div>`;
    }
    case "image": {
      const src = safeUrl(str(block.image_url));
      return src ? `<img class="sk-image" src="${escapeHtml(src)}" alt="${escapeHtml(str(block.alt_text))}">` : "";
    }
    case "rich_text":
      return richText(block);
    default:
      return `<div class="sk-unknown">[blok: ${escapeHtml(str(block.type))}]</div>`;
  }
}

/** Finds the blocks in what a Slack renderer returned: a block array, or a message ({ blocks, text }). */
export function extractBlocks(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (isObj(payload) && Array.isArray(payload.blocks)) return payload.blocks;
  return [];
}

export function slackBlocksToHtml(payload: unknown): string {
  const blocks = extractBlocks(payload);
  if (!blocks.length && isObj(payload) && typeof payload.text === "string")
    return `<div class="sk-section">${mrkdwnToHtml(payload.text)}</div>`;
  return blocks.map(blockToHtml).join("\n");
}
