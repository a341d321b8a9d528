// The logic of `npm run kb:check [-- folder]` (entry: src/cli/kb-check.ts): validates the knowledge base with the
// editors' rules as well as the schema; prints every problem and exits 1, or a summary.
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";
import { checkRegisterFiles } from "../termijnen/register-check.ts";
import { type CliIo, errLine, outLine } from "./io.ts";
import { staleWarnings } from "./stale-warnings.ts";

/** Runs `npm run kb:check` with the arguments after `--`; returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const dir = argv[0] ?? io.env.KNOWLEDGE_DIR ?? "knowledge";
  let code = 0;
  const failed = (): void => {
    code = 1;
    io.exitCodeSoFar?.(code);
  };
  try {
    const kb = await loadKnowledgeBase(dir, { editorial: true });
    const perKind = new Map<string, number>();
    for (const e of kb.entries) perKind.set(e.kind, (perKind.get(e.kind) ?? 0) + 1);
    const kinds = [...perKind].map(([k, n]) => `${n} ${k}`).join(", ");
    outLine(
      io,
      `${dir}: ${kb.entries.length} entries OK (${kinds}); ${kb.synonyms.length} synonym groups; ${kb.colloquial?.length ?? 0} spreektaal mappings; ${kb.featured?.length ?? 0} featured`,
    );
    // Warnings only: stale content never fails the check.
    for (const line of staleWarnings(kb, new Date(), io.env)) errLine(io, line);
  } catch (e) {
    if (e instanceof KnowledgeError) {
      for (const p of e.problems) errLine(io, formatProblem(p));
      errLine(io, `${dir}: ${e.problems.length} problem(s)`);
    } else {
      errLine(io, `${dir}: ${(e as Error).message}`);
    }
    failed();
  }
  // The gemeente's register of regelingen (optional; see README "Termijnen").
  const out = { log: (line: string) => outLine(io, line), error: (line: string) => errLine(io, line) };
  if (!(await checkRegisterFiles(dir, io.env.REGISTER_FILE, out))) failed();
  return code;
}
