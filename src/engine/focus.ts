// Focus extraction: find the asking part of a chat message. People write "Ik ben griffier en moet morgen een
// voorstel schrijven. Welke termijn geldt voor de zienswijze?": the question sentence says what they want, the
// rest is context. Each token gets the weight of its clause; the engine weighs coverage by it, so context
// dilutes nothing and a long message scores like its question alone.
import { isStopWord, quotedPassages, tokenize } from "./analyze.ts";
import { isChecklistCue, opensWithRole, type LanguageData } from "./language.ts";

/** Weight of a context clause when the asking clause names the subject itself (two or more content words). */
export const CONTEXT_WEIGHT = 0.35;
/** Weight of a context clause when the asking clause refers back to it ("hoe doorbreek je dat?"): it is the subject. */
export const CONTEXT_WEIGHT_VAGUE = 1;
/**
 * Weight of a context clause when the asking clause names its own subject but also points back to the context
 * ("daarbij", "daarover", "zo'n"): "Het college wil een stichting oprichten. Wat moet de raad daarbij checken?".
 */
export const CONTEXT_WEIGHT_BACK = 0.7;
/**
 * Weight of a clause of condition ("als een gemeente uittreedt, wie betaalt de kosten?", "moeten we iets doen als de
 * GR haar begroting wijzigt"): it sets the situation the question is about, so it is more than background.
 */
export const CONDITION_WEIGHT = 0.7;
/**
 * Weight of a clause that guesses at the answer ("wat is een gr, een soort samenwerkingsverband?"): its words are
 * what the asker expects the answer to say, so they may help the ranking a little but never steer it.
 */
export const GUESS_WEIGHT = 0.1;
/**
 * Weight of an aside after the question ("… hoeveel weken hebben we? En trouwens, telt het reces mee?"): a second,
 * smaller question, more than background but never the one the answer is chosen for.
 */
export const ASIDE_WEIGHT = 0.5;

export interface Clause {
  text: string;
  tokens: string[];
  /** The clause asks something: a question mark, a question word or request at its start, a checklist cue. */
  asking: boolean;
  /** The clause points back to what was said before ("daarbij", "daarover", "zo'n", "dat"). */
  refersBack: boolean;
  /** The clause has a pronoun that may point back ("hoe werkt dat?") or a back reference, or goes on ("en …"). */
  mayPointBack: boolean;
  /** The clause states a condition ("als de GR haar begroting wijzigt"): the situation asked about. */
  condition?: boolean;
  /** The clause says who said something, up to "dat" ("onze wethouder zei dat"): never counts. */
  speaker?: boolean;
  /** The clause is what someone said ("… zei dat | we gewoon kunnen uittreden"): the subject the question checks. */
  reported?: boolean;
  /** The clause is mostly a short term in quotation marks ("in de stukken staat | 'verbonden partij'"). */
  quoted?: boolean;
  /** The clause guesses at the answer to the question before it ("wat is een zienswijze, | gewoon een brief?"). */
  guess?: boolean;
  /** The sentence is an aside after an earlier question ("… ? | En trouwens, | telt het reces mee?"). */
  aside?: boolean;
}

/**
 * Splits a message into clauses: at sentence ends (. ! ? ; and line breaks) and at commas. A clause asks when it
 * starts with a question word or request, names a checklist, or ends a question no other clause opens
 * ("de GR heeft een tekort, wat betekent dat voor ons?": the second clause asks).
 */
export function splitClauses(text: string, lang: LanguageData): Clause[] {
  const out: Clause[] = [];
  /** Clauses of a sentence without a question mark that go on "dan kan ik …" (see below). */
  const followUps: Clause[] = [];
  // A dot inside "art. 1" or "15.000" is not a sentence end (no space after it); one before a closing quote is
  // ("… in rekening gebracht.' Zijn wij verplicht …?"), and the quote mark ends that sentence.
  const sentences = (text.match(/(?:[^.!?;\n]|\.(?=[^\s'"’”»]))+(?:[.!?;\n]+['"’”»]*|$)/g) ?? [text]).flatMap(atColon);
  for (const sentence of sentences) {
    const parts = sentence
      .split(/,\s+/)
      .flatMap((part) => splitReported(part, lang))
      .flatMap((part) => splitSubordinate(part, lang))
      .flatMap((part) => splitEmbeddedQuestion(part, lang))
      .flatMap((part) => (sentence.includes("?") ? [part] : splitClosingTerm(part)));
    const clauses = parts
      .map((part) => {
        const tokens = tokenize(part);
        const refersBack = tokens.some(
          (t, i) =>
            lang.backReferences.has(t) ||
            standsAlone(tokens, i, lang) ||
            (lang.backReferencePapers.has(t) && lang.definiteDeterminers.has(tokens[i - 1] ?? "")) ||
            (lang.backReferenceNouns.has(t) && lang.demonstratives.has(tokens[i - 1] ?? "")) ||
            // "wat gebeurt er dan met het personeel": what follows from the step the context names; so does the
            // verb-last order of a passed-on question ("een raadslid vraagt wat er dan gebeurt met …").
            (lang.consequenceVerbs.has(t) &&
              (tokens[i + 1] === "dan" ||
                tokens.slice(i + 1, i + 3).join(" ") === "er dan" ||
                tokens[i - 1] === "dan")),
        );
        return {
          text: part,
          tokens,
          asking: false,
          refersBack,
          mayPointBack:
            refersBack ||
            lang.continuationOpeners.has(tokens[0] ?? "") ||
            tokens.some((t) => lang.pointingPronouns.has(t)),
          // "als raadslid" is no condition; "als een gemeente uittreedt" is.
          condition:
            tokens.length >= 3 &&
            (lang.conditionals.has(tokens[0]!) || lang.scenarioOpeners.has(tokens[0]!)) &&
            !opensWithRole(tokens, lang),
          speaker: false,
          reported: false,
        } as Clause;
      })
      .filter((c) => c.tokens.length > 0);
    // "Wat is dat eigenlijk, een gemeenschappelijke regeling?": "dat" points ahead to the few words after the comma
    // that open with an article, not back to the context.
    clauses.forEach((c, i) => {
      const next = clauses[i + 1];
      if (!c.refersBack || !next || !APPOSITION_ARTICLES.has(next.tokens[0]!) || next.tokens.length > APPOSITION_WORDS)
        return;
      if (c.tokens.some((t) => lang.backReferences.has(t) || lang.consequenceVerbs.has(t))) return;
      if (!c.tokens.some((_, j) => standsAlone(c.tokens, j, lang))) return;
      c.refersBack = false;
      c.mayPointBack = false;
    });
    clauses.forEach((c, i) => {
      const n = c.tokens.length;
      const verb = c.tokens.slice(Math.max(0, n - 2 - REPORT_GAP), n - 1).some((t) => lang.reportingVerbs.has(t));
      if (n >= 2 && c.tokens[n - 1] === "dat" && verb) {
        c.speaker = true;
        const next = clauses[i + 1];
        if (next) next.reported = true;
      }
    });
    const subordinate = clauses.map((c, i) => isSubordinate(c.tokens, lang, i === 0));
    const asking = clauses.map((c, i) => !subordinate[i] && isAsking(c.text, c.tokens, lang));
    // A question mark at the end of a sentence whose other parts do not ask: the whole sentence asks.
    const opener = clauses.some((c) => startsWithOpener(c.tokens, lang));
    clauses.forEach((c, i) => {
      c.asking = !c.speaker && (asking[i]! || (!subordinate[i] && !opener && sentence.includes("?")));
    });
    // "Bouw ik als wethouder pensioen op bij het ABP, en hoeveel?": a question sentence that opens with a verb and
    // then the asker ("bouw ik", "krijgen we") asks in that first clause too, whatever the clause after the comma.
    const first = clauses[0];
    if (
      first &&
      sentence.includes("?") &&
      !first.speaker &&
      !subordinate[0] &&
      lang.askerPronouns.has(first.tokens[1] ?? "") &&
      !isStopWord(first.tokens[0] ?? "")
    )
      first.asking = true;
    // "Telt een convenant ook als samenwerking, of moet het een regeling zijn?": the part before ", of …" is the first
    // half of the same question.
    clauses.forEach((c, i) => {
      const prev = clauses[i - 1];
      if (prev && c.asking && c.tokens[0] === "of" && !subordinate[i - 1] && !prev.speaker) prev.asking = true;
    });
    // "wat is een zienswijze, gewoon een brief met onze mening erin?": after a question that opens with a question word,
    // a clause that opens with a guess (`guess_openers`) and no question word of its own offers an answer; it is
    // context, not a second question.
    clauses.forEach((c, i) => {
      const prev = clauses[i - 1];
      const opensGuess =
        lang.guessOpeners.has(c.tokens[0] ?? "") || lang.guessOpeners.has(c.tokens.slice(0, 2).join(" "));
      if (prev?.asking && opensGuess && startsWithOpener(prev.tokens, lang) && !startsWithOpener(c.tokens, lang)) {
        c.asking = false;
        c.guess = true;
      }
    });
    // "… wat moet er in elke regeling staan? Dan kan ik dat navragen.": after a question, "dan" with a verb and no
    // question mark of its own says what the asker will do with the answer; it asks nothing.
    if (!sentence.includes("?"))
      followUps.push(...clauses.filter((c) => c.tokens[0] === "dan" && lang.statementVerbs.has(c.tokens[1] ?? "")));
    // "… hoeveel weken hebben we? En trouwens, telt het reces mee?": a sentence that opens with an aside word
    // (`aside_openers`) once a question was asked is a second, smaller question: it no longer
    // decides what is asked (nor whether to refuse), and its words weigh less than the question's.
    const opening = clauses[0]?.tokens ?? [];
    const aside = lang.asideOpeners.has(opening[0] ?? "") || lang.asideOpeners.has(opening.slice(0, 2).join(" "));
    if (aside && out.some((c) => c.asking))
      for (const c of clauses) {
        c.asking = false;
        c.aside = true;
      }
    out.push(...clauses);
  }
  if (text.includes("?")) for (const c of followUps) c.asking = false;
  // "wat is slimmer: eerst de vorm of eerst bedenken wat we willen": a question that ends in a colon asks about what
  // follows it, so the clause after the colon asks too.
  out.forEach((c, i) => {
    const next = out[i + 1];
    if (c.asking && next && !next.asking && !next.speaker && c.text.trimEnd().endsWith(":")) next.asking = true;
  });
  // "Zonnepanelen: kan ik beter subsidie aanvragen?", "Zienswijze: hoeveel weken hebben we?": a label of a few words
  // before the colon names what the question after it is about, so it asks with it.
  out.forEach((c, i) => {
    const next = out[i + 1];
    if (next?.asking && !c.asking && c.tokens.length > 0 && c.tokens.length <= LABEL_WORDS && /:\s*$/.test(c.text))
      c.asking = true;
  });
  markQuoted(text, out, lang);
  return out;
}

/**
 * A passage in quotation marks is what a document or someone said ("in het raadsvoorstel staat 'de raad wordt
 * gevraagd toestemming te verlenen …'. wat betekent dat?"): the subject the question checks, as reported speech is.
 * A context clause mostly inside such a passage (by letters and digits; a passage of one word only when the clause is
 * that word) is marked reported.
 */
function markQuoted(text: string, clauses: readonly Clause[], lang: LanguageData): void {
  const inQuote = new Uint8Array(text.length);
  let any = false;
  for (const { start, text: inner } of quotedPassages(text)) {
    // One word counts when a clause is no more than that word ("… staat 'GR'. Wat wordt daarmee bedoeld?").
    const oneWord = !/\S\s+\S/.test(inner);
    if (oneWord) {
      const word = tokenize(inner).join(" ");
      if (!clauses.some((c) => c.tokens.join(" ") === word)) continue;
    }
    inQuote.fill(1, start, start + inner.length);
    any = true;
  }
  if (!any) return;
  let cursor = 0;
  for (const c of clauses) {
    const at = text.indexOf(c.text, cursor);
    if (at < 0) continue;
    cursor = at + c.text.length;
    let quoted = 0;
    let chars = 0;
    for (let i = at; i < cursor; i++) {
      // Letters and digits only: the quote marks and the full stop of "'GR'." are not what the clause says.
      if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
      chars++;
      quoted += inQuote[i]!;
    }
    if (!c.speaker && quoted * 2 > chars) {
      c.reported = true;
      c.quoted = c.tokens.length <= CLOSING_TERM_WORDS;
    }
  }
  // What introduces the quote ("de wethouder schreef in een raadsinformatiebrief:", "Raadsvoorstel:") says who or what
  // said it, as "… zei dat" does: a clause closing with a colon, with a verb of saying or of a label's few words.
  clauses.forEach((c, i) => {
    const next = clauses[i + 1];
    if (!next?.reported || c.asking || !c.text.trimEnd().endsWith(":")) return;
    if (c.tokens.length <= LABEL_WORDS || c.tokens.some((t) => lang.reportingVerbs.has(t))) c.speaker = true;
  });
}
/**
 * A statement that closes with a term of one to five words in quotes ("in elk financieel stuk staat 'verbonden
 * partij'") splits before the quote: the term is what a later "wat is dat?" asks about (see clauseWeights). Only in a
 * sentence without a question mark: "wat is een 'gemeenschappelijk orgaan'?" stays one question.
 */
function splitClosingTerm(part: string): string[] {
  const passages = quotedPassages(part);
  const last = passages.at(-1);
  if (!last) return [part];
  const open = last.start - 1;
  const rest = part.slice(last.start + last.text.length + 1);
  const words = last.text.trim().split(/\s+/).length;
  if (open <= 0 || words > CLOSING_TERM_WORDS || /[\p{L}\p{N}]/u.test(rest)) return [part];
  const before = part.slice(0, open);
  return /[\p{L}\p{N}]/u.test(before) ? [before, part.slice(open)] : [part];
}
/** Most words of a quoted term that closes a statement. */
const CLOSING_TERM_WORDS = 5;

/** Articles that open the words a "dat" points ahead to ("wat is dat, een …?"), and at most how many words they are. */
const APPOSITION_ARTICLES = new Set(["een", "de", "het"]);
const APPOSITION_WORDS = 5;

/** Most words of a label before a quote ("Raadsvoorstel:", "Uit de begroting:"). */
const LABEL_WORDS = 3;

/**
 * A colon followed by a space ends a sentence ("Als raadslid vraag ik me af: hoe geven we een zienswijze?"), unless
 * what comes before it is a list ("klimaat, energie, zorg en jeugd: waarom kan een gemeente dat niet meer alleen?"),
 * the subject of what follows. "Art. 1:2" has no space after its colon.
 */
function atColon(sentence: string): string[] {
  const at = sentence.search(/:\s/);
  if (at < 0 || sentence.slice(0, at).includes(",")) return [sentence];
  return [sentence.slice(0, at + 1), ...atColon(sentence.slice(at + 1).trimStart())];
}

/**
 * A part split after a verb of saying and "dat": "onze wethouder zei dat | we gewoon kunnen uittreden". A finite verb
 * only (language data): "niemand durft te zeggen dat het niet werkt" is no report, "durft" is the subject there.
 */
function splitReported(part: string, lang: LanguageData): string[] {
  let at = reportedSplit.get(lang);
  if (!at) {
    const verbs = [...lang.reportingVerbs].join("|") || "(?!)";
    at = new RegExp(`(?<=\\b(?:${verbs})(?:\\s+[^\\s,]+){0,${REPORT_GAP}}?\\s+dat)\\s+`, "i");
    reportedSplit.set(lang, at);
  }
  // The look-behind is costly at every space; a part without " dat" has no report to split.
  if (!/\sdat\b/i.test(part)) return [part];
  const parts = part.split(at).filter((p) => p.trim());
  // Only the words after the last "en"/"maar" say who spoke: "Wij hebben geen beleid | en de accountant zegt dat".
  return parts.flatMap((p, i) =>
    i < parts.length - 1 ? p.split(/\s+(?=(?:en|maar)\s+(?![\s\S]*\s(?:en|maar)\s))/i) : [p],
  );
}
/** Most words between the verb of saying and "dat" ("zei gisteren in de commissie dat"). */
const REPORT_GAP = 4;
const reportedSplit = new WeakMap<LanguageData, RegExp>();

/** A part split before each conjunction of reason or circumstance it contains ("… omdat het niets oplevert"). */
function splitSubordinate(part: string, lang: LanguageData): string[] {
  let at = subordinateSplit.get(lang);
  if (!at) {
    const words = [...lang.subordinators].join("|") || "(?!)";
    const conditionals = [...lang.conditionals].join("|") || "(?!)";
    const subjects = [...lang.conditionalSubjects].join("|") || "(?!)";
    at = new RegExp(`\\s+(?=(?:${words})\\b|(?:${conditionals})\\s+(?:${subjects})\\b)`, "i");
    subordinateSplit.set(lang, at);
  }
  return part.split(at).filter((p) => p.trim());
}
/**
 * A part split before a question embedded after a hedge: "… en snap nog steeds niet goed | wat een GR is", "ik weet
 * niet precies | hoe het zit", or after a verb that passes on someone else's question ("een raadslid vraagt | welke …").
 * The embedded question asks, like "ik vraag me af wat …".
 */
function splitEmbeddedQuestion(part: string, lang: LanguageData): string[] {
  let split = embeddedSplit.get(lang);
  if (!split) {
    const hedges = [...lang.hedges, ...lang.reportedAskingVerbs].join("|") || "(?!)";
    const between = [...lang.hedgeModifiers, ...lang.hedgeGapWords].join("|") || "(?!)";
    const openers = [...lang.embeddedOpeners].join("|") || "(?!)";
    split = {
      at: new RegExp(`(?<=\\b(?:${hedges})(?:\\s+(?:${between}))*)\\s+(?=(?:${openers})\\b)`, "i"),
      // The look-behind is costly at every space; only a part with a question word after a space can split.
      candidate: new RegExp(`\\s(?:${openers})\\b`, "i"),
    };
    embeddedSplit.set(lang, split);
  }
  if (!split.candidate.test(part)) return [part];
  return part.split(split.at).filter((p) => p.trim());
}
const embeddedSplit = new WeakMap<LanguageData, { at: RegExp; candidate: RegExp }>();

/** The split pattern per language data, built once. */
const subordinateSplit = new WeakMap<LanguageData, RegExp>();

/**
 * The clause opens with a conjunction of reason or circumstance, or (after the main clause) of condition: it is
 * context. A condition that opens the sentence sets its subject ("Als we uittreden, wat kost dat?").
 */
function isSubordinate(tokens: readonly string[], lang: LanguageData, opensSentence: boolean): boolean {
  const [first, second] = tokens;
  if (!first) return false;
  if (lang.subordinators.has(first)) return true;
  return !opensSentence && lang.conditionals.has(first) && lang.conditionalSubjects.has(second ?? "");
}

/** The question word or request a clause opens with ("en wat …" → "wat"), or null. */
export function openerOf(tokens: readonly string[], lang: LanguageData): string | null {
  for (const [i, t] of tokens.slice(0, 6).entries()) {
    // "ik moet …", "wij zijn …": the asker states something.
    if (lang.statementVerbs.has(t) && i > 0 && lang.askerPronouns.has(tokens[i - 1]!)) return null;
    if (lang.questionOpeners.has(t)) return t;
    if (!lang.openerLeads.has(t)) return null;
  }
  return null;
}

/**
 * "dat" or "dit" as a pronoun of its own, not a determiner or conjunction: at the clause's end, before the particle
 * that ends it ("hoe los ik dat op?"), before a word that joins a second question ("wat is dat en waarom …") or before
 * a filler word ("zienswijze op de begroting, moet dat echt elk jaar?").
 * Then it points back as "daarover" does.
 */
function standsAlone(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  const next = tokens[i + 1];
  // A question of three words, its verb first, a demonstrative and a last word: "is die veranderd?", "mag dat
  // zomaar?", "zijn deze openbaar?" ask about what the context named.
  if (i === 1 && tokens.length === 3 && lang.statementVerbs.has(tokens[0]!) && lang.demonstratives.has(tokens[1]!))
    return true;
  if (!lang.standalonePronouns.has(tokens[i]!)) return false;
  if (next === undefined) return true;
  if (i + 2 === tokens.length && lang.particles.includes(next)) return true;
  // … or between the asker and a closing verb, in the verb-last order of an embedded question: "weet jij hoe ik dat
  // oplos?", "hoe we dat aanpakken".
  if (i + 2 === tokens.length && lang.askerPronouns.has(tokens[i - 1] ?? "")) return true;
  // … or before the particle and a closing "als" phrase of who acts: "hoe pak je dat aan als raad?".
  const rest = tokens.slice(i + 2);
  if (lang.particles.includes(next) && rest[0] === "als" && rest.length <= 3) return true;
  if (lang.standaloneBefore.has(next)) return true;
  // … or as the object of an infinitive after "om": "om dat (zelf) op te lossen", "om dat te regelen" ("om dat
  // probleem op te lossen" has a noun after it).
  if (tokens[i - 1] === "om" && (next === "te" || next === "zelf" || lang.particles.includes(next))) return true;
  // … or as the subject of a question that opens with its verb, before a degree word or negation: "is dat niet heel
  // onhandig?", "klopt dat echt?" ("is dat document openbaar?" has a noun after it).
  if (i === 1 && lang.statementVerbs.has(tokens[0]!) && lang.hedgeModifiers.has(next)) return true;
  return lang.filler.has(next) && !lang.determiners.has(next) && !lang.conditionalSubjects.has(next);
}

const startsWithOpener = (tokens: readonly string[], lang: LanguageData) => openerOf(tokens, lang) !== null;

function isAsking(text: string, tokens: readonly string[], lang: LanguageData): boolean {
  if (startsWithOpener(tokens, lang)) return true;
  if (tokens.some((_, i) => isChecklistCue(tokens, i, lang))) return true;
  return text.includes("?") && tokens.length > 0;
}

/**
 * Weight per clause: 1 for asking clauses; context clauses CONTEXT_WEIGHT, or CONTEXT_WEIGHT_VAGUE when the
 * asking clauses hold fewer than two content words and may point back ("hoe werkt dat?"; without such a word, "wat
 * is een zienswijze?", CONTEXT_WEIGHT), or CONTEXT_WEIGHT_BACK when an asking clause points back to the
 * context; when they may point back and the context quotes a short term, the term weighs 1 and the rest of the
 * context CONTEXT_WEIGHT. In a comparison ("convenant of GR, wat is het verschil?") the compared things often stand in
 * the context, and so does the subject of a checklist request ("De regeling moet worden aangepast. Welke stappen moet
 * de raad doorlopen?"): then (`subjectInContext`) it weighs at least CONTEXT_WEIGHT_BACK, as does a clause of
 * condition. With no asking clause (or only one clause) all weigh 1.
 */
export function clauseWeights(
  clauses: readonly Clause[],
  contentCount: (c: Clause) => number,
  subjectInContext = false,
): number[] {
  const asking = clauses.filter((c) => c.asking);
  const all = () => clauses.map((c) => (c.speaker ? 0 : 1));
  if (asking.length === 0 || asking.length === clauses.length) return all();
  const askingContent = asking.reduce((n, c) => n + contentCount(c), 0);
  // "In elk financieel stuk staat 'verbonden partij'. Wat is dat?": a vague question about a quote asks about the
  // quote; the rest of the context is background.
  if (askingContent < 2 && asking.some((c) => c.mayPointBack) && clauses.some((c) => !c.asking && c.quoted))
    return clauses.map((c) => (c.speaker ? 0 : c.asking || c.quoted ? 1 : CONTEXT_WEIGHT));
  if (askingContent === 0) return all();
  const context =
    askingContent < 2 && asking.some((c) => c.mayPointBack)
      ? CONTEXT_WEIGHT_VAGUE
      : (askingContent >= 2 && asking.some((c) => c.refersBack)) || subjectInContext
        ? CONTEXT_WEIGHT_BACK
        : CONTEXT_WEIGHT;
  return clauses.map((c) =>
    c.speaker
      ? 0
      : c.asking
        ? 1
        : c.guess
          ? GUESS_WEIGHT
          : c.aside
            ? ASIDE_WEIGHT
            : c.condition || c.reported
              ? Math.max(context, CONDITION_WEIGHT)
              : context,
  );
}
