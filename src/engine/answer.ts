// An entry of the knowledge base as the Reply's answer: what every adapter renders.
import type { Answer } from "../reply.ts";
import type { KnowledgeEntry } from "../knowledge/types.ts";

export function answerOf(e: KnowledgeEntry, byId: ReadonlyMap<string, KnowledgeEntry>): Answer {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    text: e.body,
    ...(e.kind === "checklist" ? { items: e.items } : {}),
    links: e.sources.map((s) => ({ title: s.title, url: s.url })),
    related: e.related.filter((r) => byId.has(r)).map((r) => ({ id: r, title: byId.get(r)!.title })),
    updated: e.updated,
  };
}
