// npm run kb:check [-- folder]: validates the knowledge base with the editors' rules as well as the schema;
// prints every problem and exits 1, or a summary.
import "./quiet-pipe.ts";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";
import { checkRegisterFiles } from "../termijnen/register-check.ts";
import { staleWarnings } from "./stale-warnings.ts";

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? "knowledge";
try {
  const kb = await loadKnowledgeBase(dir, { editorial: true });
  const perKind = new Map<string, number>();
  for (const e of kb.entries) perKind.set(e.kind, (perKind.get(e.kind) ?? 0) + 1);
  const kinds = [...perKind].map(([k, n]) => `${n} ${k}`).join(", ");
  console.log(
    `${dir}: ${kb.entries.length} entries OK (${kinds}); ${kb.synonyms.length} synonym groups; ${kb.colloquial?.length ?? 0} spreektaal mappings; ${kb.featured?.length ?? 0} featured`,
  );
  // Warnings only: stale content never fails the check.
  for (const line of staleWarnings(kb, new Date(), process.env)) console.warn(line);
} catch (e) {
  if (e instanceof KnowledgeError) {
    for (const p of e.problems) console.error(formatProblem(p));
    console.error(`${dir}: ${e.problems.length} problem(s)`);
  } else {
    console.error(`${dir}: ${(e as Error).message}`);
  }
  process.exitCode = 1;
}
// The gemeente's register of regelingen (optional; see README "Termijnen").
if (!(await checkRegisterFiles(dir, process.env.REGISTER_FILE))) process.exitCode = 1;
