// A small knowledge base and a scripted fake Engine for the Bot facade tests.
import type { Answer, Reply } from "../../src/reply.ts";
import { answerOf as engineAnswerOf } from "../../src/engine/answer.ts";
import type { Engine } from "../../src/engine/types.ts";
import type { KnowledgeBase, KnowledgeEntry } from "../../src/knowledge/types.ts";

const entry = (e: Partial<KnowledgeEntry> & Pick<KnowledgeEntry, "id" | "title" | "kind">): KnowledgeEntry => ({
  summary: `${e.title}.`,
  questions: [],
  keywords: [],
  audience: ["raad"],
  related: [],
  sources: [{ title: "Wet gemeenschappelijke regelingen", url: "https://wetten.overheid.nl/BWBR0003740" }],
  updated: "2026-11-01",
  body: "",
  items: [],
  file: `${e.id}.md`,
  ...e,
});

export const entries: KnowledgeEntry[] = [
  entry({ id: "wgr", title: "Wet gemeenschappelijke regelingen (Wgr)", kind: "term", keywords: ["wgr"] }),
  entry({
    id: "rol-van-de-raad",
    title: "De rol van de raad bij samenwerking",
    kind: "topic",
    keywords: ["raad", "kaders"],
  }),
  entry({
    id: "uittreden-gr",
    title: "Uittreden uit een gemeenschappelijke regeling",
    kind: "topic",
    keywords: ["uittreden", "uittreding", "opzeggen"],
    related: ["checklist-uittreden"],
    questions: ["Hoe stapt een gemeente uit een GR?"],
  }),
  entry({
    id: "zienswijze-begroting",
    title: "Zienswijze op de begroting van een gemeenschappelijke regeling",
    kind: "topic",
    keywords: ["zienswijze", "begroting"],
  }),
  entry({
    id: "nota-verbonden-partijen",
    title: "Nota verbonden partijen",
    kind: "topic",
    keywords: ["nota", "verbonden partijen"],
  }),
  entry({
    id: "checklist-uittreden",
    title: "Checklist uittreden uit een GR",
    kind: "checklist",
    summary: "Wat de raad moet weten voordat de gemeente uittreedt.",
    keywords: ["uittreden", "uittredingsvoorwaarden", "opzeggen"],
    sources: [
      { title: "Wgr, art. 1 [lid 2]", url: "https://wetten.overheid.nl/BWBR0003740/#Artikel1" },
      { title: "Handreiking uittreden", url: "https://vng.nl/uittreden" },
    ],
    items: [
      { id: "checklist-uittreden#1", text: "De uittredingsvoorwaarden in de regeling zijn bekend." },
      { id: "checklist-uittreden#2", text: "De kosten van uittreding zijn geraamd." },
      { id: "checklist-uittreden#3", text: "Er is een alternatief voor de taken." },
    ],
  }),
  entry({
    id: "checklist-zienswijze",
    title: "Checklist zienswijze op de begroting",
    kind: "checklist",
    keywords: ["zienswijze", "ontwerpbegroting"],
    items: [
      { id: "checklist-zienswijze#1", text: "De ontwerpbegroting is op tijd ontvangen." },
      { id: "checklist-zienswijze#2", text: "De kaders van de raad zijn getoetst." },
    ],
  }),
];

export const knowledgeBase = (): KnowledgeBase => ({
  entries,
  byId: new Map(entries.map((e) => [e.id, e])),
  synonyms: [["gr", "gemeenschappelijke regeling"]],
});

export const answerOf = (e: KnowledgeEntry): Answer => engineAnswerOf(e, new Map(entries.map((x) => [x.id, x])));

export const HELP: Reply = { status: "help", confidence: 1, answer: null, alternatives: [] };

/** A fake Engine: scripted replies by exact question, "unknown" with a best guess for anything else. */
export function fakeEngine(
  script: Record<string, Reply> = {},
  list: KnowledgeEntry[] = entries,
): Engine & { asked: string[] } {
  const asked: string[] = [];
  const byId = new Map(list.map((e) => [e.id, e]));
  return {
    asked,
    threshold: 0.6,
    entries: list,
    help: () => HELP,
    replyFor(id: string): Reply | null {
      const e = byId.get(id);
      return e ? { status: "answer", confidence: 1, answer: answerOf(e), alternatives: [] } : null;
    },
    ask(question: string): Reply {
      asked.push(question);
      const scripted = script[question];
      if (scripted) return scripted;
      if (!question.trim() || /^(hallo|help)$/i.test(question.trim())) return HELP;
      return {
        status: "unknown",
        confidence: 0.22,
        answer: null,
        alternatives: [
          { id: "wgr", title: "Wet gemeenschappelijke regelingen (Wgr)", score: 0.22 },
          { id: "rol-van-de-raad", title: "De rol van de raad bij samenwerking", score: 0.1 },
        ],
      };
    },
  };
}

export const answerReply = (id: string): Reply => {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`fixture has no ${id}`);
  return { status: "answer", confidence: 0.9, answer: answerOf(e), alternatives: [] };
};
