// Renders Slack Block Kit JSON (what the Slack adapter sends) to HTML that looks roughly like Slack shows it, for
// the preview page. Supports header, section (text, fields, accessory), context, actions, divider, image, input
// (checkboxes, text input) and rich_text (as plain text); unknown blocks are shown as a labelled placeholder.
// mrkdwn texts are parsed by slack-message-parser, the way Slack reads them: this file parses no markup itself.
import { NodeType, parse as parseSlack, type Node } from "slack-message-parser";
import { escapeHtml, safeUrl } from "./markdown.ts";

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Slack's three entities (the form in which Slack itself delivers message text) → characters. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Label nodes of a link (or the fallback text when the link has none) → HTML. */
const labelHtml = (label: readonly Node[] | undefined, fallback: string): string =>
  label?.length ? nodesToHtml(label) : escapeHtml(fallback);

/** slack-message-parser's tree → escaped HTML. Every text goes through escapeHtml; links through safeUrl. */
function nodesToHtml(nodes: readonly Node[]): string {
  let out = "";
  for (const n of nodes) {
    switch (n.type) {
      case NodeType.Text:
        out += escapeHtml(unescapeSlack(n.text)).replace(/\n/g, "<br>");
        break;
      case NodeType.Bold:
        out += `<strong>${nodesToHtml(n.children)}</strong>`;
        break;
      case NodeType.Italic:
        out += `<em>${nodesToHtml(n.children)}</em>`;
        break;
      case NodeType.Strike:
        out += `<del>${nodesToHtml(n.children)}</del>`;
        break;
      case NodeType.Code:
        out += `<code>${escapeHtml(unescapeSlack(n.text))}</code>`;
        break;
      case NodeType.PreText:
        out += `<pre><code>${escapeHtml(unescapeSlack(n.text))}</code></pre>`;
        break;
      case NodeType.Quote:
        // The space after each line's ">" is part of the marker.
        out += `<blockquote>${nodesToHtml(n.children)
          .replace(/(<br>)+$/, "")
          .replace(/(^|<br>) /g, "$1")}</blockquote>`;
        break;
      case NodeType.URL: {
        const href = safeUrl(unescapeSlack(n.url));
        const label = labelHtml(n.label, unescapeSlack(n.url));
        // Not https/mailto: its label as text, or without a label the markup itself ("<b>" stays visible).
        if (href) out += `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
        else out += n.label?.length ? label : escapeHtml(unescapeSlack(n.source));
        break;
      }
      case NodeType.UserLink:
        out += `<span class="sk-mention">${labelHtml(n.label, `@${n.userID}`)}</span>`;
        break;
      case NodeType.ChannelLink:
        out += `<span class="sk-mention">${labelHtml(n.label, `#${n.channelID}`)}</span>`;
        break;
      case NodeType.Command:
        out += `<span class="sk-mention">${labelHtml(n.label, `@${n.name}`)}</span>`;
        break;
      case NodeType.Emoji:
        out += escapeHtml(n.source);
        break;
      case NodeType.Root:
        out += nodesToHtml(n.children);
        break;
    }
  }
  return out;
}

/**
 * Slack "mrkdwn" → HTML, as Slack reads it: the text is parsed by slack-message-parser (bold, italic, strike,
 * code, preformatted, quotes, <url|label>, mentions) and the tree rendered here; no markdown parsing of our own.
 * The bot sends a quote line as a raw ">"; Slack delivers it as "&gt;", the form the parser reads.
 */
export function mrkdwnToHtml(text: string): string {
  return nodesToHtml(parseSlack(text.replace(/^>/gm, "&gt;")).children)
    .replace(/<br>(<blockquote>|<pre>)/g, "$1")
    .replace(/(<\/blockquote>|<\/pre>)<br>/g, "$1");
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
