// Shared setup for the HTTP, app and browser tests: a small valid knowledge base and a test environment.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seedPgliteDataDir } from "../support/pglite.ts";

export const FIXTURE_KNOWLEDGE = fileURLToPath(new URL("./fixtures/knowledge", import.meta.url));
export const FIXTURE_CHECKLIST = "checklist-uittreden";
export const FIXTURE_TOPIC = "zienswijze-begroting";

/** A temporary DATA_DIR holding a fresh embedded database of its own (a copy of the run's initialised template). */
export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "raadswijzer-test-"));
  await seedPgliteDataDir(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An environment for startApp / app/main.ts: loopback only, any free port, fixture knowledge, no platforms. */
export function testEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
    DATA_DIR: dataDir,
    ...extra,
  };
}
