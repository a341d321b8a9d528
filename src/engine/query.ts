// Query analysis: from a user's question to weighted index terms grouped by the "concepts" (content words) they
// stand for, so the engine can tell how much of the question an entry really answers.
import Fuse from "fuse.js";
import type { KnowledgeEntry, SynonymGroups } from "../knowledge/types.ts";
import { CompoundSplitter, contentTokens, INTENT_WORDS, isStopWord, MAX_QUERY_CHARS, stem, tokenize } from "./analyze.ts";

/** Words that ask for a checklist; they steer the ranking and are not searched for themselves. */
const CHECKLIST_CUES = new Set([
  "checklist", "checklists", "checklijst", "checklijsten", "afvinklijst", "controlelijst", "aandachtspunten",
  "letten", "stappenplan", "lijstje",
]);
/** Greetings and requests for help: a question made only of these (and stop words) gets the help reply. */
const HELP_WORDS = new Set([
  "hallo", "hoi", "hey", "hi", "hee", "hello", "goedemorgen", "goedemiddag", "goedenavond", "dag", "help", "hulp",
  "helpen", "menu", "start", "info", "bot", "raadswijzer", "kun", "kunt", "doen", "wie", "ben", "bent", "bedankt",
  "dank", "dankjewel", "dankuwel", "thanks", "test", "welkom", "commando", "commandos", "opties",
]);
/** Separable-verb particles: "stap je uit" is "uitstappen", "treedt toe" is "toetreden". */
const PARTICLES = ["uit", "toe", "op", "af", "aan", "in", "mee", "terug", "door", "samen"];

/** Everyday verbs and fillers that say nothing about the subject; not counted as part of the question. */
const FILLER = new Set([
  "bestaan", "bestaat", "zitten", "zit", "komen", "komt", "krijgen", "krijg", "krijgt", "maken", "maakt",
  "houden", "houdt", "geven", "geeft", "staan", "gebeuren", "gebeurt", "weten", "weet", "zeggen", "zegt", "vinden",
  "vind", "vindt", "zien", "ziet", "noemen", "noemt", "heet", "heten", "mogelijk", "mogelijkheden",
  "soorten", "manier", "manieren", "verschillende", "belangrijk", "belangrijkste", "precies", "allemaal", "zo",
  "zoal", "zoals", "nou", "eigenlijk", "beetje", "nodig", "welke", "graag", "enkel", "beste", "werkt", "regelt",
  "functioneert", "betekent", "inhoudt", "houdt", "zitten", "kom", "gebruik", "laat", "laten", "maak", "gebeurd", "valt", "blijft", "blijven",
  "vallen", "betekend", "bedoeld", "bedoelt",
  "nieuws", "vandaag", "morgen", "gisteren", "tegenwoordig", "ergens", "iemand",
]);

export interface QueryTerm {
  term: string;
  weight: number;
}

interface Concept {
  token: string;
  stem: string;
  idf: number;
}

export interface Evaluation {
  /** IDF-weighted share of the question's concepts that the entry matched, 0..1. */
  coverage: number;
  /** At least one concept matched as a word (not only through a compound part). */
  exact: boolean;
  /** At least one concept matched outside the body (title, questions, keywords or summary). */
  strong: boolean;
  /** At least one concept matched in the title or keywords: the entry is about it. */
  topical: boolean;
}

/** Where a term matched in an entry: only in the body, elsewhere (questions, summary), or title/keywords. */
export const enum Strength {
  Body = 0,
  Other = 1,
  Topical = 2,
}

export interface AnalyzedQuery {
  /** The question as searched: cleaned of markup and cut to length. */
  text: string;
  isHelp: boolean;
  wantsChecklist: boolean;
  terms: QueryTerm[];
  /** Number of content words the question is about. */
  conceptCount: number;
  /**
   * When every stem of a key phrase (two or more words) is in the question: the IDF-weighted share of the
   * question's concepts that the phrase covers (> 0); otherwise 0.
   */
  phraseShare(phraseStems: readonly string[]): number;
  /** How closely a phrasing (the stems of one of an entry's questions) matches the question, 0..1. */
  phrasingMatch(stems: ReadonlySet<string>): number;
  /** How well an entry covers the question, given where each query term matched in it. */
  evaluate(matched: ReadonlyMap<string, Strength>): Evaluation;
}

const BODY_ONLY = 0.8;
const CREDIT = { exact: 1, joined: 1, synonym: 0.85, corrected: 0.7, part: 0.5 } as const;

/** What the query analysis needs to know about the base: document frequencies, vocabulary, synonyms. */
export class QueryVocabulary {
  readonly docCount: number;
  /** fuse.js over short lists: the controlled vocabulary bucketed by first letter and length. */
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  /** Synonym groups as stem sequences. */
  readonly synonymStems: string[][][];
  /** Weight of a word the base does not know at all. */
  readonly unknownIdf: number;

  constructor(
    readonly df: (term: string) => number,
    docCount: number,
    readonly lexicon: ReadonlySet<string>,
    readonly splitter: CompoundSplitter,
    controlled: Iterable<string>,
    synonyms: SynonymGroups,
  ) {
    this.docCount = Math.max(1, docCount);
    const groups = new Map<string, string[]>();
    for (const w of new Set(controlled)) {
      const key = bucketKey(w[0]!, w.length);
      const list = groups.get(key);
      if (list) list.push(w);
      else groups.set(key, [w]);
    }
    for (const [key, words] of groups) this.buckets.set(key, new Fuse(words, { includeScore: true, threshold: 0.3, minMatchCharLength: 3 }));
    this.synonymStems = synonyms.map((g) => g.map((t) => contentTokens(t).map(stem)).filter((s) => s.length > 0));
    this.unknownIdf = 0.5 * this.idf(0);
  }

  idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  known(stemmed: string): boolean {
    return this.df(stemmed) > 0;
  }

  /** The nearest word of the controlled vocabulary for a misspelled word, or null. */
  correct(token: string): string | null {
    if (token.length < 5) return null;
    const cached = this.corrections.get(token);
    if (cached !== undefined) return cached;
    // A typo rarely hits the first letter; words within two letters of the length are candidates.
    let best: { item: string; score: number } | null = null;
    for (let len = token.length - 2; len <= token.length + 2; len++) {
      const fuse = this.buckets.get(bucketKey(token[0]!, len));
      if (!fuse) continue;
      for (const r of fuse.search(token, { limit: 2 })) {
        const score = r.score ?? 1;
        if (score <= 0.3 && (!best || score < best.score)) best = { item: r.item, score };
      }
    }
    const result = best && this.known(stem(best.item)) ? best.item : null;
    if (this.corrections.size > 50_000) this.corrections.clear();
    this.corrections.set(token, result);
    return result;
  }
}

const bucketKey = (first: string, length: number) => `${first}${length}`;

/** The controlled vocabulary (for typo correction): words of titles, questions, keywords and synonyms. */
export function controlledVocabulary(entries: readonly KnowledgeEntry[], synonyms: SynonymGroups): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const t of contentTokens(text)) if (t.length >= 4) words.add(t);
  };
  for (const e of entries) {
    add(e.title);
    e.questions.forEach(add);
    e.keywords.forEach(add);
  }
  for (const g of synonyms) g.forEach(add);
  return words;
}

/** Removes markup, mentions and URLs that chat platforms put around a question. */
function clean(raw: string): string {
  return raw
    .slice(0, MAX_QUERY_CHARS * 4)
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .slice(0, MAX_QUERY_CHARS);
}

export function analyzeQuery(raw: string, vocab: QueryVocabulary): AnalyzedQuery {
  const text = clean(raw);
  const tokens = tokenize(text);
  // Capitalised words inside a sentence are names ("Eindhoven", "Ajax"): an unknown name is what the question is
  // about, so it weighs fully (see unknownIdf).
  const names = new Set(tokenize((text.match(/(?<=[\p{L}\p{N},;] +)\p{Lu}[\p{L}-]+/gu) ?? []).join(" ")));
  const wantsChecklist = tokens.some((t) => CHECKLIST_CUES.has(t));
  const words = tokens.filter((t) => t.length > 1 && !isStopWord(t) && !CHECKLIST_CUES.has(t) && !FILLER.has(t));
  const subject = words.filter((t) => !HELP_WORDS.has(t) && !INTENT_WORDS.has(t));
  const intents = words.filter((t) => INTENT_WORDS.has(t));
  const isHelp = subject.length === 0 && !wantsChecklist && (tokens.length === 0 || tokens.every((t) => isStopWord(t) || HELP_WORDS.has(t) || FILLER.has(t)));

  // Concepts: the question's own content words, one per stem.
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const token of subject.slice(0, 40)) {
    const s = stem(token);
    // A number the base does not know ("6 valkuilen") says nothing about the subject.
    if (/^\d+$/.test(token) && !vocab.known(s)) continue;
    if (seen.has(s)) continue;
    seen.add(s);
    concepts.push({ token, stem: s, idf: vocab.known(s) ? vocab.idf(vocab.df(s)) : names.has(token) ? vocab.idf(0) : vocab.unknownIdf });
  }

  // term -> (concept index -> credit), and term -> search weight
  const credits = new Map<string, Map<number, number>>();
  const weights = new Map<string, number>();
  const add = (term: string, concept: number, credit: number, weight: number) => {
    if (!vocab.known(term)) return;
    let m = credits.get(term);
    if (!m) credits.set(term, (m = new Map()));
    m.set(concept, Math.max(m.get(concept) ?? 0, credit));
    weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };

  concepts.forEach((c, i) => {
    if (vocab.known(c.stem)) {
      add(c.stem, i, CREDIT.exact, 1);
      return;
    }
    const parts = vocab.splitter.split(c.token);
    if (parts) {
      for (const p of parts) add(stem(p), i, CREDIT.part, 0.5);
      return;
    }
    const fixed = vocab.correct(c.token);
    if (fixed) {
      const s = stem(fixed);
      add(s, i, CREDIT.corrected, 0.8);
      c.idf = vocab.idf(vocab.df(s));
    }
  });

  // Adjacent words written apart that the base writes as one ("centrum gemeente", "samen werken").
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i]!.token;
    const b = concepts[i + 1]!.token;
    for (const joined of [a + b, `${a}s${b}`]) {
      if (vocab.lexicon.has(joined)) {
        add(stem(joined), i, CREDIT.joined, 1);
        add(stem(joined), i + 1, CREDIT.joined, 1);
      }
    }
  }

  // Separable verbs: a particle anywhere in the question joined to a verb ("stap ... uit" → uitstappen).
  const particles = PARTICLES.filter((p) => tokens.includes(p));
  if (particles.length) {
    concepts.forEach((c, i) => {
      for (const p of particles) {
        const v = c.token;
        for (const form of [p + v, `${p}${v}en`, `${p}${v}${v.at(-1)}en`, `${p}${v.replace(/t$/, "")}en`]) {
          const s = stem(form);
          if (vocab.known(s)) add(s, i, CREDIT.joined, 1);
        }
      }
    });
  }

  // Synonyms and abbreviations: a group member found in the question adds the other members.
  const stems = concepts.map((c) => c.stem);
  for (const group of vocab.synonymStems) {
    for (const member of group) {
      const at = indexOfSequence(stems, member);
      if (at < 0) continue;
      // A word found in most entries gains nothing from its synonyms but noise.
      if (member.length === 1 && vocab.df(member[0]!) > 0.3 * vocab.docCount) continue;
      const covered = member.map((_, k) => at + k);
      for (const other of group) {
        if (other === member) continue;
        for (const s of other) for (const ci of covered) add(s, ci, CREDIT.synonym, other.length > 1 ? 0.5 : 0.7);
      }
    }
  }

  // Question words steer the ranking a little ("waarom" → the entry on reasons) but earn no coverage.
  for (const t of intents.map(stem)) if (vocab.known(t) && !weights.has(t)) weights.set(t, 0.3);

  const terms = [...weights].map(([term, weight]) => ({ term, weight }));
  // A word the base does not know weighs at least three quarters of the rarest word it does know: in "wat
  // stond er in de troonrede" the one rare known word ("stond") must not make the question look answered.
  const matchedConcepts = new Set<number>();
  for (const m of credits.values()) for (const ci of m.keys()) matchedConcepts.add(ci);
  const rarest = Math.max(0, ...concepts.filter((_, i) => matchedConcepts.has(i)).map((c) => c.idf));
  concepts.forEach((c, i) => {
    if (!matchedConcepts.has(i)) c.idf = Math.max(c.idf, 0.75 * rarest);
  });
  const totalIdf = concepts.reduce((sum, c) => sum + c.idf, 0) || 1;

  return {
    text,
    isHelp,
    wantsChecklist,
    terms,
    conceptCount: concepts.length,
    phraseShare(phraseStems) {
      const covered = new Set<number>();
      for (const st of phraseStems) {
        const direct = stems.indexOf(st);
        if (direct >= 0) covered.add(direct);
        else {
          const m = credits.get(st);
          if (!m) return 0;
          for (const [ci, credit] of m) if (credit >= CREDIT.synonym) covered.add(ci);
        }
      }
      // Two words of the question, or the phrase itself: one word's synonyms ("stopt" → "eruit stappen") are not
      // the question naming the phrase.
      if (covered.size < Math.min(2, phraseStems.length)) return 0;
      let sum = 0;
      for (const ci of covered) sum += concepts[ci]!.idf;
      return Math.max(sum / totalIdf, 0.001);
    },
    phrasingMatch(set) {
      if (set.size === 0) return 0;
      let sum = 0;
      concepts.forEach((c, i) => {
        let hit = set.has(c.stem);
        if (!hit) for (const [term, m] of credits) if (m.has(i) && set.has(term)) { hit = true; break; }
        if (hit) sum += c.idf;
      });
      // Both ways: the question's words in the phrasing, and the phrasing's words in the question.
      let back = 0;
      for (const st of set) if (credits.has(st) || stems.includes(st)) back++;
      return (sum / totalIdf) * Math.sqrt(back / set.size);
    },
    evaluate(matched) {
      const best = new Array<number>(concepts.length).fill(0);
      let exact = false;
      let strong = false;
      let topical = false;
      for (const [term, strength] of matched) {
        const m = credits.get(term);
        if (!m) continue;
        for (const [ci, credit] of m) {
          const value = credit * (strength === Strength.Body ? BODY_ONLY : 1);
          if (value > best[ci]!) best[ci] = value;
          if (credit >= CREDIT.corrected) exact = true;
          if (strength !== Strength.Body) strong = true;
          if (strength === Strength.Topical) topical = true;
        }
      }
      const coverage = concepts.reduce((sum, c, i) => sum + c.idf * best[i]!, 0) / totalIdf;
      return { coverage, exact, strong, topical };
    },
  };
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

