// Markdown → the block model (./model.ts), with markdown-it (CommonMark, tables, strikethrough; raw HTML off, so
// tags stay visible text). Task-list markers ("- [ ]", "- [x]") become ListItem.checked. Every link target goes
// through the shared URL check here, once, so no renderer can emit an unsafe link.
import MarkdownIt, { type Token } from "markdown-it";
import { safeLinkUrl } from "../safe-url.ts";
import type { Block, Inline, ListItem } from "./model.ts";

const md = MarkdownIt("default", { html: false, linkify: true, typographer: false });
// markdown-it's own check drops javascript:/data: links to literal text; ours (safe-url.ts) is stricter and
// turns every rejected link into its label. So let every link through the parser and decide in one place.
md.validateLink = () => true;

/** Parsed bodies by source text: an entry's markdown is parsed once and reused by every renderer. */
const cache = new Map<string, Block[]>();
const CACHE_MAX = 2000;

/** Parses markdown (an entry body, a summary) into blocks. Results are cached and must not be mutated. */
export function parseMarkdown(markdown: string): Block[] {
  const hit = cache.get(markdown);
  if (hit) return hit;
  const blocks = parseUncached(markdown);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(markdown, blocks);
  return blocks;
}

/** Inline markdown (one line: a summary, a checklist item, a link label) → inline nodes. */
export function parseInline(text: string): Inline[] {
  const tokens = md.parseInline(text, {});
  return inlines(tokens[0]?.children ?? []);
}

function parseUncached(markdown: string): Block[] {
  const tokens = md.parse(markdown.replace(/\r\n?/g, "\n"), {});
  const cursor = { i: 0 };
  return blocksUntil(tokens, cursor, null);
}

type Cursor = { i: number };

/** Reads blocks until the closing token `close` (or the end). */
function blocksUntil(tokens: Token[], c: Cursor, close: string | null): Block[] {
  const out: Block[] = [];
  while (c.i < tokens.length) {
    const t = tokens[c.i]!;
    if (close && t.type === close) {
      c.i++;
      return out;
    }
    switch (t.type) {
      case "heading_open": {
        const content = tokens[c.i + 1];
        out.push({ type: "heading", level: Number(t.tag.slice(1)) || 1, children: inlines(content?.children ?? []) });
        c.i += 3;
        break;
      }
      case "paragraph_open": {
        const content = tokens[c.i + 1];
        const children = inlines(content?.children ?? []);
        c.i += 3;
        if (children.length) out.push({ type: "paragraph", children });
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        const ordered = t.type === "ordered_list_open";
        const start = ordered ? Number(t.attrGet("start") ?? 1) || 1 : 1;
        c.i++;
        out.push({
          type: "list",
          ordered,
          start,
          items: listItems(tokens, c, ordered ? "ordered_list_close" : "bullet_list_close"),
        });
        break;
      }
      case "blockquote_open":
        c.i++;
        out.push({ type: "quote", blocks: blocksUntil(tokens, c, "blockquote_close") });
        break;
      case "fence":
      case "code_block":
        out.push({ type: "code", text: t.content.replace(/\n$/, "") });
        c.i++;
        break;
      case "hr":
        out.push({ type: "rule" });
        c.i++;
        break;
      case "table_open":
        c.i++;
        out.push({ type: "table", rows: tableRows(tokens, c) });
        break;
      case "html_block":
        // Only reachable with html enabled; kept as visible text.
        out.push({ type: "paragraph", children: [{ type: "text", text: t.content.trim() }] });
        c.i++;
        break;
      default:
        c.i++;
    }
  }
  return out;
}

const TASK = /^\[([ xX])\]\s+/;

function listItems(tokens: Token[], c: Cursor, close: string): ListItem[] {
  const items: ListItem[] = [];
  while (c.i < tokens.length) {
    const t = tokens[c.i]!;
    c.i++;
    if (t.type === close) break;
    if (t.type !== "list_item_open") continue;
    const blocks = blocksUntil(tokens, c, "list_item_close");
    const item: ListItem = { blocks };
    const first = blocks[0];
    const lead = first?.type === "paragraph" ? first.children[0] : undefined;
    const task = lead?.type === "text" ? TASK.exec(lead.text) : null;
    if (task && first?.type === "paragraph" && lead?.type === "text") {
      item.checked = task[1] !== " ";
      const rest = lead.text.slice(task[0].length);
      const children = rest ? [{ ...lead, text: rest }, ...first.children.slice(1)] : first.children.slice(1);
      item.blocks = [{ type: "paragraph", children }, ...blocks.slice(1)];
    }
    items.push(item);
  }
  return items;
}

function tableRows(tokens: Token[], c: Cursor): Inline[][][] {
  const rows: Inline[][][] = [];
  let row: Inline[][] | null = null;
  while (c.i < tokens.length) {
    const t = tokens[c.i]!;
    c.i++;
    if (t.type === "table_close") break;
    if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && row) {
      rows.push(row);
      row = null;
    } else if (t.type === "inline" && row) row.push(inlines(t.children ?? []));
  }
  return rows;
}

/** markdown-it's emphasis tokens: the node each opens and the token that closes it. */
const MARKS: Record<string, { type: "strong" | "emphasis" | "strike"; close: string }> = {
  strong_open: { type: "strong", close: "strong_close" },
  em_open: { type: "emphasis", close: "em_close" },
  s_open: { type: "strike", close: "s_close" },
};

/** markdown-it inline tokens → inline nodes (adjacent text merged, unsafe links reduced to their label). */
function inlines(tokens: Token[]): Inline[] {
  const root: Inline[] = [];
  const stack: { node: Inline & { children: Inline[] }; close: string }[] = [];
  const push = (n: Inline): void => {
    const target = stack.length ? stack[stack.length - 1]!.node.children : root;
    const last = target[target.length - 1];
    if (n.type === "text") {
      if (!n.text) return;
      if (last?.type === "text") {
        target[target.length - 1] = { type: "text", text: last.text + n.text };
        return;
      }
    }
    target.push(n);
  };
  const open = (node: Inline & { children: Inline[] }, close: string): void => {
    push(node);
    stack.push({ node, close });
  };
  for (const t of tokens) {
    switch (t.type) {
      case "text":
      case "image": // an image shows its alt text
      case "html_inline": // raw HTML is off: tags stay visible text
        push({ type: "text", text: t.content });
        break;
      case "code_inline":
        push({ type: "code", text: t.content });
        break;
      case "softbreak":
      case "hardbreak":
        push({ type: "break" });
        break;
      case "strong_open":
      case "em_open":
      case "s_open": {
        const mark = MARKS[t.type]!;
        open({ type: mark.type, children: [] }, mark.close);
        break;
      }
      case "link_open": {
        const url = safeLinkUrl(t.attrGet("href") ?? "");
        // An unsafe link keeps only its label: a plain container that renders as its children.
        open(url ? { type: "link", url, children: [] } : { type: "strong", children: [] }, "link_close");
        if (!url) stack[stack.length - 1]!.close = "link_close:unsafe";
        break;
      }
      default: {
        const top = stack[stack.length - 1];
        if (top && (t.type === top.close || (t.type === "link_close" && top.close === "link_close:unsafe"))) {
          stack.pop();
          if (top.close === "link_close:unsafe")
            unwrap(stack.length ? stack[stack.length - 1]!.node.children : root, top.node);
        }
      }
    }
  }
  return root;
}

/** Replaces a placeholder node by its children (the label of an unsafe link). */
function unwrap(list: Inline[], node: Inline & { children: Inline[] }): void {
  const at = list.lastIndexOf(node);
  if (at < 0) return;
  list.splice(at, 1, ...node.children);
  // Merge text neighbours the unwrap brought together.
  for (let i = list.length - 1; i > 0; i--) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (a.type === "text" && b.type === "text") list.splice(i - 1, 2, { type: "text", text: a.text + b.text });
  }
}
