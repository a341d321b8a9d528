// The refresh clause of checklist cards (adapters/teams/universal-actions.ts): Teams' limits (60 users, 28 KB
// per card) for every checklist in knowledge/, the card still parsing in Microsoft's adaptivecards library, and
// the pieces the end-to-end test relies on (saving only changed ticks, the roster cache, refresh requests).
import { beforeAll, describe, expect, it } from "vitest";
import type { TurnContext } from "botbuilder";
import type { Engine } from "../../../src/engine/types.ts";
import type { Reply } from "../../../src/reply.ts";
import { createLogger } from "../../../src/log.ts";
import { MAX_CARD_BYTES, cardBytes, renderReplyCard, renderMessageCard } from "../../../adapters/teams/render.ts";
import { parseCardAction } from "../../../adapters/teams/actions.ts";
import {
  MAX_REFRESH_USERS,
  ROSTER_TTL_MS,
  RefreshAudience,
  VERB_REFRESH,
  checklistRefOf,
  keepChangedToggles,
  refreshRequestOf,
  withRefresh,
  type RefreshableCard,
} from "../../../adapters/teams/universal-actions.ts";
import { checkCard } from "./adaptive-cards.ts";
import { cardActions, progressFor } from "./helpers.ts";
import { sharedEngine } from "../../support/knowledge.ts";

/** A realistic Teams user MRI (~110 characters), n-th of its kind. */
const mri = (n: number): string =>
  `29:1${"bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvstKp8tKLl-3r8b6DoW0QxZimuTxk_kupZ1DBMpvIQ".slice(0, 100)}${n}`;
const manyUsers = Array.from({ length: 80 }, (_v, i) => mri(i));

/** Every item position of a checklist reply (all ticked). */
const allPositions = (reply: Reply): number[] => (reply.answer?.items ?? []).map((_i, idx) => idx + 1);

const fakeContext = (conversationType: string, conversationId = "19:c@thread.v2", from = "29:me"): TurnContext =>
  ({
    activity: { from: { id: from }, conversation: { id: conversationId, conversationType } },
  }) as unknown as TurnContext;

describe("refresh clause on every checklist card in knowledge/", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine("knowledge");
  });

  it(
    "fits Teams' card size with 60 user MRIs, parses cleanly, and keeps the checklist's actions",
    { timeout: 60_000 },
    async () => {
      const checklists = engine.entries.filter((e) => e.kind === "checklist");
      expect(checklists.length).toBeGreaterThan(0);
      for (const entry of checklists) {
        const reply = engine.replyFor(entry.id)!;
        const markdown = [`# ${entry.title}`, ...entry.items.map((i) => `- [x] ${i.text}`)].join("\n");
        for (const card of [
          renderReplyCard(reply),
          renderReplyCard(reply, { progress: progressFor(reply, allPositions(reply)), exportMarkdown: markdown }),
        ]) {
          const ref = checklistRefOf(card);
          expect(ref, entry.id).toMatchObject({ checklistId: entry.id });
          const refreshed = withRefresh(card, ref!, manyUsers);
          expect(cardBytes(refreshed), entry.id).toBeLessThanOrEqual(MAX_CARD_BYTES);
          expect(refreshed.refresh, entry.id).toBeDefined();
          expect(refreshed.refresh!.userIds.length, entry.id).toBeGreaterThan(0);
          expect(refreshed.refresh!.userIds.length, entry.id).toBeLessThanOrEqual(MAX_REFRESH_USERS);
          expect(refreshed.refresh!.userIds[0]).toBe(manyUsers[0]);
          const { problems, rendered } = await checkCard(refreshed);
          expect(problems, entry.id).toEqual([]);
          expect(rendered, entry.id).toBeDefined();
          // The checklist's own actions still parse as ours, with the ticks the card shows.
          const save = cardActions(refreshed).find((a) => a.verb === "checklistSave")!;
          expect(parseCardAction(save.data), entry.id).not.toBeNull();
          expect((save.data as { shown?: string }).shown).toMatch(/^(\d+(,\d+)*)?$/);
        }
      }
    },
  );

  it("trims userIds to stay under the size limit, and leaves out the clause when not even one fits", async () => {
    const entry = engine.entries.find((e) => e.kind === "checklist")!;
    const card = renderReplyCard(engine.replyFor(entry.id)!);
    const base = cardBytes(card);
    // Pad the card until it sits just under the limit: some users fit, not all 60.
    const padded = {
      ...card,
      body: [...card.body, renderMessageCard("x".repeat(MAX_CARD_BYTES - base - 3_000)).body[0]!],
    };
    const some = withRefresh(padded, { checklistId: entry.id }, manyUsers);
    expect(cardBytes(some)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(some.refresh!.userIds.length).toBeGreaterThan(0);
    expect(some.refresh!.userIds.length).toBeLessThan(MAX_REFRESH_USERS);
    const full = { ...card, body: [...card.body, renderMessageCard("x".repeat(MAX_CARD_BYTES - base - 50)).body[0]!] };
    const none = withRefresh(full, { checklistId: entry.id }, manyUsers) as RefreshableCard;
    expect(none.refresh).toBeUndefined();
    expect(none).toBe(full);
  });

  it("other cards are not checklist cards", () => {
    const topic = engine.entries.find((e) => e.kind === "topic")!;
    expect(checklistRefOf(renderReplyCard(engine.replyFor(topic.id)!))).toBeNull();
    expect(checklistRefOf(renderMessageCard("Hallo"))).toBeNull();
  });
});

describe("saving only the ticks a user changed", () => {
  const parsed = (data: Record<string, unknown>) => {
    const p = parseCardAction(data)!;
    keepChangedToggles(p, data);
    return Object.fromEntries(p.toggles);
  };
  const base = { action: "checklistSave", checklistId: "checklist-uittreden" };

  it("drops toggles equal to what the card showed", () => {
    expect(
      parsed({ ...base, shown: "1,2", "item-1": "true", "item-2": "false", "item-3": "true", "item-4": "false" }),
    ).toEqual({
      2: false,
      3: true,
    });
    expect(parsed({ ...base, shown: "", "item-1": "false", "item-2": "true" })).toEqual({ 2: true });
  });

  it("keeps every toggle for cards without (or with a malformed) shown field", () => {
    expect(parsed({ ...base, "item-1": "false", "item-2": "true" })).toEqual({ 1: false, 2: true });
    expect(parsed({ ...base, shown: "1;DROP", "item-1": "true" })).toEqual({ 1: true });
  });
});

describe("refresh requests", () => {
  it("reads the checklist and run of a refresh action, and nothing else", () => {
    expect(
      refreshRequestOf({ verb: VERB_REFRESH, data: { action: VERB_REFRESH, checklistId: "c", runId: "r" } }),
    ).toEqual({
      checklistId: "c",
      runId: "r",
    });
    expect(refreshRequestOf({ verb: VERB_REFRESH, data: { checklistId: "c" } })).toEqual({ checklistId: "c" });
    expect(refreshRequestOf({ verb: VERB_REFRESH, data: {} })).toBeNull();
    expect(refreshRequestOf({ verb: VERB_REFRESH, data: { checklistId: "x".repeat(201) } })).toBeNull();
    expect(refreshRequestOf({ verb: "checklistSave", data: { checklistId: "c" } })).toBeNull();
  });
});

describe("RefreshAudience", () => {
  const logger = createLogger({ level: "silent" });

  it("puts the acting user first, leaves out bots, caps at 60 and caches the roster per conversation", async () => {
    let calls = 0;
    let now = 1_000;
    const audience = new RefreshAudience(
      async () => {
        calls++;
        return ["28:bot", "29:a", "29:me", ...manyUsers];
      },
      logger,
      () => now,
    );
    const ids = await audience.userIdsFor(fakeContext("groupChat"));
    expect(ids[0]).toBe("29:me");
    expect(ids).not.toContain("28:bot");
    expect(ids).toHaveLength(MAX_REFRESH_USERS);
    expect(new Set(ids).size).toBe(ids.length);
    await audience.userIdsFor(fakeContext("groupChat", "19:c@thread.v2", "29:a"));
    expect(calls).toBe(1);
    now += ROSTER_TTL_MS + 1;
    await audience.userIdsFor(fakeContext("groupChat"));
    expect(calls).toBe(2);
  });

  it("falls back to the acting user when the roster cannot be read, and asks no roster in a personal chat", async () => {
    let calls = 0;
    const audience = new RefreshAudience(async () => {
      calls++;
      throw new Error("403 Forbidden");
    }, logger);
    expect(await audience.userIdsFor(fakeContext("channel"))).toEqual(["29:me"]);
    expect(await audience.userIdsFor(fakeContext("personal", "a:p"))).toEqual(["29:me"]);
    expect(calls).toBe(1);
  });
});
