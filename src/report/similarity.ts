// Groups unanswered questions that ask the same thing, so the griffie sees "asked 12 times" instead of 12 lines.
// Questions are compared as sets of Dutch content words (case and accents folded, stop words dropped, stemmed,
// synonyms from knowledge/synoniemen.yml mapped to one word): a question joins the group whose representative
// shares at least `threshold` of their words (Jaccard).
import { fold, isStopWord, stem, tokenize } from "../engine/analyze.ts";
import type { SynonymGroups } from "../knowledge/types.ts";

export type TermAnalyzer = (text: string) => string[];

/**
 * Returns a function that turns a question into its sorted, unique terms. Every phrase of a synonym group
 * ("gemeenschappelijke regeling", "gr's") becomes the group's first term, so phrasings with synonyms match.
 */
export function createTermAnalyzer(synonyms: SynonymGroups = []): TermAnalyzer {
  // Phrases as token sequences, longest first, each mapped to a canonical marker token.
  const phrases: { tokens: string[]; canonical: string }[] = [];
  for (const group of synonyms) {
    const first = group[0];
    if (!first) continue;
    const canonical = `=${tokenize(first).join("_")}`;
    for (const term of group) {
      const tokens = tokenize(term);
      if (tokens.length) phrases.push({ tokens, canonical });
    }
  }
  phrases.sort((a, b) => b.tokens.length - a.tokens.length);

  return (text: string): string[] => {
    const tokens = tokenize(text);
    const out = new Set<string>();
    for (let i = 0; i < tokens.length;) {
      const hit = phrases.find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
      if (hit) {
        out.add(hit.canonical);
        i += hit.tokens.length;
        continue;
      }
      const t = tokens[i]!;
      if (t.length > 1 && !isStopWord(t)) out.add(stem(t));
      i++;
    }
    return [...out].sort();
  };
}

const plainTerms = createTermAnalyzer();

/** Sorted, unique stems of a question's content words (no synonyms). */
export const questionTerms = (text: string): string[] => plainTerms(text);

/** |A ∩ B| / |A ∪ B|; two empty sets count as equal. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const setB = new Set(b);
  const shared = a.filter((t) => setB.has(t)).length;
  return shared / (a.length + b.length - shared);
}

export interface GroupInput {
  question: string;
  at: Date;
}

export interface Group<T extends GroupInput> {
  /** Terms that represent the group (those of its most asked phrasing). */
  terms: string[];
  members: T[];
}

export const DEFAULT_THRESHOLD = 0.5;

export interface GroupOptions {
  threshold?: number;
  /** Term analyzer (createTermAnalyzer(kb.synonyms)); defaults to one without synonyms. */
  terms?: TermAnalyzer;
}

/**
 * Groups rows by question similarity. Identical phrasings (after analysis) are bucketed first; buckets are then
 * merged greedily, most asked first, into the group whose representative is most similar (>= threshold).
 * Groups come back most asked first, ties broken by the most recent question.
 */
export function groupQuestions<T extends GroupInput>(rows: readonly T[], opts: GroupOptions = {}): Group<T>[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const analyze = opts.terms ?? plainTerms;
  const buckets = new Map<string, { terms: string[]; members: T[] }>();
  for (const row of rows) {
    const terms = analyze(row.question);
    // Questions of stop words only ("wat is dat?") fall back to their folded text.
    const key = terms.length
      ? terms.join(" ")
      : `\u0000${fold(row.question)
          .replace(/[^\p{L}\p{N}]+/gu, " ")
          .trim()}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.members.push(row);
    else buckets.set(key, { terms, members: [row] });
  }
  const latest = (members: readonly T[]): number => Math.max(...members.map((m) => m.at.getTime()));
  const byWeight = (a: { members: T[] }, b: { members: T[] }): number =>
    b.members.length - a.members.length || latest(b.members) - latest(a.members);

  const groups: Group<T>[] = [];
  for (const bucket of [...buckets.values()].sort(byWeight)) {
    let best: Group<T> | undefined;
    let bestScore = 0;
    if (bucket.terms.length) {
      for (const g of groups) {
        if (g.terms.length === 0) continue;
        const score = jaccard(bucket.terms, g.terms);
        if (score >= threshold && score > bestScore) {
          best = g;
          bestScore = score;
        }
      }
    }
    if (best) best.members.push(...bucket.members);
    else groups.push({ terms: bucket.terms, members: [...bucket.members] });
  }
  return groups.sort(byWeight);
}
