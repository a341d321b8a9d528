// Recognises deadline questions in Dutch, narrowly: a date and a kind of term must both be present (plus a word
// that asks for a deadline), otherwise the question goes to the Q&A engine as usual. Also recognises the two
// register questions ("welke zienswijzen lopen er?", "in welke regelingen zit onze gemeente?").
import { type IsoDate, MONTH_NAMES, parseIsoDate } from "./datum.ts";
import { regelVoor, type Soort } from "./regels.ts";

const fold = (text: string): string =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim();

const MONTHS = new Map<string, number>([
  ...MONTH_NAMES.map((m, i) => [m, i + 1] as [string, number]),
  ["jan", 1],
  ["feb", 2],
  ["mrt", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["okt", 10],
  ["nov", 11],
  ["dec", 12],
]);
const MONTH_RE = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");

/** A date as written in the text: `datum` is null when it does not exist (30 februari, 2027-02-30). */
export interface GelezenDatum {
  datum: IsoDate | null;
  /** The date as the user wrote it (folded), for an error message. */
  tekst: string;
  /** False when the text gave no year and `defaultYear` was used. */
  jaarGenoemd: boolean;
}

/** The first date-like phrase in the text: 2027-03-06, 6-3-2027, 6 maart 2027 or 6 maart (then in `defaultYear`). */
export function leesDatum(text: string, defaultYear: number): GelezenDatum | null {
  const t = fold(text);
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (iso) {
    const datum = parseIsoDate(`${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}`);
    return { datum, tekst: iso[0], jaarGenoemd: true };
  }
  const numeric = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(t);
  if (numeric) {
    const datum = parseIsoDate(`${numeric[3]}-${numeric[2]!.padStart(2, "0")}-${numeric[1]!.padStart(2, "0")}`);
    return { datum, tekst: numeric[0], jaarGenoemd: true };
  }
  const named = new RegExp(`\\b(\\d{1,2}) (${MONTH_RE})\\.?(?: (\\d{4}))?\\b`).exec(t);
  if (named) {
    const day = Number(named[1]);
    const month = MONTHS.get(named[2]!)!;
    const year = named[3] ? Number(named[3]) : defaultYear;
    const datum = parseIsoDate(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    return { datum, tekst: named[0], jaarGenoemd: named[3] !== undefined };
  }
  return null;
}

/** A date in the text: 2027-03-06, 6-3-2027, 6 maart 2027 or 6 maart (then in `defaultYear`); null if none or impossible. */
export function vindDatum(text: string, defaultYear: number): IsoDate | null {
  return leesDatum(text, defaultYear)?.datum ?? null;
}

/** The kind of term a question is about, or null. Order matters: the most specific wording first. */
export function vindSoort(text: string): Soort | null {
  const t = fold(text);
  if (/\bbegrotingswijziging|\bwijziging van de begroting|\bbegroting(?:s)? ?wijzig/.test(t))
    return "begrotingswijziging";
  if (/\bvoorlopige jaarrekening/.test(t)) return "voorlopige-jaarrekening";
  if (/\bkader(?:s|brief|nota)\b|\bkaders\b/.test(t)) return "kaders";
  if (/\bjaarrekening/.test(t)) return "jaarrekening";
  if (/\b(?:gedeputeerde staten|gs|provincie)\b/.test(t) && /\bbegroting/.test(t)) return "begroting-naar-gs";
  if (/\bontwerp-?begroting|\bzienswijze\b.*\bbegroting|\bbegroting\b.*\bzienswijze/.test(t)) return "begroting";
  if (
    /\bontwerp-?regeling|\bontwerp van de regeling|\b(?:toetreding|uittreding|toetreden|uittreden)\b|\bwijziging van de (?:gemeenschappelijke )?regeling|\bzienswijze\b.*\bregeling\b/.test(
      t,
    )
  ) {
    return "ontwerpregeling";
  }
  return null;
}

const DEADLINE_WORDS =
  /\b(?:wanneer|termijn|deadline|uiterlijk|uiterste|verloopt|verstrijkt|hoe lang|binnen|tot wanneer|einddatum)\b/;

/** A deadline question: the kind of term and its start date, or the impossible date the user wrote. */
export type TermijnVraag =
  { soort: Soort; vanaf: IsoDate; jaarGenoemd: boolean } | { soort: Soort; ongeldigeDatum: string };

/**
 * A deadline question with a date and a kind of term, or null (then the engine answers). A kind with a fixed date
 * in the law (kaders, voorlopige jaarrekening) needs no date: with `vandaag` given it counts from today.
 */
export function herkenTermijnVraag(text: string, defaultYear: number, vandaag?: IsoDate): TermijnVraag | null {
  if (typeof text !== "string" || text.length > 500) return null;
  const t = fold(text);
  if (!DEADLINE_WORDS.test(t)) return null;
  const soort = vindSoort(t);
  if (!soort) return null;
  const gelezen = leesDatum(t, defaultYear);
  if (!gelezen)
    return vandaag && regelVoor(soort)?.type === "vaste-datum" ? { soort, vanaf: vandaag, jaarGenoemd: true } : null;
  return gelezen.datum
    ? { soort, vanaf: gelezen.datum, jaarGenoemd: gelezen.jaarGenoemd }
    : { soort, ongeldigeDatum: gelezen.tekst };
}

export type RegisterVraag =
  { type: "lopend" } | { type: "regelingen" } | { type: "regeling"; zoek: string; soort: Soort | null };

/** "Welke zienswijzen lopen er?" / "In welke regelingen zit onze gemeente?" / a deadline for a named regeling. */
export function herkenRegisterVraag(text: string, namen: readonly string[]): RegisterVraag | null {
  if (typeof text !== "string" || text.length > 500) return null;
  const t = fold(text);
  if (
    /\bwelke (?:zienswijzen|zienswijzetermijnen|termijnen|deadlines)\b.*\b(?:lopen|loopt|open|staan|komen|eraan)\b|\blopende (?:zienswijzen|termijnen)\b/.test(
      t,
    )
  ) {
    return { type: "lopend" };
  }
  if (
    /\b(?:in|aan|bij) welke (?:gemeenschappelijke )?regelingen\b|\bwelke (?:gemeenschappelijke )?regelingen (?:heeft|hebben|zit|zitten)\b|\bonze (?:gemeenschappelijke )?regelingen\b/.test(
      t,
    )
  ) {
    return { type: "regelingen" };
  }
  // A named regeling only with a deadline word and a term ("zienswijze", "termijn" or a kind of term).
  if (DEADLINE_WORDS.test(t) && (/\b(?:zienswijze|termijn|deadline)/.test(t) || vindSoort(t))) {
    const words = new Set(t.split(/[^a-z0-9-]+/).filter(Boolean));
    for (const naam of namen) {
      const n = fold(naam);
      if (n.length >= 2 && (words.has(n) || (n.length >= 6 && t.includes(n))))
        return { type: "regeling", zoek: naam, soort: vindSoort(t) };
    }
  }
  return null;
}
