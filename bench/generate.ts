// A generated knowledge base of any size, built from the real base's own vocabulary, for load figures.
import type { KnowledgeBase, KnowledgeEntry } from "../src/knowledge/types.ts";
import matter from "gray-matter";
import { tokenize } from "../src/engine/analyze.ts";

/** Small deterministic PRNG (mulberry32), so every run measures the same base. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The markdown file of a generated entry, as an editor would write it. */
export function toMarkdown(e: KnowledgeEntry): string {
  const { body, items, file: _file, id, ...fm } = e;
  const text = items.length ? `${body}\n\n${items.map((i) => `- [ ] ${i.text}`).join("\n")}\n` : body;
  return matter.stringify(text, { id, ...fm });
}

export function generateBase(real: KnowledgeBase, size: number, seed = 42): KnowledgeBase {
  const rand = rng(seed);
  const words = [...new Set(real.entries.flatMap((e) => tokenize(`${e.title} ${e.summary} ${e.body}`)))];
  // Made-up words widen the vocabulary the way a larger real base would (place names, programmes, projects).
  const syllables = ["ber", "gen", "dam", "wijk", "hol", "land", "veen", "ster", "bro", "ek", "ma", "ri", "to", "lo"];
  for (let i = 0; i < 3000; i++) {
    let w = "";
    const n = 2 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) w += syllables[Math.floor(rand() * syllables.length)];
    words.push(w);
  }
  const pick = () => words[Math.floor(rand() * words.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(" ");
  const entries: KnowledgeEntry[] = [];
  for (let i = 0; i < size; i++) {
    const id = `gen-${i}`;
    entries.push({
      id,
      title: sentence(4 + Math.floor(rand() * 4)),
      kind: i % 10 === 0 ? "checklist" : i % 4 === 0 ? "term" : "topic",
      summary: sentence(20),
      questions: [sentence(6), sentence(5), sentence(7)],
      keywords: Array.from({ length: 5 }, pick),
      audience: ["raad"],
      related: [],
      sources: [{ title: "Generated", url: "https://example.org/" }],
      updated: "2026-01-01",
      body: Array.from({ length: 10 }, () => sentence(15 + Math.floor(rand() * 20))).join(".\n") + ".",
      items: i % 10 === 0 ? [1, 2, 3].map((n) => ({ id: `${id}#${n}`, text: sentence(8) })) : [],
      file: `generated/${id}.md`,
    });
  }
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), synonyms: real.synonyms };
}
