// The rules table and the Algemene termijnenwet: every kind of term with its boundary cases.
import { describe, expect, it } from "vitest";
import { berekenTermijn, pasAtwToe, TermijnInvoerFout } from "../../src/termijnen/bereken.ts";
import { addMonths, parseIsoDate } from "../../src/termijnen/datum.ts";
import { atwUitgezonderd, REGELS, SOORTEN } from "../../src/termijnen/regels.ts";

describe("the two worked examples (README)", () => {
  it("ontwerpregeling received Saturday 6 March 2027: 8 weeks end Saturday 1 May, moved to Monday 3 May", () => {
    const r = berekenTermijn("ontwerpregeling", "2027-03-06");
    expect(r).toMatchObject({ einde: "2027-05-03", verlengd: true });
    expect(r.artikel).toBe("art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet");
    expect(r.regel).toContain("zaterdag 1 mei 2027");
    expect(r.regel).toContain("maandag 3 mei 2027");
  });

  it("begroting received Friday 26 February 2027: 12 weeks end Friday 21 May, a working day", () => {
    const r = berekenTermijn("begroting", "2027-02-26");
    expect(r).toMatchObject({ einde: "2027-05-21", verlengd: false, artikel: "art. 35 lid 3 Wgr" });
  });
});

describe("forward terms and the Algemene termijnenwet", () => {
  it("a term ending on a Sunday runs to Monday", () => {
    // 2026-03-01 is a Sunday; 8 weeks before it: 2026-01-04.
    expect(berekenTermijn("ontwerpregeling", "2026-01-04")).toMatchObject({ einde: "2026-03-02", verlengd: true });
  });

  it("a term ending on a working day is not moved", () => {
    expect(berekenTermijn("ontwerpregeling", "2026-01-05")).toMatchObject({ einde: "2026-03-02", verlengd: false });
  });

  it("Goede Vrijdag → past the weekend and tweede Paasdag to Tuesday", () => {
    // 8 weeks before Goede Vrijdag 2026-04-03 is 2026-02-06.
    const r = berekenTermijn("ontwerpregeling", "2026-02-06");
    expect(r).toMatchObject({ einde: "2026-04-07", verlengd: true });
    expect(r.regel).toContain("Goede Vrijdag");
  });

  it("Hemelvaartsdag plus the designated Friday → the next Monday (2027)", () => {
    // 12 weeks before Thursday 2027-05-06 is 2027-02-11.
    expect(berekenTermijn("begroting", "2027-02-11")).toMatchObject({ einde: "2027-05-10", verlengd: true });
  });

  it("tweede Pinksterdag → Tuesday", () => {
    // 2027-05-17 minus 8 weeks = 2027-03-22.
    expect(berekenTermijn("ontwerpregeling", "2027-03-22")).toMatchObject({ einde: "2027-05-18", verlengd: true });
  });

  it("Koningsdag on a Tuesday (2027-04-27) → Wednesday", () => {
    expect(berekenTermijn("ontwerpregeling", "2027-03-02")).toMatchObject({ einde: "2027-04-28", verlengd: true });
  });

  it("5 mei, Hemelvaartsdag and the designated Friday in a row (2027) → Monday 10 May", () => {
    // 2027-03-10 + 8 weeks = Wednesday 5 May → Thursday 6 May is Hemelvaartsdag, Friday 7 May designated → Monday 10 May.
    expect(berekenTermijn("ontwerpregeling", "2027-03-10")).toMatchObject({ einde: "2027-05-10", verlengd: true });
  });

  it("5 mei counts every year, not only in a lustrum year: Tuesday 5 May 2026 → Wednesday 6 May", () => {
    const r = berekenTermijn("ontwerpregeling", "2026-03-10");
    expect(r).toMatchObject({ einde: "2026-05-06", verlengd: true });
    expect(r.regel).toContain("dinsdag 5 mei 2026 (5 mei)");
  });

  it("a 12-week term over 29 February 2028 ends on the same weekday, 84 calendar days later", () => {
    // 2028-02-25 (Friday) + 84 days: 4 days of February (leap year), 31, 30, 19 → Friday 19 May 2028.
    expect(berekenTermijn("begroting", "2028-02-25")).toMatchObject({ einde: "2028-05-19", verlengd: false });
  });

  it("Christmas: tweede Kerstdag on a Saturday 2027 → Monday 27 December", () => {
    // 2027-12-25 is a Saturday; 8 weeks earlier: 2027-10-30.
    expect(berekenTermijn("ontwerpregeling", "2027-10-30")).toMatchObject({ einde: "2027-12-27", verlengd: true });
  });

  it("Nieuwjaarsdag 2026 (Thursday) and the designated Friday 2 January → Monday 5 January", () => {
    expect(berekenTermijn("ontwerpregeling", "2025-11-06")).toMatchObject({ einde: "2026-01-05", verlengd: true });
  });

  it("counts across 29 February in a leap year (2028)", () => {
    // 2028-02-10 + 8 weeks = 2028-04-06 (Thursday); without the leap day it would be 7 April.
    expect(berekenTermijn("ontwerpregeling", "2028-02-10")).toMatchObject({ einde: "2028-04-06", verlengd: false });
    expect(berekenTermijn("ontwerpregeling", "2027-02-10")).toMatchObject({ einde: "2027-04-07", verlengd: false });
  });

  it("names the article once when the rule's sentence already does (begrotingswijziging)", () => {
    const r = berekenTermijn("begrotingswijziging", "2027-04-12");
    expect(r.regel.match(/\(art\. 35 Wgr\)/g)).toHaveLength(1);
    expect(r.regel).toContain("kijk dus ook in de regeling zelf. Uiterste datum: maandag 5 juli 2027.");
  });

  it("a begrotingswijziging has the same 12 weeks (art. 35 Wgr)", () => {
    expect(berekenTermijn("begrotingswijziging", "2027-02-26")).toMatchObject({
      einde: "2027-05-21",
      artikel: "art. 35 Wgr",
    });
  });
});

describe("terms the Algemene termijnenwet does not move", () => {
  it("a term counted backwards stays on a Sunday (art. 1 lid 2 Atw)", () => {
    const r = berekenTermijn("toezending-ontwerpbegroting", "2027-07-04");
    expect(r).toMatchObject({ einde: "2027-04-11", verlengd: false, artikel: "art. 35 lid 1 Wgr" });
    expect(r.regel).toContain("art. 1 lid 2 Atw");
  });

  it("art. 4 lid 1 onder a: more than 12 weeks, 90 days or 3 months is excluded; exactly 12 weeks is not", () => {
    expect(atwUitgezonderd({ aantal: 12, eenheid: "weken" })).toBe(false);
    expect(atwUitgezonderd({ aantal: 13, eenheid: "weken" })).toBe(true);
    expect(atwUitgezonderd({ aantal: 90, eenheid: "dagen" })).toBe(false);
    expect(atwUitgezonderd({ aantal: 91, eenheid: "dagen" })).toBe(true);
    expect(atwUitgezonderd({ aantal: 3, eenheid: "maanden" })).toBe(false);
    expect(atwUitgezonderd({ aantal: 4, eenheid: "maanden" })).toBe(true);
  });

  it("fixed dates: 'vóór 30 april' is 29 April, not moved; after it, next year's", () => {
    expect(berekenTermijn("kaders", "2027-01-10")).toMatchObject({
      einde: "2027-04-29",
      verlengd: false,
      artikel: "art. 34b Wgr",
    });
    expect(berekenTermijn("voorlopige-jaarrekening", "2027-04-29")).toMatchObject({ einde: "2027-04-29" });
    expect(berekenTermijn("voorlopige-jaarrekening", "2027-04-30")).toMatchObject({ einde: "2028-04-29" });
    // 29 April 2028 is a Saturday: a fixed date is shown as in the law.
    expect(berekenTermijn("kaders", "2028-01-01")).toMatchObject({ einde: "2028-04-29", verlengd: false });
  });
});

describe("two weeks after vaststelling, but before a fixed date", () => {
  it("begroting-naar-gs: two weeks when that is earlier than 15 September", () => {
    expect(berekenTermijn("begroting-naar-gs", "2027-07-01")).toMatchObject({
      einde: "2027-07-15",
      artikel: "art. 34 lid 2 Wgr",
    });
  });

  it("begroting-naar-gs: the fixed date (14 September) when two weeks would be later", () => {
    expect(berekenTermijn("begroting-naar-gs", "2027-09-05")).toMatchObject({ einde: "2027-09-14", verlengd: false });
  });

  it("jaarrekening: two weeks, moved by the Atw when they end on a Saturday", () => {
    // 2027-06-05 (Saturday) + 2 weeks = Saturday 19 June → Monday 21 June.
    expect(berekenTermijn("jaarrekening", "2027-06-05")).toMatchObject({ einde: "2027-06-21", verlengd: true });
  });

  it("jaarrekening: 14 July when two weeks would be later", () => {
    expect(berekenTermijn("jaarrekening", "2027-07-10")).toMatchObject({ einde: "2027-07-14" });
  });
});

describe("Atw art. 2", () => {
  it("stretches a 3-day term so it holds two working days", () => {
    // Thursday 2026-12-24 + 3 days = Sunday 27 Dec; 25, 26 are Kerstdagen, so the term holds no working day yet:
    // art. 2 takes it to Tuesday 29 December (28 and 29 December are working days).
    const r = pasAtwToe("2026-12-24", "2026-12-27");
    expect(r.einde).toBe("2026-12-29");
    expect(r.stappen[0]).toContain("art. 2 Atw");
  });
});

describe("every rule", () => {
  it("has an article, a Dutch rule and a known kind; output always names the article", () => {
    expect(SOORTEN).toEqual(
      expect.arrayContaining([
        "ontwerpregeling",
        "begroting",
        "begrotingswijziging",
        "kaders",
        "voorlopige-jaarrekening",
        "jaarrekening",
        "begroting-naar-gs",
      ]),
    );
    for (const r of REGELS) {
      expect(r.artikel).toMatch(/^art\. \d+[a-z]?( lid \d+)? Wgr$/);
      const out = berekenTermijn(r.soort, "2027-03-01");
      expect(out.artikel.startsWith(r.artikel)).toBe(true);
      expect(out.regel).toContain(r.artikel);
      expect(parseIsoDate(out.einde)).toBe(out.einde);
    }
  });

  it("throws a Dutch input error for an unknown kind", () => {
    expect(() => berekenTermijn("onzin", "2027-03-01")).toThrow(TermijnInvoerFout);
    expect(() => berekenTermijn("onzin", "2027-03-01")).toThrow(/Onbekende soort termijn/);
  });
});

describe("dates", () => {
  it("rejects impossible dates and accepts leap days", () => {
    expect(parseIsoDate("2027-02-29")).toBeNull();
    expect(parseIsoDate("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDate("2027-13-01")).toBeNull();
    expect(parseIsoDate("6 maart")).toBeNull();
  });

  it("adds months to the last day of a shorter month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
  });
});

describe("years without a designation decision (art. 3 lid 3 Atw)", () => {
  it("warns when the deadline is a working day next to a feestdag in such a year, and only then", () => {
    // 2029: Easter 1 April, Hemelvaartsdag Thursday 10 May; the Friday after is not (yet) designated.
    const r = berekenTermijn("ontwerpregeling", "2029-03-16");
    expect(r).toMatchObject({ einde: "2029-05-11", verlengd: false });
    expect(r.regel).toContain(
      "Let op: voor 2029 is nog geen besluit bekend dat dagen gelijkstelt met een feestdag (art. 3 lid 3 Atw), en vrijdag 11 mei 2029 ligt naast een feestdag.",
    );
    expect(berekenTermijn("ontwerpregeling", "2029-03-23").regel).not.toContain("Let op");
    // 2027 is covered by a decision: the Friday after Hemelvaartsdag is a feestdag there, no warning.
    expect(berekenTermijn("ontwerpregeling", "2027-03-12").regel).not.toContain("Let op");
  });
});
