// The typed block model every renderer reads: the knowledge base's markdown, parsed once (./parse.ts) into
// headings, paragraphs, lists (with task items), quotes, code, tables and inline text with emphasis and links.
// Platform renderers (Slack mrkdwn, Teams TextBlocks, preview HTML) walk this model; none parses markdown itself.
// Links in the model have already passed the shared URL check (src/core/safe-url.ts): an unsafe link is stored as
// its label only.

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "emphasis"; children: Inline[] }
  | { type: "strike"; children: Inline[] }
  | { type: "code"; text: string }
  /** `url` is https or mailto, normalised by safeLinkUrl. */
  | { type: "link"; url: string; children: Inline[] }
  /** A line break inside a paragraph (soft or hard in the source). */
  | { type: "break" };

export interface ListItem {
  /** Task-list state: true for "- [x]", false for "- [ ]", undefined for an ordinary item. */
  checked?: boolean;
  blocks: Block[];
}

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "table"; rows: Inline[][][] }
  | { type: "rule" };

/** The visible text of inline content (labels, fallbacks, plain text). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = "";
  for (const n of nodes) {
    switch (n.type) {
      case "text":
      case "code":
        out += n.text;
        break;
      case "break":
        out += " ";
        break;
      default:
        out += inlineText(n.children);
    }
  }
  return out;
}

/** The visible text of blocks, one line per paragraph, heading or list item. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case "heading":
      case "paragraph":
        lines.push(inlineText(b.children));
        break;
      case "list":
        for (const item of b.items) lines.push(blocksText(item.blocks));
        break;
      case "quote":
        lines.push(blocksText(b.blocks));
        break;
      case "code":
        lines.push(b.text);
        break;
      case "table":
        for (const row of b.rows) lines.push(row.map(inlineText).join(" — "));
        break;
      case "rule":
        break;
    }
  }
  return lines.filter((l) => l.trim()).join("\n");
}
