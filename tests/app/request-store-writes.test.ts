// What a Slack request costs the store on the embedded database (issue 9 item 10, issue 16 item 3): the replay
// record stays in the process's memory (PGlite is opened by one process only, so no other instance needs it),
// the log of asked questions is written in batches off the request path, and a replay still acts once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  commandBody,
  sign,
  startFakeSlack,
  type FakeSlack,
} from "../adapters/slack/helpers.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";

let slack: FakeSlack;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let app: RunningApp;

beforeAll(async () => {
  slack = await startFakeSlack();
  data = await tempDataDir();
  app = await startApp({
    env: testEnv(data.dir, {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    }),
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await slack?.close();
  await data?.remove();
});

describe("a signed Slack command on PGlite", () => {
  it("keeps the replay record in memory, answers a replay without effect, and logs the question once", async () => {
    const store = app.store as SqlStore;
    const count = async (table: string) =>
      Number((await store.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
    const body = commandBody("/samenwerken", "zienswijze begroting", slack.responseUrl());
    const timestamp = Math.floor(Date.now() / 1000);
    const send = () =>
      fetch(`${app.url}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(body, timestamp),
        },
        body,
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("blocks");
    const replay = await send();
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe("");
    expect(await count("seen_requests")).toBe(0);
    // listAsked writes the queued rows first.
    expect((await store.listAsked()).map((r) => r.platform)).toEqual(["slack"]);
  });
});
