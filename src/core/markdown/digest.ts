// "Answer first, details on request": the short form of an entry body. An answer shows its title, its summary
// (the direct answer) and at most five key lines taken from the body; the full body opens on request
// ("Lees meer" in every channel). The key lines are the body's top-level list items in order (the knowledge base
// puts its points for the council in lists), each cut to its first sentence; a list whose items continue a lead-in
// ("Daarom:" then "- blijft elke gemeente …") keeps the lead-in's last sentence as a line of its own before them, so
// the lines read as sentences. A body without lists gives the first sentence of its paragraphs.
import { parseMarkdown } from "./parse.ts";
import { blocksText, inlineText, type Block, type Inline } from "./model.ts";

export const MAX_KEY_LINES = 5;
/** A key line longer than this is cut at a sentence end, else at a word with "…". */
const MAX_KEY_LINE_CHARS = 220;

export interface AnswerDigest {
  /** At most MAX_KEY_LINES lines of inline content. */
  keyLines: Inline[][];
  /** The full body as blocks (shown on request). */
  details: Block[];
  /** True when the body has more to show than the key lines (a body of one short sentence has not). */
  hasDetails: boolean;
}

const digests = new Map<string, AnswerDigest>();

/** The digest of an entry body (markdown); cached like the parse. */
export function digestBody(markdown: string): AnswerDigest {
  const hit = digests.get(markdown);
  if (hit) return hit;
  const details = parseMarkdown(markdown);
  const keyLines = pickKeyLines(details);
  const flat = (t: string): string => t.replace(/\s+/g, " ").trim();
  const bodyText = flat(blocksText(details));
  const hasDetails = bodyText.length > 0 && bodyText !== flat(keyLines.map(inlineText).join(" "));
  const digest: AnswerDigest = { keyLines, details, hasDetails };
  if (digests.size >= 2000) digests.delete(digests.keys().next().value as string);
  digests.set(markdown, digest);
  return digest;
}

function pickKeyLines(blocks: Block[]): Inline[][] {
  const fromLists: Inline[][] = [];
  for (const [i, b] of blocks.entries()) {
    if (b.type !== "list") continue;
    const lead = leadInOf(blocks[i - 1], b);
    if (lead) fromLists.push(lead);
    for (const item of b.items) {
      const first = item.blocks[0];
      if (first?.type === "paragraph" && inlineText(first.children).trim()) fromLists.push(clip(first.children));
      if (fromLists.length >= MAX_KEY_LINES) return fromLists;
    }
  }
  if (fromLists.length) return fromLists;
  const fromParagraphs: Inline[][] = [];
  for (const b of blocks) {
    if (b.type !== "paragraph") continue;
    fromParagraphs.push(clip(b.children));
    if (fromParagraphs.length >= MAX_KEY_LINES) break;
  }
  return fromParagraphs;
}

/** Items that start in lower case after a paragraph ending in ":" continue that paragraph's last sentence. */
function leadInOf(before: Block | undefined, list: Extract<Block, { type: "list" }>): Inline[] | null {
  if (before?.type !== "paragraph") return null;
  const text = inlineText(before.children).trimEnd();
  const first = list.items[0]?.blocks[0];
  const firstText = first?.type === "paragraph" ? inlineText(first.children).trimStart() : "";
  if (!text.endsWith(":") || !/^[a-zà-ÿ]/.test(firstText)) return null;
  // The last sentence, or the last two and more when it is a bare "Daarom:" (at least 40 characters, as clip()).
  const starts = [0];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (m.index + 1 < text.length && !isAbbreviation(text.slice(0, m.index + 1))) starts.push(m.index + 1);
  }
  const start = starts.findLast((at) => text.slice(at).trim().length >= 40) ?? 0;
  const lead = sliceFrom(before.children, start + (text.slice(start).length - text.slice(start).trimStart().length));
  return inlineText(lead).length > MAX_KEY_LINE_CHARS ? null : lead;
}

/** Inline content from a plain-text offset on (formatting kept). */
function sliceFrom(nodes: readonly Inline[], offset: number): Inline[] {
  const out: Inline[] = [];
  let skip = offset;
  for (const n of nodes) {
    const len = inlineText([n]).length;
    if (skip >= len) {
      skip -= len;
      continue;
    }
    if (skip === 0) out.push(n);
    else if (n.type === "text" || n.type === "code") out.push({ ...n, text: n.text.slice(skip) });
    else if ("children" in n) out.push({ ...n, children: sliceFrom(n.children, skip) });
    skip = 0;
  }
  return out;
}

/**
 * Cuts inline content after its first sentence (a ".", "?" or "!" followed by a space, in plain text, after at
 * least 40 characters), or at a word with "…" when it is still longer than MAX_KEY_LINE_CHARS.
 */
/**
 * A sentence ends at ".", "?" or "!" followed by a space and a capital (or an opening quote or parenthesis), or at
 * the end of the text: "art. 1" and "o.a. bij" go on.
 */
const SENTENCE_END = /[.?!](?=\s+[A-ZÀ-Ý"'„‘“(]|\s*$)/g;
/** Abbreviations that end in a period and are followed by a capital now and then ("bijv. De Wgr"). */
const ABBREVIATION = /(?:^|[\s(])(?:art|bijv|bv|o\.a|e\.d|enz|nr|jo|i\.p\.v|d\.w\.z|m\.b\.t|t\.a\.v|resp|vgl|zgn)\.$/i;
const isAbbreviation = (upToPeriod: string): boolean => ABBREVIATION.test(upToPeriod);

export function clip(nodes: Inline[], max = MAX_KEY_LINE_CHARS): Inline[] {
  const total = inlineText(nodes).length;
  const state = { seen: 0, done: false };
  const out = cut(nodes, state, max);
  if (!state.done || inlineText(out).length >= total) return nodes;
  return out;
}

function cut(nodes: Inline[], state: { seen: number; done: boolean }, max: number): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (state.done) break;
    if (n.type === "text") {
      let m: RegExpExecArray | null;
      let end = -1;
      SENTENCE_END.lastIndex = 0;
      while ((m = SENTENCE_END.exec(n.text))) {
        if (isAbbreviation(n.text.slice(0, m.index + 1))) continue;
        if (state.seen + m.index + 1 >= 40) {
          end = m.index + 1;
          break;
        }
      }
      if (end >= 0 && state.seen + end <= max) {
        out.push({ type: "text", text: n.text.slice(0, end) });
        state.done = true;
        break;
      }
      if (state.seen + n.text.length > max) {
        const room = Math.max(0, max - state.seen);
        const space = n.text.lastIndexOf(" ", room);
        out.push({ type: "text", text: `${n.text.slice(0, space > 0 ? space : room).trimEnd()}…` });
        state.done = true;
        break;
      }
      state.seen += n.text.length;
      out.push(n);
    } else if (n.type === "code") {
      state.seen += n.text.length;
      out.push(n);
    } else if (n.type === "break") {
      state.seen += 1;
      out.push(n);
    } else {
      const children = cut(n.children, state, max);
      if (children.length) out.push({ ...n, children });
    }
  }
  return out;
}
