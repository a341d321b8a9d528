// One real server per suite for the Slack end-to-end tests: a fake Slack Web API, a temp DATA_DIR holding a copy of
// the run's initialised embedded database, and startApp with the real knowledge base and Slack configured against
// the fake API. Like tests/adapters/teams/app-fixture.ts for Teams.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startApp, type RunningApp, type StartOptions } from "../../../app/start.ts";
import { createLogger } from "../../../src/log.ts";
import { seedPgliteDataDir } from "../../support/pglite.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blocksOf,
  eventEnvelope,
  postEvent,
  type FakeSlack,
  startFakeSlack,
  USER_ID,
} from "./helpers.ts";

export const STARTUP_MS = 60_000;

export interface SlackAppOptions {
  /** Variables on top of the Slack test environment (for example REGISTER_FILE). */
  env?: Record<string, string>;
  clock?: StartOptions["clock"];
  /** Clear the fake API's recorded calls before each test (default true). */
  resetBeforeEach?: boolean;
}

export interface SlackApp {
  app: RunningApp;
  slack: FakeSlack;
  dataDir: string;
  /** Where Bolt takes signed events, commands and interactions. */
  eventsUrl: string;
  /** Closes the server and starts a new one on the same DATA_DIR and fake API (a restart). */
  restart(): Promise<void>;
}

/** Inside a describe (or at file level): starts the suite's server; the returned function gives it (valid from the first test). */
export function useSlackApp(options: SlackAppOptions = {}): () => SlackApp {
  let state: SlackApp | undefined;
  const logger = createLogger({ level: "silent" });
  const start = (slack: FakeSlack, dataDir: string): Promise<RunningApp> =>
    startApp({
      env: {
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        KNOWLEDGE_DIR: "knowledge",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        ...options.env,
      },
      port: 0,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  beforeAll(async () => {
    const slack = await startFakeSlack();
    const dataDir = await mkdtemp(join(tmpdir(), "raadswijzer-slack-e2e-"));
    await seedPgliteDataDir(dataDir);
    const app = await start(slack, dataDir);
    const s: SlackApp = {
      app,
      slack,
      dataDir,
      eventsUrl: `http://127.0.0.1:${app.port}/slack/events`,
      async restart() {
        await s.app.close();
        s.app = await start(slack, dataDir);
        s.eventsUrl = `http://127.0.0.1:${s.app.port}/slack/events`;
      },
    };
    state = s;
    // The mount verifies the token once at start (auth.test on the fake API).
    await slack.waitFor("auth.test");
  }, STARTUP_MS);
  afterAll(async () => {
    await state?.app.close();
    await state?.slack.close();
    if (state) await rm(state.dataDir, { recursive: true, force: true });
  });
  if (options.resetBeforeEach ?? true) beforeEach(() => state!.slack.reset());
  return () => state!;
}

/** Opens the App Home tab as USER_ID (a signed app_home_opened event) and returns the views.publish body. */
export async function openAppHome(
  eventsUrl: string,
  slack: FakeSlack,
): Promise<{ user_id?: unknown; view: { type: string; blocks: ReturnType<typeof blocksOf> } }> {
  await postEvent(
    eventsUrl,
    eventEnvelope({
      type: "app_home_opened",
      user: USER_ID,
      channel: "D0DM00001",
      tab: "home",
      event_ts: "1700000400.000100",
    }),
  );
  const [pub] = await slack.waitFor("views.publish");
  return pub!.body as { user_id?: unknown; view: { type: string; blocks: ReturnType<typeof blocksOf> } };
}
