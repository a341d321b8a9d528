// The Q&A engine: question in, Reply out. Synchronous after start-up, no I/O, no platform SDK.
//
// How the pieces combine (the full story and the measurements behind it: docs/engine.md):
// - Ranking is BM25F (src/engine/bm25.ts) over title, questions, keywords, summary and body with field boosts. Terms are
//   analysed Dutch (src/engine/analyze.ts): folded, stop words dropped, Snowball-stemmed, and compounds split
//   against the base's own vocabulary.
// - The query analysis (src/engine/query.ts) finds the asking part of a message (src/engine/focus.ts), expands
//   synonyms, the colloquial lexicon and typo corrections (fuse.js over short lists of the controlled vocabulary).
// - The best BM25 candidates are re-ranked by how closely one of their own questions (or the title) is phrased
//   like the user's question.
// - Confidence is a fitted logistic regression (src/engine/confidence.ts) over features of the ranking; two
//   calibrated thresholds give the bands answer / ambiguous / unknown. Local-figure questions get an honest reply.
import type { Alternative, Reply } from "../reply.ts";
import { answerOf } from "./answer.ts";
import type { KnowledgeBase, KnowledgeEntry } from "../knowledge/types.ts";
import { CompoundSplitter, contentTokens, isStopWord, stem, tokenize } from "./analyze.ts";
import { Bm25Index, type FieldSpec } from "./bm25.ts";
import {
  analyzeQuery,
  controlledVocabulary,
  subjectVocabulary,
  QueryVocabulary,
  Strength,
  type AnalyzedQuery,
  type Evaluation,
} from "./query.ts";
import {
  bandOf,
  defaultModel,
  FEATURES,
  predict,
  vectorOf,
  type ConfidenceModel,
  type Features,
} from "./confidence.ts";
import { CONTEXT_WEIGHT } from "./focus.ts";
import { language } from "./language.ts";
import type { Engine, Explanation } from "./types.ts";
import {
  AMBIGUOUS_RATIO,
  ASKED_WEIGHT,
  CALLED_BOOST,
  CANDIDATES,
  CHECKLIST_BOOST,
  CHECKLIST_CANDIDATES,
  CHECKLIST_COVERAGE,
  CHECKLIST_RANK,
  CHECKLIST_TITLE_BOOST,
  CHECKLIST_TITLE_SHARED,
  CLOSE_RATIO,
  COMPARISON_BOOST,
  COVERAGE_FLOOR,
  EXAMPLE_NAME_DF,
  EXAMPLE_PRIOR,
  EXAMPLE_UNNAMED_PRIOR,
  FIND_BOOST,
  NAMED_BOOST,
  NAME_WORDS,
  OWN_QUESTION,
  OWN_QUESTION_ALL,
  QUOTED_BOOST,
  REGION_NAME_DF,
  RERANK,
  TOPIC_COVERAGE,
  TOPIC_RANK,
} from "./weights.ts";

export type { Engine, Explanation } from "./types.ts";

export interface EngineOptions {
  /** The confidence model (default: the committed src/engine/model/confidence.json). */
  model?: ConfidenceModel;
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
const TITLE_MASK = 1 << 0;
const TOPICAL_MASK = TITLE_MASK | (1 << 2); // title, keywords
/**
 * A topic and the checklist that goes with it (one lists the other as related) are one subject in two forms: a tie
 * between them leaves no doubt about what is asked, so it does not make the reply ambiguous; the other is offered.
 */
const companions = (a: KnowledgeEntry, b: KnowledgeEntry): boolean =>
  (a.kind === "checklist") !== (b.kind === "checklist") && (a.related.includes(b.id) || b.related.includes(a.id));

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
  for (const e of entries)
    for (const text of fieldTexts(e)) for (const t of contentTokens(text)) if (t.length >= 4) lex.add(t);
  return lex;
}

/**
 * The terms of two words the base names things by, as pairs of folded words side by side ("gemeenschappelijke
 * regeling", "verbonden partij"): from the titles, the keywords and the synonym groups, one phrase at a time (no
 * punctuation between). A question that glues such a pair into one word is read apart (`unglue` in query.ts). Titles
 * and keywords only: pairs from every body text made a large base's start-up cache two and a half times bigger.
 */
function termPairs(entries: readonly KnowledgeEntry[], synonyms: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>();
  const add = (text: string) => {
    for (const phrase of text.split(/[.,;:!?()[\]"\n]/))
      tokenize(phrase).forEach((t, i, tokens) => {
        const next = tokens[i + 1];
        if (next && t.length >= 4 && next.length >= 4) pairs.add(`${t} ${next}`);
      });
  };
  for (const e of entries) {
    add(e.title);
    for (const k of e.keywords) add(k);
  }
  for (const group of synonyms) for (const term of group) add(term);
  return pairs;
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

/**
 * How entries are phrased, for the best candidates only (stems computed lazily and memoised per entry):
 * - phrasings: the title and each of the entry's own questions;
 * - key phrases: the title's parts (split at ":", "(", ",") and the keywords, of two words or more.
 */
function entryPhrasing(entries: readonly KnowledgeEntry[]) {
  const memo = new Map<
    number,
    {
      phrasings: Set<string>[];
      keyPhrases: string[][];
      subjects: Set<string>[];
      keywords: Set<string>;
      names: Set<string>;
      /** The entry's title is one name and at most its other form: these (CALLED_BOOST). */
      calledBy: Set<string>;
    }
  >();
  const stems = (text: string) => contentTokens(text).map(stem);
  return (doc: number) => {
    let p = memo.get(doc);
    if (!p) {
      const e = entries[doc]!;
      const titleParts = e.title.split(/[:(),;?]/).map(stems);
      const keyPhrases = [...titleParts, ...e.keywords.map(stems)].filter((k) => k.length >= 2);
      const titleStems = stems(e.title);
      const title = new Set(titleStems);
      const subjects = [...(title.size >= 2 ? [title] : []), ...keyPhrases.map((k) => new Set(k))];
      const keywords = new Set(
        e.keywords
          .map(stems)
          .filter((k) => k.length === 1)
          .map((k) => k[0]!),
      );
      // What the entry is called: each title part, and for terms of two words or more any run of words in the title,
      // as stems joined by one space (keywords, which overview entries share with the entries they list, do not count)
      const names = new Set(titleParts.map((k) => k.join(" ")));
      for (let i = 0; i < titleStems.length; i++)
        for (let j = i + 2; j <= Math.min(titleStems.length, i + 5); j++) names.add(titleStems.slice(i, j).join(" "));
      const parts = titleParts.filter((k) => k.length > 0);
      const calledBy = new Set(
        parts.length <= 2 && parts.every((k) => k.length <= NAME_WORDS) ? parts.map((k) => k.join(" ")) : [],
      );
      p = {
        phrasings: [e.title, ...e.questions].map((q) => new Set(stems(q))),
        keyPhrases,
        subjects,
        keywords,
        names,
        calledBy,
      };
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
function rerankByPhrasing<
  T extends { doc: number; rank: number; keyPhrase: number; phrasing: number; named: number; keyword: number },
>(
  ranked: T[],
  q: AnalyzedQuery,
  phrasing: ReturnType<typeof entryPhrasing>,
  quoteNamed: ReadonlySet<number> | undefined,
  called: readonly string[],
  named: ReadonlySet<number> | undefined,
): void {
  const zone = ranked.slice(0, RERANK);
  // A term in quotes names what is asked even when it is in most entries ("staat 'GR'. wat wordt daarmee bedoeld?"),
  // and so does an asking clause that names an entry and nothing more ("wat is dat eigenlijk, een gemeenschappelijke
  // regeling?"): the entries they name (`named`, in the candidates whatever their score) are reranked too, however
  // far down, whatever context words pulled others up.
  if (named) for (const r of ranked.slice(RERANK)) if (named.has(r.doc)) zone.push(r);
  for (const r of zone) {
    const p = phrasing(r.doc);
    const best = Math.max(0, ...p.phrasings.map((set) => q.phrasingMatch(set)));
    r.keyPhrase = Math.max(0, ...p.keyPhrases.map((k) => q.phraseShare(k)));
    r.phrasing = best;
    // Named: the message names all words of the entry's subject (its title, a title part or a keyword of two words
    // or more), however much context surrounds them.
    r.named = Math.max(0, ...p.subjects.map((k) => q.namedShare(k)));
    // Keyword: share of the question that is one of the entry's own one-word keywords ("kadernota").
    r.keyword = q.conceptShare(p.keywords);
    r.rank *= (1 + 0.5 * best) * (r.keyPhrase > 0 ? 1.2 : 1) * (1 + NAMED_BOOST * (r.named === 1 ? 1 : 0));
    // A term in quotes is the one asked about: the entry it names moves up.
    if (quoteNamed?.has(r.doc)) r.rank *= QUOTED_BOOST;
    if (called.some((t) => p.calledBy.has(t))) r.rank *= CALLED_BOOST;
  }
  ranked.sort((a, b) => b.rank - a.rank);
}

/**
 * The names of each example entry ("Voorbeeld: Regio Noord-Veluwe (ontmanteld)" → noord, veluwe): the capitalised
 * words of its title after the example prefix that are rare in the base; null for an entry that is no example.
 */
function exampleNames(entries: readonly KnowledgeEntry[], df: (stem: string) => number, maxDf = EXAMPLE_NAME_DF) {
  const memo = new Map<number, Set<string> | null>();
  return (doc: number): Set<string> | null => {
    let names = memo.get(doc);
    if (names === undefined) {
      const words = tokenize(entries[doc]!.title);
      names = null;
      if (words[0] === language.exampleTitlePrefix) {
        const capitalised = entries[doc]!.title.match(/\p{Lu}[\p{L}\p{N}]*/gu)?.slice(1) ?? [];
        names = new Set(
          capitalised
            .flatMap((w) => contentTokens(w))
            .map(stem)
            .filter((t) => df(t) <= maxDf && !language.instances.has(t)),
        );
      }
      memo.set(doc, names);
    }
    return names;
  };
}

/**
 * A message that asks for a checklist ("afvinklijst", "lijstje", "stappenplan") gets a checklist when one of the
 * best candidates covers the question nearly as well as the best entry.
 */
function preferChecklist<T extends { entry: KnowledgeEntry; coverage: number; rank: number }>(ranked: T[]): void {
  const best = ranked[0];
  if (!best || best.entry.kind === "checklist") return;
  const at = ranked
    .slice(0, RERANK)
    .findIndex(
      (r) =>
        r.entry.kind === "checklist" &&
        r.coverage >= CHECKLIST_COVERAGE * best.coverage &&
        r.rank >= CHECKLIST_RANK * best.rank,
    );
  if (at > 0) ranked.unshift(...ranked.splice(at, 1));
}

/** What a prebuilt index carries besides the postings, so a large base starts without re-analysing entries. */
interface PrebuiltExtra {
  entryIds: string[];
  lexicon: string[];
}

/** The analysed index and the lexicon its compounds were split against (built, or loaded from the cache). */
interface BuiltIndex {
  index: Bm25Index;
  lexicon: Set<string>;
}

function buildIndex(entries: readonly KnowledgeEntry[]): BuiltIndex {
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

function loadPrebuilt(bytes: Uint8Array, entries: readonly KnowledgeEntry[]): BuiltIndex | null {
  const { index, extra } = Bm25Index.fromBinary(bytes);
  const { entryIds, lexicon } = extra as PrebuiltExtra;
  if (entryIds.length !== entries.length || entryIds.some((id, i) => id !== entries[i]?.id)) return null;
  return { index, lexicon: new Set(lexicon) };
}

/** One ranked candidate with what the confidence needs to know about it. */
interface Candidate extends Evaluation {
  doc: number;
  entry: KnowledgeEntry;
  rank: number;
  keyPhrase: number;
  phrasing: number;
  named: number;
  keyword: number;
}

/** The confidence model's features for the best candidate of a ranking. */
export function featuresOf(q: AnalyzedQuery, ranked: readonly Candidate[]): Features {
  const best = ranked[0]!;
  const second = ranked[1];
  const wantsChecklist = q.wantsChecklist ? (best.entry.kind === "checklist" ? 1 : -1) : 0;
  return {
    coverage: best.coverage,
    coverageAll: best.coverageAll,
    coverageStrong: best.coverageStrong,
    unknownShare: q.unknownShare,
    correctedShare: q.correctedShare,
    nameShare: q.nameShare,
    margin: second ? 1 - second.rank / best.rank : 1,
    phrasing: best.phrasing,
    keyPhrase: best.keyPhrase,
    topical: best.topical ? 1 : 0,
    strong: best.strong ? 1 : 0,
    exact: best.exact ? 1 : 0,
    concepts: Math.log1p(q.conceptCount),
    checklist: wantsChecklist,
    runnerUpCoverage: second?.coverage ?? 0,
    named: best.named,
    keyword: best.keyword,
    specificity: best.specificity,
    anchored: q.anchored ? 1 : 0,
  };
}

/**
 * The best entry answers the context, not the question: context clauses that the asking clause neither points back
 * to nor states as its condition (all at CONTEXT_WEIGHT), an asking clause with a word the base does not know beside
 * one it does ("… Hoe deel ik mijn Outlook-agenda met een collega?"), and either the entry names none of the asking
 * clause's words outside its body, or the asking clause has more unknown words than known ones (a weather question
 * naming a town of the context's region: the town alone is no subject; "moet een GR een eigen functionaris
 * gegevensbescherming aanstellen volgens de AVG?": "regeling" alone is no subject). (The context's own words
 * carry its rank: "ab", "db", "regio".)
 */
export function answersOnlyContext(q: AnalyzedQuery, best: Candidate): boolean {
  const context = q.concepts.filter((c) => c.weight > 0 && c.weight < 1);
  if (context.length === 0 || context.some((c) => c.weight > CONTEXT_WEIGHT)) return false;
  const asked = q.concepts.filter((c) => c.weight >= 1);
  const unknownAsked = asked.filter((c) => c.match === "unknown").length;
  const knownAsked = asked.length - unknownAsked;
  return unknownAsked > 0 && knownAsked > 0 && (best.askedStrong === 0 || unknownAsked > knownAsked);
}

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const model = options.model ?? defaultModel();
  const threshold = model.thresholds.answer;
  const entries = kb.entries;
  const { index, lexicon } =
    (options.prebuiltIndex && loadPrebuilt(options.prebuiltIndex, entries)) || buildIndex(entries);
  const examples = exampleNames(entries, (t) => index.df(t));
  const regions = exampleNames(entries, (t) => index.df(t), REGION_NAME_DF);
  const vocab = new QueryVocabulary(
    (t) => index.df(t),
    entries.length,
    lexicon,
    new CompoundSplitter(lexicon, language.genericHeads),
    controlledVocabulary(entries, kb.synonyms),
    kb.synonyms,
    kb.colloquial ?? [],
    subjectVocabulary(entries),
    subjectVocabulary(entries, true),
    entries.flatMap((_, doc) => [...(regions(doc) ?? [])]),
    termPairs(entries, kb.synonyms),
  );

  const titleOf = (id: string) => kb.byId.get(id)?.title ?? id;
  // How many checklist titles hold a term, counted once per term.
  const checklistDocs = entries.flatMap((e, doc) => (e.kind === "checklist" ? [doc] : []));
  const titleCounts = new Map<string, number>();
  const checklistTitlesWith = (term: string) => {
    let n = titleCounts.get(term);
    if (n === undefined) {
      n = checklistDocs.filter((doc) => index.fieldsOf(term, doc) & TITLE_MASK).length;
      titleCounts.set(term, n);
    }
    return n;
  };
  const round = (n: number) => Math.round(n * 1000) / 1000;
  // The featured topics (knowledge/uitgelicht.yml) the chat offers first everywhere; else the language data's defaults.
  const defaultSuggestions = (): Alternative[] => {
    const featured = (kb.featured ?? []).filter((id) => kb.byId.has(id));
    const ids = featured.length ? featured : language.defaultSuggestions.filter((id) => kb.byId.has(id));
    const picked = (ids.length ? ids : entries.slice(0, 3).map((e) => e.id)).slice(0, 3);
    return picked.map((id) => ({ id, title: titleOf(id), score: 0 }));
  };
  const help = (): Reply => ({ status: "help", confidence: 0, answer: null, alternatives: defaultSuggestions() });
  const unknown = (): Reply => ({ status: "unknown", confidence: 0, answer: null, alternatives: defaultSuggestions() });

  const phrasing = entryPhrasing(entries);
  /** The entries that a quoted term names (a title part, or a run of title words): built on the first quote. */
  let byName: Map<string, number[]> | undefined;
  const namedByQuote = (quoted: readonly string[]): ReadonlySet<number> => {
    if (!byName) {
      byName = new Map();
      for (let doc = 0; doc < entries.length; doc++)
        for (const name of phrasing(doc).names) {
          const docs = byName.get(name);
          if (docs) docs.push(doc);
          else byName.set(name, [doc]);
        }
    }
    return new Set(quoted.flatMap((t) => byName!.get(t) ?? []));
  };
  const score = (q: AnalyzedQuery): Candidate[] => {
    // An example entry (one region) whose region stands only in the context ("Bij ons in de Drechtsteden …. Waarom
    // …?") does not win on that name; named in the asking clause, or asked for as an example, it keeps its rank.
    const wantsExample = q.concepts.some((c) => language.exampleCues.has(c.token));
    const asked = new Set(q.concepts.filter((c) => c.weight >= ASKED_WEIGHT).map((c) => c.stem));
    const mentioned = new Set(q.concepts.map((c) => c.stem));
    // A checklist request looks further down the ranking: the checklist on the subject may rank below topics.
    const quoteNamed = q.quoted.length ? namedByQuote(q.quoted) : undefined;
    // What the asking clauses name and nothing more ("wat is dat, een gemeenschappelijke regeling?") is a name, as a
    // quote is; only in a question what something is: in "we zitten in een BVO, heeft die een algemeen bestuur?" the
    // BVO is asked about.
    const askedWords = q.concepts.filter((c) => c.weight >= 1 && !c.stem.startsWith("~") && c.match !== "unknown");
    const askedName =
      q.asksDefinition && askedWords.length > 0 && askedWords.length <= NAME_WORDS
        ? askedWords.map((c) => c.stem).join(" ")
        : null;
    const named = askedName ? namedByQuote([askedName]) : undefined;
    const nameNamed = named?.size ? named : undefined;
    const include = quoteNamed && nameNamed ? new Set([...quoteNamed, ...nameNamed]) : (quoteNamed ?? nameNamed);
    const hits = index.search(q.terms, q.wantsChecklist ? CHECKLIST_CANDIDATES : CANDIDATES, include);
    const ranked = hits.map((r) => {
      const e = entries[r.doc]!;
      const askedChecklist = q.wantsChecklist && e.kind === "checklist";
      const matched = new Map<string, Strength>();
      // A checklist asked for whose title names what the message is about, in words few checklist titles share
      // ("uittreden", "toetreden", "begroting"; not "samenwerking"), ranks higher: the request itself ("welke punten
      // moeten we nalopen?") often names nothing, the subject of the list stands in its context.
      let titled = 0;
      for (const { term } of q.terms) {
        const mask = index.fieldsOf(term, r.doc);
        if (!mask || matched.has(term)) continue;
        matched.set(term, mask & TOPICAL_MASK ? Strength.Topical : mask & ~BODY_MASK ? Strength.Other : Strength.Body);
        if (askedChecklist && mask & TITLE_MASK && checklistTitlesWith(term) <= CHECKLIST_TITLE_SHARED) titled++;
      }
      const evaluation = q.evaluate(matched);
      const checklistBoost = askedChecklist ? CHECKLIST_BOOST * (1 + CHECKLIST_TITLE_BOOST * titled) : 1;
      const names = wantsExample ? null : examples(r.doc);
      const examplePrior =
        !names || [...names].some((n) => asked.has(n))
          ? 1
          : [...names].some((n) => mentioned.has(n))
            ? EXAMPLE_PRIOR
            : EXAMPLE_UNNAMED_PRIOR;
      // A comparison is answered by an entry that sets the compared things side by side: it names several of them
      // outside its body (title, questions, keywords, summary), not one of them only.
      const comparisonBoost = q.wantsComparison && evaluation.strongConcepts >= 2 ? COMPARISON_BOOST : 1;
      // "Waar vind ik de begroting van onze GR?": the entries that say where to look (`find_intent_keyword`).
      const findBoost = q.asksWhereToFind && e.keywords.includes(language.findIntentKeyword) ? FIND_BOOST : 1;
      return {
        doc: r.doc,
        entry: e,
        ...evaluation,
        keyPhrase: 0,
        phrasing: 0,
        named: 0,
        keyword: 0,
        rank:
          r.score *
          (COVERAGE_FLOOR + 0.5 * evaluation.coverage + 0.5 * evaluation.coverageStrong) *
          checklistBoost *
          comparisonBoost *
          findBoost *
          examplePrior,
      };
    });
    ranked.sort((a, b) => b.rank - a.rank);
    rerankByPhrasing(ranked, q, phrasing, quoteNamed, askedName ? [...q.quoted, askedName] : q.quoted, include);
    if (q.wantsChecklist) preferChecklist(ranked);
    return ranked;
  };

  /** The analysis, ranking, features and confidence of one question (what ask decides on, and --explain shows). */
  const analyse = (question: string) => {
    const q = analyzeQuery(typeof question === "string" ? question : "", vocab);
    if (q.isHelp || q.terms.length === 0) return { q, ranked: [] as Candidate[], features: null, confidence: 0 };
    const ranked = score(q);
    if (!ranked.length) return { q, ranked, features: null, confidence: 0 };
    const features = featuresOf(q, ranked);
    return { q, ranked, features, confidence: round(predict(model, vectorOf(features))) };
  };

  /** An alternative scored relative to the best candidate's rank, so lists are in score order. */
  let bestRank = 1;
  const alt = (r: Candidate): Alternative => ({
    id: r.entry.id,
    title: r.entry.title,
    score: round(r.rank / bestRank),
  });

  const ask = (question: string): Reply => {
    const { q, ranked, features, confidence } = analyse(question);
    if (q.isHelp) return help();
    const best = ranked[0];
    // The bot neither reads the asker's own texts nor writes them: such a message gets a reply that says so.
    const textMessage = q.aboutDocument
      ? language.messages.documents
      : q.asksToWrite
        ? language.messages.writing
        : null;
    if (!best || !features) return textMessage ? { ...unknown(), message: textMessage } : unknown();
    bestRank = best.rank || 1;
    const others = ranked.slice(1);
    // An entry asked about in (nearly) these very words answers even a local-figure question: it was written for it.
    // Most of the message's words must be the entry's too: "wanneer is de volgende AB-vergadering van de
    // omgevingsdienst" is phrased like "wat is het AB van de omgevingsdienst" once its situational words drop out.
    const ownQuestion =
      best.phrasing >= OWN_QUESTION &&
      features.coverageAll >= OWN_QUESTION_ALL &&
      bandOf(model, confidence) === "answer";
    // A refusal on principle (local figures, documents, a question off its context's subject) never shows a
    // confidence that looks like an answer.
    const refused = Math.min(confidence, round(model.thresholds.ambiguous * 0.9));
    // The base has no amounts, names or dates of one municipality: say so, and offer the general entries. Nor does
    // the bot read pasted or attached texts: that reply (below) offers what the rest of the message is about.
    // Nor has it pay, allowances or rates at all ("hoeveel vergoeding krijgt een raadslid"): the same kind of reply.
    // A question off the base's subjects as well ("wat bepaalt de Wet normering topinkomens over het salaris van een
    // GR-directeur?") gets the reply below, which says so.
    // Asked where to look it up as well ("… wat wij aan de veiligheidsregio bijdragen. Waar zoek ik dat op?"), the
    // figure is what the asker will look for: the entries that say where one body's figures stand answer that.
    if ((q.localFigure || q.asksAmount) && !q.asksWhereToFind && !q.asksOffDomain && !ownQuestion && !textMessage)
      return {
        status: "unknown",
        confidence: refused,
        answer: null,
        alternatives: ranked.slice(0, 3).map(alt),
        message: q.localFigure ? language.messages.localFigures : language.messages.amounts,
      };
    // Context about a GR and a question about something else ("… waar kan ik daar parkeren?", "… hoe deel ik mijn
    // Outlook-agenda?"): no answer, however much of the context an entry covers; the entries on the context are
    // offered.
    const offSubject =
      q.asksBotOpinion || ((q.askedOffSubject || q.asksOffDomain || answersOnlyContext(q, best)) && !ownQuestion);
    const band = offSubject ? "unknown" : bandOf(model, confidence);
    if (band === "unknown" || textMessage) {
      // Nothing the base is about was asked ("wat kost een brood": a word it does not know next to everyday words):
      // entries sharing an everyday word are no suggestion; the default topics are.
      const aboutNothing =
        q.concepts.some((c) => c.weight > 0 && c.match === "unknown") &&
        q.concepts.every((c) => c.weight === 0 || c.match === "unknown" || vocab.everydayWords.has(c.stem));
      // A question off its context's subject: the entries on the context are what the asker may want next, when
      // that context is about cooperation at all (an anchor word: "ab", "regio", "gr"); after "mijn partij wil dat
      // ik me kandidaat stel" the default topics are.
      const offContext = offSubject && !q.anchored;
      const suggestions = (aboutNothing || offContext ? [] : ranked)
        .filter((r) => r.coverage > 0.2 || offSubject)
        .slice(0, 3)
        .map(alt);
      return {
        status: "unknown",
        confidence: textMessage || offSubject ? refused : confidence,
        answer: null,
        alternatives: suggestions.length ? suggestions : defaultSuggestions(),
        ...(textMessage
          ? { message: textMessage }
          : q.asksBotOpinion
            ? { message: language.messages.opinion }
            : q.asksOffDomain && offSubject
              ? { message: language.messages.offDomain }
              : {}),
      };
    }
    // Of a topic and its checklist just as strong, the form asked for answers: the checklist only when asked.
    // The two forms cover different words (a checklist lists more), so rank alone decides between them; a topic that
    // covers the question at least as well answers further behind (TOPIC_RANK). The checklist is then offered first.
    // In a comparison ("wat is het verschil tussen de paragraaf en de nota verbonden partijen") the topic answers
    // behind its checklist whatever it covers: the checklist's steps compare nothing.
    const topic =
      best.entry.kind === "checklist" && !q.wantsChecklist
        ? others
            .slice(0, 2)
            .find(
              (r) =>
                companions(best.entry, r.entry) &&
                (r.rank >= best.rank * AMBIGUOUS_RATIO ||
                  ((r.coverage >= best.coverage * TOPIC_COVERAGE || q.wantsComparison) &&
                    r.rank >= best.rank * TOPIC_RANK)),
            )
        : undefined;
    const shown = topic ?? best;
    const offer = (list: Candidate[]) =>
      (topic ? [best, ...list.filter((r) => r !== topic)] : list).slice(0, 2).map(alt);
    if (band === "ambiguous")
      return { status: "ambiguous", confidence, answer: answerOf(shown.entry, kb.byId), alternatives: offer(others) };
    // A confident answer: a runner-up just as strong makes it ambiguous; only close runners-up are offered.
    const strong = (r: Candidate) => r.rank >= best.rank * AMBIGUOUS_RATIO && r.coverage >= best.coverage * 0.9;
    const tie = others.slice(0, 2).filter((r) => strong(r) && !companions(best.entry, r.entry));
    const close = others.slice(0, 2).filter((r) => r.rank >= best.rank * CLOSE_RATIO);
    return {
      status: tie.length ? "ambiguous" : "answer",
      confidence,
      answer: answerOf(shown.entry, kb.byId),
      alternatives: offer(tie.length ? tie : close),
    };
  };

  const explain = (question: string): Explanation => {
    const { q, ranked, features, confidence } = analyse(question);
    const reply = engine.ask(question);
    return {
      question: q.text,
      focus: q.concepts.map((c) => ({
        word: c.token,
        stem: c.stem,
        weight: round(c.weight),
        idf: round(c.idf),
        match: c.match,
        name: c.name,
      })),
      expansions: [...q.expansions],
      wantsChecklist: q.wantsChecklist,
      localFigure: q.localFigure,
      asksAmount: q.asksAmount,
      askedOffSubject: q.askedOffSubject,
      asksOffDomain: q.asksOffDomain,
      answersOnlyContext: ranked[0] ? answersOnlyContext(q, ranked[0]) : false,
      aboutDocument: q.aboutDocument,
      asksToWrite: q.asksToWrite,
      asksWhereToFind: q.asksWhereToFind,
      candidates: ranked.slice(0, 5).map((r, i) => ({
        id: r.entry.id,
        rank: round(r.rank),
        ...(i === 0 && features ? { features: Object.fromEntries(FEATURES.map((k) => [k, round(features[k])])) } : {}),
        coverage: round(r.coverage),
      })),
      confidence,
      thresholds: model.thresholds,
      band: features ? bandOf(model, confidence) : "unknown",
      status: reply.status,
    };
  };

  const topicWords = (question: string) => {
    const counts = { known: 0, unknown: 0 };
    try {
      const q = analyzeQuery(typeof question === "string" ? question : "", vocab);
      for (const c of q.concepts) {
        if (c.weight <= 0 || c.name) continue;
        if (c.match === "unknown") counts.unknown++;
        else counts.known++;
      }
    } catch {
      // Never throws, like ask: an odd input has no topic words.
    }
    return counts;
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
        return unknown();
      }
    },
    explain,
    topicWords,
    replyFor,
    help,
    threshold,
    entries,
  };
  return engine;
}
