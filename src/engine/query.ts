// Query analysis: from a user's message to weighted index terms grouped by the "concepts" (content words) they
// stand for, so the engine can tell how much of the question an entry really answers. analyzeQuery runs named
// steps: clean → find the focus (clauses) → concepts → expansions (compounds, typos, joined words, separable
// verbs, synonyms, colloquial lexicon) → weights. See docs/engine.md.
import Fuse from "fuse.js";
import type { ColloquialMapping, KnowledgeEntry, SynonymGroups } from "../knowledge/types.ts";
import {
  CompoundSplitter,
  contentTokens,
  infinitivesOf,
  INTENT_WORDS,
  isStopWord,
  MAX_QUERY_CHARS,
  fold,
  quotedPassages,
  stem,
  tokenize,
} from "./analyze.ts";
import { deletions, editDistance, oneEditApart } from "./edits.ts";
import { clauseWeights, openerOf, splitClauses, type Clause } from "./focus.ts";
import {
  isAskerRole,
  isChecklistCue,
  clauseAsksForChecklist,
  withinPhrase,
  isInvertedVerb,
  endsWithAny,
  isWordOrCompoundOf,
  language,
  type LanguageData,
} from "./language.ts";
import {
  BODY_ONLY,
  CREDIT,
  ENDING_LETTERS,
  INCIDENTAL,
  INSTANCE_WEIGHT,
  MAX_TYPO_EDITS,
  NAME_WEIGHT,
  PHRASE_WORD_SEARCH,
  RARE_COMPOUND,
  SEPARABLE_WINDOW,
  SITUATIONAL_SEARCH,
} from "./weights.ts";

export interface QueryTerm {
  term: string;
  weight: number;
}

/** How a concept reached the base's vocabulary. */
export type ConceptMatch = "word" | "parts" | "corrected" | "unknown";

export interface Concept {
  token: string;
  stem: string;
  idf: number;
  /** Focus weight: 1 in the asking clause, less in context; 0 for situational words. */
  weight: number;
  /** A capitalised word inside a sentence (a name: a place, an organisation). */
  name: boolean;
  /** A kind of body that is one particular GR ("veiligheidsregio", "GGD"): usually context, weighs like a name. */
  instance: boolean;
  match: ConceptMatch;
  /** The word a typo was corrected to. */
  correctedTo?: string;
}

export interface Evaluation {
  /** Focus-weighted, IDF-weighted share of the question's concepts that the entry matched, 0..1. */
  coverage: number;
  /** The same with every concept weighing 1 (context and names included). */
  coverageAll: number;
  /** Coverage counting only matches outside the body (title, questions, keywords, summary). */
  coverageStrong: number;
  /** At least one concept matched as a word (not only through a compound part). */
  exact: boolean;
  /** At least one concept matched outside the body (title, questions, keywords or summary). */
  strong: boolean;
  /** Number of asked-about concepts (focus weight > 0) the entry names outside its body, as words or synonyms. */
  strongConcepts: number;
  /** Number of concepts of the asking clauses (full focus weight) the entry names outside its body. */
  askedStrong: number;
  /** At least one concept matched in the title or keywords: the entry is about it. */
  topical: boolean;
  /** IDF of the rarest asked-about concept the entry matches outside its body, relative to the rarest possible. */
  specificity: number;
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
  /** Compares two things ("verschil tussen een GR en een stichting", "convenant versus GR"). */
  wantsComparison: boolean;
  /** Asks for an amount, a name or a date of one municipality or body ("onze bijdrage aan de GGD"). */
  localFigure: boolean;
  /** It asks how much pay, an allowance or a rate is ("hoeveel vergoeding krijgt een raadslid"), see asksAmount. */
  asksAmount: boolean;
  /** Points at a text of the asker's own, pasted or attached ("ik plak het hieronder", "zie bijlage"). */
  aboutDocument: boolean;
  /** Asks the bot to write a text ("kun je een motie voor me schrijven"), which it does not do. */
  asksToWrite: boolean;
  /** Asks where to look: "waar" and a verb of `find_intent_verbs` in one asking clause ("waar vind ik de begroting"). */
  asksWhereToFind: boolean;
  /** An asking clause asks what something is ("wat is …", "wat betekent …": `definition_openers`). */
  asksDefinition: boolean;
  /** Terms the message puts in quotes ("wat is een 'lege bv'"), each as its content stems joined by one space. */
  quoted: readonly string[];
  terms: QueryTerm[];
  concepts: readonly Concept[];
  /** Expansions for --explain: "from → to (how)". */
  expansions: readonly string[];
  /** Number of content words the question is about (focus weight > 0). */
  conceptCount: number;
  /** Focus-weighted share of the question unknown to the base (no word, part or correction). */
  unknownShare: number;
  /**
   * The message sets out a situation about a subject of the base and then asks, in words of its own, about something
   * the base has no subject for ("… het AB vergadert in Apeldoorn. Waar kan ik daar parkeren?").
   */
  askedOffSubject: boolean;
  /** An asking clause names a subject the base never covers (language data `off_domain_words`: "cao", "wachtwoord"). */
  /** Every asking clause asks the bot's own opinion ("wat vind jij van …"), see asksBotOpinion. */
  asksBotOpinion: boolean;
  asksOffDomain: boolean;
  /** Focus-weighted share reached only through a typo correction. */
  correctedShare: number;
  /** Focus-weighted share made of names. */
  nameShare: number;
  /** A focus word (or what it expands to) ties the question to cooperation between municipalities. */
  anchored: boolean;
  phraseShare(phraseStems: readonly string[]): number;
  phrasingMatch(stems: ReadonlySet<string>): number;
  /** Focus-weighted share of the question's concepts that are (or expand to) one of these stems. */
  conceptShare(stems: ReadonlySet<string>): number;
  /** Share of these stems (an entry's title or key phrase) that the question names, directly or by expansion. */
  namedShare(stems: Iterable<string>): number;
  evaluate(matched: ReadonlyMap<string, Strength>): Evaluation;
}

/** What the query analysis needs to know about the base: document frequencies, vocabulary, synonyms. */
export class QueryVocabulary {
  readonly docCount: number;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  readonly synonymStems: string[][][];
  /** Per synonym group, the members matched on the message's content words (not the phrases of `phrases`). */
  readonly synonymFrom: string[][][];
  /** Colloquial one-way mappings as stem sequences. */
  readonly colloquialStems: { from: string[][]; to: string[][] }[];
  readonly unknownIdf: number;
  /** Stems of the controlled vocabulary: what the base is about (titles, questions, keywords, synonyms). */
  readonly topicalStems: ReadonlySet<string>;
  /** Stems of the words of titles and keywords (`subjectVocabulary`): what entries are about by name. */
  readonly subjectStems: ReadonlySet<string>;
  /** Stems of the words of titles alone ("Voorbeeld: de Drechtsteden …" → drechtsteden). */
  readonly titleStems: ReadonlySet<string>;
  /** Stems of the names of the example entries' regions ("Voorbeeld: Regio Rivierenland …" → rivierenland). */
  readonly exampleRegionStems: ReadonlySet<string>;
  /** Stems of one-word synonyms and colloquial words: known to the lexicon, so never a typo ("gedoe"). */
  readonly lexiconWords = new Set<string>();
  /** Stems of one-word colloquial words (spreektaal "van"): everyday words, never what the base is about. */
  readonly everydayWords = new Set<string>();
  /** Stems of real Dutch words that are never typo-corrected (language data `never_corrected`). */
  readonly realWords: ReadonlySet<string>;
  /** Stems of the words that tie a question to cooperation between municipalities (language `domain_anchors`). */
  readonly anchorStems: ReadonlySet<string>;
  /**
   * Lexicon phrases with a word that is no content word ("lid worden", "in de gaten houden", "wat levert het op"):
   * matched on the message's own words before stop words and filler drop out (see `findPhrases`).
   */
  readonly phrases: readonly LexiconPhrase[];

  constructor(
    readonly df: (term: string) => number,
    docCount: number,
    readonly lexicon: ReadonlySet<string>,
    readonly splitter: CompoundSplitter,
    controlled: Iterable<string>,
    synonyms: SynonymGroups,
    colloquial: readonly ColloquialMapping[] = [],
    subjects: Iterable<string> = [],
    titles: Iterable<string> = [],
    exampleRegions: Iterable<string> = [],
    /** Pairs of words side by side in a title, keyword or synonym ("gemeenschappelijke regeling"), see `unglue`. */
    readonly pairs: ReadonlySet<string> = new Set(),
    readonly lang: LanguageData = language,
  ) {
    this.exampleRegionStems = new Set(exampleRegions);
    this.subjectStems = new Set([...subjects].map(stem));
    this.titleStems = new Set([...titles].map(stem));
    this.docCount = Math.max(1, docCount);
    const groups = new Map<string, string[]>();
    const controlledWords = new Set(controlled);
    this.topicalStems = new Set([...controlledWords].map(stem));
    for (const w of controlledWords) {
      const key = bucketKey(w[0]!, w.length);
      const list = groups.get(key);
      if (list) list.push(w);
      else groups.set(key, [w]);
    }
    for (const [key, words] of groups)
      this.buckets.set(key, new Fuse(words, { includeScore: true, threshold: 0.3, minMatchCharLength: 3 }));
    const stems = (t: string) => contentTokens(t).map(stem);
    // A phrase with a word that is no content word ("lid worden", "voert uit voor") is matched on the message's own
    // words (`phrases` below), never by what is left of it without them ("lid", "voert").
    const raw = (t: string) => {
      const tokens = tokenize(t);
      return tokens.length >= 2 && !tokens.every((w) => isContentWord(w, lang));
    };
    const synonymMembers = synonyms.map((g) =>
      g.map((t) => ({ t, stems: stems(t) })).filter((m) => m.stems.length > 0),
    );
    this.synonymStems = synonymMembers.map((g) => g.map((m) => m.stems));
    this.synonymFrom = synonymMembers.map((g) => g.filter((m) => !raw(m.t)).map((m) => m.stems));
    this.colloquialStems = colloquial.map((m) => ({
      from: m.from
        .filter((t) => !raw(t))
        .map(stems)
        .filter((s) => s.length > 0),
      to: m.to.map(stems).filter((s) => s.length > 0),
    }));
    this.unknownIdf = 0.5 * this.idf(0);
    this.realWords = new Set(lang.neverCorrected.map(stem));
    this.anchorStems = new Set(lang.domainAnchors.map(stem));
    const phrases: LexiconPhrase[] = [];
    const addPhrase = (text: string, to: string[][], credit: number, label: LexiconPhrase["label"]) => {
      const tokens = tokenize(text);
      if (tokens.length < 2 || tokens.every((t) => isContentWord(t, lang))) return;
      // A synonym phrase also searches its own words ("lid worden" → lid); a colloquial one does not ("in de gaten
      // houden" is not about "gaten").
      const own =
        label === "synonym"
          ? contentTokens(text)
              .filter((t) => isContentWord(t, lang))
              .map(stem)
          : [];
      phrases.push({
        text: tokens.join(" "),
        stems: tokens.map(stem),
        to: own.length ? [own, ...to] : to,
        credit,
        label,
      });
    };
    synonymMembers.forEach((g, gi) =>
      g.forEach((member, mi) =>
        addPhrase(
          member.t,
          this.synonymStems[gi]!.filter((_, k) => k !== mi),
          CREDIT.synonym,
          "synonym",
        ),
      ),
    );
    colloquial.forEach((m, mi) =>
      m.from.forEach((from) => {
        if (raw(from)) addPhrase(from, this.colloquialStems[mi]!.to, CREDIT.colloquial, "spreektaal");
      }),
    );
    // Longest first: "wat levert het op" before "levert op".
    this.phrases = phrases.sort((a, b) => b.stems.length - a.stems.length);
    for (const m of this.colloquialStems)
      for (const from of m.from)
        if (from.length === 1) {
          this.lexiconWords.add(from[0]!);
          this.everydayWords.add(from[0]!);
        }
    for (const g of this.synonymStems)
      for (const member of g) if (member.length === 1) this.lexiconWords.add(member[0]!);
  }

  /**
   * A word one letter off a filler word of six letters or more (one deleted, added, changed or two swapped:
   * "eigelijk" → eigenlijk), and neither a word of the lexicons nor a real word of `never_corrected`.
   */
  isFillerTypo(token: string): boolean {
    if (token.length < 5) return false;
    let hit = this.fillerTypos.get(token);
    if (hit === undefined) {
      const s = stem(token);
      hit = !this.lexiconWords.has(s) && !this.realWords.has(s) && this.nearFiller(token);
      if (this.fillerTypos.size > 10_000) this.fillerTypos.clear();
      this.fillerTypos.set(token, hit);
    }
    return hit;
  }
  private readonly fillerTypos = new Map<string, boolean>();
  /** Filler words of six letters or more by each form with one letter deleted (and by themselves), built once. */
  private fillerDeletes: Map<string, string[]> | null = null;

  /** One edit from a filler word: candidates share a one-letter deletion (symmetric delete), then checked. */
  private nearFiller(token: string): boolean {
    if (!this.fillerDeletes) {
      this.fillerDeletes = new Map();
      for (const f of this.lang.filler)
        if (f.length >= 6)
          for (const key of [f, ...deletions(f)]) {
            const list = this.fillerDeletes.get(key);
            if (list) list.push(f);
            else this.fillerDeletes.set(key, [f]);
          }
    }
    for (const key of [token, ...deletions(token)])
      for (const f of this.fillerDeletes.get(key) ?? []) if (oneEditApart(f, token)) return true;
    return false;
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
    let best: { item: string; score: number } | null = null;
    for (let len = token.length - 2; len <= token.length + 2; len++) {
      const fuse = this.buckets.get(bucketKey(token[0]!, len));
      if (!fuse) continue;
      for (const r of fuse.search(token, { limit: 2 })) {
        const score = r.score ?? 1;
        if (score > 0.3 || (best && score >= best.score)) continue;
        // Fuse's score is relative to the word's length and lets a long word differ in three letters or more:
        // "omgevingsplan" → omgevingsdienst, "maandag" → mandaat are other words, not typos. A word that differs
        // only in its ending is another form of the same word ("efficiënter" → efficiency).
        if (editDistance(token, r.item) <= MAX_TYPO_EDITS || sameButEnding(token, r.item))
          best = { item: r.item, score };
      }
    }
    // A correction into an everyday word ("simpeler" → "simpel") would make noise a match.
    const result =
      best && this.known(stem(best.item)) && !isFiller(best.item, this.lang) && !this.lang.situational.has(best.item)
        ? best.item
        : null;
    if (this.corrections.size > 50_000) this.corrections.clear();
    this.corrections.set(token, result);
    return result;
  }
}

/** A lexicon phrase matched on the message's own words, stop words and filler included. */
export interface LexiconPhrase {
  /** The phrase as folded words ("lid worden"). */
  text: string;
  /** Stems of all its words, in order. */
  stems: string[];
  /** What it searches: its own content words, and its synonyms or colloquial targets (as stem sequences). */
  to: string[][];
  credit: number;
  label: "synonym" | "spreektaal";
}

const bucketKey = (first: string, length: number) => `${first}${length}`;

/** The controlled vocabulary (for typo correction): words of titles, questions, keywords and synonyms. */
/** The words of the entries' titles and keywords: what an entry is about by name (not its example questions). */
export function subjectVocabulary(entries: readonly KnowledgeEntry[], titlesOnly = false): Set<string> {
  const words = new Set<string>();
  for (const e of entries)
    for (const text of titlesOnly ? [e.title] : [e.title, ...e.keywords])
      for (const t of contentTokens(text)) words.add(t);
  return words;
}

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

/** Step 1: removes markup, mentions and URLs that chat platforms put around a question; cuts to length. */
export function cleanText(raw: string): string {
  return raw
    .slice(0, MAX_QUERY_CHARS * 4)
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .slice(0, MAX_QUERY_CHARS);
}

/**
 * Step 1b: two words of the base typed as one ("gemeenschappelijkeregeling", "verbondenpartij") are read apart
 * again: a word the base does not have that splits into exactly two of its words, which stand side by side in one of
 * its terms (`pairs`). A compound the base writes as one word ("zienswijzetermijn") stays whole, as does one whose
 * parts never meet in a term.
 */
export function unglue(text: string, vocab: QueryVocabulary): string {
  if (vocab.pairs.size === 0) return text;
  return text.replace(/\p{L}{8,}/gu, (word) => {
    const [token, ...more] = tokenize(word);
    if (!token || more.length > 0 || token.length !== word.length || vocab.lexicon.has(token)) return word;
    const parts = vocab.splitter.split(token);
    if (parts?.length !== 2 || parts[0]!.length + parts[1]!.length !== token.length) return word;
    if (!vocab.pairs.has(parts.join(" "))) return word;
    return `${word.slice(0, parts[0]!.length)} ${word.slice(parts[0]!.length)}`;
  });
}

/** Names of one municipality: a name after one of `municipality_heads`, or after one and "van". */
function namedMunicipalities(tokens: readonly string[], names: ReadonlySet<string>, lang: LanguageData): string[] {
  return tokens.filter(
    (t, i) =>
      names.has(t) &&
      !lang.genericBodies.has(t) &&
      (lang.municipalityHeads.has(tokens[i - 1] ?? "") ||
        (tokens[i - 1] === "van" && lang.municipalityHeads.has(tokens[i - 2] ?? ""))),
  );
}

/** Capitalised words inside a sentence are names ("Eindhoven", "GGD"). */
function namesIn(text: string): Set<string> {
  return new Set(tokenize((text.match(/(?<=[\p{L}\p{N},;] +)\p{Lu}[\p{L}-]+/gu) ?? []).join(" ")));
}

const DEFINITE_ARTICLES = new Set(["de", "het"]);
/** Prepositions that make a named body the place or owner of what is asked (not "onder" or "volgens": a law). */
const CONTEXT_PREPOSITIONS = new Set([
  "van",
  "bij",
  "uit",
  "naar",
  "in",
  "voor",
  "met",
  "aan",
  "binnen",
  "namens",
  "tot",
]);

/**
 * Names of organisations ("in het AB van de ODR", "bij het Werkbedrijf", "Omgevingsdienst Haaglanden", "Regio
 * Foodvalley"): a run of capitalised words inside a sentence that holds a kind of body (the language data's
 * instances and instance heads: regio, dienst, veiligheidsregio), or that holds an acronym (two capitals or more) or
 * follows "de" or "het" (Dutch puts an article before a body, not before a person or a town: "de VRU", but "Rutte",
 * "Tilburg") right after a preposition of place or ownership. Returned folded, as tokens.
 */
export function organisationNamesIn(text: string, lang: LanguageData): Set<string> {
  return new Set(organisationRunsIn(text, lang).flat());
}

/** A kind of body (`instances`, or a word ending in one of `instance_heads`): "veiligheidsregio", "werkbedrijf". */
const isBodyWord = (w: string, lang: LanguageData) => {
  const f = fold(w);
  return lang.instances.has(f) || lang.instanceHeads.some((h) => f.endsWith(h));
};

/** The names of `organisationNamesIn`, each as the tokens of its run of capitalised words. */
function organisationRunsIn(text: string, lang: LanguageData): string[][] {
  const out: string[][] = [];
  const raw = text.split(/\s+/);
  const words = raw.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  const upper = (i: number) => /^\p{Lu}/u.test(words[i] ?? "");
  const opensSentence = (i: number) => i === 0 || /[.!?:]$/.test(raw[i - 1] ?? "") || (words[i - 1] ?? "") === "";
  const capitalised = (i: number) => upper(i) && !opensSentence(i);
  for (let i = 0; i < words.length; i++) {
    // A sentence's first word is capitalised anyway; with a capitalised word after it, it opens a name of two words or
    // more ("Ferm Werk stuurt de jaarrekening", "Omgevingsdienst Haaglanden vraagt meer geld").
    const namesFromStart = upper(i) && opensSentence(i) && capitalised(i + 1);
    if (!capitalised(i) && !namesFromStart) continue;
    let end = i;
    while (end + 1 < words.length && capitalised(end + 1) && !/[,;]$/.test(raw[end] ?? "")) end++;
    const run = words.slice(i, end + 1);
    const before = fold(words[i - 1] ?? "");
    const article = DEFINITE_ARTICLES.has(before);
    const acronym = run.some((w) => (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2);
    // An acronym or "de X" may also be a law ("geldt de Woo ook voor een GR", "de AVG"): only as the place or owner
    // of what is asked ("in het AB van de ODR", "uit de Avri") is it a body, and so is a name of two words or more
    // there ("uit Ferm Werk stappen"). A kind of body in the name says so itself.
    const place = CONTEXT_PREPOSITIONS.has(article ? fold(words[i - 2] ?? "") : before);
    if (namesFromStart || run.some((w) => isBodyWord(w, lang)) || ((acronym || article || run.length >= 2) && place))
      out.push(tokenize(run.join(" ")));
    i = end;
  }
  return out;
}

interface Draft {
  concepts: Concept[];
  /** term -> (concept index -> credit) */
  credits: Map<string, Map<number, number>>;
  /** term -> search weight */
  weights: Map<string, number>;
  expansions: string[];
  vocab: QueryVocabulary;
  /** concept -> stems of the words it forms with its neighbours (joined words, separable verbs). */
  aliases: Map<number, string[]>;
  /** concept -> stems of its compound parts (that the base knows). */
  compounds: Map<number, string[]>;
}

function addAlias(d: Draft, concept: number, stemmed: string): void {
  const list = d.aliases.get(concept);
  if (list) list.push(stemmed);
  else d.aliases.set(concept, [stemmed]);
}

function addTerm(d: Draft, term: string, concept: number, credit: number, weight: number): boolean {
  if (!d.vocab.known(term)) return false;
  let m = d.credits.get(term);
  if (!m) d.credits.set(term, (m = new Map()));
  m.set(concept, Math.max(m.get(concept) ?? 0, credit));
  const searchWeight = weight * Math.max(d.concepts[concept]!.weight, SITUATIONAL_SEARCH);
  d.weights.set(term, Math.max(d.weights.get(term) ?? 0, searchWeight));
  return true;
}

/**
 * A filler word, also in its inflected or comparative adjective form ("simpele", "snelle", "simpeler" for
 * "simpel", "snel"), so the lists need only the base form.
 */
export function isFiller(token: string, lang: LanguageData): boolean {
  if (lang.filler.has(token)) return true;
  // The past participle of a filler verb is filler too: "genoemd" (noem), "gemaakt" (maakt), "gegeven" (geven).
  if (token.length >= 6 && token.startsWith("ge")) {
    const rest = token.slice(2);
    if (lang.filler.has(rest)) return true;
    if (/[dt]$/.test(rest) && (lang.filler.has(rest.slice(0, -1)) || lang.filler.has(`${rest.slice(0, -1)}t`)))
      return true;
  }
  for (const ending of ["e", "er"]) {
    if (token.length < ending.length + 3 || !token.endsWith(ending)) continue;
    const base = token.slice(0, -ending.length);
    if (lang.filler.has(base) || (base.at(-1) === base.at(-2) && lang.filler.has(base.slice(0, -1)))) return true;
  }
  // The superlative: "makkelijkst", "simpelste" (a base of SUPERLATIVE_BASE letters or more: "laatste" is no "laat").
  return ["st", "ste"].some(
    (ending) =>
      token.endsWith(ending) &&
      token.length >= SUPERLATIVE_BASE + ending.length &&
      lang.filler.has(token.slice(0, -ending.length)),
  );
}
const SUPERLATIVE_BASE = 5;

/** A word that can be part of what a question is about: no stop word, filler, cue, help or situational word. */
export function isContentWord(t: string, lang: LanguageData): boolean {
  return (
    t.length > 1 &&
    !isStopWord(t) &&
    !lang.checklistCues.has(t) &&
    !lang.comparisonCues.has(t) &&
    !isFiller(t, lang) &&
    (!lang.helpWords.has(t) || lang.helpWordsWithMeaning.has(t)) &&
    !INTENT_WORDS.has(t) &&
    !lang.situational.has(t) &&
    !lang.documentCues.has(t)
  );
}

/** Words of a phrase may stand this many words apart in all ("houden we het in de gaten"). */
const PHRASE_SLACK = 2;
/** Words a phrase never reaches across: "willen eruit en het zelf gaan doen" is no "eruit gaan". */
const PHRASE_BREAK = new Set(["en", "of", "maar", "dan"]);

/** The stem and the infinitives' stems of a word, kept for the words seen (cleared when it grows large). */
const wordForms = new Map<string, ReadonlySet<string>>();
function formsOf(word: string): ReadonlySet<string> {
  let forms = wordForms.get(word);
  if (!forms) {
    if (wordForms.size > 50_000) wordForms.clear();
    forms = new Set([stem(word), ...infinitivesOf(word).map(stem)]);
    wordForms.set(word, forms);
  }
  return forms;
}

const phraseIndex = new WeakMap<readonly LexiconPhrase[], Map<string, number[]>>();

/** Each stem → the indexes of the phrases that have it, for one list of phrases (built once). */
function phrasesByStem(phrases: readonly LexiconPhrase[]): Map<string, number[]> {
  let index = phraseIndex.get(phrases);
  if (!index) {
    index = new Map();
    phrases.forEach((phrase, p) => {
      for (const s of new Set(phrase.stems)) {
        const list = index!.get(s);
        if (list) list.push(p);
        else index!.set(s, [p]);
      }
    });
    phraseIndex.set(phrases, index);
  }
  return index;
}

/**
 * Lexicon phrases in a clause's words, longest first and not overlapping: token index → the phrase starting there
 * and the indexes of the words it took.
 * All words of the phrase must stand within its length plus PHRASE_SLACK words, in any order (Dutch moves the verb:
 * "lid worden", "word je lid"; "in de gaten houden", "houden we in de gaten"), matched by stem or, for a finite
 * verb, by its infinitive ("wordt" → worden).
 */
export function findPhrases(
  tokens: readonly string[],
  phrases: readonly LexiconPhrase[],
): Map<number, { phrase: LexiconPhrase; used: number[] }> {
  const found = new Map<number, { phrase: LexiconPhrase; used: number[] }>();
  if (phrases.length === 0 || tokens.length < 2) return found;
  const formsAt = (at: number) => formsOf(tokens[at]!);
  const taken = new Array<boolean>(tokens.length).fill(false);
  // Only the phrases with a word of the message are tried, in their order (longest first) and then by position, as
  // trying every phrase at every position would; the phrases by stem are worked out once per list.
  const byStem = phrasesByStem(phrases);
  const tries: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const seen = new Set<number>();
    for (const s of formsAt(i)) for (const p of byStem.get(s) ?? []) if (!seen.has(p)) seen.add(p);
    for (const p of seen) tries.push(p * tokens.length + i);
  }
  tries.sort((a, b) => a - b);
  for (const t of tries) {
    const phrase = phrases[Math.floor(t / tokens.length)]!;
    const i = t % tokens.length;
    const n = phrase.stems.length;
    if (i + n > tokens.length || taken[i]) continue;
    let window = Math.min(tokens.length, i + n + PHRASE_SLACK);
    for (let at = i + 1; at < window; at++) if (PHRASE_BREAK.has(tokens[at]!)) window = at;
    const used = new Set<number>();
    const positions: number[] = [];
    for (const s of phrase.stems) {
      for (let at = i; at < window; at++)
        if (!taken[at] && !used.has(at) && formsAt(at).has(s)) {
          used.add(at);
          positions.push(at);
          break;
        }
    }
    if (used.size < n || !used.has(i)) continue;
    // The stop words that open a phrase stand before its first content word, as a preposition before its noun:
    // "houden we in de gaten", but not "met twee buurgemeenten een stichting voor de …" for "voor de buurgemeenten".
    const head = phrase.text.split(" ").findIndex((w) => !isStopWord(w));
    if (head > 0 && positions.slice(0, head).some((at) => at > positions[head]!)) continue;
    for (const at of used) taken[at] = true;
    found.set(i, { phrase, used: [...used] });
  }
  return found;
}

/**
 * The negations and degree words around a hedge ("ik snap niet goed wie …", "ik weet het eigenlijk niet precies"):
 * the indexes of the modifiers that stand next to a hedge verb, with only stop words, filler or other modifiers
 * between. They say how sure the asker is, not what is asked.
 */
export function hedgedWords(tokens: readonly string[], lang: LanguageData): Set<number> {
  const out = new Set<number>();
  if (lang.hedges.size === 0) return out;
  tokens.forEach((t, at) => {
    if (!lang.hedges.has(t)) return;
    for (const step of [1, -1])
      for (let i = at + step; i >= 0 && i < tokens.length; i += step) {
        const w = tokens[i]!;
        if (lang.hedgeModifiers.has(w)) out.add(i);
        else if (!isStopWord(w) && !isFiller(w, lang)) break;
      }
  });
  return out;
}

/** "lang" after these words asks for a duration ("hoe lang duurt uittreden?"), it is no subject. */
const DURATION = new Set(["lang", "lange"]);
const DURATION_LEAD = new Set(["hoe", "zo"]);

/** Most words a clause naming a choice may have ("een convenant of een gemeenschappelijke regeling"). */
const CHOICE_LENGTH = 7;

/** The clause only names alternatives: "A of B", each one or two content words, articles allowed. */
export function namesChoice(tokens: readonly string[], isContent: (t: string) => boolean): boolean {
  if (tokens.length > CHOICE_LENGTH) return false;
  const at = tokens.indexOf("of");
  if (at <= 0 || at !== tokens.lastIndexOf("of")) return false;
  const side = (part: readonly string[]) => {
    const content = part.filter(isContent);
    return content.length >= 1 && content.length <= 2 && part.every((t) => isContent(t) || ARTICLES.has(t));
  };
  return side(tokens.slice(0, at)) && side(tokens.slice(at + 1));
}
const ARTICLES = new Set(["de", "het", "een"]);

/** Index of the last word of a clause that is no stop word or filler ("… uit de gr stappen nou?" → "stappen"). */
function lastWordOf(tokens: readonly string[], lang: LanguageData): number {
  let i = tokens.length - 1;
  while (i > 0 && (isStopWord(tokens[i]!) || isFiller(tokens[i]!, lang))) i--;
  return i;
}

/** How many words after "in" an organ may stand for "in … zitten" to be membership ("in het algemeen bestuur"). */
const SITTING_ORGAN_SPAN = 3;
/** How many words the verb of sitting may stand from that "in" ("zit er namens ons in", "in het AB van de GGD zitten"). */
const SITTING_VERB_SPAN = 4;

/**
 * "Mag een raadslid in het AB van een GR zitten?", "ik zit namens ons in het db": a verb of sitting (`sitting_verbs`)
 * near "in" and an organ (`sitting_organs`) at most SITTING_ORGAN_SPAN words after it is being a member. Not in a
 * question for who sits there ("wie zit er in het db van …" asks for names, see asksLocalFigure).
 */
function sitsInOrgan(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  const { sitting } = lang;
  if (!sitting.verbs.has(tokens[i]!) || tokens[0] === "wie") return false;
  return tokens.some((t, j) => {
    if (t !== "in") return false;
    const organ = tokens.slice(j + 1, j + 1 + SITTING_ORGAN_SPAN).findIndex((o) => sitting.organs.has(o));
    if (organ < 0) return false;
    const organAt = j + 1 + organ;
    return (i < j && j - i <= SITTING_VERB_SPAN) || (i > organAt && i - organAt <= SITTING_VERB_SPAN);
  });
}

/**
 * "Uit" that says leaving: it ends the clause (but for filler) with "er", "daar" or "hier" shortly before it ("kunnen
 * we daar nog uit"), or stands before a determiner and one of `leaving_objects` and no verb ("voordat we uit een gr
 * zijn").
 */
function isSplitEruit(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (tokens[i] !== "uit") return false;
  const onlyFillerFrom = (at: number) => tokens.slice(at).every((t) => isStopWord(t) || isFiller(t, lang));
  // With a verb after it ("uit de gr stappen") the verb and its particle say it (`joinSeparableVerbs`); after a word
  // of content it is that word's preposition ("uittreden uit een GR").
  const before = tokens[i - 1];
  // (A date or another situational word is no such word: "we willen per 1 juli uit de regeling".)
  const afterContent = before !== undefined && isContentWord(before, lang);
  if (lang.determiners.has(tokens[i + 1] ?? "") && lang.leavingObjects.has(tokens[i + 2] ?? ""))
    return !afterContent && onlyFillerFrom(i + 3);
  return endsSplitAdverb(tokens, i, lang);
}

/**
 * The token ends the clause (but for filler) with "er", "daar" or "hier" shortly before it: the second half of a
 * pronominal adverb written apart ("kunnen we daar nog uit", "wat verstaan ze daar onder").
 */
function endsSplitAdverb(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (!tokens.slice(i + 1).every((t) => isStopWord(t) || isFiller(t, lang))) return false;
  return tokens.slice(Math.max(0, i - SEPARABLE_WINDOW), i).some((t) => lang.splitAdverbHeads.has(t));
}

/**
 * In a clause that asks for a checklist, a word that says what a checklist holds ("een checklist met de stappen en de
 * volgorde") describes the request, not its subject (`checklist_describers`). As a noun only, after a determiner or
 * "met" / "van" ("eruit stappen checklist" is leaving), and only closing the clause: in "met de stappen die we bij
 * het uittreden moeten zetten" the steps are what the list is about.
 */
function describesChecklist(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  const before = tokens[i - 1] ?? "";
  return (
    lang.checklistDescribers.has(tokens[i]!) &&
    (lang.determiners.has(before) || before === "met" || before === "van") &&
    tokens.slice(i + 1).every((t) => isStopWord(t) || lang.determiners.has(t) || lang.checklistDescribers.has(t)) &&
    tokens.some((_, j) => j !== i && isChecklistCue(tokens, j, lang))
  );
}

/** Step 3: the message's content words, one concept per stem, each with its focus weight. */
function extractConcepts(
  text: string,
  vocab: QueryVocabulary,
): {
  concepts: Concept[];
  tokens: string[];
  intents: string[];
  clauses: Clause[];
  compares: boolean;
  phraseOf: Map<number, LexiconPhrase>;
  /** A clause asks the bot to write a text (`asksToWrite`). */
  asksToWrite: boolean;
  /** The capitalised words inside a sentence (`namesIn`). */
  names: Set<string>;
} {
  const lang = vocab.lang;
  const names = namesIn(text);
  const clauses = splitClauses(text, lang);
  const isContent = (t: string) => isContentWord(t, lang);
  // A pronoun before a noun is its determiner: "bij zo'n zienswijze", "die regeling" name their subject themselves
  // (the context still counts as what they point at, not as the subject itself).
  for (const c of clauses) {
    if (!c.mayPointBack || c.refersBack || lang.continuationOpeners.has(c.tokens[0] ?? "")) continue;
    c.mayPointBack = c.tokens.some((t, i) => {
      if (!lang.pointingPronouns.has(t)) return false;
      const at = c.tokens[i + 1] === "n" ? i + 2 : i + 1;
      const next = c.tokens[at];
      // "waar kan ik die verlengen": a verb at the clause's end, with the pronoun its object, still points back.
      const verbAtEnd = at === c.tokens.length - 1 && next !== undefined && next.endsWith("en");
      return next === undefined || !isContent(next) || verbAtEnd;
    });
  }
  // A context clause that only names alternatives ("publiekrecht of privaatrecht, wat kiezen we?") poses a choice:
  // the message compares them, as with a comparison cue.
  const compares = clauses.some(
    (c) => c.tokens.some((t) => lang.comparisonCues.has(t)) || (!c.asking && namesChoice(c.tokens, isContent)),
  );
  const weights = clauseWeights(
    clauses,
    // "hoe lang" asks for a duration, like "wanneer": "lang" is no content word there (as below).
    (c) =>
      c.tokens.filter(
        (t, i) =>
          isContent(t) &&
          !isChecklistCue(c.tokens, i, lang) &&
          !describesChecklist(c.tokens, i, lang) &&
          !(DURATION.has(t) && DURATION_LEAD.has(c.tokens[i - 1] ?? "")),
      ).length,
    // A comparison or a checklist request often names its subject in the context.
    compares || clauses.some((c) => c.asking && c.tokens.some((_, i) => isChecklistCue(c.tokens, i, lang))),
  );
  const concepts: Concept[] = [];
  const byStem = new Map<string, Concept>();
  const tokens: string[] = [];
  const intents: string[] = [];
  const phraseOf = new Map<number, LexiconPhrase>();
  let writingRequest = false;
  // Words of `asking_only` count only in an asking clause, when the message has one.
  const hasAsking = clauses.some((c) => c.asking);
  clauses.forEach((clause, ci) => {
    const phrases = findPhrases(clause.tokens, vocab.phrases);
    const hedged = hedgedWords(clause.tokens, lang);
    const writing = asksToWrite(clause.tokens, lang);
    if (writing) writingRequest = true;
    // "Hoe schrijf je een zienswijze?" asks how to give one: the verb of making a text the base explains is no subject.
    const makesBaseText = !writing && writesBaseText(clause.tokens, lang);
    const consumed = new Set<number>();
    const idiom = clause.tokens.some((t) => lang.eruitIdiomVerbs.has(t));
    clause.tokens.forEach((said, ti) => {
      tokens.push(said);
      // "kunnen we daar nog uit?" says "eruit"; in "hoe ziet dat eruit", "we komen er niet uit" an idiom: filler.
      const token =
        !idiom && isSplitEruit(clause.tokens, ti, lang)
          ? "eruit"
          : sitsInOrgan(clause.tokens, ti, lang)
            ? lang.sitting.as
            : said;
      if (idiom && token === "eruit") return;
      // A lexicon phrase ("lid worden", "in de gaten houden") is one concept, whatever its words are on their own.
      const hit = phrases.get(ti);
      if (hit) {
        for (const at of hit.used) consumed.add(at);
        const key = `~${hit.phrase.text}`;
        const seen = byStem.get(key);
        if (seen) seen.weight = Math.max(seen.weight, weights[ci]!);
        else if (concepts.length < 40) {
          const c: Concept = {
            token: hit.phrase.text,
            stem: key,
            idf: vocab.unknownIdf,
            weight: weights[ci]!,
            name: false,
            instance: false,
            match: "unknown",
          };
          phraseOf.set(concepts.length, hit.phrase);
          concepts.push(c);
          byStem.set(key, c);
        }
      }
      if (consumed.has(ti) || hedged.has(ti)) return;
      // "niet alleen … maar ook": together filler (`filler_pairs`), though "niet" and "alleen" alone carry meaning.
      const ct = clause.tokens;
      if (lang.fillerPairs.has(`${ct[ti - 1]} ${said}`) || lang.fillerPairs.has(`${said} ${ct[ti + 1]}`)) return;
      // "wat verstaan ze daar onder": "daaronder" written apart points back, as "daaronder" does.
      if (lang.splitAdverbTails.has(said) && endsSplitAdverb(ct, ti, lang)) return;
      // "hoe lang", "zo lang": a question for a duration, like "wanneer"; not the word "lang" of "lange termijn".
      if (DURATION.has(token) && DURATION_LEAD.has(clause.tokens[ti - 1] ?? "")) return;
      if (
        token.length <= 1 ||
        isStopWord(token) ||
        isChecklistCue(clause.tokens, ti, lang) ||
        // A checking verb that asks to verify a fact ("checken in welke gr'en we zitten") names no subject either.
        lang.checklistCueVerbs.has(token) ||
        describesChecklist(clause.tokens, ti, lang) ||
        isFiller(token, lang) ||
        // "btw, wat is …": a chat abbreviation, unless the base uses that word (an entry on VAT).
        (lang.chatAbbreviations.has(token) && !vocab.known(stem(token))) ||
        isInvertedVerb(clause.tokens, ti, lang)
      )
        return;
      // "zoiets", "dergelijke": they point at a subject named elsewhere (or in the previous message), never name one.
      if (lang.comparisonCues.has(token) || lang.backReferences.has(token)) return;
      // "plak", "bijlage": they point at the asker's own text, never at a subject of the base.
      if (lang.documentCues.has(token)) return;
      // "schrijf een mail": in a request to write, the verb and the kind of text say what to do, not what about.
      if (writing && (lang.writingVerbs.has(token) || lang.writingObjects.has(token))) return;
      if (makesBaseText && lang.writingVerbs.has(token)) return;
      if (INTENT_WORDS.has(token)) {
        intents.push(token);
        return;
      }
      if (lang.helpWords.has(token) && !lang.helpWordsWithMeaning.has(token)) return;
      const s = stem(token);
      // A number the base does not know ("6 valkuilen", "15.000 inwoners", "1x per jaar", "2e keer") says nothing
      // about the subject.
      if (/^\d+(x|e|de|ste)?$/.test(token) && !vocab.known(s)) return;
      // A number the base does know counts only as a reference, a term, a date or a year: "27 samenwerkingsverbanden"
      // is a count, not article 27.
      if (/^\d{1,3}$/.test(token) && !isReferenceOrTerm(clause.tokens, ti, lang)) return;
      // "met acht procent omhoog": a number word before a figure ("procent", "miljoen") is that figure's size.
      if (lang.numberWords.has(token) && countsFigure(clause.tokens, ti, lang)) return;
      // "verplicht te geven", "verplicht om aan de raad te melden": a modal ("moeten"), not the subject "verplicht".
      if (lang.modalAdjectives.has(token) && isModalUse(clause.tokens, ti, lang)) return;
      // A misspelt filler word ("eigelijk", "eignlijk") is filler, not a word unknown to the base.
      if (!vocab.known(s) && !names.has(token) && vocab.isFillerTypo(token)) return;
      const weight =
        lang.situational.has(token) ||
        isAskerRole(clause.tokens, ti, lang) ||
        // "wij als ambtelijke werkgroep": the word describing the asker's role is context as the role is.
        (clause.tokens[ti - 1] === "als" && isAskerRole(clause.tokens, ti + 1, lang)) ||
        (weights[ci]! < 1 && isAskersPlace(clause.tokens, ti, lang)) ||
        (lang.askingOnly.has(token) && !clause.asking && hasAsking)
          ? 0
          : weights[ci]!;
      const seen = byStem.get(s);
      if (seen) {
        seen.weight = Math.max(seen.weight, weight);
        return;
      }
      if (concepts.length >= 40) return;
      const known = vocab.known(s);
      const name = names.has(token) && !known;
      // A word the base only mentions in passing (in no title, question or keyword) is incidental: rare in the base,
      // but not what it is about, so it weighs half ("buurgemeente", "kies").
      const incidental = known && !vocab.topicalStems.has(s);
      const idf = known
        ? vocab.idf(vocab.df(s)) * (incidental ? INCIDENTAL : 1)
        : name
          ? vocab.idf(0)
          : vocab.unknownIdf;
      const instance = lang.instances.has(token) || namesInstance(token, s, vocab);
      const c: Concept = { token, stem: s, idf, weight, name, instance, match: known ? "word" : "unknown" };
      concepts.push(c);
      byStem.set(s, c);
    });
  });
  return { concepts, tokens, intents, clauses, compares, phraseOf, asksToWrite: writingRequest, names };
}

/**
 * The parts of a compound that say what it is about: a generic head ("centrumgemeenteconstructie" → centrumgemeente,
 * not "constructie"; language data `generic_heads`) is left out. Null when the word is no compound.
 */
function partsOf(d: Draft, token: string): string[] | null {
  const parts = d.vocab.splitter.split(token);
  if (!parts) return null;
  return parts.length > 1 && d.vocab.lang.genericHeads.has(parts.at(-1)!) ? parts.slice(0, -1) : parts;
}

/**
 * Step 4': "wanneer moet de GR ons de kaders sturen?" sends papers, it does not steer: a verb of sending with a paper
 * as its object in the same clause is searched as `send_as` ("toesturen"), whose colloquial meaning is toezenden. A
 * paper after a preposition of steering ("sturen op de begroting"), the verb before "op" or a clause that closes with a
 * particle of steering ("stuurt de begroting bij") keeps it steering; sent to the asker ("kun je me de brief sturen")
 * it is a request to the bot.
 */
function readSending(d: Draft, clauses: readonly Clause[]): void {
  const { sending } = d.vocab.lang;
  // "Kun je me de brief sturen …": a paper handed to the asker is a request to the bot, neither steering nor the GR
  // sending; the verb names no subject.
  const handed = new Set<string>();
  const sent = new Set<string>();
  for (const { tokens } of clauses) {
    const verbs = tokens.filter((t) => sending.verbs.has(t));
    if (verbs.length === 0) continue;
    if (tokens.some((t) => sending.toAsker.has(t))) {
      if (tokens.some((t) => sending.papers.has(t))) for (const v of verbs) handed.add(v);
      continue;
    }
    const sentPaper =
      !sending.steerParticles.has(tokens.at(-1) ?? "") &&
      tokens.some(
        (t, j) =>
          sending.papers.has(t) &&
          !sending.steerPrepositions.has(tokens[j - 1] ?? "") &&
          !sending.steerPrepositions.has(tokens[j - 2] ?? ""),
      );
    if (sentPaper) tokens.forEach((t, i) => sending.verbs.has(t) && tokens[i + 1] !== "op" && sent.add(t));
  }
  for (const c of d.concepts) if (handed.has(c.token)) c.weight = 0;
  if (sent.size === 0) return;
  const as = stem(sending.as);
  for (const c of d.concepts)
    if (sent.has(c.token)) {
      d.expansions.push(`${c.token} → ${sending.as} (sending)`);
      c.token = sending.as;
      c.stem = as;
    }
}

/** Step 4a: words the base knows directly, through compound parts, or after a typo correction. */
function expandWords(d: Draft): void {
  d.concepts.forEach((c, i) => {
    if (isPhrase(c) || expandVerbForm(d, c, i)) return;
    if (c.match === "word") {
      // A word the base only mentions in passing searches at half weight too (see extractConcepts).
      addTerm(d, c.stem, i, CREDIT.exact, d.vocab.topicalStems.has(c.stem) && !c.instance ? 1 : INCIDENTAL);
      // A compound the base mentions only here and there ("rekenkameronderzoek", "energiecoöperatie") also
      // finds the entries about its parts, as the index does for compounds in the entries' own text.
      const parts = d.vocab.df(c.stem) <= RARE_COMPOUND * d.vocab.docCount && !c.instance ? partsOf(d, c.token) : null;
      if (parts) {
        let added = false;
        for (const p of parts) added = addTerm(d, stem(p), i, CREDIT.part, 0.5) || added;
        if (added) {
          d.compounds.set(i, parts.map(stem));
          d.expansions.push(`${c.token} → ${parts.join(" + ")} (compound)`);
        }
      }
      return;
    }
    // An instance ("afvaldienst") is not searched by its parts: its "dienst" is no hint of an "omgevingsdienst"; nor is
    // a word of the lexicons, whose mapping gives it its meaning ("achteraan" is no "acht" + "eraan").
    const parts = c.instance || d.vocab.lexiconWords.has(c.stem) ? null : partsOf(d, c.token);
    // One word left after a generic head ("centrumgemeenteconstructie" → centrumgemeente): the word itself.
    if (parts?.length === 1 && d.vocab.known(stem(parts[0]!))) {
      const s = stem(parts[0]!);
      addTerm(d, s, i, CREDIT.exact, 1);
      c.idf = d.vocab.idf(d.vocab.df(s));
      c.match = "word";
      d.expansions.push(`${c.token} → ${parts[0]} (compound)`);
      return;
    }
    if (parts) {
      for (const p of parts) addTerm(d, stem(p), i, CREDIT.part, 0.5);
      d.compounds.set(i, parts.map(stem));
      c.match = "parts";
      d.expansions.push(`${c.token} → ${parts.join(" + ")} (compound)`);
      return;
    }
    // A word of the lexicons ("gedoe" → samenwerkingsverband) is no typo: its mapping gives it meaning. Nor is a
    // real Dutch word the base does not use ("motie" ↛ "motief", "wenden" ↛ "wensen", in every form). Nor is a word
    // that weighs nothing (a body's or party's name, the asker's role): "de Lokale Democraten" ↛ "democratie".
    const protectedWord = d.vocab.lexiconWords.has(c.stem) || d.vocab.realWords.has(c.stem);
    const fixed = protectedWord || c.weight === 0 ? null : d.vocab.correct(c.token);
    if (fixed) {
      const s = stem(fixed);
      addTerm(d, s, i, CREDIT.corrected, 0.8);
      c.idf = d.vocab.idf(d.vocab.df(s));
      c.match = "corrected";
      c.correctedTo = fixed;
      d.expansions.push(`${c.token} → ${fixed} (typo)`);
    }
  });
}

/**
 * Step 4a': a finite verb reaches the infinitive and noun the base names the act by ("als de GR haar begroting
 * wijzigt" → wijzigen, wijziging; "uittreedt" → uittreden; "stuurt" → sturen). Only when the base knows the
 * infinitive's stem better than the form itself (which it may mention once in passing): then the concept counts as
 * that word. Returns true when the concept was resolved this way.
 */
function expandVerbForm(d: Draft, c: Concept, i: number): boolean {
  const { vocab } = d;
  if (c.name || c.weight === 0 || vocab.lexiconWords.has(c.stem)) return false;
  const own = c.match === "word" && vocab.topicalStems.has(c.stem) ? vocab.df(c.stem) : 0;
  for (const form of infinitivesOf(c.token)) {
    const s = stem(form);
    if (s === c.stem || !vocab.topicalStems.has(s) || vocab.df(s) <= own) continue;
    addTerm(d, s, i, CREDIT.exact, 1);
    if (c.match === "word") addTerm(d, c.stem, i, CREDIT.exact, INCIDENTAL);
    addAlias(d, i, s);
    c.idf = vocab.idf(vocab.df(s));
    c.match = "word";
    d.expansions.push(`${c.token} → ${form} (verb form)`);
    return true;
  }
  return false;
}

/**
 * A compound that names one particular body or cooperation ("afvaldienst", "belastingsamenwerking"): it ends in one
 * of the language data's `instance_heads` and no title or keyword of the base has it (an entry's example question
 * may: "Bij de belastingsamenwerking mogen we niks zeggen …").
 */
function namesInstance(token: string, s: string, vocab: QueryVocabulary): boolean {
  if (vocab.subjectStems.has(s)) return false;
  return vocab.lang.instanceHeads.some(
    (head) =>
      token.length >= head.length + 3 &&
      token.endsWith(head) &&
      !vocab.lang.actModifiers.has(token.slice(0, -head.length).replace(/s$/, "")),
  );
}

/**
 * Step 4e: an organisation named next to what is asked says which GR, not what is asked ("een zienswijze op de
 * begroting van de omgevingsdienst"). When the message asks about a word the base has as a topic (in a title,
 * question or keyword), each instance the base knows weighs at most as much as the rarest such word, in the coverage and in the
 * search: a rare organisation name no longer outweighs the topic, and an entry whose title lists that organisation as
 * an example does not win on it. Without a topic word ("hoe zit het met de GGD?") the instance keeps its weight.
 */
function capInstances(d: Draft): void {
  const { concepts, credits, vocab } = d;
  let topic = 0;
  concepts.forEach((c, i) => {
    if (c.instance || c.name || c.weight === 0) return;
    for (const [term, m] of credits)
      if ((m.get(i) ?? 0) >= CREDIT.corrected && vocab.topicalStems.has(term)) {
        topic = Math.max(topic, c.idf);
        break;
      }
  });
  if (topic === 0) return;
  // An instance the base does not know keeps its weight: it is what makes "de subsidieregeling van de gemeente" look
  // like a question the base cannot answer.
  const known = (i: number) => [...credits.values()].some((m) => m.has(i));
  concepts.forEach((c, i) => {
    if (!c.instance || c.idf <= topic || !known(i)) return;
    const factor = topic / c.idf;
    c.idf = topic;
    for (const [term, m] of credits)
      if (m.has(i) && [...m.keys()].every((k) => concepts[k]!.instance))
        d.weights.set(term, (d.weights.get(term) ?? 0) * factor);
  });
}

/**
 * Step 4b: adjacent words written apart that the base writes as one ("centrum gemeente", "samen werken"). Adjacent
 * in the message itself (`tokens`), not only as concepts: "in de regio voor iets waar de raad" is no "regioraad".
 */
function joinAdjacent(d: Draft, tokens: readonly string[]): void {
  const { concepts } = d;
  const pairs = new Set(tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`));
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i]!.token;
    const b = concepts[i + 1]!.token;
    if (!pairs.has(`${a} ${b}`)) continue;
    for (const joined of [a + b, `${a}s${b}`]) {
      if (d.vocab.lexicon.has(joined)) {
        addTerm(d, stem(joined), i, CREDIT.joined, 1);
        addTerm(d, stem(joined), i + 1, CREDIT.joined, 1);
        addAlias(d, i, stem(joined));
        d.expansions.push(`${a} ${b} → ${joined} (joined)`);
      }
    }
  }
}

/**
 * Step 4c: separable verbs, a particle in the question joined to its verb ("stap … uit" → uitstappen, "op te
 * richten" → oprichten).
 */
function joinSeparableVerbs(d: Draft, clauses: readonly Clause[]): void {
  const particles = new Set(d.vocab.lang.particles);
  const lastWord = (tokens: readonly string[]) => lastWordOf(tokens, d.vocab.lang);
  const { determiners, particlesBeforeDeterminer, questionOpeners, conditionals, subordinators } = d.vocab.lang;
  // Before a determiner ("stap op de trein") or a question word ("sturen op wat de ambtenaren doen") the particle is a
  // preposition.
  // So does "al" before one ("sturen op al die samenwerkingen").
  const prepositional = (tokens: readonly string[], j: number) =>
    ((determiners.has(tokens[j + 1] ?? "") || (tokens[j + 1] === "al" && determiners.has(tokens[j + 2] ?? ""))) &&
      !particlesBeforeDeterminer.has(tokens[j]!)) ||
    questionOpeners.has(tokens[j + 1] ?? "");
  // The particle follows its verb in the same clause, within a few words: "stap je als gemeente uit", not the
  // "aan" of a later phrase ("vraagt zich af of we mogen meedoen aan …").
  const near = (verb: string): Set<string> => {
    const found = new Set<string>();
    for (const { tokens } of clauses)
      tokens.forEach((t, at) => {
        if (t !== verb) return;
        for (let j = at + 1; j < Math.min(tokens.length, at + 1 + SEPARABLE_WINDOW); j++)
          if (particles.has(tokens[j]!) && !prepositional(tokens, j)) found.add(tokens[j]!);
        // "op te richten", "uit te treden": the particle stands before "te" and the verb.
        if (at >= 2 && tokens[at - 1] === "te" && particles.has(tokens[at - 2]!)) found.add(tokens[at - 2]!);
        // An infinitive at the end of its clause takes the particle before it: "kunnen we uit de gr stappen",
        // "mag de gemeente uit de regeling treden". (Only forms the base knows are searched.)
        // So does a past participle there, "een gemeente die uit een gr is gestapt", and the finite verb that ends a
        // subordinate clause: "ze willen dat het college uit de veiligheidsregio stapt".
        // The clause may go on with a condition or reason that was not split off: "… uit een GR kunnen stappen als
        // alle andere gemeenten …".
        const ends =
          at === lastWord(tokens) || conditionals.has(tokens[at + 1] ?? "") || subordinators.has(tokens[at + 1] ?? "");
        if (ends && (t.endsWith("en") || t.endsWith("t")))
          for (const prev of tokens.slice(Math.max(0, at - SEPARABLE_WINDOW), at))
            if (particles.has(prev)) found.add(prev);
      });
    return found;
  };
  d.concepts.forEach((c, i) => {
    for (const p of near(c.token)) {
      const v = c.token;
      // "treedt … uit" → uittreden, "stuur … bij" → bijsturen: the particle before each infinitive of the verb first.
      const forms = infinitivesOf(v).map((inf) => p + inf);
      forms.push(p + v, `${p}${v}en`, `${p}${v}${v.at(-1)}en`, `${p}${v.replace(/t$/, "")}en`);
      const seen = new Set<string>();
      for (const form of forms) {
        const s = stem(form);
        if (seen.has(s)) continue;
        seen.add(s);
        addAlias(d, i, s);
        if (addTerm(d, s, i, CREDIT.joined, 1)) d.expansions.push(`${v} … ${p} → ${form} (separable verb)`);
      }
    }
  });
}

/**
 * Step 4f: in a question where to look ("waar kan ik de regeling van onze GGD inzien / nakijken?") each verb of looking
 * up (`find_intent_verbs`) is the base's own word for it (`find_intent_term`: "waar vind ik …"), whatever else the verb
 * means elsewhere.
 */
function lookUpAsFinding(d: Draft): void {
  const { findIntentTerm } = d.vocab.lang;
  const find = stem(findIntentTerm);
  d.concepts.forEach((c, i) => {
    if (c.stem === find || !d.vocab.lang.findIntentVerbs.has(c.token)) return;
    if (addTerm(d, find, i, CREDIT.synonym, 1)) d.expansions.push(`${c.token} → ${findIntentTerm} (where to find)`);
  });
}

/** A concept made of a lexicon phrase (`findPhrases`): its stem is the phrase, marked with "~". */
const isPhrase = (c: Concept) => c.stem.startsWith("~");

/**
 * Step 4d': lexicon phrases found on the message's own words (`findPhrases`) search their own content words and
 * their synonyms or colloquial targets; the concept weighs like the rarest word it reaches.
 */
function expandPhrases(d: Draft, phraseOf: ReadonlyMap<number, LexiconPhrase>): void {
  for (const [ci, phrase] of phraseOf) {
    const c = d.concepts[ci]!;
    let idf = 0;
    for (const target of phrase.to)
      for (const s of target)
        if (addTerm(d, s, ci, phrase.credit, target.length > 1 ? 0.5 : 0.7))
          idf = Math.max(idf, d.vocab.idf(d.vocab.df(s)) * (d.vocab.topicalStems.has(s) ? 1 : INCIDENTAL));
    if (idf === 0) continue;
    // A colloquial phrase weighs like a colloquial word: as a word the base does not know ("eruit gaan").
    c.idf = phrase.label === "spreektaal" ? Math.max(idf, c.idf) : idf;
    c.match = "word";
    d.expansions.push(`${phrase.text} → ${phrase.to.map((t) => t.join(" ")).join(", ")} (${phrase.label}, phrase)`);
  }
}

/** Step 4d: synonyms (both ways) and the colloquial lexicon (one way): matched phrases add their partners. */
function expandSynonyms(d: Draft): void {
  const stems = d.concepts.map((c) => c.stem);
  // A word inside a colloquial phrase of several words means what the phrase means: "niet meer meedoen" is leaving,
  // so "meedoen" there does not also search its synonyms of joining (`inPhrase`), and searches less for itself; nor
  // does a word with a colloquial meaning of its own ("een clubje vormen" is a committee, not "clubje" as a body).
  const inPhrase = new Set<number>();
  const lessened = new Set<number>();
  for (const m of d.vocab.colloquialStems)
    for (const from of m.from) {
      const at = from.length > 1 ? indexOfSequence(stems, from) : -1;
      if (at >= 0) for (let k = 0; k < from.length; k++) inPhrase.add(at + k);
    }
  const expand = (from: readonly string[], to: readonly string[][], credit: number, label: string) => {
    let at = indexOfSequence(stems, from);
    // A one-word phrase may also be a word the question forms with a neighbour ("stap … uit" → uitstappen).
    if (at < 0 && from.length === 1) for (const [ci, list] of d.aliases) if (list.includes(from[0]!)) at = ci;
    if (at < 0) return;
    if (from.length === 1 && inPhrase.has(at)) return;
    // A word found in most entries gains nothing from its synonyms but noise.
    if (from.length === 1 && d.vocab.df(from[0]!) > 0.3 * d.vocab.docCount) return;
    const covered = from.map((_, k) => at + k);
    let added = false;
    for (const other of to) {
      if (other === from) continue;
      for (const s of other)
        for (const ci of covered) added = addTerm(d, s, ci, credit, other.length > 1 ? 0.5 : 0.7) || added;
    }
    if (!added) return;
    // Its words search less for themselves: "rode cijfers" is a deficit more than figures, "niet meer meedoen" leaving
    // more than taking part.
    if (from.length > 1 && label === "spreektaal")
      for (const ci of covered) {
        const own = d.weights.get(stems[ci]!);
        // "kaders meegeven" → kaders: a word the phrase also means keeps its weight.
        if (own === undefined || lessened.has(ci) || to.some((o) => o.includes(stems[ci]!))) continue;
        lessened.add(ci);
        d.weights.set(stems[ci]!, own * PHRASE_WORD_SEARCH);
      }
    // Several forms of one list may share a stem ("verhogen", "verhoogt"): the expansion is listed once.
    const line = `${from.join(" ")} → ${to
      .filter((o) => o !== from)
      .map((o) => o.join(" "))
      .join(", ")} (${label})`;
    if (!d.expansions.includes(line)) d.expansions.push(line);
  };
  d.vocab.synonymStems.forEach((group, gi) => {
    for (const member of d.vocab.synonymFrom[gi]!) expand(member, group, CREDIT.synonym, "synonym");
  });
  for (const m of d.vocab.colloquialStems)
    for (const from of m.from) expand(from, m.to, CREDIT.colloquial, "spreektaal");
}

const RELATIVE_PRONOUNS = new Set(["dat", "die"]);
/** A year ("de jaarrekening 2023") is one moment in time, like "dit jaar". */
const YEAR = /^(19|20)\d\d$/;
/** The prepositions of the year a rule began or ends ("sinds 2022", "vanaf 2024", "tot 2015"), not of a figure's year. */
const RULE_YEAR_PREPOSITIONS = new Set(["sinds", "vanaf", "tot"]);
/** A day of the month at i and a month after it: "14 maart". */
function startsDate(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  return /^\d{1,2}$/.test(tokens[i] ?? "") && lang.months.has(tokens[i + 1] ?? "");
}

/**
 * The year at i is when a rule began or ends: "sinds 2022", "sinds (1) juli 2024", or "de wijziging van 2022"
 * (`law_changes`).
 */
function ruleYear(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  let at = i;
  if (lang.months.has(tokens[at - 1] ?? "")) at -= startsDate(tokens, at - 2, lang) ? 2 : 1;
  const before = tokens[at - 1] ?? "";
  return RULE_YEAR_PREPOSITIONS.has(before) || (before === "van" && lang.lawChanges.has(tokens[at - 2] ?? ""));
}

/**
 * Where the asker's gemeente lies, in a clause of context: "raadslid in een kleine gemeente in Drenthe" (`place_heads`
 * before "in"). The place says who asks, not what about, even when an example of the base lies there.
 */
function isAskersPlace(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  return tokens[i - 1] === "in" && lang.placeHeads.has(tokens[i - 2] ?? "");
}

/** Words a modal adjective may stand before its "te" ("verplicht een zienswijze te geven"). */
const MODAL_OBJECT_SPAN = 4;

/**
 * An adjective of `modal_adjectives` at i used as a modal: "te" or "om" follows, and the infinitive it governs is a
 * filler verb ("verplicht te geven", "verplicht om iets te melden"). With a particle before "te" the verb is a
 * subject of its own: "verplicht om samen te werken", "verplicht om uit te treden" keep "verplicht", and so does a verb
 * of belonging ("verplicht om in een omgevingsdienst te zitten", `membership_verbs`).
 */
function isModalUse(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  // "verplicht te geven", "verplicht om … te melden", or with a short object between ("verplicht een zienswijze te
  // geven").
  const te = tokens.indexOf("te", i + 1);
  if (tokens[i + 1] !== "te" && tokens[i + 1] !== "om" && (te < 0 || te - i > MODAL_OBJECT_SPAN)) return false;
  if (te < 0 || te + 1 >= tokens.length) return false;
  if (lang.particles.includes(tokens[te - 1]!) || tokens[te - 1] === "deel") return false;
  if (lang.membershipVerbs.has(tokens[te + 1]!)) return false;
  return isFiller(tokens[te + 1]!, lang);
}

/** A writing verb and a text the base explains ("zienswijze", "conceptzienswijze") in one clause. */
function writesBaseText(tokens: readonly string[], lang: LanguageData): boolean {
  return (
    tokens.some((t) => lang.writingVerbs.has(t)) &&
    tokens.some((t) => isWordOrCompoundOf(t, lang.writingBaseObjects, 1))
  );
}

/** Shortest kind of text that also counts as the head of a compound ("afscheidsspeech", "raadsinformatiebrief"). */
const WRITING_OBJECT_HEAD = 4;

/**
 * A clause that asks the bot to write a text: a writing verb, a kind of text, and the bot addressed (see nl.yml). A
 * clause that asks for a checklist asks how it is done ("kun je een stappenplan geven voor het opstellen van een nota").
 */
function asksToWrite(tokens: readonly string[], lang: LanguageData): boolean {
  const verb = tokens.findIndex((t) => lang.writingVerbs.has(t));
  if (verb < 0 || tokens.some((_, i) => isChecklistCue(tokens, i, lang))) return false;
  // "vertaal 'gemeenteraad' naar het Engels": a translation needs no kind of text.
  if (
    lang.translationVerbs.has(tokens[verb]!) ||
    tokens.some((t) => isWordOrCompoundOf(t, lang.writingObjects, WRITING_OBJECT_HEAD))
  )
    return verb === 0 || tokens.some((t) => lang.writingAddressees.has(t));
  // A text the base explains ("hoe schrijf je een zienswijze" asks how): only a command or a request to the bot.
  const request = tokens.some((t, i) => lang.requestModals.has(t) && lang.writingAddressees.has(tokens[i + 1] ?? ""));
  return writesBaseText(tokens, lang) && (verb === 0 || request);
}

/** A term of one to five words in quotes ("wat betekent 'lege bv'"), of at most 60 characters. */
function quotedTerms(text: string): string[] {
  const out: string[] = [];
  for (const { text: inner } of quotedPassages(text)) {
    if (inner.length > 60) continue;
    const stems = contentTokens(inner).map(stem);
    if (stems.length >= 1 && stems.length <= 5) out.push(stems.join(" "));
  }
  return out;
}

/** The summing-up cue at i asks about a subject: a question word follows, directly or after "van"/"even". */
function sumsUpSubject(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (!lang.summaryCues.has(tokens[i]!)) return false;
  const next = tokens[i + 1] === "van" || tokens[i + 1] === "even" ? tokens[i + 2] : tokens[i + 1];
  if (lang.summarySubjectOpeners.has(next ?? "")) return true;
  // "Korte samenvatting gevraagd voor een notitie: wat heeft de wet veranderd?": the noun, a few words, then what.
  return (
    lang.summaryNouns.has(tokens[i]!) &&
    tokens.slice(i + 1, i + 1 + SUMMARY_GAP).some((t) => lang.summarySubjectOpeners.has(t))
  );
}
/** At most this many words between a summing-up noun and the question word it announces. */
const SUMMARY_GAP = 5;

/** The word at i, or it and the word before it ("volgende vergadering", "dit stuk"), is one of `cues`. */
function hasCue(cues: ReadonlySet<string>, tokens: readonly string[], i: number): boolean {
  return cues.has(tokens[i]!) || (i > 0 && cues.has(`${tokens[i - 1]} ${tokens[i]}`));
}

/** The clauses that ask, or all of them when none does ("de termijn voor een zienswijze"). */
function askingClauses<C extends { asking: boolean }>(clauses: readonly C[]): readonly C[] {
  return clauses.some((c) => c.asking) ? clauses.filter((c) => c.asking) : clauses;
}

/**
 * Step 5: a local-figure question asks, in one asking clause, for money, people or meetings ("bijdrage",
 * "vertegenwoordiger", "vergadert") and says whose ("onze", "wij", a name the base does not know, or a named body).
 */
function asksLocalFigure(
  clauses: readonly { text: string; tokens: string[]; asking: boolean; reported?: boolean }[],
  unknownNames: ReadonlySet<string>,
  lang: LanguageData,
  exampleRegions: ReadonlySet<string>,
): boolean {
  // A question quoted from someone else ("zei iemand: 'daar heeft toch niemand op gestemd?'") is what the asker's own
  // question is about when the message asks one with a subject of its own ("… hoe zit het met de democratische
  // legitimatie?"); a forwarded question with no more than "kun je helpen?" is the question asked.
  const own = askingClauses(clauses).filter((c) => !c.reported);
  const asking = own.some((c) => c.tokens.some((t) => isContentWord(t, lang))) ? own : askingClauses(clauses);
  // A cue in a relative clause describes who or what is meant, not what is asked: "welke informatie moet ik krijgen
  // van het AB-lid dat namens ons in de regio zit" asks about information.
  // After a verb of being ("hoeveel is dat bedrag bij ons", "hoe hoog was dat bedrag") "dat" is a determiner.
  const determines = (tokens: readonly string[], i: number) =>
    lang.identity.copulas.has(tokens[i - 2] ?? "") || lang.statementVerbs.has(tokens[i - 2] ?? "");
  const relative = (tokens: readonly string[], i: number) =>
    (RELATIVE_PRONOUNS.has(tokens[i - 1] ?? "") && !determines(tokens, i)) ||
    RELATIVE_PRONOUNS.has(tokens[i - 2] ?? "");
  // "Wie betaalt …", "wie wijst de AB-leden aan namens ons": who by rule, whatever the other cues.
  const cue = (tokens: readonly string[]) =>
    !(openerOf(tokens, lang) === "wie" && tokens.some((t) => lang.whoRuleVerbs.has(t))) &&
    (tokens.some((t, i) => hasCue(lang.figureCues, tokens, i) && !relative(tokens, i)) ||
      ofOneYear(tokens) ||
      pastDecision(tokens) ||
      claimsMoment(tokens) ||
      asksPersonName(tokens) ||
      namesOnePaper(tokens));
  // "Kun je me de brief sturen die …", "stuur me de begroting 2027": one document asked of the bot, which is one body's
  // like a figure: the asker (`send_to_asker`), a word of `paper_determiners` and a paper of `sent_papers` that ends
  // its noun phrase (a year may follow), with a verb of handing over. "Kun je me de checklist voor onze zienswijze
  // sturen" asks for a checklist, and so does "… me de zienswijze-checklist sturen".
  const handsOver = (t: string) => lang.figureRequestVerbs.has(t) || lang.sending.verbs.has(t);
  const paperAt = (tokens: readonly string[]) =>
    tokens.some(handsOver)
      ? tokens.findIndex((t, i) => {
          const next = tokens[i + 1];
          return (
            lang.sending.papers.has(t) &&
            lang.sending.paperDeterminers.has(tokens[i - 1] ?? "") &&
            lang.sending.toAsker.has(tokens[i - 2] ?? "") &&
            (next === undefined || !isContentWord(next, lang) || handsOver(next) || YEAR.test(next))
          );
        })
      : -1;
  const namesOnePaper = (tokens: readonly string[]) => paperAt(tokens) >= 0;
  // "… de brief die de raad naar de GR stuurde", "… de brief sturen die …": a relative clause after the paper (or its
  // verb) says which one.
  const describesOnePaper = (tokens: readonly string[]) => {
    const at = paperAt(tokens);
    if (at < 0) return false;
    const after = handsOver(tokens[at + 1] ?? "") ? at + 2 : at + 1; // "… de brief sturen die …"
    return RELATIVE_PRONOUNS.has(tokens[after] ?? "");
  };
  // "Hoe heet de wethouder die namens ons …": the name of one person (`name_verbs`).
  const asksPersonName = (tokens: readonly string[]) =>
    tokens.some(
      (t, i) =>
        t === "hoe" &&
        lang.nameVerbs.has(tokens[i + 1] ?? "") &&
        tokens
          .slice(i + 2, i + 2 + PERSON_NAME_WORDS)
          .some((w) => lang.paidPersons.has(w) || lang.identity.nouns.has(w)),
    );
  // "Op welke datum heeft de raad … vastgesteld", "wanneer hebben de gemeenten ingestemd": a question word, at most one
  // word, then a perfect auxiliary, and a participle of a decision: when or how one decision went. So does a question
  // that opens with the auxiliary ("heeft de raad van Tholen vorig jaar een zienswijze ingediend?"): whether it went.
  // "Wat heeft de Wgr-wijziging ons gegeven?": a change of the law as the subject right after the auxiliary did
  // something to every council, it is no decision of one (`law_changes`).
  const lawDid = (tokens: readonly string[], aux: number) =>
    tokens.slice(aux + 1, aux + 1 + LAW_SUBJECT_WORDS).some((t) => lang.lawChanges.has(t));
  const pastDecision = (tokens: readonly string[]) => {
    if (!tokens.some((t) => lang.decisionParticiples.has(t))) return false;
    if (lang.perfectAuxiliaries.has(tokens[0] ?? "")) return !lawDid(tokens, 0);
    const at = tokens.findIndex((t) => lang.figureOpeners.has(t));
    if (at < 0) return false;
    const aux = tokens.slice(at + 1, at + 3).findIndex((t) => lang.perfectAuxiliaries.has(t));
    return aux >= 0 && !lawDid(tokens, at + 1 + aux);
  };
  // "Wat was het tekort van de GGD over 2023", "het resultaat van de jaarrekening 2024": a financial result of one
  // year; "sinds 2022" names when a rule began.
  const ofOneYear = (tokens: readonly string[]) =>
    tokens.some((t) => isWordOrCompoundOf(t, lang.yearResultCues, YEAR_RESULT_HEAD)) &&
    tokens.some(
      (t, i) =>
        (YEAR.test(t) && !RULE_YEAR_PREPOSITIONS.has(tokens[i - 1] ?? "")) ||
        // "… vorig jaar", "… dit jaar": a year named by a moment
        (i > 0 && lang.cyclePeriods.has(t) && lang.localMarkers.has(`${tokens[i - 1]} ${t}`)),
    );
  // "Kun je me de bijdrage per inwoner geven": a request to the bot that closes with a verb of handing over.
  // "Kun je me het bedrag geven dat Ede aan de GGD betaalt?": the verb may stand before a relative clause that says
  // which one.
  const isFigureRequest = (tokens: readonly string[]) =>
    tokens.some(
      (t, i) =>
        lang.figureRequestVerbs.has(t) && (i === tokens.length - 1 || RELATIVE_PRONOUNS.has(tokens[i + 1] ?? "")),
    ) && tokens.some((t) => lang.writingAddressees.has(t));
  // It asks for the figure ("wie zit namens ons …"), not about a rule around it ("kan de raad … namens ons …").
  // "Waar vind ik …" asks where to look, which the base answers.
  const asksFigure = (whole: readonly string[]) => {
    // "… of je dit weet maar mag een GR zelf heffingen opleggen aan onze inwoners?": after a hedge, "maar" and a verb
    // open the question itself.
    const turn = whole.findIndex((t, i) => t === "maar" && lang.statementVerbs.has(whole[i + 1] ?? ""));
    const tokens = turn >= 0 ? whole.slice(turn + 1) : whole;
    if (tokens.some((t) => lang.computeVerbs.has(t))) return true;
    if (tokens.some((t) => lang.consequenceVerbs.has(t))) return false;
    if (isFigureRequest(tokens)) return true;
    // "Kun je me vertellen hoeveel …": the question word after a verb of telling opens what is asked.
    const embedded = tokens.findIndex(
      (t, i) => lang.embeddingVerbs.has(t) && lang.figureOpeners.has(tokens[i + 1] ?? ""),
    );
    const own = openerOf(tokens, lang);
    const opener = embedded >= 0 ? tokens[embedded + 1]! : own;
    // "Waar vind ik …", "waar kan ik zelf opzoeken hoeveel …": where to look, whatever it embeds.
    if ((opener === "waar" || own === "waar") && tokens.some((t) => lang.findVerbs.has(t))) return false;
    const decided = tokens.some((t) => lang.decisionParticiples.has(t));
    // "Hoe hoog …", "hoe vaak …" ask for a figure, and so does how one vote went, in the perfect tense ("hoe hebben de
    // gemeenten gestemd over …?"); "hoe kunnen we …" asks how.
    if (opener === "hoe") {
      const next = tokens[tokens.indexOf("hoe") + 1] ?? "";
      return lang.figureHowWords.has(next) || (decided && lang.perfectAuxiliaries.has(next));
    }
    // "Heeft de raad van Zwolle ingestemd …?": asked yes or no, what one council decided (a perfect tense).
    if (lang.perfectAuxiliaries.has(opener ?? "") && decided) return true;
    // "Klopt het dat de GGD een tekort van 2 miljoen heeft?", "is het waar dat de GGD 20 euro per inwoner vraagt?": a
    // claim about a figure checks that figure.
    if (opensClaim(tokens, lang) && tokens.some((t) => /^\d/.test(t) || lang.claimedFigures.has(t))) return true;
    if (claimsMoment(tokens)) return true;
    // "Is de vergadering van het AB nou op 3 juli of op 10 juli?": asked yes or no, on which day one thing happens
    // ("op" and a date; "voor 15 april" is a term of the rules).
    if (tokens.some((t, i) => t === "op" && startsDate(tokens, i + 1, lang))) return true;
    // "Welke informatieplicht hebben … onze vertegenwoordigers", "welke afspraken kunnen we maken over … onze AB-leden":
    // which rule or means (`rule_nouns`, at most one word after "welke"), not one body's figure.
    if (
      tokens.some(
        (t, i) =>
          (t === "welke" || t === "welk") &&
          (lang.ruleNouns.has(tokens[i + 1] ?? "") || lang.ruleNouns.has(tokens[i + 2] ?? "")),
      )
    )
      return false;
    // "Betalen wij dat?", "krijgen we dat vanzelf?": a verb and then its subject, a yes-no question ("weet jij wie …"
    // embeds a question word: that asks); so is one embedded after a verb of wondering ("weet jij of een gr belasting
    // mag heffen bij onze inwoners", "ik vraag me af of wij moeten bijbetalen"), unless it names a number.
    if (opener === null && lang.yesNoSubjects.has(tokens[1] ?? "") && !tokens.some((t) => lang.figureOpeners.has(t)))
      return false;
    const embeddedYesNo = tokens.findIndex(
      (t, i) => t === "of" && tokens.slice(Math.max(0, i - 3), i).some((w) => lang.wonderingVerbs.has(w)),
    );
    if (embeddedYesNo >= 0)
      return tokens.slice(embeddedYesNo + 1).some((t) => /^\d/.test(t) || lang.claimedFigures.has(t));
    return opener === null || lang.figureOpeners.has(opener);
  };
  // "Welke wethouder zit in het db van de ggd?": one person of the one body the asker means; "… van de ggd in een
  // regio" means any.
  const picksPersonOfBody = (tokens: readonly string[]) =>
    tokens.some((_, i) => hasCue(lang.personCues, tokens, i)) &&
    !tokens.includes("een") &&
    tokens.some((t, i) => lang.instances.has(t) && DEFINITE_ARTICLES.has(tokens[i - 1] ?? ""));
  // "Volgende" before a period of the budget cycle ("de kaders voor het volgende begrotingsjaar") is the rule's next
  // year, not one moment (`cycle_periods`).
  const localMarker = (tokens: readonly string[], i: number) =>
    hasCue(lang.localMarkers, tokens, i) && !(tokens[i] === "volgende" && lang.cyclePeriods.has(tokens[i + 1] ?? ""));
  // "Is het waar dat de regio volgend jaar een nieuwe directeur krijgt?", "… dat de raad vorig jaar een motie aannam":
  // a claim about one moment checks what happened or happens then, as a figure does. Only a moment named by two
  // words ("volgend jaar", "vorige week") or a year: "we", "onze" or "tegenwoordig" say whose or now, which a claim
  // about a rule has too.
  const claimsMoment = (tokens: readonly string[]) =>
    opensClaim(tokens, lang) &&
    tokens.some((t, i) => (i > 0 && lang.localMarkers.has(`${tokens[i - 1]} ${t}`)) || oneYear(tokens, i));
  // A year marks one moment ("de begroting 2026"), not the year a rule began ("sinds 2022", "de wijziging van 2022").
  const oneYear = (tokens: readonly string[], i: number) => YEAR.test(tokens[i]!) && !ruleYear(tokens, i, lang);
  // A date ("de regioraad van 14 maart") is one moment, as "volgende week" is.
  const marked = (tokens: readonly string[]) =>
    tokens.some(
      (t, i) =>
        localMarker(tokens, i) ||
        oneYear(tokens, i) ||
        unknownNames.has(t) ||
        // "sinds 1 juli 2024", "vanaf 1 januari": when a rule began, not one moment.
        (startsDate(tokens, i, lang) && !RULE_YEAR_PREPOSITIONS.has(tokens[i - 1] ?? "")),
    ) || picksPersonOfBody(tokens);
  // "… van onze GGD", "… stopt volgend jaar", "… de begroting 2026", "… Regio Rivierenland": one body, moment or
  // example named by a local marker, a year or an example's region (not merely by a capitalised "AB").
  const namesOneMoment = (tokens: readonly string[]) =>
    tokens.some((t, i) => localMarker(tokens, i) || YEAR.test(t)) || namesExample(tokens);
  // The clauses that name one body or moment: found once, and only for a message with a figure cue (most have none).
  let markedCache: typeof clauses | undefined;
  const markedClauses = () => (markedCache ??= clauses.filter((c) => marked(c.tokens)));
  // "Kun je me die naam geven?", "kun je die cijfers voor me opzoeken?": a request whose cue points back ("die",
  // "deze"; read here as pointing, not as relative pronouns) at a figure the message's context ties to one body or
  // moment.
  const pointsBack = (tokens: readonly string[]) =>
    isFigureRequest(tokens) &&
    tokens.some((t, i) => hasCue(lang.figureCues, tokens, i) && lang.pointingPronouns.has(tokens[i - 1] ?? "")) &&
    markedClauses().length > 0;
  // "Het AB van de GGD Gooi en Vechtstreek … Wanneer vergaderen ze?": a figure question about a body named before
  // (`body_pronouns`), pointing back ("daar") or naming it again after a demonstrative ("… de Omgevingsdienst
  // Noordzeekanaalgebied … welke gemeenten zitten in die omgevingsdienst?"), in a message whose other clauses name
  // one body or moment (an asking clause too: "welke gemeenten zitten in de ROVA, en hoeveel betaalt elke gemeente
  // daar").
  const contextOf = (tokens: readonly string[]) => markedClauses().filter((c) => c.tokens !== tokens);
  const namedBefore = (tokens: readonly string[], i: number, context: readonly { tokens: string[] }[]) =>
    lang.demonstratives.has(tokens[i - 1] ?? "") &&
    isContentWord(tokens[i]!, lang) &&
    context.some((c) => c.tokens.includes(tokens[i]!));
  const asksAboutContext = (tokens: readonly string[]) => {
    const context = contextOf(tokens);
    return (
      context.length > 0 &&
      tokens.some(
        (t, i) =>
          lang.backReferences.has(t) ||
          lang.bodyPronouns.has(t) ||
          namedBefore(tokens, i, context) ||
          // "… een flink overschot over vorig jaar. Hoe groot was dat bedrag?": a figure the context implies.
          (lang.demonstratives.has(tokens[i - 1] ?? "") && hasCue(lang.figureCues, tokens, i)),
      )
    );
  };
  // The region of an example ("wie zitten er in het db van regio rivierenland"): the base tells its story, not its
  // figures, except those of `example_fact_cues` ("hoeveel gemeenten zitten in de BEL-combinatie"), however the name
  // is written.
  const namesExample = (tokens: readonly string[]) => tokens.some((t) => exampleRegions.has(t));
  // "Welke gemeenten hebben al een gezamenlijk ambtelijk apparaat?": such a cue with a word of `example_seeking` asks
  // for examples anywhere, not one body's members.
  const asksExampleFact = (tokens: readonly string[]) =>
    tokens.some((_, i) => hasCue(lang.exampleFactCues, tokens, i)) &&
    (namesExample(tokens) || tokens.some((t) => lang.exampleSeeking.has(t)));
  const local = asking.filter(
    (c) =>
      (asksIdentity(c.tokens, lang) && clauses.some((o) => o.tokens !== c.tokens && namesOneMoment(o.tokens))) ||
      (!asksExampleFact(c.tokens) &&
        asksFigure(c.tokens) &&
        ((cue(c.tokens) &&
          (marked(c.tokens) || describesOnePaper(c.tokens) || asksAboutContext(c.tokens) || namesExample(c.tokens))) ||
          pointsBack(c.tokens))),
  );
  if (local.length === 0) return false;
  // Another asking clause is a yes-no question about a rule ("kan dat zomaar, welke uittreedsom moeten we betalen
  // …"; it opens with a verb of `statement_verbs`) or asks what follows ("wat gebeurt er dan met het personeel, het
  // gebouw en de reserves?"): the base answers that part, the figure is one of several things asked. A request ("geef
  // me het bedrag") is no such question, nor is a yes-no question that names one body or year itself ("… en is dat
  // nog steeds de burgemeester van Tielerveen?"); "kunnen we hem terugroepen" is one ("we" says whose, not which).
  // A clause without a question mark is a statement, not a question "heb ik …?", when it says what the asker needs
  // (`need_words`: "… heb de namen nodig voor de uitnodiging") or follows a question as a remark on it ("… van de
  // GGD? moet het nog in de raadsplanning zetten").
  // So is one that ends with a full stop ("De afvaldienst, een openbaar lichaam, | heeft vorig jaar een tekort gehad.").
  const states = (c: { text: string; tokens: string[] }, i: number) =>
    !c.text.includes("?") &&
    (c.tokens.some((t) => lang.needWords.has(t)) ||
      asking.slice(0, i).some((q) => q.text.includes("?")) ||
      c.text.trimEnd().endsWith("."));
  // "Zit X nog in het DB, of is dat veranderd?": the other half of the same yes-no question, pointing back.
  const alternative = (c: { tokens: string[] }) =>
    c.tokens[0] === "of" && c.tokens.some((t) => lang.standalonePronouns.has(t));
  // "Kun je helpen?", "weet jij dat?": a plea to the bot, with no subject of its own.
  const pleads = (tokens: readonly string[]) =>
    tokens.some((t) => lang.writingAddressees.has(t)) &&
    tokens.some((t) => lang.helpWords.has(t) || lang.hedges.has(t)) &&
    !tokens.some((t) => isContentWord(t, lang));
  // "…, kan je de namen geven?": a request to the bot to hand the figure over, though it opens with "kan"; nor does a
  // plea ask about a rule.
  const asksRule = (c: { text: string; tokens: string[] }, i: number) =>
    !states(c, i) &&
    !alternative(c) &&
    !isFigureRequest(c.tokens) &&
    !pleads(c.tokens) &&
    (lang.statementVerbs.has(openerOf(c.tokens, lang) ?? "") || c.tokens.some((t) => lang.consequenceVerbs.has(t))) &&
    !c.tokens.some((t) => YEAR.test(t) || (unknownNames.has(t) && isContentWord(t, lang)));
  return !asking.some((c, i) => !local.includes(c) && asksRule(c, i));
}

/**
 * "Wie is het geworden?", "wie wordt de opvolger?", "welke gemeenten waren dat?": who or which, a copula, then only a
 * pointer or "de" with a noun of `identity_nouns` (and words of `identity_tails`): who or what the context meant.
 */
function asksIdentity(tokens: readonly string[], lang: LanguageData): boolean {
  const { openers, copulas, pastCopulas, nouns, tails, generic } = lang.identity;
  const opener = openerOf(tokens, lang);
  if (!opener || !openers.has(opener) || tokens.some((t) => generic.has(t))) return false;
  const at = tokens.findIndex((t) => copulas.has(t));
  if (at < 0 || (opener !== "wie" && !pastCopulas.has(tokens[at]!))) return false;
  // "welke gemeenten waren dat": at most one word between the question word and the copula.
  if (at - tokens.indexOf(opener) > 2) return false;
  let rest = tokens.slice(at + 1);
  if (lang.pointingPronouns.has(rest[0] ?? "")) rest = rest.slice(1);
  else if (rest[0] === "de" && nouns.has(rest[1] ?? "")) rest = rest.slice(2).filter((t) => !nouns.has(t));
  else return false;
  const end = rest.findIndex((t) => t === "en" || t === "of");
  return (end < 0 ? rest : rest.slice(0, end)).every((t) => tails.has(t));
}

/**
 * An asking clause asks for an amount (`amount_questions`: "hoeveel", "hoe hoog") of pay, an allowance or a rate
 * (`amount_cues`): "hoeveel vergoeding krijgt een raadslid per maand", "hoe hoog is het vacatiegeld". The base has no
 * such figures, for one gemeente or for all.
 */
function asksAmount(clauses: readonly { tokens: string[]; asking: boolean }[], lang: LanguageData): boolean {
  const asking = askingClauses(clauses);
  // "Is het waar dat raadsleden een hogere vergoeding krijgen?": a claim about pay checks an amount too.
  return asking.some(
    (c) =>
      ((c.tokens.some((_, i) => hasCue(lang.amountQuestions, c.tokens, i)) || opensClaim(c.tokens, lang)) &&
        c.tokens.some((t) => lang.amountCues.has(t))) ||
      asksPay(c.tokens, lang),
  );
}

/** "Hoeveel krijgt een raadslid", "hoeveel verdient de burgemeester": `pay_verbs` and `paid_persons` after "hoeveel". */
function asksPay(tokens: readonly string[], lang: LanguageData): boolean {
  // "Wat verdient die directeur?": earning is pay, whoever earns (`earn_verbs`).
  if (tokens.some((t, i) => t === "wat" && lang.earnVerbs.has(tokens[i + 1] ?? ""))) return true;
  return tokens.some((t, i) => {
    if (t !== "hoeveel" || !lang.payVerbs.has(tokens[i + 1] ?? "")) return false;
    const next = DEFINITE_ARTICLES.has(tokens[i + 2] ?? "") || tokens[i + 2] === "een" ? i + 3 : i + 2;
    return lang.paidPersons.has(tokens[next] ?? "");
  });
}

/** The clause opens a checked claim (`claim_openings`: "klopt het dat …", "is het waar dat …"). */
function opensClaim(tokens: readonly string[], lang: LanguageData): boolean {
  const start = tokens.findIndex((t) => !lang.openerLeads.has(t));
  return lang.claimOpenings.some((o) => o.every((w, k) => tokens[start + k] === w));
}

/** Shortest financial-result word that also counts as the head of a compound ("jaarrekeningresultaat"). */
const YEAR_RESULT_HEAD = 6;
/** Shortest off-domain word that also counts as the head of a compound ("ziekteverlof" for "verlof"). */
/** Words after a verb of opinion in which "jij"/"u" and "van"/"over" make it the bot's opinion ("wat vind jij eigenlijk van"). */
const BOT_OPINION_SPAN = 4;
const OFF_DOMAIN_HEAD = 5;
/** Shortest rest of a compound that opens with an off-domain word ("trein|verbinding", "aanbesteding|sdrempels"). */
const OFF_DOMAIN_REST = 4;

/** Where a verb of opinion follows "wat" or "hoe" ("wat vindt …", "hoe denkt …"), or -1. */
function opinionAt(tokens: readonly string[], lang: LanguageData): number {
  return tokens.findIndex((t, i) => lang.opinionVerbs.has(t) && (tokens[i - 1] === "wat" || tokens[i - 1] === "hoe"));
}

/**
 * "Wat vind jij eigenlijk van de veiligheidsregio?", "hoe denkt u daarover?", "wat is jouw mening over …": every
 * asking clause asks the bot's own opinion (`bot_pronouns` within BOT_OPINION_SPAN words after the verb, then one of
 * `opinion_objects`; or "wat" and then `bot_possessives` with one of `opinion_nouns`). The bot gives
 * none. A message that asks something else as well ("wat vind je van het plan om uit te treden? welke stappen moeten
 * we zetten?") is answered on that.
 */
function asksBotOpinion(clauses: readonly Clause[], lang: LanguageData): boolean {
  const asking = askingClauses(clauses);
  return (
    asking.length > 0 &&
    asking.every((c) => {
      // "Wat is jouw mening over …"
      const head = c.tokens.slice(1, 1 + BOT_OPINION_SPAN);
      if (
        c.tokens[0] === "wat" &&
        head.some((t, i) => lang.botPossessives.has(t) && lang.opinionNouns.has(head[i + 1] ?? ""))
      )
        return true;
      const at = opinionAt(c.tokens, lang);
      if (at < 0) return false;
      const rest = c.tokens.slice(at + 1, at + 1 + BOT_OPINION_SPAN);
      const pronoun = rest.findIndex((t) => lang.botPronouns.has(t));
      return pronoun >= 0 && rest.slice(pronoun + 1).some((t) => lang.opinionObjects.has(t));
    })
  );
}

/**
 * An asking clause names a subject the base never covers (`off_domain_words`, or a cue of `off_domain_phrases`), as a
 * word, as the head of a compound or as its first part, and the base does not use that word itself: "… welke cao
 * geldt dan?", "hoe vraag ik ziekteverlof aan?", "welke treinverbinding moet ik nemen?".
 */
function asksOffDomain(
  clauses: readonly { tokens: string[]; asking: boolean; refersBack?: boolean }[],
  vocab: QueryVocabulary,
): boolean {
  // A word the base is about (in a title, question or keyword) stops counting; one it uses in passing ("een
  // veelgehoorde klacht is …") does not.
  const offDomain = (t: string) =>
    !vocab.topicalStems.has(stem(t)) &&
    !endsWithAny(t, vocab.lang.offDomainLookalikes) &&
    isWordOrCompoundOf(t, vocab.lang.offDomainWords, OFF_DOMAIN_HEAD, OFF_DOMAIN_REST);
  // A question that points back ("hoe los ik dat op?") or names nothing ("wat kan ik doen?") asks about its context.
  const asking = askingClauses(clauses);
  // "Trouwen in de raadzaal of in de trouwkamer, wat is goedkoper?": a verdict on a choice (`choice_verdicts`) names no
  // subject of its own either; the choice is in the context.
  const namesNothing = (c: { tokens: string[] }) =>
    !c.tokens.some((t) => isContentWord(t, vocab.lang) && !vocab.lang.choiceVerdicts.has(t));
  // "Wat vindt de VVD-fractie van …": a party's opinion (`opinion_verbs`, `opinion_holders`).
  const lang = vocab.lang;
  const asksOpinion = (tokens: readonly string[]) =>
    opinionAt(tokens, lang) >= 0 && tokens.some((t) => isWordOrCompoundOf(t, lang.opinionHolders, OFF_DOMAIN_HEAD));
  // "Een voetbalvereniging mailde over de subsidieregeling. Tot wanneer kan de vereniging een aanvraag indienen?": a
  // definite noun (or one after "zo'n") that names again what the context called by an off-domain word (or the head
  // of its compound). The context's off-domain words (stemmed) are found only once such a noun asks for them.
  let contextOffDomain: string[] | undefined;
  const offDomainInContext = () =>
    (contextOffDomain ??= clauses
      .filter((c) => !asking.includes(c))
      .flatMap((c) => c.tokens.filter(offDomain))
      .map((t) => stem(t)));
  const namesAgain = (tokens: readonly string[]) =>
    tokens.some(
      (t, i) =>
        (lang.definiteDeterminers.has(tokens[i - 1] ?? "") ||
          lang.suchDeterminers.has(`${tokens[i - 2]} ${tokens[i - 1]}`)) &&
        t.length >= OFF_DOMAIN_HEAD &&
        isContentWord(t, lang) &&
        offDomainInContext().some((o) => o.endsWith(stem(t))),
    );
  // A clause of reason in the context ("… omdat de cao hoger uitvalt") says why, not what a question pointing back
  // asks about.
  const why = (c: { tokens: string[]; asking: boolean }) => !c.asking && lang.subordinators.has(c.tokens[0] ?? "");
  // "Welke eisen stelt de Wet normering topinkomens …", "wat bepaalt de Participatiewet over …": what a law the base
  // never names requires (`law_heads` before or ending a word the base does not know, even after a typo correction,
  // with a word of `law_content_cues`) is another subject.
  const unknownWord = (t: string) => isContentWord(t, lang) && !vocab.known(stem(t)) && !vocab.correct(t);
  const lawName = (t: string) => {
    for (const h of lang.lawHeads) if (t.length >= h.length + LAW_NAME_LETTERS && t.endsWith(h)) return true;
    return false;
  };
  const namesUnknownLaw = (tokens: readonly string[]) =>
    tokens.some((t) => lang.lawContentCues.has(t)) &&
    tokens.some((t, i) => (lang.lawHeads.has(t) && unknownWord(tokens[i + 1] ?? "")) || (lawName(t) && unknownWord(t)));
  // "Ik las over 'verbonden partijen'. Zijn dat de politieke partijen …?": a copula and "dat" or "dit" ask whether the
  // context's term is what follows; that guess is no subject asked.
  const guessesIdentity = (c: { tokens: string[]; asking: boolean }) =>
    c.asking && lang.identity.copulas.has(c.tokens[0] ?? "") && lang.standalonePronouns.has(c.tokens[1] ?? "");
  return (
    asking.some((c) => asksOpinion(c.tokens) || namesAgain(c.tokens) || namesUnknownLaw(c.tokens)) ||
    (asking.some((c) => c.refersBack) || asking.every(namesNothing) ? clauses.filter((c) => !why(c)) : asking).some(
      (c) => !guessesIdentity(c) && c.tokens.some((t, i) => offDomain(t) || hasCue(lang.offDomainPhrases, c.tokens, i)),
    )
  );
}

/** Words after "hoe heet" within which the person named stands ("hoe heet de nieuwe wethouder"). */
const PERSON_NAME_WORDS = 3;

/** Words after a perfect auxiliary that may name its subject ("heeft de wgr wijziging …"). */
const LAW_SUBJECT_WORDS = 3;

/** Fewest letters before a law head that make a compound the name of a law ("provinciewet", not "kieswet"). */
const LAW_NAME_LETTERS = 5;

/**
 * The number word at i gives the size of a figure ("acht procent", "twee of drie miljoen"): one of `claimed_figures`
 * follows, after any further numbers joined by "of", "tot" or "en". "De vijf vormen", "acht weken" stay.
 */
function countsFigure(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  let j = i + 1;
  while (
    NUMBER_JOINS.has(tokens[j] ?? "") &&
    (lang.numberWords.has(tokens[j + 1] ?? "") || /^\d+$/.test(tokens[j + 1] ?? ""))
  )
    j += 2;
  return lang.claimedFigures.has(tokens[j] ?? "");
}
const NUMBER_JOINS = new Set(["of", "tot", "en"]);

/** The number at i is a reference ("art 27") or a term or date ("12 weken", "30 april"): see `number_units`. */
function isReferenceOrTerm(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  return lang.numberLeads.has(tokens[i - 1] ?? "") || lang.numberUnits.has(tokens[i + 1] ?? "");
}

export function analyzeQuery(raw: string, vocab: QueryVocabulary): AnalyzedQuery {
  const lang = vocab.lang;
  const text = unglue(cleanText(raw), vocab);
  const {
    concepts,
    tokens,
    intents,
    clauses,
    compares,
    phraseOf,
    asksToWrite: writing,
    names,
  } = extractConcepts(text, vocab);
  // The name of an organisation the base does not know (the asker's own GR or region: "de ODR", "Regio
  // Foodvalley") says which body is meant, not what is asked. Next to a word the base knows it weighs nothing: it
  // neither counts against the answer nor carries one. A name alone stays the subject ("wat doet de ODR?"); the
  // name of a person or a town keeps its weight ("wat vindt Rutte van de gemeenteraad").
  const runs = organisationRunsIn(text, lang);
  const organisations = new Set(runs.flat());
  // In the name of a body the base does not know ("Ferm Werk": a word of it unknown) a word the base knows is part of
  // that name, not the subject; a kind of body keeps its meaning ("Veiligheidsregio Twente").
  const unknownToken = (t: string) => concepts.some((c) => c.token === t && c.match === "unknown");
  const nameParts = new Set(
    runs.filter((run) => run.some(unknownToken)).flatMap((run) => run.filter((t) => !isBodyWord(t, lang))),
  );
  const partOfName = (c: Concept) => (c.match === "unknown" && organisations.has(c.token)) || nameParts.has(c.token);
  if (concepts.some((c) => c.weight > 0 && !c.name && c.match !== "unknown" && !organisations.has(c.token)))
    for (const c of concepts) if (partOfName(c)) c.weight = 0;
  // A body the base knows by name ("de begroting van de Avri") is an instance: next to a topic word it says which GR
  // is meant and weighs no more than that word (`capInstances`). Not a name in a title: the asking clause naming an
  // example's region asks about that example ("hoe werkte de regioraad in de Drechtsteden").
  for (const c of concepts)
    if (organisations.has(c.token) && c.match !== "unknown" && !partOfName(c) && !vocab.titleStems.has(c.stem))
      c.instance = true;
  // How much of the message is the other names is a feature of its own: "wat vindt Rutte van de gemeenteraad" is
  // about a person, "geldt de Woo ook voor een GR" about a law the base does not cover.
  const nameShare = concepts.length
    ? concepts.reduce((s, c) => s + (c.name ? c.idf * c.weight : 0), 0) /
      (concepts.reduce((s, c) => s + c.idf * c.weight, 0) || 1)
    : 0;
  const wantsChecklist =
    tokens.some((_, i) => isChecklistCue(tokens, i, lang)) ||
    clauses.some((c) => clauseAsksForChecklist(c.tokens, lang));
  const wantsComparison = compares;
  // Only help words ("hallo", "info", "help"): a help word with a meaning ("info") is then no concept either.
  const isHelp =
    concepts.every((c) => lang.helpWordsWithMeaning.has(c.token)) &&
    !wantsChecklist &&
    (tokens.length === 0 ||
      (tokens.every((t) => isStopWord(t) || lang.helpWords.has(t)) && tokens.some((t) => lang.helpWords.has(t))));

  const d: Draft = {
    concepts,
    credits: new Map(),
    weights: new Map(),
    expansions: [],
    vocab,
    aliases: new Map(),
    compounds: new Map(),
  };
  readSending(d, clauses);
  expandWords(d);
  joinAdjacent(d, tokens);
  joinSeparableVerbs(d, clauses);
  expandPhrases(d, phraseOf);
  expandSynonyms(d);
  const asksWhereToFind = askingClauses(clauses).some(
    (c) => c.tokens.includes("waar") && c.tokens.some((t) => lang.findIntentVerbs.has(t)),
  );
  if (asksWhereToFind) lookUpAsFinding(d);
  capInstances(d);
  const { credits, weights } = d;
  // Question words steer the ranking a little ("waarom" → the entry on reasons) but earn no coverage.
  for (const t of intents.map(stem)) if (vocab.known(t) && !weights.has(t)) weights.set(t, 0.3);
  const terms = [...weights].map(([term, weight]) => ({ term, weight }));

  // A word the base does not know weighs at least three quarters of the rarest word it does know: in "wat
  // stond er in de troonrede" the one rare known word ("stond") must not make the question look answered.
  const matchedConcepts = new Set<number>();
  for (const m of credits.values()) for (const ci of m.keys()) matchedConcepts.add(ci);
  // A word the base does not know in the context ("ik moet een motie schrijven, wat is een zienswijze?") is situational
  // when the asking part names a subject the base knows: it weighs nothing, as an unknown organisation does.
  if (concepts.some((c, i) => c.weight >= 1 && matchedConcepts.has(i)))
    concepts.forEach((c, i) => {
      if (!matchedConcepts.has(i) && c.weight < 1) c.weight = 0;
    });
  const rarest = Math.max(0, ...concepts.filter((_, i) => matchedConcepts.has(i)).map((c) => c.idf));
  concepts.forEach((c, i) => {
    if (!matchedConcepts.has(i)) c.idf = Math.max(c.idf, 0.75 * rarest);
  });
  const focusMass = (c: Concept) => c.idf * c.weight * (c.name ? NAME_WEIGHT : c.instance ? INSTANCE_WEIGHT : 1);
  const totalFocus = concepts.reduce((sum, c) => sum + focusMass(c), 0) || 1;
  const totalAll = concepts.reduce((sum, c) => sum + c.idf, 0) || 1;
  const share = (pick: (c: Concept, i: number) => boolean) =>
    concepts.reduce((s, c, i) => s + (pick(c, i) ? focusMass(c) : 0), 0) / totalFocus;
  const stems = concepts.map((c) => c.stem);
  /** Focus mass of the concepts found in `set`: by their own stem, or through a term credited at least `minCredit`. */
  const massIn = (set: ReadonlySet<string>, minCredit: number): number => {
    let sum = 0;
    concepts.forEach((c, i) => {
      let hit = set.has(c.stem);
      if (!hit)
        for (const [term, m] of credits) {
          const credit = m.get(i);
          if (credit !== undefined && credit >= minCredit && set.has(term)) {
            hit = true;
            break;
          }
        }
      if (hit) sum += focusMass(c);
    });
    return sum;
  };

  return {
    text,
    isHelp,
    wantsChecklist,
    wantsComparison,
    // One named body ("de GGD Hollands Noorden", "de ODR", typed in lower case after its kind: "de veiligheidsregio
    // utrecht") makes a figure question local, like "onze".
    asksAmount: asksAmount(clauses, lang),
    localFigure: asksLocalFigure(
      clauses,
      new Set([
        ...concepts.filter((c) => c.name && c.match === "unknown").map((c) => c.token),
        // "bij GS", "in het AB": a body every GR has, written in capitals, names no one body.
        ...[...organisations].filter((t) => !lang.genericBodies.has(t)),
        ...namedMunicipalities(tokens, names, lang),
        ...tokens.filter(
          (t, i) => i > 0 && lang.instances.has(tokens[i - 1]!) && isContentWord(t, lang) && !vocab.known(stem(t)),
        ),
      ]),
      lang,
      new Set(tokens.filter((t) => vocab.exampleRegionStems.has(stem(t)))),
    ),
    // "de regeling als bijlage", "een voorstel met bijlagen" describe someone else's papers, not a text of the asker's;
    // so does a quoted question ("Vraag van een raadslid: '… wat kan ik met dit stuk doen?'").
    aboutDocument: tokens.some(
      (t, i) =>
        hasCue(lang.documentCues, tokens, i) &&
        !lang.documentDescribers.has(tokens[i - 1] ?? "") &&
        // "stuk voor stuk" is "one by one", no paper (`document_idioms`).
        !withinPhrase(lang.documentIdioms, tokens, i) &&
        !sumsUpSubject(tokens, i, lang) &&
        clauses.some((c) => !c.reported && c.tokens.includes(t)),
    ),
    asksToWrite: writing,
    asksWhereToFind,
    asksDefinition: askingClauses(clauses).some((c) => {
      const opener = openerOf(c.tokens, lang);
      const at = opener ? c.tokens.indexOf(opener) : -1;
      return at >= 0 && lang.definitionOpeners.has(`${c.tokens[at]} ${c.tokens[at + 1] ?? ""}`);
    }),
    askedOffSubject: !clauses.some((c) => c.asking && c.refersBack) && askedOffSubject(d),
    asksOffDomain: asksOffDomain(clauses, vocab),
    asksBotOpinion: asksBotOpinion(clauses, lang),
    quoted: quotedTerms(text),
    terms,
    concepts,
    expansions: d.expansions,
    conceptCount: concepts.filter((c) => c.weight > 0).length,
    unknownShare: concepts.length ? share((_, i) => !matchedConcepts.has(i)) : 0,
    anchored:
      concepts.some((c) => c.weight > 0 && (c.instance || vocab.anchorStems.has(c.stem))) ||
      [...d.credits].some(
        ([term, m]) => vocab.anchorStems.has(term) && [...m.keys()].some((ci) => concepts[ci]!.weight > 0),
      ),
    correctedShare: concepts.length ? share((c) => c.match === "corrected") : 0,
    nameShare,
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
      for (const ci of covered) sum += focusMass(concepts[ci]!);
      return Math.max(sum / totalFocus, 0.001);
    },
    phrasingMatch(set) {
      if (set.size === 0) return 0;
      const sum = massIn(set, -Infinity);
      // Both ways: the question's words in the phrasing, and the phrasing's words in the question.
      let back = 0;
      for (const st of set) if (credits.has(st) || stems.includes(st)) back++;
      return (sum / totalFocus) * Math.sqrt(back / set.size);
    },
    conceptShare(set) {
      if (set.size === 0) return 0;
      return massIn(set, CREDIT.synonym) / totalFocus;
    },
    namedShare(set) {
      let n = 0;
      let named = 0;
      for (const st of set) {
        n++;
        if (credits.has(st) || stems.includes(st)) named++;
      }
      return n ? named / n : 0;
    },
    evaluate(matched) {
      const best = new Array<number>(concepts.length).fill(0);
      const bestStrong = new Array<number>(concepts.length).fill(0);
      let exact = false;
      let strong = false;
      let topical = false;
      for (const [term, strength] of matched) {
        const m = credits.get(term);
        if (!m) continue;
        for (const [ci, credit] of m) {
          const value = credit * (strength === Strength.Body ? BODY_ONLY : 1);
          if (value > best[ci]!) best[ci] = value;
          if (strength !== Strength.Body && credit > bestStrong[ci]!) bestStrong[ci] = credit;
          if (credit >= CREDIT.corrected) exact = true;
          if (strength !== Strength.Body) strong = true;
          if (strength === Strength.Topical) topical = true;
        }
      }
      // An entry with every part of a compound ("rekenkamer" and "onderzoek" for "rekenkameronderzoek") names
      // the whole thing, in other words: nearly as good as the word itself.
      for (const [ci, parts] of d.compounds) {
        if (!parts.every((p) => matched.has(p))) continue;
        const body = parts.some((p) => matched.get(p) === Strength.Body);
        best[ci] = Math.max(best[ci]!, CREDIT.allParts * (body ? BODY_ONLY : 1));
        if (!body) bestStrong[ci] = Math.max(bestStrong[ci]!, CREDIT.allParts);
      }
      const coverage = concepts.reduce((sum, c, i) => sum + focusMass(c) * best[i]!, 0) / totalFocus;
      const maxIdf = d.vocab.idf(0) || 1;
      const specificity = concepts.reduce(
        (m, c, i) => (c.weight > 0 && bestStrong[i]! >= CREDIT.corrected ? Math.max(m, c.idf / maxIdf) : m),
        0,
      );
      const coverageAll = concepts.reduce((sum, c, i) => sum + c.idf * best[i]!, 0) / totalAll;
      const coverageStrong = concepts.reduce((sum, c, i) => sum + focusMass(c) * bestStrong[i]!, 0) / totalFocus;
      // Concepts of at least this focus weight that the entry names outside its body.
      const namedOutsideBody = (atLeast: (weight: number) => boolean) =>
        concepts.reduce((n, c, i) => n + (atLeast(c.weight) && bestStrong[i]! >= CREDIT.corrected ? 1 : 0), 0);
      const strongConcepts = namedOutsideBody((w) => w > 0);
      const askedStrong = namedOutsideBody((w) => w >= 1);
      return {
        coverage,
        coverageAll,
        coverageStrong,
        strongConcepts,
        askedStrong,
        exact,
        strong,
        topical,
        specificity,
      };
    },
  };
}

/**
 * No word of the asking clauses (full focus weight) is a subject of the base (in a title, question or keyword, or
 * reaching one as a synonym, spreektaal or joined word), while the context (less weight) holds words of the base: the
 * context is about a GR, the question is not. A question that points back to its context ("hoe los ik dat op?", "wat
 * wordt daarmee bedoeld?") asks about that context and never has this (see analyzeQuery).
 */
function askedOffSubject(d: Draft): boolean {
  const { concepts, credits, vocab } = d;
  if (!concepts.some((c) => c.weight > 0 && c.weight < 1)) return false;
  const subject = (stem: string) => vocab.topicalStems.has(stem) || vocab.subjectStems.has(stem);
  const onSubject = (c: Concept, i: number): boolean => {
    // A kind of body that is one GR ("of het recreatieschap nog zin heeft") is the subject asked about, whether or
    // not the base names that kind.
    if ((c.match !== "unknown" && subject(c.stem)) || vocab.lang.instances.has(c.token)) return true;
    for (const [term, m] of credits) if ((m.get(i) ?? 0) >= CREDIT.corrected && subject(term)) return true;
    return false;
  };
  let asked = 0;
  for (const [i, c] of concepts.entries()) {
    if (c.weight < 1) continue;
    asked++;
    if (onSubject(c, i)) return false;
  }
  // One word of its own ("wat is dan onze rol?", "welke stappen moeten we zetten?") leaves the subject to the context.
  return asked >= 2;
}

/** Every form of a word with one letter deleted. */
/** The two words differ only in their last ENDING_LETTERS letters, and share at least five. */
function sameButEnding(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 5 && i >= Math.min(a.length, b.length) - ENDING_LETTERS;
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
