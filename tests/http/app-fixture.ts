// One real server per suite for the HTTP, preview and browser tests: a temp DATA_DIR holding a copy of the run's
// initialised embedded database, and startApp with the fixture knowledge base and no platforms (testEnv). For
// Slack or Teams configured against a fake platform API see tests/adapters/*/app-fixture.ts.
import { afterAll, beforeAll } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { tempDataDir, testEnv } from "./helpers.ts";

export const START_TIMEOUT = 180_000;

/** Inside a describe (or at file level): starts the suite's server; the returned function gives it (valid from the first test). */
export function useTestApp(extra: Record<string, string> = {}): () => RunningApp {
  let app: RunningApp | undefined;
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeAll(async () => {
    data = await tempDataDir();
    app = await startApp({ env: testEnv(data.dir, extra) });
  }, START_TIMEOUT);
  afterAll(async () => {
    await app?.close();
    await data?.remove();
  });
  return () => app!;
}
