// Dates as the Dutch user reads them (checklist export, griffie report).

const DUTCH_DATE = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

const DUTCH_CALENDAR_DAY = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "23 november 2026" (Dutch, Amsterdam time). */
export const formatDutchDate = (d: Date): string => DUTCH_DATE.format(d);

/** "2026-11-23" (a calendar date, no time zone) → "23 november 2026"; any other text is returned unchanged. */
export function dutchDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? isoDate : DUTCH_CALENDAR_DAY.format(d);
}
