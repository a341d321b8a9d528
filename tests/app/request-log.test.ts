// Request ids and access logs through the real frameworks: a signed Slack command into Bolt and a Teams activity
// into botbuilder, on the real server (startApp). Each gets one info access line with its request id, every line
// logged while it is handled carries that id, and the user's text is nowhere in the log.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { createLogger } from "../../src/log.ts";
import { BOT_TOKEN, SIGNING_SECRET, postCommand, startFakeSlack, type FakeSlack } from "../adapters/slack/helpers.ts";
import { messageActivity, postActivity, startFakeConnector, type FakeConnector } from "../adapters/teams/helpers.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const QUESTION = "Hoe geeft de raad een zienswijze op de begroting";

let text = "";
const lines = (): Line[] =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Line);

let app: RunningApp;
let slack: FakeSlack;
let connector: FakeConnector;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  slack = await startFakeSlack();
  connector = await startFakeConnector();
  data = await tempDataDir();
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  app = await startApp({
    env: testEnv(data.dir, {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    }),
    logger: createLogger({ level: "debug", destination }),
  });
  await slack.waitFor("auth.test");
  // Let the start-up's auth.test finish logging before the tests look at what each request logs.
  await sleep(300);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await slack?.close();
  await connector?.close();
  await data?.remove();
});

/** Lines logged between two moments, by their `time`. */
const linesSince = (from: number): Line[] => lines().filter((l) => Number(l.time) >= from);

describe("request ids and access logs through Bolt and botbuilder", () => {
  it("Slack: one info access line with the request id; every line of the request has it; no user text", async () => {
    const from = Date.now();
    const res = await postCommand(`${app.url}/slack/events`, "/samenwerken", QUESTION, slack.responseUrl(), {
      headers: { "x-request-id": "slack-req-1" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("slack-req-1");
    await sleep(200);

    const during = linesSince(from);
    const access = during.filter((l) => l.msg === "request");
    expect(access).toEqual([
      expect.objectContaining({ level: 30, reqId: "slack-req-1", method: "POST", path: "/slack/events", status: 200 }),
    ]);
    // Bolt's own debug lines (through the adapter's logger bridge) are part of the request too.
    expect(during.length).toBeGreaterThan(1);
    for (const line of during) expect(line.reqId, JSON.stringify(line)).toBe("slack-req-1");
    expect(text).not.toContain("zienswijze op de begroting");
  });

  it("Teams: one info access line with the request id; every line of the request has it; no user text", async () => {
    const from = Date.now();
    const res = await postActivity(
      `${app.url}/api/messages`,
      messageActivity(QUESTION, { serviceUrl: connector.url }),
      {
        "x-request-id": "teams-req-1",
      },
    );
    expect(res.status).toBeLessThan(300);
    await connector.waitFor(1);
    await sleep(200);

    const during = linesSince(from);
    expect(during.filter((l) => l.msg === "request")).toEqual([
      expect.objectContaining({ level: 30, reqId: "teams-req-1", method: "POST", path: "/api/messages" }),
    ]);
    expect(during.some((l) => l.msg === "teams message")).toBe(true);
    for (const line of during) expect(line.reqId, line.msg).toBe("teams-req-1");
    expect(text).not.toContain("zienswijze op de begroting");
  });
});
