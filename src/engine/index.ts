// The Q&A engine: question in, Reply out. Synchronous after start-up, no I/O, no platform SDK.
//
// How the pieces combine (measurements in ../shared/research/retrieval.md):
// - Ranking is BM25F (src/engine/bm25.ts) over title, questions, keywords, summary and body with field boosts. Terms are
//   analysed Dutch (src/engine/analyze.ts): folded, stop words dropped, Snowball-stemmed, and compounds split
//   against the base's own vocabulary, so "samenwerkingsverband" also finds "verband" and "centrum gemeente"
//   finds "centrumgemeente". fuse.js over bodies is far too slow (seconds per query at 2,000 entries).
// - fuse.js does what it is good at, on short lists: it corrects misspelled query words against the base's
//   controlled vocabulary (titles, questions, keywords, synonyms); see src/engine/query.ts.
// - Synonyms and abbreviations (knowledge/synoniemen.yml) are expanded at query time.
// - The best BM25 candidates are re-ranked by how closely one of their own questions (or the title) is phrased
//   like the user's question, so "Wat is politieke samenwerking?" prefers that entry over the overview of forms.
// - Confidence is not the raw BM25 score (which drifts as the base grows) but the IDF-weighted share of the
//   question's own words that the best entry matched (compound parts, typo corrections and synonyms count for
//   less, a word found only in the body counts for less than one in title/questions/keywords), damped when the
//   runner-up is just as good. Below the threshold the engine says "unknown" and suggests instead of guessing.
import type { Alternative, Reply } from "../reply.ts";
import { answerOf } from "./answer.ts";
import type { KnowledgeBase, KnowledgeEntry } from "../knowledge/types.ts";
import { CompoundSplitter, contentTokens, isStopWord, stem, tokenize } from "./analyze.ts";
import { Bm25Index, type FieldSpec } from "./bm25.ts";
import { analyzeQuery, controlledVocabulary, QueryVocabulary, Strength, type AnalyzedQuery } from "./query.ts";
import type { Engine } from "./types.ts";

export type { Engine } from "./types.ts";

export interface EngineOptions {
  /** Confidence at or above which the engine answers (default 0.6). */
  threshold?: number;
  /** A serialized index from `serializeIndex(entries)`, to skip analysing every entry (start-up of large bases). */
  prebuiltIndex?: Uint8Array;
}

const FIELDS: FieldSpec[] = [
  { name: "title", boost: 3 },
  { name: "questions", boost: 2.5 },
  { name: "keywords", boost: 2 },
  { name: "summary", boost: 1.5 },
  { name: "body", boost: 1 },
];
const BODY_MASK = 1 << 4;
const TOPICAL_MASK = (1 << 0) | (1 << 2); // title, keywords
/** Runner-up within this share of the best score makes a reply "ambiguous". */
const AMBIGUOUS_RATIO = 0.9;
/** Candidates taken from BM25 for coverage scoring. */
const CANDIDATES = 20;
const DEFAULT_SUGGESTIONS = ["rol-van-de-raad", "wgr", "valkuilen-samenwerking", "vormen-van-samenwerking"];

const fieldTexts = (e: KnowledgeEntry): string[] => [
  e.title,
  e.questions.join("\n"),
  e.keywords.join("\n"),
  e.summary,
  [e.body, ...e.items.map((i) => i.text)].join("\n"),
];

/** Folded words of the base (the lexicon that compounds are split against). */
function buildLexicon(entries: readonly KnowledgeEntry[]): Set<string> {
  const lex = new Set<string>();
  for (const e of entries) for (const text of fieldTexts(e)) for (const t of contentTokens(text)) if (t.length >= 4) lex.add(t);
  return lex;
}

/** Index terms of every token: its stem, plus the stems of its compound parts (memoised per token). */
function indexTerms(splitter: CompoundSplitter): (text: string) => string[] {
  const memo = new Map<string, readonly string[]>();
  const none: readonly string[] = [];
  return (text) => {
    const out: string[] = [];
    for (const token of tokenize(text)) {
      let terms = memo.get(token);
      if (!terms) {
        if (token.length < 2 || isStopWord(token)) terms = none;
        else {
          const parts = splitter.split(token);
          terms = parts ? [stem(token), ...parts.map(stem)] : [stem(token)];
        }
        memo.set(token, terms);
      }
      for (const t of terms) out.push(t);
    }
    return out;
  };
}

/** How many of the best BM25 candidates are compared with the way people ask them (their questions). */
const RERANK = 8;

/**
 * How entries are phrased, for the best candidates only (stems computed lazily and memoised per entry):
 * - phrasings: the title and each of the entry's own questions;
 * - key phrases: the title's parts (split at ":", "(", ",") and the keywords, of two words or more.
 */
function entryPhrasing(entries: readonly KnowledgeEntry[]) {
  const memo = new Map<number, { phrasings: Set<string>[]; keyPhrases: string[][] }>();
  const stems = (text: string) => contentTokens(text).map(stem);
  return (doc: number) => {
    let p = memo.get(doc);
    if (!p) {
      const e = entries[doc]!;
      const keyPhrases = [...e.title.split(/[:(),;?]/), ...e.keywords].map(stems).filter((k) => k.length >= 2);
      p = { phrasings: [e.title, ...e.questions].map((q) => new Set(stems(q))), keyPhrases };
      if (memo.size > 20_000) memo.clear();
      memo.set(doc, p);
    }
    return p;
  };
}

/**
 * Among the best candidates, an entry that is asked about in (nearly) these words moves up: one of its own
 * questions or its title is phrased like the user's question, or the question names one of its key phrases.
 */
function rerankByPhrasing<T extends { doc: number; rank: number; keyPhrase: number }>(
  ranked: T[],
  q: AnalyzedQuery,
  phrasing: ReturnType<typeof entryPhrasing>,
): void {
  for (const r of ranked.slice(0, RERANK)) {
    const p = phrasing(r.doc);
    const best = Math.max(0, ...p.phrasings.map((set) => q.phrasingMatch(set)));
    r.keyPhrase = Math.max(0, ...p.keyPhrases.map((k) => q.phraseShare(k)));
    r.rank *= (1 + 0.5 * best) * (r.keyPhrase > 0 ? 1.2 : 1);
  }
  ranked.sort((a, b) => b.rank - a.rank);
}

/** What a prebuilt index carries besides the postings, so a large base starts without re-analysing entries. */
interface PrebuiltExtra {
  entryIds: string[];
  lexicon: string[];
}

function buildIndex(entries: readonly KnowledgeEntry[]): { index: Bm25Index; lexicon: Set<string> } {
  const lexicon = buildLexicon(entries);
  const analyse = indexTerms(new CompoundSplitter(lexicon));
  const texts = entries.map(fieldTexts);
  const index = Bm25Index.build(entries.length, FIELDS, (d, f) => analyse(texts[d]![f]!));
  return { index, lexicon };
}

/** Serializes the analysed index of these entries for a start-up cache (see src/engine/cache.ts). */
export function serializeIndex(entries: readonly KnowledgeEntry[]): Uint8Array {
  const { index, lexicon } = buildIndex(entries);
  const extra: PrebuiltExtra = { entryIds: entries.map((e) => e.id), lexicon: [...lexicon] };
  return index.toBinary(extra);
}

function loadPrebuilt(bytes: Uint8Array, entries: readonly KnowledgeEntry[]): { index: Bm25Index; lexicon: Set<string> } | null {
  const { index, extra } = Bm25Index.fromBinary(bytes);
  const { entryIds, lexicon } = extra as PrebuiltExtra;
  if (entryIds.length !== entries.length || entryIds.some((id, i) => id !== entries[i]?.id)) return null;
  return { index, lexicon: new Set(lexicon) };
}

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const threshold = options.threshold ?? 0.6;
  const entries = kb.entries;
  const { index, lexicon } = (options.prebuiltIndex && loadPrebuilt(options.prebuiltIndex, entries)) || buildIndex(entries);
  const vocab = new QueryVocabulary((t) => index.df(t), entries.length, lexicon, new CompoundSplitter(lexicon), controlledVocabulary(entries, kb.synonyms), kb.synonyms);

  const titleOf = (id: string) => kb.byId.get(id)?.title ?? id;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const defaultSuggestions = (): Alternative[] => {
    const ids = DEFAULT_SUGGESTIONS.filter((id) => kb.byId.has(id));
    const picked = (ids.length ? ids : entries.slice(0, 3).map((e) => e.id)).slice(0, 3);
    return picked.map((id) => ({ id, title: titleOf(id), score: 0 }));
  };
  const help = (): Reply => ({ status: "help", confidence: 0, answer: null, alternatives: defaultSuggestions() });

  const phrasing = entryPhrasing(entries);
  const score = (q: AnalyzedQuery) => {
    const hits = index.search(q.terms, CANDIDATES);
    const ranked = hits.map((r) => {
      const e = entries[r.doc]!;
      const matched = new Map<string, Strength>();
      for (const { term } of q.terms) {
        const mask = index.fieldsOf(term, r.doc);
        if (mask) matched.set(term, mask & TOPICAL_MASK ? Strength.Topical : mask & ~BODY_MASK ? Strength.Other : Strength.Body);
      }
      const { coverage, exact, strong, topical } = q.evaluate(matched);
      const checklistBoost = q.wantsChecklist && e.kind === "checklist" ? 1.6 : 1;
      return { doc: r.doc, entry: e, coverage, exact, strong, topical, keyPhrase: 0, rank: r.score * (0.25 + coverage) * checklistBoost };
    });
    ranked.sort((a, b) => b.rank - a.rank);
    rerankByPhrasing(ranked, q, phrasing);
    return ranked;
  };

  const ask = (question: string): Reply => {
    const raw = typeof question === "string" ? question : "";
    const q = analyzeQuery(raw, vocab);
    if (q.isHelp) return help();
    if (q.terms.length === 0) {
      return { status: "unknown", confidence: 0, answer: null, alternatives: defaultSuggestions() };
    }
    const ranked = score(q);
    const best = ranked[0];
    if (!best) return { status: "unknown", confidence: 0, answer: null, alternatives: defaultSuggestions() };
    const second = ranked[1];
    const ratio = second ? second.rank / best.rank : 0;
    // Confidence: coverage of the question, damped a little when the runner-up is as strong.
    let confidence = best.coverage * (0.9 + 0.1 * Math.min(1, (1 - ratio) * 4));
    // A match only through compound parts or typo corrections, or only somewhere in a body, never answers alone.
    // A one-word question needs an entry that is about that word (title or keywords), not one that mentions it.
    const weak = !best.exact || (!best.strong && best.coverage < 0.9) || (q.conceptCount === 1 && !best.topical);
    if (best.keyPhrase > 0) {
      // The question names one of the entry's key phrases in full ("bestuurlijke drukte", "gemeenschappelijke
      // adviescommissie"): strong evidence, however many other words the question has.
      confidence = Math.max(confidence, threshold + 0.05 + 0.3 * best.keyPhrase);
    } else if (weak) confidence = Math.min(confidence, threshold * 0.75);
    confidence = round(Math.max(0, Math.min(1, confidence)));
    const alt = (r: (typeof ranked)[number]): Alternative => ({ id: r.entry.id, title: r.entry.title, score: round(r.coverage) });
    if (confidence < threshold) {
      const suggestions = ranked.filter((r) => r.coverage > 0.2).slice(0, 3).map(alt);
      return { status: "unknown", confidence, answer: null, alternatives: suggestions.length ? suggestions : defaultSuggestions() };
    }
    const close = ranked.slice(1, 3).filter((r) => r.rank >= best.rank * AMBIGUOUS_RATIO && r.coverage >= threshold);
    return {
      status: close.length ? "ambiguous" : "answer",
      confidence,
      answer: answerOf(best.entry, kb.byId),
      alternatives: (close.length ? close : ranked.slice(1, 3)).map(alt),
    };
  };

  const replyFor = (id: string): Reply | null => {
    const e = kb.byId.get(id);
    return e ? { status: "answer", confidence: 1, answer: answerOf(e, kb.byId), alternatives: [] } : null;
  };

  const engine: Engine = {
    ask: (question: string) => {
      try {
        return ask(question);
      } catch {
        // Analysis must never take the bot down; an odd input is simply not understood.
        return { status: "unknown", confidence: 0, answer: null, alternatives: defaultSuggestions() };
      }
    },
    replyFor,
    help,
    threshold,
    entries,
  };
  return engine;
}
