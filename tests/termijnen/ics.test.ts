// The .ics export parses with an independent iCalendar parser (Mozilla's ical.js): one all-day event per
// deadline, on the computed date, with the article in the description.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { run as runTermijn } from "../../src/cli/termijn-run.ts";
import { registerIcs } from "../../src/termijnen/ics.ts";
import { loadRegister } from "../../src/termijnen/register.ts";
import { runCli } from "../support/cli.ts";

interface Parsed {
  uid: string;
  date: string;
  allDay: boolean;
  summary: string;
  description: string;
}

function parse(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe("vcalendar");
  expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  return cal.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      date: e.startDate.toString(),
      allDay: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
    };
  });
}

describe(".ics export", () => {
  it("has one all-day event per deadline in the register, on the computed date", async () => {
    const events = parse(registerIcs(await loadRegister("knowledge/register/voorbeeld-register.yml")));
    expect(events.map((e) => [e.date, e.allDay])).toEqual([
      ["2027-05-03", true],
      ["2027-05-21", true],
      ["2027-07-05", true],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    expect(events[0]!.summary).toBe(
      "Uiterste datum: zienswijze op een ontwerpregeling (treffen, wijzigen, toetreden, uittreden) (ODV)",
    );
    expect(events[0]!.description).toContain("Artikel: art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet");
    expect(events[1]!.description).toContain("Artikel: art. 35 lid 3 Wgr");
  });

  it("npm run termijn -- --ics writes the same calendar to stdout", async () => {
    // In-process (tests/termijnen/cli.test.ts starts the CLI as a process).
    const { code, stdout } = await runCli(runTermijn, [
      "--ics",
      "--register",
      "knowledge/register/voorbeeld-register.yml",
    ]);
    expect(code).toBe(0);
    expect(parse(stdout)).toHaveLength(3);
  });
});
