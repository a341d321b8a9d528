import { describe, expect, it } from "vitest";
import { createTermAnalyzer, groupQuestions, jaccard, questionTerms } from "../../src/report/similarity.ts";

const at = (day: number): Date => new Date(Date.UTC(2026, 10, day, 12));
const rows = (...qs: [string, number][]) => qs.map(([question, day]) => ({ question, at: at(day) }));

describe("questionTerms and jaccard", () => {
  it("folds case and accents, drops stop words and stems", () => {
    expect(questionTerms("Hoe zit het met de BTW bij een GR?")).toEqual(questionTerms("btw gr"));
    expect(questionTerms("Wat is de rol van de raad?")).toEqual(questionTerms("ROL RAAD"));
    expect(questionTerms("Wat is een enquête?")).toEqual(questionTerms("enquete"));
    expect(questionTerms("uittreden")).toEqual(questionTerms("Uittreden!"));
  });

  it("maps synonyms to one term", () => {
    const terms = createTermAnalyzer([
      ["gr", "gemeenschappelijke regeling"],
      ["uittreden", "stoppen", "eruit stappen"],
    ]);
    expect(terms("btw bij een gemeenschappelijke regeling")).toEqual(terms("btw GR"));
    expect(terms("eruit stappen uit de GR")).toEqual(terms("uittreden gr"));
    expect(terms("btw bij een gemeenschappelijke regeling")).not.toEqual(questionTerms("btw GR"));
  });

  it("computes Jaccard similarity", () => {
    expect(jaccard(["a", "b"], ["a", "b"])).toBe(1);
    expect(jaccard(["a", "b", "c"], ["a", "b"])).toBeCloseTo(2 / 3);
    expect(jaccard(["a"], ["b"])).toBe(0);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard(["a"], [])).toBe(0);
  });
});

describe("groupQuestions", () => {
  it("groups similar questions, most asked first", () => {
    const groups = groupQuestions(
      rows(
        ["Wie betaalt de pensioenen?", 20],
        ["Hoe zit het met de btw bij een GR?", 1],
        ["Wat kost uittreden uit de GR?", 2],
        ["btw bij GR", 3],
        ["Hoe zit het met de BTW bij een GR", 4],
        ["Wat kost uittreden?", 5],
      ),
    );
    expect(groups.map((g) => g.members.map((m) => m.question))).toEqual([
      ["Hoe zit het met de btw bij een GR?", "btw bij GR", "Hoe zit het met de BTW bij een GR"],
      ["Wat kost uittreden?", "Wat kost uittreden uit de GR?"],
      ["Wie betaalt de pensioenen?"],
    ]);
  });

  it("keeps questions apart below the threshold", () => {
    // {btw, gr} vs {btw, gemeent, subsidie}: 1/4 < 0.5
    const groups = groupQuestions(rows(["btw GR", 1], ["btw subsidie gemeente", 2]));
    expect(groups).toHaveLength(2);
    expect(groupQuestions(rows(["btw GR", 1], ["btw subsidie gemeente", 2]), { threshold: 0.2 })).toHaveLength(1);
  });

  it("compares with the group's representative, so groups do not drift by chaining", () => {
    // a b ~ a b c (2/3), a b c ~ b c d (2/4) but a b vs b c d is 1/4: the last one must not join via the middle one.
    const groups = groupQuestions(
      rows(["alfa beta", 1], ["alfa beta", 2], ["alfa beta gamma", 3], ["beta gamma delta", 4]),
    );
    expect(groups.map((g) => g.members.length)).toEqual([3, 1]);
  });

  it("breaks ties by the most recent question and handles stop-word-only questions", () => {
    const groups = groupQuestions(
      rows(["uittreden", 1], ["pensioen", 9], ["Wat is dat?", 5], ["wat is DAT", 6], ["Hoe dan?", 7]),
    );
    expect(groups.map((g) => g.members[0]!.question)).toEqual(["Wat is dat?", "pensioen", "Hoe dan?", "uittreden"]);
    expect(groups[0]!.members).toHaveLength(2);
  });

  it("returns nothing for no questions", () => {
    expect(groupQuestions([])).toEqual([]);
  });
});
