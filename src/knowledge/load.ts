// Loads and validates the knowledge base: every knowledge/**/*.md (gray-matter + zod) and synoniemen.yml.
// Every problem is collected and reported at once as "file:line: field: what is wrong".
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import matter from "gray-matter";
import { isMap } from "yaml";
import { FileProblemsError, formatProblem, type FileProblem } from "../errors.ts";
import type { ChecklistItem } from "../reply.ts";
import { MAX_TOPIC_WORDS, MIN_QUESTIONS, editorPhraseProblems, safetyProblems, sourceUrlProblem, wordCount, type TextField } from "./rules.ts";
import { loadColloquial } from "./colloquial.ts";
import { checkFeaturedIds, loadFeatured } from "./featured.ts";
import { frontmatterSchema, synonymsSchema } from "./schema.ts";
import { fieldName, lineOf, parseYaml, type YamlSource } from "./yaml-source.ts";
import type { KnowledgeBase, KnowledgeEntry, SynonymGroups } from "./types.ts";

export const SYNONYMS_FILE = "synoniemen.yml";

export type KnowledgeProblem = FileProblem;
export { formatProblem };

/** The knowledge base has problems; `problems` lists each as file:line: field: message. */
export class KnowledgeError extends FileProblemsError<"invalid-knowledge"> {
  constructor(problems: KnowledgeProblem[]) {
    super("invalid-knowledge", "The knowledge base", problems);
  }
}

const TASK_ITEM = /^\s*[-*+]\s+\[( |x|X)\]\s+(.+?)\s*$/;

/** Splits a checklist body into its task-list items and the remaining prose. */
export function splitChecklist(body: string, id: string): { items: ChecklistItem[]; text: string } {
  const items: ChecklistItem[] = [];
  const rest: string[] = [];
  for (const line of body.split("\n")) {
    const m = TASK_ITEM.exec(line);
    if (m?.[2]) items.push({ id: `${id}#${items.length + 1}`, text: m[2] });
    else rest.push(line);
  }
  return { items, text: rest.join("\n").replace(/\n{3,}/g, "\n\n").trim() };
}

async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const items = await readdir(d, { withFileTypes: true });
    for (const it of items.sort((a, b) => a.name.localeCompare(b.name))) {
      if (it.name.startsWith(".")) continue;
      const full = join(d, it.name);
      if (it.isDirectory()) await walk(full);
      else if (it.isFile() && it.name.endsWith(".md") && it.name.toLowerCase() !== "readme.md") out.push(full);
    }
  };
  await walk(dir);
  return out;
}

interface ParsedFile {
  entry: KnowledgeEntry;
  /** Positions of the frontmatter's fields, parsed only when a cross-file problem needs a line. */
  src: () => YamlSource;
}

/** The id a file claims (its `id` field or its name), even when the file itself is invalid. */
function claimedId(path: string, raw: string): string {
  const m = /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(raw.split(/\n---/)[0] ?? "");
  return m?.[1] ?? path.split("/").pop()!.replace(/\.md$/, "");
}

/** The frontmatter with positions (slow path: only for error messages). */
function yamlSourceOf(raw: string): ReturnType<typeof parseYaml> | undefined {
  let result: ReturnType<typeof parseYaml> | undefined;
  matter(raw, {
    engines: {
      yaml: (text: string) => {
        // gray-matter hands over the text after the opening "---", starting with that line's own newline.
        result = parseYaml(text, /^\r?\n/.test(text) ? 1 : 2);
        return {};
      },
    },
  });
  return result;
}

function reportFrontmatter(raw: string, add: (line: number, field: string, message: string) => void): void {
  let yamlResult: ReturnType<typeof parseYaml> | undefined;
  try {
    yamlResult = yamlSourceOf(raw);
  } catch (e) {
    add(1, "frontmatter", `unreadable: ${(e as Error).message}`);
    return;
  }
  if (!yamlResult) return add(1, "frontmatter", "missing or not closed with a '---' line");
  if (yamlResult.error) return add(yamlResult.error.line, "frontmatter", yamlResult.error.message);
  const { src } = yamlResult;
  if (!isMap(src.doc.contents)) return add(2, "frontmatter", "must be a YAML mapping of fields (key: value)");
  const result = frontmatterSchema.safeParse(yamlResult.value);
  if (result.success) return add(1, "frontmatter", "could not be read consistently; check the YAML syntax");
  for (const issue of result.error.issues) {
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
    const message = issue.code === "unrecognized_keys" ? `unknown field (allowed: ${Object.keys(frontmatterSchema.shape).join(", ")})` : issue.message;
    add(lineOf(src, path), fieldName(path), message);
  }
}

export interface LoadOptions {
  /**
   * Also apply the editors' rules (kb:check): at least 6 questions, no notes to editors in user text, topic
   * bodies of at most 300 words, checklist items phrased as checks. The safety rules always apply.
   */
  editorial?: boolean;
}

/** Checks the text users see. Lines are looked up only when there is a problem to report. */
function checkUserText(
  fm: { title: string; summary: string; questions: string[]; kind: string; sources: { url?: string | undefined }[] },
  content: string,
  bodyStartLine: number,
  fieldLine: () => (path: PropertyKey[]) => number,
  editorial: boolean,
  add: (line: number, field: string, message: string) => void,
): void {
  const atField = (path: PropertyKey[]) => () => fieldLine()(path);
  const fields: TextField[] = [
    { field: "title", text: fm.title, lineAt: (atField(["title"])) },
    { field: "summary", text: fm.summary, lineAt: (atField(["summary"])) },
    ...fm.questions.map((q, i) => ({ field: `questions[${i}]`, text: q, lineAt: (atField(["questions", i])) })),
    { field: "body", text: content, lineAt: (offset: number) => bodyStartLine + (content.slice(0, offset).match(/\n/g)?.length ?? 0) },
  ];
  for (const p of safetyProblems(fields)) add(p.line, p.field, p.message);
  if (!editorial) return;
  for (const p of editorPhraseProblems(fields)) add(p.line, p.field, p.message);
  if (fm.questions.length < MIN_QUESTIONS) {
    add(fieldLine()(["questions"]), "questions", `has ${fm.questions.length}; needs at least ${MIN_QUESTIONS} ways people ask it (formal, loose, a situation)`);
  }
  fm.sources.forEach((s, i) => {
    const why = s.url ? sourceUrlProblem(s.url) : null;
    if (why) add(fieldLine()(["sources", i, "url"]), `sources[${i}].url`, why);
  });
  if (fm.kind === "topic") {
    const words = wordCount(content);
    if (words > MAX_TOPIC_WORDS) add(bodyStartLine, "body", `has ${words} words; a topic body has at most ${MAX_TOPIC_WORDS} (split it or move detail to a related entry)`);
  }
  if (fm.kind === "checklist") {
    content.split("\n").forEach((line, i) => {
      const m = TASK_ITEM.exec(line);
      if (m?.[2] && !m[2].includes("?")) add(bodyStartLine + i, "body", `checklist item "${m[2].slice(0, 50)}" is a statement; phrase it as a check ("Is ... geregeld?")`);
    });
  }
}

function parseEntryFile(file: string, raw: string, problems: KnowledgeProblem[], editorial = false): ParsedFile | null {
  const add = (line: number, field: string, message: string) => {
    problems.push({ file, line, field, message });
  };
  if (!/^---\r?\n/.test(raw)) {
    add(1, "frontmatter", "missing: the file must start with a '---' line, the YAML frontmatter and another '---'");
    return null;
  }
  // Fast path: gray-matter with its default YAML engine, then zod. Only when something is wrong is the file
  // parsed again with the `yaml` package, whose positions name the line of every problem.
  let parsed: matter.GrayMatterFile<string> | undefined;
  try {
    parsed = matter(raw, {});
  } catch {
    parsed = undefined;
  }
  const result = parsed && typeof parsed.data === "object" && !Array.isArray(parsed.data) ? frontmatterSchema.safeParse(parsed.data) : undefined;
  if (!parsed || !result?.success) {
    reportFrontmatter(raw, add);
    return null;
  }
  const fm = result.data;
  const fileId = file.split("/").pop()!.replace(/\.md$/, "");
  const id = fm.id ?? fileId;
  const bodyStartLine = raw.slice(0, raw.length - parsed.content.length).split("\n").length;
  const body = parsed.content.trim();
  let src: YamlSource | undefined;
  const srcOf = () => (src ??= yamlSourceOf(raw)!.src);
  const before = problems.length;
  checkUserText(fm, parsed.content, bodyStartLine, () => (path) => lineOf(srcOf(), path), editorial, add);
  if (problems.length > before) return null;
  let items: ChecklistItem[] = [];
  let text = body;
  if (fm.kind === "checklist") {
    ({ items, text } = splitChecklist(body, id));
    if (items.length === 0) add(bodyStartLine, "body", "a checklist needs at least one task-list item ('- [ ] ...')");
  }
  const entry: KnowledgeEntry = {
    id,
    title: fm.title,
    kind: fm.kind,
    summary: fm.summary.replace(/\s+/g, " ").trim(),
    questions: fm.questions,
    keywords: fm.keywords,
    audience: fm.audience,
    related: fm.related,
    sources: fm.sources.flatMap((s) => (s.url ? [{ title: s.title, url: s.url }] : [])),
    citations: fm.sources,
    updated: fm.updated,
    body: text,
    items,
    file,
  };
  return { entry, src: srcOf };
}

function parseSynonyms(file: string, raw: string, problems: KnowledgeProblem[]): SynonymGroups {
  const { src, value, error } = parseYaml(raw, 1);
  if (error) {
    problems.push({ file, line: error.line, field: "groups", message: error.message });
    return [];
  }
  if (value !== undefined && value !== null && !isMap(src.doc.contents)) {
    problems.push({ file, line: 1, field: "groups", message: "must be a mapping with a 'groups' list" });
    return [];
  }
  const result = synonymsSchema.safeParse(value ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, line: lineOf(src, issue.path), field: fieldName(issue.path), message: issue.message });
    }
    return [];
  }
  return result.data.groups.map((g) => g.map((t) => t.toLowerCase()));
}

/**
 * Loads every entry under `dir`. Throws KnowledgeError listing every problem (all files) when anything is wrong.
 */
export async function loadKnowledgeBase(dir: string, options: LoadOptions = {}): Promise<KnowledgeBase> {
  const problems: KnowledgeProblem[] = [];
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r.startsWith("..") ? p : r.split(sep).join("/") || p;
  };
  let files: string[];
  try {
    files = await listMarkdown(dir);
  } catch (e) {
    throw new KnowledgeError([{ file: dir, line: 0, field: "folder", message: `cannot be read: ${(e as Error).message}` }]);
  }
  const parsed: ParsedFile[] = [];
  const claimed = new Set<string>();
  // Synchronous reads: for thousands of small files at start-up they are several times faster than async ones.
  files.forEach((path) => {
    const raw = readFileSync(path, "utf8");
    claimed.add(claimedId(path, raw));
    const p = parseEntryFile(rel(path), raw, problems, options.editorial);
    if (p) parsed.push(p);
  });

  // Cross-file checks: unique ids, related ids that exist.
  const byId = new Map<string, KnowledgeEntry>();
  for (const { entry, src } of parsed) {
    const first = byId.get(entry.id);
    if (first) {
      problems.push({ file: entry.file, line: lineOf(src(), ["id"]), field: "id", message: `duplicate id "${entry.id}" (also in ${first.file})` });
    } else byId.set(entry.id, entry);
  }
  for (const { entry, src } of parsed) {
    entry.related.forEach((r, i) => {
      // An id of an invalid file is reported with that file; only ids that no file claims are dangling.
      if (!byId.has(r) && !claimed.has(r)) problems.push({ file: entry.file, line: lineOf(src(), ["related", i]), field: `related[${i}]`, message: `no entry has id "${r}"` });
      else if (r === entry.id) problems.push({ file: entry.file, line: lineOf(src(), ["related", i]), field: `related[${i}]`, message: "an entry cannot be related to itself" });
    });
  }

  let synonyms: SynonymGroups = [];
  const synPath = join(dir, SYNONYMS_FILE);
  const synRaw = await readFile(synPath, "utf8").catch(() => null);
  if (synRaw !== null) synonyms = parseSynonyms(rel(synPath), synRaw, problems);

  const colloquial = await loadColloquial(dir, rel, problems);
  const featured = await loadFeatured(dir, rel, problems);
  if (featured) checkFeaturedIds(featured, (id) => byId.has(id) || claimed.has(id), problems);

  if (files.length === 0) problems.push({ file: rel(dir), line: 0, field: "folder", message: "holds no knowledge entries (*.md)" });
  if (problems.length) throw new KnowledgeError(problems);
  const entries = [...byId.values()];
  return { entries, byId, synonyms, colloquial, ...(featured ? { featured: featured.ids } : {}) };
}
