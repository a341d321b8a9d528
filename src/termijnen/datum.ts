// Calendar dates without a time of day ("YYYY-MM-DD"), computed in UTC so no time zone or DST can shift a day.

/** A calendar date as "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD"; null for anything else, including impossible dates such as 2027-02-29. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return toIso(date);
}

export const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export const fromParts = (year: number, month: number, day: number): IsoDate =>
  toIso(new Date(Date.UTC(year, month - 1, day)));

const toDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);

export const addDays = (iso: IsoDate, days: number): IsoDate => toIso(new Date(toDate(iso).getTime() + days * DAY_MS));

/** Days from a to b (b - a). */
export const daysBetween = (a: IsoDate, b: IsoDate): number =>
  Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: IsoDate): number => toDate(iso).getUTCDay();

export const yearOf = (iso: IsoDate): number => Number(iso.slice(0, 4));

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 jan + 1 maand = 28/29 feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toIso(target);
}

const WEEKDAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"] as const;
const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "23 november 2026". */
export function formatDatum(iso: IsoDate): string {
  const d = toDate(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "maandag 3 mei 2027". */
export const formatDatumMetDag = (iso: IsoDate): string => `${WEEKDAYS[weekday(iso)]} ${formatDatum(iso)}`;

/** Today's date in Amsterdam for a moment (the griffie's calendar day). */
const AMSTERDAM_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function amsterdamDate(now: Date): IsoDate {
  return AMSTERDAM_DAY.format(now);
}

export const MONTH_NAMES = MONTHS;
