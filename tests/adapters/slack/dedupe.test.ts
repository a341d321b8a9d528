import { describe, expect, it } from "vitest";
import { EventDeduper } from "../../../adapters/slack/dedupe.ts";

describe("EventDeduper", () => {
  it("answers an event id once within the TTL, again after it", () => {
    let now = 1_000;
    const d = new EventDeduper({ ttlMs: 60_000, now: () => now });
    expect(d.firstTime("Ev1")).toBe(true);
    expect(d.firstTime("Ev1")).toBe(false);
    expect(d.firstTime("Ev2")).toBe(true);
    now += 60_001;
    expect(d.firstTime("Ev1")).toBe(true);
  });

  it("keeps at most maxEntries ids, dropping the oldest", () => {
    const d = new EventDeduper({ maxEntries: 3 });
    for (const id of ["a", "b", "c", "d"]) expect(d.firstTime(id)).toBe(true);
    expect(d.size).toBe(3);
    expect(d.firstTime("d")).toBe(false);
    expect(d.firstTime("a")).toBe(true);
  });

  it("drops expired ids as new ones arrive", () => {
    let now = 0;
    const d = new EventDeduper({ ttlMs: 10, now: () => now });
    d.firstTime("x");
    d.firstTime("y");
    now = 100;
    d.firstTime("z");
    expect(d.size).toBe(1);
  });
});
