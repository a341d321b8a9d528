// One walk over the model's inline nodes for every platform renderer (Slack mrkdwn, Teams markdown, preview HTML):
// a renderer says only how each kind of node looks on its platform, so no renderer repeats the traversal.
import type { Inline } from "./model.ts";

/** How one platform writes each kind of inline node; `inner` is the node's children, already rendered. */
export interface InlineRenderer {
  text(text: string): string;
  code(text: string): string;
  break(): string;
  strong(inner: string): string;
  emphasis(inner: string): string;
  strike(inner: string): string;
  /** `children` for renderers that label a link with its plain text; `inner` for those that keep its formatting. */
  link(url: string, children: readonly Inline[], inner: string): string;
}

/** Inline nodes → one platform's text, through its renderer. */
export function renderInlines(nodes: readonly Inline[], r: InlineRenderer): string {
  let out = "";
  for (const n of nodes) {
    switch (n.type) {
      case "text":
        out += r.text(n.text);
        break;
      case "code":
        out += r.code(n.text);
        break;
      case "break":
        out += r.break();
        break;
      case "link":
        out += r.link(n.url, n.children, renderInlines(n.children, r));
        break;
      default:
        out += r[n.type](renderInlines(n.children, r));
    }
  }
  return out;
}

/**
 * Wraps formatted text in a marker ("*", "_", "**"), keeping surrounding spaces outside: Slack and Teams ignore
 * "* b *". Empty text stays empty (no "**").
 */
export function wrapMarker(marker: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  const body = m?.[2] ?? inner;
  return body ? `${m?.[1] ?? ""}${marker}${body}${marker}${m?.[3] ?? ""}` : inner;
}
