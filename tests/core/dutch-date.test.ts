// Dates read as Dutch text wherever an answer shows when it was checked (Slack, Teams, the preview page).
import { describe, expect, it } from "vitest";
import { dutchDate } from "../../src/core/dutch-date.ts";
import { messages } from "../../src/core/messages.ts";

describe("dutchDate", () => {
  it("writes an ISO date as day, Dutch month name and year", () => {
    expect(dutchDate("2026-11-23")).toBe("23 november 2026");
    expect(dutchDate("2026-01-05")).toBe("5 januari 2026");
    expect(dutchDate("2025-03-31")).toBe("31 maart 2025");
  });

  it("does not shift the day in any time zone (the date is a calendar date, not an instant)", () => {
    expect(dutchDate("2026-12-31")).toBe("31 december 2026");
    expect(dutchDate("2026-01-01")).toBe("1 januari 2026");
  });

  it("leaves anything that is not a YYYY-MM-DD date unchanged", () => {
    expect(dutchDate("gisteren")).toBe("gisteren");
    expect(dutchDate("2026-1-5")).toBe("2026-1-5");
  });

  it("is what the 'updated' line says", () => {
    expect(messages.updated("2026-11-23")).toBe("Inhoud gecontroleerd op 23 november 2026");
  });
});
