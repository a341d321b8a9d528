// Which other entries a reply offers is decided once (src/core/offered-entries.ts) for Slack and Teams alike.
import { describe, expect, it } from "vitest";
import { MAX_OFFERED, offeredEntries, suggestedEntries, uniqueById } from "../../src/core/offered-entries.ts";
import type { Alternative, Answer } from "../../src/reply.ts";

const answer = (id: string, related: string[] = []): Answer => ({
  id,
  kind: "topic",
  title: id.toUpperCase(),
  summary: "",
  text: "",
  links: [],
  related: related.map((r) => ({ id: r, title: r.toUpperCase() })),
});
const alt = (id: string, score = 0.5): Alternative => ({ id, title: id.toUpperCase(), score });

describe("offered entries", () => {
  it("each id once, the first wins", () => {
    expect(uniqueById([alt("a", 1), alt("b"), alt("a", 0.1)]).map((a) => [a.id, a.score])).toEqual([
      ["a", 1],
      ["b", 0.5],
    ]);
  });

  it("an ambiguous answer offers the other candidates apart from its related entries, never itself", () => {
    const { others, related } = offeredEntries(answer("x", ["r", "y"]), [alt("x"), alt("y"), alt("z")], true);
    expect(others.map((o) => o.id)).toEqual(["y", "z"]);
    expect(related.map((r) => r.id)).toEqual(["r"]);
  });

  it("a confident answer lists its related entries first, then the runners-up, at most MAX_OFFERED", () => {
    const many = Array.from({ length: 10 }, (_, i) => alt(`s${i}`));
    const { others, related } = offeredEntries(answer("x", ["r", "x"]), [alt("r"), ...many], false);
    expect(others).toEqual([]);
    expect(related.map((r) => r.id)).toEqual(["r", "s0", "s1", "s2", "s3", "s4"]);
    expect(related).toHaveLength(MAX_OFFERED);
  });

  it("a refusal suggests the best guess first", () => {
    expect(suggestedEntries(answer("b"), [alt("a"), alt("b")]).map((s) => s.id)).toEqual(["b", "a"]);
    expect(suggestedEntries(null, [alt("a")]).map((s) => s.id)).toEqual(["a"]);
  });
});
