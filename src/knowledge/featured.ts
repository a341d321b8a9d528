// The featured topics (knowledge/uitgelicht.yml): the entries App Home, the welcome card and an unknown reply
// offer first, in this order. Editors tune them, so they live beside the knowledge they point to and are checked
// with it: a malformed file, a duplicate or an id no entry has is a "file:line: field: message" problem.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap } from "yaml";
import { z } from "zod";
import type { FileProblem } from "../errors.ts";
import { fieldName, lineOf, parseYaml } from "./yaml-source.ts";

export const FEATURED_FILE = "uitgelicht.yml";

export const featuredSchema = z.strictObject({
  onderwerpen: z
    .array(z.string().trim().regex(/^[a-z0-9-]+$/, "must be an entry id (lowercase letters, digits and hyphens)"), {
      error: "must be a list of entry ids",
    })
    .min(1, "needs at least one entry id"),
});

export interface FeaturedFile {
  file: string;
  /** The ids in order, each once. */
  ids: string[];
  /** Where each of `ids` stands (its index in the list and its line), for problems found once the base is known. */
  places: { index: number; line: number }[];
}

/** Parses uitgelicht.yml text; a duplicate id is reported at its second place. */
export function parseFeatured(file: string, raw: string, problems: FileProblem[]): FeaturedFile | null {
  const { src, value, error } = parseYaml(raw, 1);
  if (error) {
    problems.push({ file, line: error.line, field: "onderwerpen", message: error.message });
    return null;
  }
  if (!isMap(src.doc.contents)) {
    problems.push({ file, line: 1, field: "onderwerpen", message: "must be a mapping with an 'onderwerpen' list" });
    return null;
  }
  const result = featuredSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, line: lineOf(src, issue.path), field: fieldName(issue.path) || "onderwerpen", message: issue.message });
    }
    return null;
  }
  const lineAt = (i: number) => lineOf(src, ["onderwerpen", i]);
  const listed = result.data.onderwerpen;
  const featured: FeaturedFile = { file, ids: [], places: [] };
  listed.forEach((id, i) => {
    const first = listed.indexOf(id);
    if (first !== i) {
      problems.push({ file, line: lineAt(i), field: `onderwerpen[${i}]`, message: `"${id}" is already listed (line ${lineAt(first)})` });
      return;
    }
    featured.ids.push(id);
    featured.places.push({ index: i, line: lineAt(i) });
  });
  return featured;
}

/** Reports every featured id that no entry has (ids of files that are themselves invalid are reported there). */
export function checkFeaturedIds(featured: FeaturedFile, exists: (id: string) => boolean, problems: FileProblem[]): void {
  featured.ids.forEach((id, k) => {
    if (exists(id)) return;
    const { index, line } = featured.places[k]!;
    problems.push({ file: featured.file, line, field: `onderwerpen[${index}]`, message: `no entry has id "${id}"` });
  });
}

/** Reads `dir/uitgelicht.yml` when it exists (without one, the first topics of the base are featured). */
export async function loadFeatured(dir: string, rel: (p: string) => string, problems: FileProblem[]): Promise<FeaturedFile | null> {
  const path = join(dir, FEATURED_FILE);
  const raw = await readFile(path, "utf8").catch(() => null);
  return raw === null ? null : parseFeatured(rel(path), raw, problems);
}
