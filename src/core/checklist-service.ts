// The checklist half of the Bot facade: find a checklist, open a run, tick items, show progress, export markdown.
import { contentTokens, stem } from "../engine/analyze.ts";
import { ChecklistError, UnknownRunError } from "../errors.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";
import type { ChecklistRun } from "../store/port.ts";
import type { Bot, ChecklistProgress, ChecklistSummary } from "./bot.ts";
import { formatDutchDate } from "./dutch-date.ts";
import { messages } from "./messages.ts";
import type { ServiceDeps } from "./question-service.ts";
import { normalizeUserText } from "./user-text.ts";

export type ChecklistService = Pick<
  Bot,
  | "listChecklists"
  | "findChecklist"
  | "startChecklist"
  | "toggleChecklistItem"
  | "checklistProgress"
  | "exportChecklist"
>;

/** Words that say "a checklist" rather than what it is about. */
const CHECKLIST_WORDS = new Set([
  "checklist",
  "checklists",
  "lijst",
  "lijstje",
  "afvinklijst",
  "stappen",
  "stappenplan",
]);

const terms = (text: string): string[] =>
  contentTokens(text)
    .filter((t) => !CHECKLIST_WORDS.has(t))
    .map(stem);

/** Equal stems, or one a prefix of the other for longer words (uittred ~ uittreding, begroting ~ begrotingswijziging). */
const termMatches = (a: string, b: string): boolean =>
  a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

const escapeLinkText = (text: string): string => text.replace(/([\\[\]])/g, "\\$1");

const summarize = (e: KnowledgeEntry): ChecklistSummary => ({
  id: e.id,
  title: e.title,
  summary: e.summary,
  itemCount: e.items.length,
});

const progressOf = (run: ChecklistRun, entry: KnowledgeEntry): ChecklistProgress => {
  const ticked = new Set(run.ticked.map((t) => t.itemId));
  const items = entry.items.map((i) => ({ id: i.id, text: i.text, checked: ticked.has(i.id) }));
  return { run, title: entry.title, items, done: items.filter((i) => i.checked).length, total: items.length };
};

export function createChecklistService({
  engine,
  store,
  clock,
}: Omit<ServiceDeps, "log"> & { clock: () => Date }): ChecklistService {
  const byId = new Map<string, KnowledgeEntry>(engine.entries.map((e) => [e.id, e]));
  const checklists = engine.entries.filter((e) => e.kind === "checklist");
  const checklistTerms = new Map<string, Set<string>>(
    checklists.map((e) => [e.id, new Set(terms([e.title, e.id.replace(/[-_]/g, " "), ...e.keywords].join(" ")))]),
  );

  const checklistEntry = (id: string): KnowledgeEntry => {
    const entry = byId.get(id);
    if (!entry || entry.kind !== "checklist") throw new ChecklistError("unknown-checklist", `Unknown checklist: ${id}`);
    return entry;
  };

  /** The run and its checklist, or null when either is gone. */
  const runWithEntry = async (runId: string): Promise<{ run: ChecklistRun; entry: KnowledgeEntry } | null> => {
    const run = await store.getChecklistRun(runId);
    if (!run) return null;
    const entry = byId.get(run.checklistId);
    if (!entry || entry.kind !== "checklist") return null;
    return { run, entry };
  };

  const bestByOverlap = (query: string): KnowledgeEntry | null => {
    const q = [...new Set(terms(query))];
    if (q.length === 0) return null;
    let best: KnowledgeEntry | null = null;
    let bestScore = 0;
    for (const e of checklists) {
      const own = [...(checklistTerms.get(e.id) ?? [])];
      const score = q.filter((t) => own.some((o) => termMatches(t, o))).length / q.length;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  };

  return {
    listChecklists() {
      return checklists.map(summarize);
    },

    findChecklist(rawQuery) {
      const query = normalizeUserText(rawQuery);
      if (!query.trim() || checklists.length === 0) return null;
      const reply = engine.ask(query);
      if ((reply.status === "answer" || reply.status === "ambiguous") && reply.answer?.kind === "checklist") {
        const entry = byId.get(reply.answer.id);
        if (entry) return summarize(entry);
      }
      const overlap = bestByOverlap(query);
      if (overlap) return summarize(overlap);
      // A confident topic answer that links to a checklist ("uittreden" → uittreden-gr → checklist-uittreden).
      if (reply.status === "answer" && reply.answer) {
        const related = reply.answer.related.map((r) => byId.get(r.id)).find((e) => e?.kind === "checklist");
        if (related) return summarize(related);
      }
      return null;
    },

    async startChecklist(checklistId, context) {
      const entry = checklistEntry(checklistId);
      const run = await store.startChecklistRun(entry.id, context);
      return progressOf(run, entry);
    },

    async toggleChecklistItem(runId, itemId, userId, checked) {
      const run = await store.getChecklistRun(runId);
      if (!run) throw new ChecklistError("unknown-run", `Unknown checklist run: ${runId}`);
      const entry = checklistEntry(run.checklistId);
      if (!entry.items.some((i) => i.id === itemId)) {
        throw new ChecklistError("unknown-item", `Unknown item ${itemId} in checklist ${entry.id}`);
      }
      try {
        const updated = await store.setChecklistItem(runId, itemId, userId, checked);
        return progressOf(updated, entry);
      } catch (err) {
        // The run can disappear between the two calls (retention purge on another instance).
        if (err instanceof UnknownRunError) throw new ChecklistError("unknown-run", `Unknown checklist run: ${runId}`);
        throw err;
      }
    },

    async checklistProgress(runId) {
      const found = await runWithEntry(runId);
      return found ? progressOf(found.run, found.entry) : null;
    },

    async exportChecklist(runId) {
      const found = await runWithEntry(runId);
      if (!found) return null;
      const { entry } = found;
      const progress = progressOf(found.run, entry);
      const lines = [
        `# ${progress.title}`,
        "",
        formatDutchDate(clock()),
        "",
        ...progress.items.map((i) => `- [${i.checked ? "x" : " "}] ${i.text}`),
      ];
      if (entry.sources.length) {
        lines.push(
          "",
          `## ${messages.sources}`,
          "",
          ...entry.sources.map((s) => `- [${escapeLinkText(s.title)}](${s.url})`),
        );
      }
      return `${lines.join("\n")}\n`;
    },
  };
}
