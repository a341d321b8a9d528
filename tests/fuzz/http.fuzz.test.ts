// Seeded, bounded fuzzing over HTTP through the real server (startApp): signed Slack commands and bodies,
// Teams activities (anonymous local mode, replies to a fake connector) and the preview API. Never a 5xx;
// nothing the bot sends to Slack carries an unescaped mention or an unsafe link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { FIXTURE_TOPIC, tempDataDir, testEnv } from "../http/helpers.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  commandBody,
  postSigned,
  startFakeSlack,
  type FakeSlack,
} from "../adapters/slack/helpers.ts";
import { messageActivity, postActivity, startFakeConnector, type FakeConnector } from "../adapters/teams/helpers.ts";
import { mrkdwnTexts, slackProblems, teamsProblems } from "./checks.ts";
import { hostileText, prng, randomJson } from "./generate.ts";

const SEED = 4242;
const ROUNDS = 50; // × 6 requests

describe("fuzz over HTTP", () => {
  let app: RunningApp;
  let slack: FakeSlack;
  let connector: FakeConnector;
  let data: Awaited<ReturnType<typeof tempDataDir>>;

  beforeAll(async () => {
    data = await tempDataDir();
    slack = await startFakeSlack();
    connector = await startFakeConnector();
    app = await startApp({
      env: testEnv(data.dir, {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
      }),
    });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await slack?.close();
    await connector?.close();
    await data?.remove();
  });

  it(`${ROUNDS * 6} hostile requests: never a 5xx, clean output`, async () => {
    const rand = prng(SEED);
    const slackUrl = `${app.url}/slack/events`;
    const teamsUrl = `${app.url}/api/messages`;
    const failures: string[] = [];
    const pending: Promise<void>[] = [];
    const check = async (label: string, res: Promise<Response>) => {
      const r = await res;
      await r.arrayBuffer();
      if (r.status >= 500) failures.push(`${label}: ${r.status}`);
    };
    for (let i = 0; i < ROUNDS; i++) {
      const text = hostileText(rand, 8);
      await check(
        `slack command ${i}`,
        postSigned(
          slackUrl,
          commandBody("/samenwerken", text, slack.responseUrl()),
          "application/x-www-form-urlencoded",
        ),
      );
      // Bodies no listener handles are held by Bolt until its unhandled-request timeout (3 s): run them side by side.
      pending.push(
        check(
          `slack body ${i}`,
          postSigned(
            slackUrl,
            rand() < 0.5 ? JSON.stringify(randomJson(rand)) : hostileText(rand, 4),
            rand() < 0.5 ? "application/json" : "application/x-www-form-urlencoded",
          ),
        ),
      );
      await check(`teams message ${i}`, postActivity(teamsUrl, messageActivity(text, { serviceUrl: connector.url })));
      const junk = randomJson(rand);
      await check(
        `teams junk ${i}`,
        fetch(teamsUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(junk && typeof junk === "object" ? { ...junk, serviceUrl: connector.url } : junk),
        }),
      );
      await check(
        `preview ask ${i}`,
        fetch(`${app.url}/preview/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ q: text }),
        }),
      );
      await check(
        `preview feedback ${i}`,
        fetch(`${app.url}/preview/api/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(
            rand() < 0.8
              ? { entryId: FIXTURE_TOPIC, helpful: rand() < 0.5, comment: hostileText(rand, 5) }
              : randomJson(rand),
          ),
        }),
      );
    }
    await Promise.all(pending);
    expect(failures).toEqual([]);
    const sent = slack
      .answers()
      .flatMap((c) => [...mrkdwnTexts(c.body), ...(typeof c.body.text === "string" ? [c.body.text] : [])]);
    expect(sent.flatMap(slackProblems).slice(0, 5)).toEqual([]);
    expect(connector.captured.flatMap((c) => teamsProblems(c.body)).slice(0, 5)).toEqual([]);
  }, 120_000);
});
