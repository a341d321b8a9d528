// Markdown (the knowledge base's subset) → Slack mrkdwn, escaping, and limit-safe truncation/splitting.
// Pure functions: no Bolt, no I/O.
import { safeLinkUrl } from "../../src/core/safe-url.ts";

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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

// Private-use characters stand in for formatting while the rest of the text is escaped.
const BOLD = "\uE000";
const ITALIC = "\uE001";
const STRIKE = "\uE002";

/** Inline markdown → mrkdwn: **b** → *b*, *i* or _i_ → _i_, ~~s~~ → ~s~, [t](u) → <u|t>, `code` kept. Escapes the rest. */
export function inlineToMrkdwn(text: string): string {
  const out: string[] = [];
  // Code spans and links are taken out first so that nothing inside them is reformatted.
  const pattern =
    /(`+)([^`]*?)\1|!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(formatPlain(text.slice(last, m.index)));
    if (m[1] !== undefined) {
      out.push(`\`${escapeMrkdwn(m[2] ?? "").replace(/`/g, "'")}\``);
    } else if (m[4] !== undefined) {
      const label = m[3] ?? "";
      out.push(slackLink(m[4], stripInline(label) || m[4]));
    } else if (m[5] !== undefined) {
      out.push(slackLink(m[5], ""));
    } else if (m[6] !== undefined) {
      // A bare URL: an explicit link, because messages are sent verbatim (no automatic linking).
      out.push(slackLink(m[6], ""));
    }
    last = m.index + m[0].length;
  }
  out.push(formatPlain(text.slice(last)));
  return out.join("");
}

/** Removes markdown emphasis markers (for labels and plain text). */
export function stripInline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w_])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, "$1$2")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
}

function formatPlain(text: string): string {
  const marked = text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)/g, `$1${ITALIC}$2${ITALIC}`)
    .replace(/(^|[^\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)/g, `$1${ITALIC}$2${ITALIC}`)
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, `${STRIKE}$1${STRIKE}`);
  return escapeMrkdwn(marked).replace(MARKERS, (m) => (m === BOLD ? "*" : m === ITALIC ? "_" : "~"));
}

const MARKERS = new RegExp(`[${BOLD}${ITALIC}${STRIKE}]`, "g");

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const TASK = /^(\s*)[-*+]\s+\[( |x|X)\]\s+(.*)$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const ORDERED = /^(\s*)(\d+)[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;

const indentLevel = (spaces: string): number => Math.min(3, Math.floor(spaces.replace(/\t/g, "    ").length / 2));

/**
 * Markdown → Slack mrkdwn paragraphs (one string per block of text, separated in the source by blank lines).
 * Headings become bold lines, lists get bullets, paragraphs are unwrapped, fenced code stays code.
 */
export function markdownToMrkdwnParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length) current.push(inlineToMrkdwn(prose.join(" ")));
    prose = [];
  };
  const flush = () => {
    flushProse();
    if (current.length) paragraphs.push(current.join("\n"));
    current = [];
  };
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (FENCE.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i] ?? ""); i++) code.push(lines[i] ?? "");
      paragraphs.push(`\`\`\`${escapeMrkdwn(code.join("\n")).replace(/```/g, "'''")}\`\`\``);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = HEADING.exec(line))) {
      flush();
      const title = stripInline(m[1] ?? "");
      if (title) current.push(`*${escapeMrkdwn(title)}*`);
    } else if (RULE.test(line)) {
      flush();
      paragraphs.push("───");
    } else if ((m = TASK.exec(line))) {
      flushProse();
      const box = m[2] === " " ? "☐" : "☑";
      current.push(`${"    ".repeat(indentLevel(m[1] ?? ""))}${box} ${inlineToMrkdwn(m[3] ?? "")}`);
    } else if ((m = BULLET.exec(line))) {
      flushProse();
      const level = indentLevel(m[1] ?? "");
      current.push(`${"    ".repeat(level)}${level === 0 ? "•" : "◦"} ${inlineToMrkdwn(m[2] ?? "")}`);
    } else if ((m = ORDERED.exec(line))) {
      flushProse();
      current.push(`${"    ".repeat(indentLevel(m[1] ?? ""))}${m[2]}. ${inlineToMrkdwn(m[3] ?? "")}`);
    } else if ((m = QUOTE.exec(line))) {
      flushProse();
      current.push(`>${inlineToMrkdwn(m[1] ?? "")}`);
    } else if (current.length && !prose.length && /^\s{2,}\S/.test(line)) {
      // Continuation of a list item.
      current[current.length - 1] += ` ${inlineToMrkdwn(line.trim())}`;
    } else {
      prose.push(line.trim());
    }
  }
  flush();
  return paragraphs;
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
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
