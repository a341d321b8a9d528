// Dutch text analysis shared by indexing and querying: fold case and accents, tokenize, drop stop words,
// stem (Snowball Dutch, memoised, with a few overrides), and split compounds against the base's own vocabulary.
import snowball from "snowball-stemmers";
import { nld } from "stopword";
import { language } from "./language.ts";

import { MAX_QUESTION_CHARS } from "../limits.ts";
export { MAX_QUESTION_CHARS };
/** Longest question we analyse; the rest of a pasted wall of text is ignored. */
export const MAX_QUERY_CHARS = MAX_QUESTION_CHARS;

/** Folds case, accents and the Dutch "ĳ" ligature; removes control characters. */
export function fold(text: string): string {
  // Fast path: plain ASCII needs no Unicode normalisation.
  if (/^[\x20-\x7e\n\t]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ĳ/g, "ij")
    .replace(/\p{Cc}/gu, " ");
}

/** Folded word tokens: letters and digits; "b&w" and "b en w" style stay as separate tokens. */
export function tokenize(text: string): string[] {
  // "art. 1 lid 4" is everywhere in legal text; its "lid" is not the member ("AB-lid") a question asks about.
  return (
    fold(text)
      .replace(/\blid (?=\d)/g, " ")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Question words that say what kind of answer is wanted ("waarom" → reasons, "wanneer" → dates). They are
 * indexed and help ranking, but are not part of what a question is about (see src/engine/query.ts).
 */
export const INTENT_WORDS: ReadonlySet<string> = language.intentWords;
// The stopword package's Dutch list, less the words that carry meaning here and the intent words, plus the question
// and chat words of nl.yml (`stop_words`).
const STOP = new Set([
  ...nld.filter((w) => !language.stopWordsKept.has(w) && !INTENT_WORDS.has(w)),
  ...language.stopWords,
]);

export const isStopWord = (token: string): boolean => STOP.has(token);

// Snowball leaves some irregular plurals and verb/noun pairs apart: overrides are language data.
const STEM_OVERRIDES = language.stemOverrides;

const dutch = snowball.newStemmer("dutch");
/** Most tokens a word-level memo keeps; when full it starts again (the words of a base and its questions fit). */
const MEMO_MAX = 200_000;

/** `fn` memoised per token, bounded by MEMO_MAX. */
function memoByToken<T>(fn: (token: string) => T): (token: string) => T {
  const memo = new Map<string, T>();
  return (token) => {
    let hit = memo.get(token);
    if (hit === undefined) {
      hit = fn(token);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(token, hit);
    }
    return hit;
  };
}

/** Snowball Dutch stem of a folded token, memoised. */
export const stem: (token: string) => string = memoByToken((token) => {
  // Plurals in -ies of loanwords (organisaties, commissies, remedies) keep their -s in Snowball Dutch.
  const word = token.length > 5 && token.endsWith("ies") ? token.slice(0, -1) : token;
  return STEM_OVERRIDES[token] ?? (word.length <= 3 || /\d/.test(word) ? word : dutch.stem(word));
});

/**
 * Infinitives a finite verb form may stand for, most likely first: "wijzigt" → "wijzigen", "uittreedt" →
 * "uittreden", "stuurt" → "sturen", "oplevert" → "opleveren", "zet" → "zetten", "leeft" → "leven", "stemde" →
 * "stemmen", "aangepast" → "aanpassen". Dutch writes the present tense (ik wijzig, hij wijzigt), the past (stemde) and
 * the participle (gewijzigd) on the verb's stem, while the base names the act by its infinitive or noun ("wijzigen",
 * "wijziging": one Snowball stem). Irregular forms come from the language data (`irregular_verbs`). The candidates
 * are guesses: the caller keeps only those the base knows.
 */
export const infinitivesOf: (token: string) => readonly string[] = memoByToken((token) => deriveInfinitives(token));
const NONE: readonly string[] = [];

/** Infinitives of a verb stem ("treed" → treden, "zet" → zetten, "leef" → leven). */
function infinitivesOfStem(base: string): string[] {
  if (base.length < 3) return [];
  const out: string[] = [];
  const last = base.at(-1)!;
  const voiced = last === "f" ? "v" : last === "s" ? "z" : last;
  // A long vowel written double before the last consonant is single before -en: "treed" → "treden".
  const long = /([aeou])\1[^aeiou]$/.test(base) ? base.slice(0, -2) + base.at(-1)! : null;
  if (long) out.push(long + "en", long.slice(0, -1) + voiced + "en");
  out.push(base + "en");
  if (voiced !== last) out.push(base.slice(0, -1) + voiced + "en");
  // A short vowel doubles the last consonant: "zet" → "zetten", "stop" → "stoppen".
  if (/[^aeiou][aeiou][bdfgklmnprst]$/.test(base)) out.push(base + last + "en");
  return out;
}

function deriveInfinitives(token: string): readonly string[] {
  if (token.length < 4 || !/^[a-z]+$/.test(token) || language.notVerbForms.has(token)) return NONE;
  const irregular = language.irregularVerbs.get(token);
  if (irregular) return [irregular];
  const out: string[] = [];
  const fromStem = (base: string) => out.push(...infinitivesOfStem(base));
  // A past participle: ge- + the stem + -d/-t ("gewijzigd" → wijzigen) or ge- + the infinitive ("gegeven"), also
  // after a particle ("aangepast" → aanpassen, "uitgetreden" → uittreden).
  for (const particle of ["", ...language.particles]) {
    const rest = token.startsWith(`${particle}ge`) ? token.slice(particle.length + 2) : "";
    if (rest.length < 4) continue;
    // An irregular participle after a particle: "aangenomen" → aan + nemen ("genomen" → nemen).
    const irregularAfter = particle ? language.irregularVerbs.get(`ge${rest}`) : undefined;
    if (irregularAfter) out.push(particle + irregularAfter);
    if (rest.endsWith("en")) out.push(particle + rest);
    // A stem ending in -d/-t takes no second one: "opgericht" (richt-en), "gemeld" (meld-en).
    else if (/[dt]$/.test(rest))
      for (const base of [rest.slice(0, -1), rest]) out.push(...infinitivesOfStem(base).map((f) => particle + f));
  }
  // The past tense of a weak verb: the stem + -de/-te or -den/-ten ("stemde" → stemmen, "stuurden" → sturen,
  // "stapten" → stappen). Most words in -de/-te are no verb ("grote", "gemeente"), which the caller's check against
  // the base leaves alone; other words in -en are an infinitive or a plural already.
  if (token.endsWith("en")) {
    if (token.length >= 7 && /[dt]en$/.test(token)) fromStem(token.slice(0, -3));
    return [...new Set(out)].filter((f) => f !== token);
  }
  // "wijzigt", "treedt": the stem is the form without -t; "wijzig" (ik-form) is the stem itself.
  if (token.endsWith("t") && !token.endsWith("tt")) fromStem(token.slice(0, -1));
  fromStem(token);
  if (token.length >= 5 && /[dt]e$/.test(token)) fromStem(token.slice(0, -2));
  return [...new Set(out)].filter((f) => f !== token);
}

/**
 * Passages in quotes, straight or curly, single or double ("wat betekent 'lege bv'", "er staat: 'de raad wordt
 * gevraagd …'"): the quote opens after a space, colon or bracket and closes before a space or punctuation, so "zo'n"
 * and "gr'en" open none. Each with the offset of its first character inside the marks.
 */
export function quotedPassages(text: string): { start: number; text: string }[] {
  return [...text.matchAll(QUOTED)].map((m) => ({ start: m.index + m[0].indexOf(m[1]!), text: m[1]! }));
}
const QUOTED =
  /(?:^|[\s(:])['"\u2018\u201c\u201e]([^'"\u2018\u2019\u201c\u201d\n]{2,})['"\u2019\u201d](?=[\s.,;:!?)]|$)/gu;

/** Content tokens: folded, tokenized, stop words dropped. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => !STOP.has(t) && t.length > 1);
}

// Words that look like compounds but must stay whole (their parts would only add noise).
const NEVER_SPLIT = [
  "samenwerk",
  "gemeenschap",
  "burgemeester",
  "verantwoordelijk",
  "vertegenwoordig",
  "ondersteun",
  "onderzoek",
  "overheid",
  "bijzonder",
  "democrat",
  "vanzelfsprekend",
  "uitvoer",
  "uitgangspunt",
  "onderwerp",
  "voorbeeld",
  "voorwaard",
  "voorstel",
  "verbonden",
  "bedrijf",
  "betrokken",
  "belangrijk",
  "afhankelijk",
  "omgeving",
];
const LINKERS = ["", "s", "e", "en"];
const MIN_PART = 4;

/**
 * Splits Dutch compounds into parts that are words of a lexicon (the knowledge base's own vocabulary):
 * samenwerkingsverband → samenwerking + verband, ontwerpbegroting → ontwerp + begroting.
 * The first part must be a lexicon word; the rest a lexicon word or itself splittable; linking s/e/en allowed;
 * parts of at least 4 letters; fewest parts wins.
 */
export class CompoundSplitter {
  private readonly memo = new Map<string, string[] | null>();

  /**
   * @param heads words that may end a compound though the lexicon lacks them (the query's generic heads:
   *   "samenwerkingsding" → samenwerking + ding).
   */
  constructor(
    private readonly lexicon: ReadonlySet<string>,
    private readonly heads: ReadonlySet<string> = new Set(),
  ) {}

  split(word: string): string[] | null {
    if (word.length < 2 * MIN_PART || /\d/.test(word)) return null;
    if (NEVER_SPLIT.some((p) => word.startsWith(p) && word.length - p.length < 6)) return null;
    const hit = this.memo.get(word);
    if (hit !== undefined) return hit;
    const parts = this.best(word, 0);
    const result = parts && parts.length > 1 ? parts : null;
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(word, result);
    return result;
  }

  private best(word: string, depth: number): string[] | null {
    if (depth > 3) return null;
    let best: string[] | null = null;
    for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
      const head = word.slice(0, i);
      if (!this.lexicon.has(head)) continue;
      for (const link of LINKERS) {
        if (!word.startsWith(link, i)) continue;
        const tail = word.slice(i + link.length);
        if (tail.length < MIN_PART) continue;
        const rest = this.lexicon.has(tail) || this.heads.has(tail) ? [tail] : this.best(tail, depth + 1);
        if (rest && (!best || rest.length + 1 < best.length)) best = [head, ...rest];
        if (best?.length === 2) return best;
      }
    }
    return best;
  }
}
