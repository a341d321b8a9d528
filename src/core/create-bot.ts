// The Bot facade (src/core/bot.ts) on top of the Engine and the Store: what Slack, Teams, the CLI and the preview
// page call, so they all behave the same.
import type { Logger } from "../log.ts";
import type { Engine } from "../engine/types.ts";
import { contentTokens, stem } from "../engine/analyze.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";
import type { ChecklistRun, Platform, Store } from "../store/port.ts";
import { ChecklistError, UnknownRunError } from "../errors.ts";
import type { AskContext, Bot, ChecklistProgress, ChecklistSummary } from "./bot.ts";
import { messages } from "./messages.ts";
import type { Reply } from "./reply.ts";

/** Entry points shown on App Home and the welcome card, in this order, when they exist. */
export const FEATURED_TOPIC_IDS = [
  "rol-van-de-raad",
  "zienswijze-begroting",
  "toestemming-raad",
  "valkuilen-samenwerking",
  "uittreden-gr",
] as const;
const FEATURED_COUNT = 5;
const MIN_FEATURED = 3;

export interface CreateBotOptions {
  engine: Engine;
  store: Store;
  logger: Logger;
  /** Source of "now" for the export date (tests). */
  clock?: () => Date;
}

const EXPORT_DATE = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/** "23 november 2026" (Dutch, Amsterdam time). */
export const formatDutchDate = (d: Date): string => EXPORT_DATE.format(d);

/** Words that say "a checklist" rather than what it is about. */
const CHECKLIST_WORDS = new Set(["checklist", "checklists", "lijst", "lijstje", "afvinklijst", "stappen", "stappenplan"]);

const terms = (text: string): string[] => contentTokens(text).filter((t) => !CHECKLIST_WORDS.has(t)).map(stem);

/** Equal stems, or one a prefix of the other for longer words (uittred ~ uittreding, begroting ~ begrotingswijziging). */
const termMatches = (a: string, b: string): boolean =>
  a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

const escapeLinkText = (text: string): string => text.replace(/([\\[\]])/g, "\\$1");

export function createBot({ engine, store, logger, clock = () => new Date() }: CreateBotOptions): Bot {
  const log = logger.child({ component: "bot" });
  const byId = new Map<string, KnowledgeEntry>(engine.entries.map((e) => [e.id, e]));
  const checklists = engine.entries.filter((e) => e.kind === "checklist");
  const checklistTerms = new Map<string, Set<string>>(
    checklists.map((e) => [e.id, new Set(terms([e.title, e.id.replace(/[-_]/g, " "), ...e.keywords].join(" ")))]),
  );

  const summarize = (e: KnowledgeEntry): ChecklistSummary => ({
    id: e.id,
    title: e.title,
    summary: e.summary,
    itemCount: e.items.length,
  });

  const featured = ((): { id: string; title: string }[] => {
    const topics = engine.entries.filter((e) => e.kind === "topic");
    const picked: KnowledgeEntry[] = FEATURED_TOPIC_IDS.map((id) => byId.get(id)).filter((e): e is KnowledgeEntry => !!e);
    if (picked.length < MIN_FEATURED) {
      for (const e of topics.length ? topics : engine.entries) {
        if (picked.length >= FEATURED_COUNT) break;
        if (!picked.includes(e)) picked.push(e);
      }
    }
    return picked.map((e) => ({ id: e.id, title: e.title }));
  })();

  const unknownReply = (): Reply => ({
    status: "unknown",
    confidence: 0,
    answer: null,
    alternatives: featured.map((t) => ({ ...t, score: 0 })),
  });

  const checklistEntry = (id: string): KnowledgeEntry => {
    const entry = byId.get(id);
    if (!entry || entry.kind !== "checklist") throw new ChecklistError("unknown-checklist", `Unknown checklist: ${id}`);
    return entry;
  };

  const progressOf = (run: ChecklistRun, entry: KnowledgeEntry): ChecklistProgress => {
    const ticked = new Set(run.ticked.map((t) => t.itemId));
    const items = entry.items.map((i) => ({ id: i.id, text: i.text, checked: ticked.has(i.id) }));
    return { run, title: entry.title, items, done: items.filter((i) => i.checked).length, total: items.length };
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
    async ask(question: string, ctx: AskContext): Promise<Reply> {
      const text = typeof question === "string" ? question : "";
      let reply: Reply;
      try {
        reply = engine.ask(text);
      } catch (err) {
        // The engine promises never to throw; if it does anyway, the user still gets a polite reply.
        log.error({ err }, "engine.ask threw");
        return unknownReply();
      }
      if (reply.status === "unknown" && text.trim() && ctx.recordUnanswered !== false) {
        const guess = reply.alternatives.find((a) => a.score > 0);
        try {
          await store.recordUnanswered({
            question: text,
            bestGuess: guess?.id ?? null,
            confidence: reply.confidence,
            platform: ctx.platform,
          });
        } catch (err) {
          log.warn({ err }, "could not record an unanswered question");
        }
      }
      return reply;
    },

    answerById(id: string): Reply {
      return engine.replyFor(id) ?? unknownReply();
    },

    help(): Reply {
      return engine.help();
    },

    listChecklists(): ChecklistSummary[] {
      return checklists.map(summarize);
    },

    findChecklist(query: string): ChecklistSummary | null {
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

    featuredTopics(): { id: string; title: string }[] {
      return featured.map((t) => ({ ...t }));
    },

    async recordFeedback(entryId: string, helpful: boolean, platform: Platform, comment?: string): Promise<void> {
      if (!byId.has(entryId)) {
        log.warn({ entryId }, "feedback for an unknown entry ignored");
        return;
      }
      await store.recordFeedback({ entryId, helpful, platform, ...(comment === undefined ? {} : { comment }) });
    },

    async startChecklist(checklistId: string, context: string): Promise<ChecklistProgress> {
      const entry = checklistEntry(checklistId);
      const run = await store.startChecklistRun(entry.id, context);
      return progressOf(run, entry);
    },

    async toggleChecklistItem(runId: string, itemId: string, userId: string, checked: boolean): Promise<ChecklistProgress> {
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
        if (err instanceof UnknownRunError) {
          throw new ChecklistError("unknown-run", `Unknown checklist run: ${runId}`);
        }
        throw err;
      }
    },

    async checklistProgress(runId: string): Promise<ChecklistProgress | null> {
      const run = await store.getChecklistRun(runId);
      if (!run) return null;
      const entry = byId.get(run.checklistId);
      if (!entry || entry.kind !== "checklist") return null;
      return progressOf(run, entry);
    },

    async exportChecklist(runId: string): Promise<string | null> {
      const run = await store.getChecklistRun(runId);
      if (!run) return null;
      const entry = byId.get(run.checklistId);
      if (!entry || entry.kind !== "checklist") return null;
      const progress = progressOf(run, entry);
      const lines = [
        `# ${progress.title}`,
        "",
        formatDutchDate(clock()),
        "",
        ...progress.items.map((i) => `- [${i.checked ? "x" : " "}] ${i.text}`),
      ];
      if (entry.sources.length) {
        lines.push("", `## ${messages.sources}`, "", ...entry.sources.map((s) => `- [${escapeLinkText(s.title)}](${s.url})`));
      }
      return `${lines.join("\n")}\n`;
    },
  };
}
