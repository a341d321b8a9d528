// Dutch holidays for the Algemene termijnenwet: computed Easter-based days in several years, Koningsdag's Sunday
// rule, fixed days and the designated days from the data file.
import { describe, expect, it } from "vitest";
import {
  easterSunday,
  feestdagen,
  feestdagOp,
  geenWerkdag,
  koningsdag,
  loadDesignatedDays,
} from "../../src/termijnen/feestdagen.ts";
import { parseIsoDate } from "../../src/termijnen/datum.ts";

describe("easterSunday", () => {
  // Published Easter dates (Gregorian).
  it.each([
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2029, "2029-04-01"],
    [2030, "2030-04-21"],
    [2031, "2031-04-13"],
    [2032, "2032-03-28"],
    [2035, "2035-03-25"],
    [2038, "2038-04-25"], // the latest possible date
    [2285, "2285-03-22"], // the earliest possible date
  ])("%i → %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("Easter-based feestdagen", () => {
  it("2026: Goede Vrijdag 3 april, tweede Paasdag 6 april, Hemelvaartsdag 14 mei, tweede Pinksterdag 25 mei", () => {
    expect(feestdagOp("2026-04-03")?.naam).toBe("Goede Vrijdag");
    expect(feestdagOp("2026-04-06")?.naam).toBe("tweede Paasdag");
    expect(feestdagOp("2026-05-14")?.naam).toBe("Hemelvaartsdag");
    expect(feestdagOp("2026-05-25")?.naam).toBe("tweede Pinksterdag");
  });

  it("2027: Goede Vrijdag 26 maart, tweede Paasdag 29 maart, Hemelvaartsdag 6 mei, tweede Pinksterdag 17 mei", () => {
    expect(feestdagOp("2027-03-26")?.naam).toBe("Goede Vrijdag");
    expect(feestdagOp("2027-03-29")?.naam).toBe("tweede Paasdag");
    expect(feestdagOp("2027-05-06")?.naam).toBe("Hemelvaartsdag");
    expect(feestdagOp("2027-05-17")?.naam).toBe("tweede Pinksterdag");
  });

  it("Goede Vrijdag rests on art. 3 lid 2, the others on lid 1", () => {
    expect(feestdagOp("2025-04-18")?.grond).toBe("art. 3 lid 2 Atw");
    expect(feestdagOp("2025-04-21")?.grond).toBe("art. 3 lid 1 Atw");
  });

  it("Easter Sunday and Whit Sunday are not in the list (they are Sundays anyway)", () => {
    expect(feestdagOp("2027-03-28")).toBeNull();
    expect(geenWerkdag("2027-03-28")).toBe("zondag");
  });
});

describe("koningsdag", () => {
  it("is 27 April on a weekday", () => {
    expect(koningsdag(2027)).toBe("2027-04-27");
    expect(koningsdag(2026)).toBe("2026-04-27");
  });

  it("moves to Saturday 26 April when 27 April is a Sunday (2014, 2025, 2031, 2036)", () => {
    expect(koningsdag(2014)).toBe("2014-04-26");
    expect(koningsdag(2025)).toBe("2025-04-26");
    expect(koningsdag(2031)).toBe("2031-04-26");
    expect(koningsdag(2036)).toBe("2036-04-26");
    expect(geenWerkdag("2031-04-26")).toBe("zaterdag");
    expect(feestdagOp("2025-04-27")).toBeNull();
  });
});

describe("fixed feestdagen and designated days", () => {
  it("has Nieuwjaarsdag, 5 mei and both Kerstdagen every year", () => {
    for (const year of [2026, 2027, 2030]) {
      const names = feestdagen(year).map((d) => d.naam);
      expect(names).toEqual(
        expect.arrayContaining(["Nieuwjaarsdag", "5 mei", "eerste Kerstdag", "tweede Kerstdag", "Koningsdag"]),
      );
    }
    expect(geenWerkdag("2030-05-06")).toBeNull();
  });

  it("reads the designated days of art. 3 lid 3 from the data file, each with its decision", () => {
    const days = loadDesignatedDays();
    expect(days.length).toBeGreaterThanOrEqual(10);
    for (const d of days) expect(parseIsoDate(d.datum)).toBe(d.datum);
    expect(feestdagOp("2027-05-07")?.grond).toMatch(/^art\. 3 lid 3 Atw \(Besluit gelijkstelling/);
    expect(geenWerkdag("2026-01-02")).toMatch(/gelijkgesteld/);
  });

  it("treats an ordinary Friday after Hemelvaartsdag in an undesignated year as a working day", () => {
    // 2030: Hemelvaartsdag 30 May; no decision for 2030 in the data file yet.
    expect(geenWerkdag("2030-05-31")).toBeNull();
  });
});
