// Two instances (startApp twice, different ports) on ONE PostgreSQL, as behind a load balancer: a Slack event
// delivered to both is answered once, a checklist ticked through one shows on the other, a follow-up through one
// is answered from the thread context written through the other, and closing one in the
// middle of a load loses no acknowledged write while the other keeps answering. Needs DATABASE_URL (CI starts a
// PostgreSQL); each run gets a schema of its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { messages } from "../../src/core/messages.ts";
import { createLogger } from "../../src/log.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockActions,
  blockText,
  blocksOf,
  eventEnvelope,
  findButton,
  mentionEvent,
  postAction,
  postCommand,
  postEvent,
  startFakeSlack,
  type FakeSlack,
} from "../adapters/slack/helpers.ts";
import { FIXTURE_CHECKLIST, FIXTURE_TOPIC, tempDataDir, testEnv } from "../http/helpers.ts";
import { type Backend, postgresBackend } from "../store/backends.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";

const HASH_KEY = "two-instances-hash-key-0123456789";

describe.skipIf(postgresMissing !== undefined)(
  groupTitle("two instances on one PostgreSQL", postgresMissing),
  { timeout: 60_000 },
  () => {
    let backend: Backend;
    let slack: FakeSlack;
    const dirs: { remove(): Promise<void> }[] = [];
    let a: RunningApp;
    let b: RunningApp;
    const eventsUrl = (app: RunningApp) => `http://127.0.0.1:${app.port}/slack/events`;

    async function start(): Promise<RunningApp> {
      const data = await tempDataDir();
      dirs.push(data);
      return startApp({
        env: testEnv(data.dir, {
          DATABASE_URL: backend.url!,
          STORE_HASH_KEY: HASH_KEY,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_API_URL: slack.apiUrl,
        }),
        port: 0,
        logger: createLogger({ level: "silent" }),
      });
    }

    beforeAll(async () => {
      backend = await postgresBackend(process.env.DATABASE_URL ?? "");
      slack = await startFakeSlack();
      [a, b] = await Promise.all([start(), start()]);
      expect(a.port).not.toBe(b.port);
      await slack.waitFor("auth.test", 2);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await slack?.close();
      await backend?.dispose();
      await Promise.all(dirs.map((d) => d.remove()));
    });

    beforeEach(() => slack.reset());

    it("answers the same signed event delivered to both instances once", async () => {
      const envelope = eventEnvelope(mentionEvent("zienswijze op de begroting"));
      const [ra, rb] = await Promise.all([postEvent(eventsUrl(a), envelope), postEvent(eventsUrl(b), envelope)]);
      // Both acknowledge (Slack must not retry), only one answers.
      expect([ra.status, rb.status]).toEqual([200, 200]);
      await slack.waitFor("chat.postMessage");
      // A second delivery (Slack's retry) to either instance is skipped too.
      expect((await postEvent(eventsUrl(b), envelope)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(slack.of("chat.postMessage")).toHaveLength(1);
      // A different event is answered as usual.
      await postEvent(eventsUrl(b), eventEnvelope(mentionEvent("zienswijze op de begroting")));
      await slack.waitFor("chat.postMessage", 2);
    });

    it("shows a checklist ticked through one instance on the other", async () => {
      const checklist = a.bot.listChecklists().find((c) => c.id === FIXTURE_CHECKLIST)!;
      const open = async (app: RunningApp) => {
        const res = await postCommand(eventsUrl(app), "/checklist", checklist.title, slack.responseUrl());
        expect(res.status).toBe(200);
        return blocksOf((await res.json()) as Record<string, unknown>);
      };
      const opened = await open(a);
      expect(blockText(opened)).toContain(messages.checklistProgress(0, checklist.itemCount));
      const firstGroup = opened.find((x) => x.type === "input")!;
      await postAction(
        eventsUrl(a),
        blockActions(
          {
            type: "checkboxes",
            action_id: "checklist_tick",
            block_id: String(firstGroup.block_id),
            selected_options: [{ value: "1" }, { value: "2" }],
          },
          { responseUrl: slack.responseUrl(), ephemeral: true },
        ),
      );
      await slack.waitFor("response_url");
      // The same channel opens the same run through the other instance, with both ticks.
      const seen = await open(b);
      expect(String(findButton(seen, "checklist_export")!.value)).toBe(
        String(findButton(opened, "checklist_export")!.value),
      );
      expect(blockText(seen)).toContain(messages.checklistProgress(2, checklist.itemCount));
    });

    it("answers a follow-up through one instance from the thread's context written through the other", async () => {
      const root = "1700000700.000100";
      const mention = (text: string, ts: string, thread?: string) =>
        eventEnvelope(mentionEvent(text, { ts, event_ts: ts, ...(thread ? { thread_ts: thread } : {}) }));
      await postEvent(eventsUrl(a), mention("Hoe geeft de raad een zienswijze op de begroting van een GR?", root));
      await slack.waitFor("chat.postMessage");
      await postEvent(eventsUrl(b), mention("wie beslist dat?", "1700000701.000100", root));
      const [, followUp] = await slack.waitFor("chat.postMessage", 2);
      const title = a.bot.answerById(FIXTURE_TOPIC).answer!.title;
      expect(blockText(blocksOf(followUp!.body))).toContain(messages.followUpNote(title));
    });

    it("loses no acknowledged write when one instance closes mid-load, and the other keeps answering", async () => {
      const acknowledged: string[] = [];
      const refused: string[] = [];
      // An unknown question is stored (for the editors' report) before its answer is acknowledged.
      const ask = async (app: RunningApp, question: string): Promise<void> => {
        try {
          const res = await postCommand(eventsUrl(app), "/samenwerken", question, slack.responseUrl());
          if (res.status === 200) acknowledged.push(question);
          else refused.push(question);
        } catch {
          refused.push(question); // connection refused or reset: never acknowledged
        }
      };
      const load = (app: RunningApp, tag: string, n: number): Promise<void> =>
        (async () => {
          for (let i = 0; i < n; i++) await Promise.all([0, 1, 2].map((k) => ask(app, `blorpq zwix ${tag} ${i}-${k}`)));
        })();
      const onB = load(b, "b", 20);
      // Close A once it has acknowledged a few rounds: its in-flight requests finish, later ones are refused.
      let closing: Promise<void> | undefined;
      const onA = (async () => {
        for (let i = 0; i < 20; i++) {
          await Promise.all([0, 1, 2].map((k) => ask(a, `blorpq zwix a ${i}-${k}`)));
          if (i === 3) closing = a.close();
        }
      })();
      await Promise.all([onA, onB]);
      await closing;
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((q) => q.includes(" a "))).toBe(true);

      const fromB = acknowledged.filter((q) => q.includes(" b "));
      expect(fromB).toHaveLength(60); // every request to the survivor was answered
      expect(acknowledged.some((q) => q.includes(" a "))).toBe(true);
      const stored = new Set((await b.store.listUnanswered()).map((u) => u.question));
      for (const q of acknowledged) expect(stored, q).toContain(q);
      // And it still answers a question afterwards.
      const res = await postCommand(eventsUrl(b), "/samenwerken", "zienswijze begroting", slack.responseUrl());
      expect(res.status).toBe(200);
      expect(blockText(blocksOf((await res.json()) as Record<string, unknown>))).toContain(
        b.bot.answerById(FIXTURE_TOPIC).answer!.title,
      );
    });
  },
);
