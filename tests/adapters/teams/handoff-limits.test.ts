// Teams' card size limit for the cards the 👎 reason and the hand-off add to (adapters/teams/handoff.ts): every
// entry in knowledge/, its card with the reason form and with the thanks plus "Vraag het de griffie", each with the
// longest question a user may ask; the unknown reply with the hand-off; the griffie's card at its longest. Each
// stays within MAX_CARD_BYTES and parses cleanly in Microsoft's adaptivecards library.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/engine/types.ts";
import { MAX_QUESTION_CHARS } from "../../../src/limits.ts";
import { MAX_CARD_BYTES, cardBytes, renderReplyCard } from "../../../adapters/teams/render.ts";
import { griffieCard, withHandoffButton, withReasonForm, withReasonThanks } from "../../../adapters/teams/handoff.ts";
import { checkCard } from "./adaptive-cards.ts";
import { sharedEngine } from "../../support/knowledge.ts";

/** A question of the longest allowed length, with characters that need escaping in JSON. */
const longest =
  `Hoe zit het "precies" met <b>de</b> begroting & de zienswijze? ${"é".repeat(MAX_QUESTION_CHARS)}`.slice(
    0,
    MAX_QUESTION_CHARS,
  );

describe("👎 reason and hand-off cards within Teams' limits", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine("knowledge");
  });

  it("every entry's card with the reason form, and with the thanks and the hand-off", { timeout: 60_000 }, async () => {
    let largest = { bytes: 0, card: null as unknown };
    for (const entry of engine.entries) {
      const reply = engine.replyFor(entry.id)!;
      const base = renderReplyCard(reply);
      for (const card of [withReasonForm(base, entry.id, longest), withReasonThanks(base, entry.id, true, longest)]) {
        const bytes = cardBytes(card);
        expect(bytes, entry.id).toBeLessThanOrEqual(MAX_CARD_BYTES);
        if (bytes > largest.bytes) largest = { bytes, card };
      }
    }
    expect((await checkCard(largest.card)).problems).toEqual([]);
  });

  it("the unknown reply with the hand-off, and the griffie's card at their longest", async () => {
    const unknown = renderReplyCard({
      status: "unknown",
      confidence: 0,
      answer: null,
      alternatives: engine.entries.slice(0, 3).map((e) => ({ id: e.id, title: e.title, score: 0.5 })),
    });
    const withButton = withHandoffButton(unknown, longest, engine.entries[0]!.id);
    expect(cardBytes(withButton)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect((await checkCard(withButton)).problems).toEqual([]);

    const longestTitle = engine.entries.reduce((a, e) => (e.title.length > a.length ? e.title : a), "");
    for (const platform of ["teams", "slack", "preview"] as const) {
      const card = griffieCard({
        id: "h".repeat(40),
        question: longest,
        bestGuess: { id: "x", title: longestTitle },
        platform,
        link: platform === "preview" ? null : `https://teams.microsoft.com/l/message/${"9".repeat(200)}`,
        at: new Date("2026-11-23T10:00:00Z"),
        askedByName: "N".repeat(300),
      });
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect((await checkCard(card)).problems).toEqual([]);
      expect(JSON.stringify(card)).toContain("23 november 2026");
    }
  });
});
