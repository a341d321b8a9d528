// YAML with positions, shared by every data file of the knowledge folder: parse once, then find the line of any
// field path so that problems read "file:line: field: message".
import { LineCounter, parseDocument, type Document } from "yaml";

/** A parsed YAML document with a way to find the line of any field path. */
export interface YamlSource {
  doc: Document;
  /** 1-based line in the file where the YAML text starts. */
  firstLine: number;
  counter: LineCounter;
}

export function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
  // Walk down as far as the path exists; report the deepest node found (or the key of a missing field's parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth).map((p) => (typeof p === "symbol" ? String(p) : p));
    const node = sub.length === 0 ? src.doc.contents : src.doc.getIn(sub, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return src.firstLine + src.counter.linePos(range[0]).line - 1;
  }
  return src.firstLine;
}

export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "frontmatter";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

/**
 * Where a YAML error starts. The parser reports an unclosed quote at the end of the text; the quote that was
 * opened (the last one not part of an escape) is where the editor has to look.
 */
function errorOffset(text: string, pos: number, message: string): number {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (!quote) return pos;
  for (let i = Math.min(pos, text.length - 1); i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === "\\") continue;
    if (quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) {
      i--;
      continue;
    }
    return i;
  }
  return pos;
}

export function parseYaml(text: string, firstLine: number): { src: YamlSource; value: unknown; error?: { line: number; message: string } } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const src = { doc, firstLine, counter };
  const err = doc.errors[0];
  if (err) {
    const line = firstLine + counter.linePos(errorOffset(text, err.pos[0], err.message)).line - 1;
    return { src, value: undefined, error: { line, message: `unparsable YAML: ${err.message.split("\n")[0]}` } };
  }
  return { src, value: doc.toJS() as unknown };
}

