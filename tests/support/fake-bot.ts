// The in-memory Bot both chat adapters' tests use (Slack and Teams render the same neutral replies).
import type { Bot, ChecklistProgress, ChecklistSummary } from "../../src/core/bot.ts";
import type { Answer, ChecklistItem, Reply } from "../../src/reply.ts";
import type { ChecklistRun, Platform } from "../../src/store/port.ts";

const sources = [{ title: "Wet gemeenschappelijke regelingen", url: "https://wetten.overheid.nl/BWBR0003740" }];

/** Two topics and a checklist; the checklist's items are the caller's (adapters test different lengths). */
export function makeFakeAnswers(checklistItems: ChecklistItem[]): Answer[] {
  return [
    {
      id: "zienswijze-begroting",
      kind: "topic",
      title: "Zienswijze op de begroting van een gemeenschappelijke regeling",
      summary: "De raad kan binnen **acht weken** een zienswijze geven op de ontwerpbegroting.",
      text: "## Hoe werkt het\n\nHet dagelijks bestuur stuurt de *ontwerpbegroting* naar de raden.\n\n- De griffie plant de behandeling\n- De raad stelt de zienswijze vast\n\nZie [de wet](https://wetten.overheid.nl/BWBR0003740).",
      links: sources,
      related: [{ id: "uittreden", title: "Uittreden uit een gemeenschappelijke regeling" }],
      updated: "2026-01-15",
    },
    {
      id: "uittreden",
      kind: "topic",
      title: "Uittreden uit een gemeenschappelijke regeling",
      summary: "Uittreden kan volgens de regels in de regeling zelf.",
      text: "De regeling bepaalt de voorwaarden en de kosten van uittreding.",
      links: sources,
      related: [],
    },
    {
      id: "checklist-uittreden",
      kind: "checklist",
      title: "Checklist uittreden",
      summary: "Controleer deze punten voor een besluit over uittreden.",
      text: "Loop de punten na voordat de raad besluit.",
      items: checklistItems,
      links: sources,
      related: [{ id: "uittreden", title: "Uittreden uit een gemeenschappelijke regeling" }],
    },
  ];
}

export interface FakeBotCalls {
  asked: string[];
  feedback: { entryId: string; helpful: boolean; platform: Platform }[];
  toggles: { runId: string; itemId: string; userId: string; checked: boolean }[];
  started: { checklistId: string; context: string }[];
}

/** An in-memory Bot for adapter tests: canned replies, checklist runs in a Map, every call recorded. */
export function createFakeBot(fakeAnswers: Answer[]): Bot & { calls: FakeBotCalls } {
  const byId = new Map(fakeAnswers.map((a) => [a.id, a]));
  const runs = new Map<string, ChecklistRun>();
  const calls: FakeBotCalls = { asked: [], feedback: [], toggles: [], started: [] };
  const answerReply = (a: Answer): Reply => ({ status: "answer", confidence: 1, answer: a, alternatives: [] });
  const unknown = (): Reply => ({
    status: "unknown",
    confidence: 0,
    answer: null,
    alternatives: [{ id: "uittreden", title: byId.get("uittreden")!.title, score: 0.2 }],
  });
  const summary = (a: Answer): ChecklistSummary => ({
    id: a.id,
    title: a.title,
    summary: a.summary,
    itemCount: a.items?.length ?? 0,
  });
  const progressOf = (run: ChecklistRun): ChecklistProgress => {
    const a = byId.get(run.checklistId)!;
    const ticked = new Set(run.ticked.map((t) => t.itemId));
    const items = (a.items ?? []).map((i) => ({ id: i.id, text: i.text, checked: ticked.has(i.id) }));
    return { run, title: a.title, items, done: items.filter((i) => i.checked).length, total: items.length };
  };
  return {
    calls,
    async ask(question) {
      calls.asked.push(question);
      const q = question.toLowerCase();
      if (q.includes("zienswijze"))
        return {
          ...answerReply(byId.get("zienswijze-begroting")!),
          alternatives: [{ id: "uittreden", title: byId.get("uittreden")!.title, score: 0.3 }],
        };
      if (q.includes("uittre"))
        return {
          status: "ambiguous",
          confidence: 0.5,
          answer: byId.get("uittreden")!,
          alternatives: [{ id: "checklist-uittreden", title: "Checklist uittreden", score: 0.4 }],
        };
      if (/^(hallo|help)$/.test(q)) return this.help();
      return unknown();
    },
    answerById(id) {
      const a = byId.get(id);
      return a ? answerReply(a) : unknown();
    },
    async openEntry(id) {
      return this.answerById(id);
    },
    help: () => ({
      status: "help",
      confidence: 1,
      answer: null,
      alternatives: [{ id: "zienswijze-begroting", title: byId.get("zienswijze-begroting")!.title, score: 1 }],
    }),
    listChecklists: () => fakeAnswers.filter((a) => a.kind === "checklist").map(summary),
    findChecklist: (query) => {
      const a = fakeAnswers.find((x) => x.kind === "checklist" && x.title.toLowerCase().includes(query.toLowerCase()));
      return a ? summary(a) : null;
    },
    featuredTopics: () => fakeAnswers.filter((a) => a.kind === "topic").map((a) => ({ id: a.id, title: a.title })),
    async recordFeedback(entryId, helpful, platform) {
      calls.feedback.push({ entryId, helpful, platform });
    },
    async startChecklist(checklistId, context) {
      calls.started.push({ checklistId, context });
      const existing = [...runs.values()].find((r) => r.checklistId === checklistId && r.context === context);
      if (existing) return progressOf(existing);
      const now = new Date();
      const run: ChecklistRun = {
        runId: `run-${runs.size + 1}`,
        checklistId,
        context,
        ticked: [],
        createdAt: now,
        updatedAt: now,
      };
      runs.set(run.runId, run);
      return progressOf(run);
    },
    async toggleChecklistItem(runId, itemId, userId, checked) {
      calls.toggles.push({ runId, itemId, userId, checked });
      const run = runs.get(runId);
      if (!run) throw new Error("no run");
      run.ticked = run.ticked.filter((t) => t.itemId !== itemId);
      if (checked) run.ticked.push({ itemId, userHash: "h", at: new Date() });
      return progressOf(run);
    },
    async checklistProgress(runId) {
      const run = runs.get(runId);
      return run ? progressOf(run) : null;
    },
    async exportChecklist(runId) {
      const run = runs.get(runId);
      if (!run) return null;
      const p = progressOf(run);
      return [`# ${p.title}`, "", ...p.items.map((i) => `- [${i.checked ? "x" : " "}] ${i.text}`)].join("\n");
    },
  };
}
