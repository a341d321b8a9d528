// The hand-off service: shown only with an available griffie chat; stores, then delivers to every available sink;
// a delivery failure of one sink does not stop the others; the Teams target is cached but a set is seen at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandoffService, HandoffNotDeliveredError, type HandoffMessage } from "../../src/core/handoff-service.ts";
import { createLogger } from "../../src/log.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { memoryPgliteClient } from "../support/pglite.ts";

const logger = createLogger({ level: "silent" });

describe("hand-off service", () => {
  let client: SqlClient;
  let store: SqlStore;
  beforeAll(async () => {
    client = await memoryPgliteClient();
    await runMigrations(client);
    store = new SqlStore(client, { hashKey: "test-key-0123456789abcdef", retentionDays: 180 });
  }, 60_000);
  afterAll(() => client?.close());

  const titleOf = (id: string) => (id === "wgr" ? "Wgr" : null);

  it("is off without an available sink, and on with one", async () => {
    const service = createHandoffService({ store, logger, titleOf });
    expect(await service.enabled()).toBe(false);
    let available = false;
    service.addSink({ name: "x", available: async () => available, deliver: async () => undefined });
    expect(await service.enabled()).toBe(false);
    available = true;
    expect(await service.enabled()).toBe(true);
  });

  it("stores the normalised question and delivers it; one failing sink does not stop another", async () => {
    const got: HandoffMessage[] = [];
    const service = createHandoffService({
      store,
      logger,
      titleOf,
      sinks: [
        { name: "broken", available: async () => true, deliver: () => Promise.reject(new Error("down")) },
        { name: "ok", available: async () => true, deliver: async (m) => void got.push(m) },
      ],
    });
    const result = await service.forward({
      question: "  Wie\u0000 betaalt\r\nde pensioenen?  ",
      bestGuess: "wgr",
      platform: "slack",
      userId: "U1",
    });
    expect(result.delivered).toEqual(["ok"]);
    expect(got).toEqual([
      expect.objectContaining({
        question: "Wie betaalt de pensioenen?",
        bestGuess: { id: "wgr", title: "Wgr" },
        askedBy: "U1",
        link: null,
      }),
    ]);
    // An unknown best guess is dropped rather than shown as an id.
    await service.forward({ question: "Nog een", bestGuess: "bestaat-niet", platform: "teams" });
    expect(got[1]!.bestGuess).toBeNull();
    expect((await store.listHandoffs(undefined, "open")).map((h) => h.question)).toContain(
      "Wie betaalt de pensioenen?",
    );
  });

  it("says when no chat received it (the hand-off stays open for the report)", async () => {
    const service = createHandoffService({
      store,
      logger,
      titleOf,
      sinks: [{ name: "broken", available: async () => true, deliver: () => Promise.reject(new Error("down")) }],
    });
    await expect(
      service.forward({ question: "Niemand hoort dit", bestGuess: null, platform: "slack" }),
    ).rejects.toBeInstanceOf(HandoffNotDeliveredError);
    await expect(service.forward({ question: " \u0007 ", bestGuess: null, platform: "slack" })).rejects.toThrow(
      /needs a question/,
    );
  });

  it("reads a target from the store once per period, and sees its own set at once", async () => {
    const service = createHandoffService({ store, logger, titleOf });
    expect(await service.getTarget("teams")).toBeNull();
    await store.setSetting("griffie.teams", "elsewhere");
    // Cached (another instance's change is seen after the cache period).
    expect(await service.getTarget("teams")).toBeNull();
    await service.setTarget("teams", "here");
    expect(await service.getTarget("teams")).toBe("here");
    expect(await store.getSetting("griffie.teams")).toBe("here");
  });
});
