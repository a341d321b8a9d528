// kb:learn's one write: a phrasing into an entry's `questions`, then the knowledge check, the diff, and whether the
// engine now finds the entry by that phrasing.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { promisify } from "node:util";
import { createEngine } from "../engine/index.ts";
import { formatProblem, KnowledgeError, loadKnowledgeBase } from "../knowledge/load.ts";
import { addQuestion, AddQuestionError } from "./add-question.ts";

const run = promisify(execFile);

export interface ApplyResult {
  file: string;
  /** The entry the phrasing was added to. */
  entryId: string;
  /** False when the entry already had this phrasing. */
  changed: boolean;
  /** Problems of the knowledge check after the write (empty = OK). */
  problems: string[];
  /** Entries in the base after the write (0 when the check failed). */
  entries: number;
  /** The id the engine answers this phrasing with after the change (null = no answer). */
  foundAs: string | null;
  /** `git diff` of the file, or a plain "+ line" when the folder is not in a git repository. */
  diff: string;
}

async function gitDiff(file: string): Promise<string | null> {
  try {
    const { stdout } = await run("git", ["diff", "--no-color", "--", file], { cwd: dirname(file), maxBuffer: 1 << 20 });
    return stdout;
  } catch {
    return null;
  }
}

function plainDiff(oldText: string, newText: string): string {
  const a = oldText.split("\n");
  const b = newText.split("\n");
  const at = b.findIndex((l, i) => l !== a[i]);
  return at < 0 ? "" : `@@ regel ${at + 1} @@\n+${b[at]}\n`;
}

export async function applyQuestion(dir: string, entryId: string, question: string): Promise<ApplyResult> {
  const kb = await loadKnowledgeBase(dir);
  const entry = kb.byId.get(entryId);
  if (!entry) throw new AddQuestionError(`geen onderwerp met id "${entryId}" in ${dir}`);
  const file = resolve(entry.file);
  const before = await readFile(file, "utf8");
  const result = addQuestion(before, question);
  if (!result.changed)
    return {
      file: entry.file,
      entryId,
      changed: false,
      problems: [],
      entries: kb.entries.length,
      foundAs: null,
      diff: "",
    };
  await writeFile(file, result.text);

  let problems: string[] = [];
  let foundAs: string | null = null;
  let entries = 0;
  const problemsOf = (err: unknown): string[] =>
    err instanceof KnowledgeError ? err.problems.map(formatProblem) : [(err as Error).message];
  // The check of `npm run kb:check` (the editors' rules too); the engine also runs on a base that only breaks those.
  let after = await loadKnowledgeBase(dir, { editorial: true }).catch((err: unknown) => {
    problems = problemsOf(err);
    return null;
  });
  if (!after && problems.length) after = await loadKnowledgeBase(dir).catch(() => null);
  if (after) {
    if (!problems.length) entries = after.entries.length;
    const reply = createEngine(after).ask(question);
    foundAs = reply.status === "answer" || reply.status === "ambiguous" ? (reply.answer?.id ?? null) : null;
  }
  const diff = (await gitDiff(file)) || plainDiff(before, result.text);
  return { file: entry.file, entryId, changed: true, problems, entries, foundAs, diff };
}

/**
 * What kb:learn prints after a write (Dutch, for the editor): the diff, the check's result, and whether the engine
 * now answers the phrasing with the chosen entry; a warning when it answers with another entry or not at all.
 */
export function appliedLines(r: ApplyResult, question: string): string[] {
  if (!r.changed) return [`${r.file} heeft deze vraag al; niets gewijzigd.`];
  const out = [`Toegevoegd aan ${r.file}:`, ...r.diff.replace(/\n$/, "").split("\n")];
  if (r.problems.length) {
    out.push(`Kennisbank gecontroleerd: ${r.problems.length} fout(en):`, ...r.problems.map((p) => `  ${p}`));
  } else {
    out.push(`Kennisbank gecontroleerd: ${r.entries} onderwerpen, geen fouten.`);
  }
  if (r.foundAs === r.entryId) out.push(`De vraag "${question}" vindt nu: ${r.foundAs}`);
  else if (r.foundAs)
    out.push(
      `Let op: de vraag "${question}" vindt nog steeds ${r.foundAs}, niet ${r.entryId}. ` +
        "Maak de formulering of de trefwoorden van het onderwerp specifieker (of kies het andere onderwerp).",
    );
  else out.push(`Let op: de vraag "${question}" geeft nog geen zeker antwoord.`);
  return out;
}
