// Follow-up questions (src/core/follow-up.ts): which messages may lean on a conversation's context, how they are
// resolved over a black-box engine, and the whole path through the Bot facade with a real store (in-memory PGlite).
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/create-bot.ts";
import {
  asksOnlyAnAspect,
  CUES_FILE,
  combinedQuestion,
  foldedWords,
  followUpCues,
  isOffTopic,
  mayBeFollowUp,
  parseCues,
  resolveFollowUp,
} from "../../src/core/follow-up.ts";
import type { Engine } from "../../src/engine/types.ts";
import type { Reply } from "../../src/reply.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import type { Store } from "../../src/store/port.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { truncateAll } from "../store/backends.ts";
import { memoryPgliteClient } from "../support/pglite.ts";
import { HELP, answerReply, entries, fakeEngine } from "./fixtures.ts";
import { sharedEngine } from "../support/knowledge.ts";

const logger = pino({ level: "silent" });
const MINUTE = 60_000;
const UNKNOWN: Reply = { status: "unknown", confidence: 0.1, answer: null, alternatives: [] };
const ZIENSWIJZE = entries.find((e) => e.id === "zienswijze-begroting")!;
const UITTREDEN = entries.find((e) => e.id === "uittreden-gr")!;
/** The fake engine's threshold is 0.6; answerReply() has confidence 0.9. */
const THRESHOLD = 0.6;
const lowAnswer = (id: string): Reply => ({ ...answerReply(id), status: "ambiguous", confidence: 0.4 });

describe("which messages may be follow-ups", () => {
  const may = (text: string, own: Reply = UNKNOWN) => mayBeFollowUp(text, own, THRESHOLD);

  it("folds case and accents into plain words", () => {
    expect(foldedWords("Wíe beslist DÁT? En de BVO…")).toEqual(["wie", "beslist", "dat", "en", "de", "bvo"]);
  });

  it("short messages that open like a follow-up, also without a question mark and with an answer of their own", () => {
    expect(may("en de termijn?")).toBe(true);
    expect(may("En bij een bedrijfsvoeringsorganisatie")).toBe(true);
    expect(may("maar wie beslist?", answerReply("rol-van-de-raad"))).toBe(true);
    expect(may("Hoe zit het met de kosten?", answerReply("uittreden-gr"))).toBe(true);
  });

  it("short questions that refer back, even when the engine answers them on its own", () => {
    expect(may("wie beslist dat?")).toBe(true);
    expect(may("Wat kost dat?", answerReply("uittreden-gr"))).toBe(true);
    expect(may("geldt die ook voor een BVO?")).toBe(true);
    expect(may("hoe werkt het?", answerReply("wgr"))).toBe(true);
  });

  it("short questions the engine cannot answer confidently on their own", () => {
    expect(may("de termijn?")).toBe(true);
    expect(may("welke termijn", lowAnswer("zienswijze-begroting"))).toBe(true);
  });

  it("not a new, complete question, a long message, a remark, help or an empty message", () => {
    expect(may("Wat is een gemeenschappelijke regeling?", answerReply("wgr"))).toBe(false);
    expect(may("Hoe stapt een gemeente uit een GR?", answerReply("uittreden-gr"))).toBe(false);
    // Longer than max_words: a complete question, whatever it starts with.
    expect(may("En hoe geeft de raad een zienswijze op de begroting van een GR?")).toBe(false);
    expect(followUpCues.maxWords).toBeLessThan(
      foldedWords("En hoe geeft de raad een zienswijze op de begroting").length,
    );
    expect(may("ok")).toBe(false);
    expect(may("dank u, dat is duidelijk")).toBe(false);
    expect(may("hallo", HELP)).toBe(false);
    expect(may("   ")).toBe(false);
  });

  it("reads the cue lists from a data file and names the file and field of a mistake", () => {
    expect(followUpCues.openers.some((o) => o.join(" ") === "en")).toBe(true);
    expect(followUpCues.references.has("dat")).toBe(true);
    const bad =
      "version: 1\nmax_words: 8\nopeners: [En]\nquestion_words: []\nreferences: []\nfinal_references: []\naspects: []\nsmall_words: []\n";
    expect(() => parseCues(bad)).toThrow(`${CUES_FILE}: openers.0: must be folded words`);
    expect(() => parseCues("version: 1\n")).toThrow(/max_words/);
    expect(() => parseCues(bad.replace("[En]", "[en, maar, en]"))).toThrow(
      `${CUES_FILE}: openers: "en" is listed twice`,
    );
  });
});

describe("a message that asks only about a side of the previous topic", () => {
  const only = (t: string) => asksOnlyAnAspect(foldedWords(t));
  it("has no topic of its own: its words are an opener, small words and an aspect", () => {
    expect(only("en de termijn?")).toBe(true);
    expect(only("Hoe zit het met de kosten?")).toBe(true);
    expect(only("en wie beslist dan?")).toBe(true);
  });
  it("has one when a word names something else, or when it asks about no aspect at all", () => {
    expect(only("en bij een BVO?")).toBe(false);
    expect(only("en bij uittreden?")).toBe(false);
    expect(only("en de termijn van de GGD?")).toBe(false);
    expect(only("en dat?")).toBe(false);
  });
});

describe("off-topic messages that look like follow-ups", () => {
  it("are no follow-ups when the engine knows none of their content words and they refer back to nothing", () => {
    const words = (t: string) => foldedWords(t);
    expect(isOffTopic(words("en wat eten we vanavond?"), { known: 0, unknown: 1 })).toBe(true);
    expect(isOffTopic(words("en hoe is het weer?"), { known: 0, unknown: 0 })).toBe(true);
    expect(isOffTopic(words("en de termijn?"), { known: 1, unknown: 0 })).toBe(false);
    expect(isOffTopic(words("en wie betaalt de sushi?"), { known: 1, unknown: 1 })).toBe(false);
    // Nothing the base knows, but it points back: "hoe werkt dat?", "wie beslist het?".
    expect(isOffTopic(words("hoe werkt dat?"), { known: 0, unknown: 0 })).toBe(false);
    expect(isOffTopic(words("wie beslist het?"), { known: 0, unknown: 1 })).toBe(false);
    expect(mayBeFollowUp("en hoe is het weer?", UNKNOWN, THRESHOLD, followUpCues, { known: 0, unknown: 0 })).toBe(
      false,
    );
    // A question that neither opens like a follow-up nor points back, with a word the base does not know, is new.
    expect(mayBeFollowUp("wat kost een brood", UNKNOWN, THRESHOLD, followUpCues, { known: 1, unknown: 1 })).toBe(false);
    expect(mayBeFollowUp("de termijn?", UNKNOWN, THRESHOLD, followUpCues, { known: 1, unknown: 0 })).toBe(true);
    expect(mayBeFollowUp("wat kost dat brood?", UNKNOWN, THRESHOLD, followUpCues, { known: 1, unknown: 1 })).toBe(true);
    // Without the engine's count (an engine without topicWords) the cues alone decide, as before.
    expect(mayBeFollowUp("en hoe is het weer?", UNKNOWN, THRESHOLD)).toBe(true);
  });

  describe("with the real engine and knowledge base", () => {
    let engine: Engine;
    let now: Date;
    let client: SqlClient;
    let store: SqlStore;
    beforeAll(async () => {
      engine = await sharedEngine(join(import.meta.dirname, "../../knowledge"));
      client = await memoryPgliteClient();
      await runMigrations(client);
      store = new SqlStore(client, { hashKey: "follow-up-test-key-0123", retentionDays: 180, clock: () => now });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await truncateAll(client);
      now = new Date("2026-12-02T09:00:00Z");
    });

    it("refuses an off-topic follow-up like any off-topic question, and still answers a real one", async () => {
      const bot = createBot({ engine, store, logger });
      const c1 = { platform: "slack", conversation: "slack:C1:1700000000.000100" } as const;
      const first = await bot.ask("Hoe geeft de raad een zienswijze op de begroting van een GR?", c1);
      expect(first.answer?.id).toBeDefined();
      for (const text of [
        "en hoe is het weer?",
        "en wat eten we vanavond?",
        "maar wie wint de voetbalwedstrijd?",
        "en hoe laat is het nu?",
        "ok, en het weer morgen?",
      ]) {
        const reply = await bot.ask(text, c1);
        expect(reply.followUp, text).toBeUndefined();
        expect(reply.status, text).toBe("unknown");
      }
      // A new question without "en …" or a word pointing back, about something the base does not know, is not read
      // in the context either: the previous answer would otherwise come back for it.
      for (const text of ["wat kost een brood", "wat kost een lidmaatschap van de sportclub?"]) {
        const reply = await bot.ask(text, c1);
        expect(reply.followUp, text).toBeUndefined();
        expect(reply.status, text).toBe("unknown");
      }
      // The context survives the off-topic messages: a real follow-up still leans on it.
      const follow = await bot.ask("en wie beslist dat?", c1);
      expect(follow.status).not.toBe("unknown");
      expect(follow.followUp?.entryId).toBe(first.answer?.id);
    });

    it("answers 'en de termijn?' with the entry that gives the term of the zienswijze asked about", async () => {
      const bot = createBot({ engine, store, logger });
      for (const [first, id, term] of [
        ["Wat is een zienswijze?", "zienswijze", "8 weken"],
        ["Hoe geeft de raad een zienswijze op de begroting van een GR?", "zienswijze-begroting", "12 weken"],
      ] as const) {
        const c = { platform: "slack", conversation: `slack:C2:${id}` } as const;
        expect((await bot.ask(first, c)).answer?.id).toBe(id);
        const follow = await bot.ask("en de termijn?", c);
        expect(follow.status).toBe("answer");
        expect(follow.answer?.id).toBe(id);
        expect(follow.answer?.text).toContain(term);
        expect(follow.followUp?.entryId).toBe(id);
      }
    });
  });
});

describe("resolving a follow-up over the engine", () => {
  const combined = (text: string, prev = ZIENSWIJZE) => combinedQuestion(prev.title, text);

  it("lets the previous entry break a tie: a confident combined reply on it becomes an answer", () => {
    const tied: Reply = {
      ...answerReply(ZIENSWIJZE.id),
      status: "ambiguous",
      confidence: 0.99,
      alternatives: [{ id: "checklist-zienswijze", title: "Checklist", score: 0.97 }],
    };
    const engine = fakeEngine({ [combined("en de termijn?")]: tied });
    const reply = resolveFollowUp(engine, "en de termijn?", UNKNOWN, ZIENSWIJZE);
    expect(reply.status).toBe("answer");
    expect(reply.answer?.id).toBe(ZIENSWIJZE.id);
    expect(reply.alternatives.map((a) => a.id)).toEqual(["checklist-zienswijze"]);
    expect(reply.followUp?.entryId).toBe(ZIENSWIJZE.id);
  });

  it("asks with the previous entry's title as context, and marks the answer as a follow-up", () => {
    expect(combined("en de termijn?")).toBe(`${ZIENSWIJZE.title}. en de termijn?`);
    const engine = fakeEngine({ [combined("en de termijn?")]: answerReply("checklist-zienswijze") });
    const reply = resolveFollowUp(engine, "en de termijn?", UNKNOWN, ZIENSWIJZE);
    expect(reply.answer?.id).toBe("checklist-zienswijze");
    expect(reply.followUp).toEqual({ entryId: ZIENSWIJZE.id, title: ZIENSWIJZE.title });
  });

  it("may answer with the previous entry again when the message has no answer of its own", () => {
    const engine = fakeEngine({ [combined("wie beslist dat?")]: answerReply("zienswijze-begroting") });
    const reply = resolveFollowUp(engine, "wie beslist dat?", UNKNOWN, ZIENSWIJZE);
    expect(reply.answer?.id).toBe("zienswijze-begroting");
    expect(reply.followUp?.entryId).toBe("zienswijze-begroting");
  });

  it("keeps the message's own reply when the combined one is not confident", () => {
    const engine = fakeEngine({ [combined("en de termijn?")]: lowAnswer("checklist-zienswijze") });
    expect(resolveFollowUp(engine, "en de termijn?", UNKNOWN, ZIENSWIJZE)).toBe(UNKNOWN);
  });

  it("keeps the message's own answer when the context only repeats the previous entry", () => {
    const own = answerReply("uittreden-gr");
    const engine = fakeEngine({ [combined("en bij uittreden?")]: answerReply("zienswijze-begroting") });
    expect(resolveFollowUp(engine, "en bij uittreden?", own, ZIENSWIJZE)).toBe(own);
  });

  it("keeps the message's own, unsure reply when the context repeats the previous entry and it names its own topic", () => {
    const own = lowAnswer("uittreden-gr");
    const engine = fakeEngine({
      [combined("en bij uittreden?")]: answerReply("zienswijze-begroting"),
      [combined("en de kosten?")]: answerReply("zienswijze-begroting"),
    });
    expect(resolveFollowUp(engine, "en bij uittreden?", own, ZIENSWIJZE)).toBe(own);
    // "kosten" is not in the unsure entry's title: the context wins.
    expect(resolveFollowUp(engine, "en de kosten?", own, ZIENSWIJZE).followUp?.entryId).toBe("zienswijze-begroting");
  });

  it("keeps the message's own answer, without a note, when the context changes nothing", () => {
    const own = answerReply("uittreden-gr");
    const engine = fakeEngine({ [combined("en wat kost dat?", UITTREDEN)]: answerReply("uittreden-gr") });
    expect(resolveFollowUp(engine, "en wat kost dat?", own, UITTREDEN)).toBe(own);
  });

  it("prefers the combined answer on a third topic over the message's own answer", () => {
    const own = answerReply("wgr");
    const engine = fakeEngine({ [combined("en de raad?")]: answerReply("rol-van-de-raad") });
    const reply = resolveFollowUp(engine, "en de raad?", own, ZIENSWIJZE);
    expect(reply.answer?.id).toBe("rol-van-de-raad");
    expect(reply.followUp?.entryId).toBe("zienswijze-begroting");
  });
});

describe("follow-ups through the Bot facade and the store", () => {
  let client: SqlClient;
  let store: SqlStore;
  let now: Date;
  const FIRST = "Hoe geeft de raad een zienswijze op de begroting?";
  const FOLLOW = "en de termijn?";
  const script = () =>
    fakeEngine({
      [FIRST]: answerReply("zienswijze-begroting"),
      [combinedQuestion(ZIENSWIJZE.title, FOLLOW)]: answerReply("checklist-zienswijze"),
      "Hoe stapt een gemeente uit een GR?": answerReply("uittreden-gr"),
    });
  const makeBot = (engine = script(), s: Store = store, followUpMs?: number) =>
    createBot({ engine, store: s, logger, ...(followUpMs === undefined ? {} : { followUpMs }) });
  const rows = () => client.query<{ entry_id: string }>("SELECT entry_id FROM conversation_context");

  beforeAll(async () => {
    client = await memoryPgliteClient();
    await runMigrations(client);
    store = new SqlStore(client, { hashKey: "follow-up-test-key-0123", retentionDays: 180, clock: () => now });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await truncateAll(client);
    now = new Date("2026-12-02T09:00:00Z");
  });

  it("answers a follow-up from the context of its own conversation only", async () => {
    const engine = script();
    const bot = makeBot(engine);
    const thread = "slack:C1:1700000100.000100";
    expect((await bot.ask(FIRST, { platform: "slack", conversation: thread })).answer?.id).toBe("zienswijze-begroting");
    const followUp = await bot.ask(FOLLOW, { platform: "slack", conversation: thread });
    expect(followUp.answer?.id).toBe("checklist-zienswijze");
    expect(followUp.followUp).toEqual({ entryId: "zienswijze-begroting", title: ZIENSWIJZE.title });
    // The follow-up's answer is the thread's context now.
    expect((await store.getConversationContext(thread))?.entryId).toBe("checklist-zienswijze");

    // Another thread in the same channel has no context: the message stands alone.
    const other = await bot.ask(FOLLOW, { platform: "slack", conversation: "slack:C1:1700000999.000100" });
    expect(other.status).toBe("unknown");
    expect(other.followUp).toBeUndefined();
    // Without a conversation (a slash command, the CLI) nothing is read or written.
    expect((await bot.ask(FOLLOW, { platform: "slack" })).followUp).toBeUndefined();
    expect(await rows()).toHaveLength(1);
    // An unknown reply is recorded for the editors as usual; the follow-up that was answered is not.
    expect((await store.listUnanswered()).map((r) => r.question)).toEqual([FOLLOW, FOLLOW]);
  });

  it("ignores the context for a new, complete question (and does not even ask the engine with it)", async () => {
    const engine = script();
    const bot = makeBot(engine);
    await bot.ask(FIRST, { platform: "teams", conversation: "teams:a" });
    const reply = await bot.ask("Hoe stapt een gemeente uit een GR?", { platform: "teams", conversation: "teams:a" });
    expect(reply.answer?.id).toBe("uittreden-gr");
    expect(reply.followUp).toBeUndefined();
    expect(engine.asked.some((q) => q.startsWith(ZIENSWIJZE.title))).toBe(false);
    expect((await store.getConversationContext("teams:a"))?.entryId).toBe("uittreden-gr");
  });

  it("forgets the context after FOLLOW_UP_MINUTES since the last answer", async () => {
    const bot = makeBot(script(), store, 30 * MINUTE);
    await bot.ask(FIRST, { platform: "preview", conversation: "preview:s1" });
    now = new Date(now.getTime() + 29 * MINUTE);
    expect((await bot.ask(FOLLOW, { platform: "preview", conversation: "preview:s1" })).followUp).toBeDefined();
    // The follow-up's answer restarted the clock: 29 minutes after it, still alive; 31, gone.
    await bot.ask(FIRST, { platform: "preview", conversation: "preview:s1" });
    now = new Date(now.getTime() + 31 * MINUTE);
    const late = await bot.ask(FOLLOW, { platform: "preview", conversation: "preview:s1" });
    expect(late.status).toBe("unknown");
    expect(late.followUp).toBeUndefined();
  });

  it("keeps the context when a reply is help or unknown", async () => {
    const bot = makeBot();
    await bot.ask(FIRST, { platform: "teams", conversation: "teams:b" });
    await bot.ask("hallo", { platform: "teams", conversation: "teams:b" });
    await bot.ask("blorp zwix", { platform: "teams", conversation: "teams:b" });
    expect((await bot.ask(FOLLOW, { platform: "teams", conversation: "teams:b" })).followUp?.entryId).toBe(
      "zienswijze-begroting",
    );
  });

  it("with FOLLOW_UP_MINUTES=0 stores nothing and answers every message on its own", async () => {
    const bot = makeBot(script(), store, 0);
    await bot.ask(FIRST, { platform: "teams", conversation: "teams:c" });
    expect((await bot.ask(FOLLOW, { platform: "teams", conversation: "teams:c" })).status).toBe("unknown");
    expect(await rows()).toEqual([]);
  });

  it("answers on its own when the store fails, and says nothing about the conversation in the log", async () => {
    const failing = Object.create(store) as SqlStore;
    failing.getConversationContext = async () => {
      throw new Error("connection lost while reading teams:secret");
    };
    failing.setConversationContext = async () => {
      throw new Error("connection lost");
    };
    const lines: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    const bot = createBot({ engine: script(), store: failing, logger: log });
    expect((await bot.ask(FIRST, { platform: "teams", conversation: "teams:secret" })).answer?.id).toBe(
      "zienswijze-begroting",
    );
    expect((await bot.ask(FOLLOW, { platform: "teams", conversation: "teams:secret" })).status).toBe("unknown");
    expect(lines.join("")).toContain("conversation context");
    expect(lines.join("")).not.toContain("secret");
  });

  it("ignores a context whose entry is gone after a knowledge reload", async () => {
    await store.setConversationContext("teams:d", "entry-removed-since", 30 * MINUTE);
    const reply = await makeBot().ask(FOLLOW, { platform: "teams", conversation: "teams:d" });
    expect(reply.status).toBe("unknown");
  });
});
