// Dates as the Dutch user reads them (checklist export, griffie report).

const DUTCH_DATE = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/** "23 november 2026" (Dutch, Amsterdam time). */
export const formatDutchDate = (d: Date): string => DUTCH_DATE.format(d);
