// The colloquial lexicon (knowledge/spreektaal.yml): one-way mappings from everyday Dutch to the words the base
// uses ("smaken" → "soorten, vormen"). Unlike synonyms they only work forwards: a question with "clubje" also
// searches "samenwerkingsverband", never the other way round. Validated here with file:line: field messages.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load } from "js-yaml";
import { type Document, isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { z } from "zod";
import type { FileProblem } from "../errors.ts";
import type { ColloquialMapping } from "./types.ts";

export const COLLOQUIAL_FILE = "spreektaal.yml";

const phrase = z.string().trim().min(1, "must not be empty").max(60, "at most 60 characters");
const phrases = z.union([phrase.transform((p) => [p]), z.array(phrase).min(1, "needs at least one word or phrase")]);
export const colloquialSchema = z.strictObject({
  mappings: z
    .array(z.strictObject({ van: phrases, naar: phrases }), { error: "must be a list of {van, naar}" })
    .default([]),
});

/**
 * Parses spreektaal.yml text; problems name the line and the field. js-yaml reads the file (a tenth of the time the
 * `yaml` library takes, 0.1 CPU-s at every start); the `yaml` library's document, which knows each node's line, is
 * built only when there is a problem to place, and decides what a syntax error says.
 */
export function parseColloquial(file: string, raw: string, problems: FileProblem[]): ColloquialMapping[] {
  let placed: { doc: Document; lc: LineCounter } | undefined;
  const document = () => {
    if (!placed) {
      const lc = new LineCounter();
      placed = { doc: parseDocument(raw, { lineCounter: lc, prettyErrors: false }), lc };
    }
    return placed;
  };
  const lineOf = (path: readonly PropertyKey[]): number => {
    const { doc, lc } = document();
    let node: unknown = doc.contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        const next = (node as { get(k: unknown, keep: true): unknown }).get(typeof key === "number" ? key : String(key), true) as Node | undefined;
        if (!next) break;
        node = next;
        if (next.range) line = lc.linePos(next.range[0]).line;
      } else break;
    }
    return line;
  };
  let data: unknown;
  try {
    data = load(raw);
  } catch {
    const { doc, lc } = document();
    const e = doc.errors[0];
    if (e) {
      problems.push({ file, line: lc.linePos(e.pos[0]).line, field: "mappings", message: e.message.split("\n")[0]! });
      return [];
    }
    data = doc.toJS(); // what js-yaml refuses and the yaml library reads, as before
  }
  const result = colloquialSchema.safeParse(data ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, line: lineOf(issue.path), field: issue.path.map(String).join(".") || "mappings", message: issue.message });
    }
    return [];
  }
  const mappings = result.data.mappings.map((m) => ({ from: m.van.map((t) => t.toLowerCase()), to: m.naar.map((t) => t.toLowerCase()) }));
  // One meaning per everyday word: a word mapped twice is reported at its second mapping.
  const seen = new Map<string, number>();
  mappings.forEach((m, i) => {
    for (const w of m.from) {
      const first = seen.get(w);
      if (first !== undefined) problems.push({ file, line: lineOf(["mappings", i, "van"]), field: `mappings.${i}.van`, message: `"${w}" is already mapped (mapping ${first + 1})` });
      else seen.set(w, i);
      if (m.to.includes(w)) problems.push({ file, line: lineOf(["mappings", i, "naar"]), field: `mappings.${i}.naar`, message: `"${w}" maps to itself` });
    }
  });
  return mappings;
}

/** Reads `dir/spreektaal.yml` when it exists (a base without one simply has no colloquial lexicon). */
export async function loadColloquial(dir: string, rel: (p: string) => string, problems: FileProblem[]): Promise<ColloquialMapping[]> {
  const path = join(dir, COLLOQUIAL_FILE);
  const raw = await readFile(path, "utf8").catch(() => null);
  return raw === null ? [] : parseColloquial(rel(path), raw, problems);
}
