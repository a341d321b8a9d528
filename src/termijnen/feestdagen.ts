// Days on which a statutory term does not end (Algemene termijnenwet, Atw, BWBR0002448): Saturdays, Sundays,
// the "algemeen erkende feestdagen" of art. 3 lid 1, Goede Vrijdag (art. 3 lid 2) and the days designated by
// decision under art. 3 lid 3 (data file gelijkgestelde-dagen.yml). Holidays are computed, not listed per year.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { addDays, fromParts, type IsoDate, parseIsoDate, weekday, yearOf } from "./datum.ts";

/** Easter Sunday (Gregorian calendar; anonymous / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

/**
 * The day the King's birthday is celebrated: 27 April, or Saturday 26 April when the 27th is a Sunday (since
 * 2014). Before 2014 Koninginnedag: 30 April, or Saturday 29 April when the 30th was a Sunday.
 */
export function koningsdag(year: number): IsoDate {
  const day = year >= 2014 ? 27 : 30;
  const date = fromParts(year, 4, day);
  return weekday(date) === 0 ? addDays(date, -1) : date;
}

export interface Feestdag {
  datum: IsoDate;
  naam: string;
  /** Where the day comes from: "art. 3 lid 1 Atw", "art. 3 lid 2 Atw" or the designation decision. */
  grond: string;
}

const designatedSchema = z.object({
  bron: z.string().min(1),
  besluiten: z
    .array(
      z.object({
        titel: z.string().min(1),
        url: z.url().startsWith("https://"),
        dagen: z.array(z.object({ datum: z.string(), naam: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

/** The designated days (art. 3 lid 3 Atw) from the data file, validated. */
export function loadDesignatedDays(file = new URL("./gelijkgestelde-dagen.yml", import.meta.url)): Feestdag[] {
  const data = designatedSchema.parse(parse(readFileSync(file, "utf8")));
  const days: Feestdag[] = [];
  for (const besluit of data.besluiten) {
    for (const d of besluit.dagen) {
      const datum = parseIsoDate(d.datum);
      if (!datum) throw new Error(`gelijkgestelde-dagen.yml: invalid date ${d.datum}`);
      days.push({ datum, naam: d.naam, grond: `art. 3 lid 3 Atw (${besluit.titel})` });
    }
  }
  return days;
}

const DESIGNATED = loadDesignatedDays();

/** The last year for which the data file holds a designation decision (art. 3 lid 3 Atw). */
export const LAATSTE_GELIJKSTELLINGSJAAR = Math.max(...DESIGNATED.map((d) => yearOf(d.datum)));

/**
 * True for a working day next to a feestdag in a year no designation decision covers yet: the kind of day (the
 * Friday after Hemelvaartsdag, a Monday before a Tuesday holiday) that such a decision usually equates with one.
 */
export function misschienGelijkgesteld(date: IsoDate): boolean {
  if (yearOf(date) <= LAATSTE_GELIJKSTELLINGSJAAR || geenWerkdag(date)) return false;
  return feestdagOp(addDays(date, -1)) !== null || feestdagOp(addDays(date, 1)) !== null;
}

/** The algemeen erkende feestdagen and equated days of one year, in date order. */
export function feestdagen(year: number): Feestdag[] {
  const easter = easterSunday(year);
  const lid1 = "art. 3 lid 1 Atw";
  const list: Feestdag[] = [
    { datum: fromParts(year, 1, 1), naam: "Nieuwjaarsdag", grond: lid1 },
    { datum: addDays(easter, -2), naam: "Goede Vrijdag", grond: "art. 3 lid 2 Atw" },
    { datum: addDays(easter, 1), naam: "tweede Paasdag", grond: lid1 },
    { datum: koningsdag(year), naam: "Koningsdag", grond: lid1 },
    { datum: fromParts(year, 5, 5), naam: "5 mei", grond: lid1 },
    { datum: addDays(easter, 39), naam: "Hemelvaartsdag", grond: lid1 },
    { datum: addDays(easter, 50), naam: "tweede Pinksterdag", grond: lid1 },
    { datum: fromParts(year, 12, 25), naam: "eerste Kerstdag", grond: lid1 },
    { datum: fromParts(year, 12, 26), naam: "tweede Kerstdag", grond: lid1 },
    ...DESIGNATED.filter((d) => yearOf(d.datum) === year),
  ];
  return list.sort((a, b) => a.datum.localeCompare(b.datum));
}

const cache = new Map<number, Map<IsoDate, Feestdag>>();

/** The feestdag on this date, or null. */
export function feestdagOp(date: IsoDate): Feestdag | null {
  const year = yearOf(date);
  let days = cache.get(year);
  if (!days) {
    days = new Map(feestdagen(year).map((d) => [d.datum, d]));
    cache.set(year, days);
  }
  return days.get(date) ?? null;
}

/** Why a term cannot end on this day ("zaterdag", "zondag", "Hemelvaartsdag"), or null for a working day. */
export function geenWerkdag(date: IsoDate): string | null {
  const wd = weekday(date);
  if (wd === 6) return "zaterdag";
  if (wd === 0) return "zondag";
  return feestdagOp(date)?.naam ?? null;
}
