// One real server per suite for the Teams end-to-end tests: a temp DATA_DIR, the fake Bot Framework connector and
// startApp in anonymous local mode; the connector's captured activities are cleared before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startApp, type RunningApp, type StartOptions } from "../../../app/start.ts";
import { tempDataDir, testEnv } from "../../http/helpers.ts";
import { startFakeConnector, type FakeConnector } from "./helpers.ts";

export const STARTUP_MS = 90_000;

export interface TeamsAppOptions {
  /** Variables on top of testEnv (for example REGISTER_FILE). */
  env?: Record<string, string>;
  connector?: Parameters<typeof startFakeConnector>[0];
  clock?: StartOptions["clock"];
}

/** Inside a describe: starts the suite's server; the returned function gives it (valid from the first beforeEach). */
export function useTeamsApp(options: TeamsAppOptions = {}): () => {
  app: RunningApp;
  connector: FakeConnector;
  endpoint: string;
} {
  let app: RunningApp | undefined;
  let connector: FakeConnector | undefined;
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeAll(async () => {
    data = await tempDataDir();
    connector = await startFakeConnector(options.connector);
    app = await startApp({
      env: testEnv(data.dir, options.env),
      port: 0,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }, STARTUP_MS);
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await data?.remove();
  }, STARTUP_MS);
  beforeEach(() => {
    connector!.captured.length = 0;
  });
  return () => ({ app: app!, connector: connector!, endpoint: `${app!.url}/api/messages` });
}
