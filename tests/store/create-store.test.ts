// createStore(): backend choice, key handling, persistence on disk, and several instances on one PostgreSQL.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/config.ts";
import { HASH_KEY_FILE } from "../../src/store/hash.ts";
import { StoreLockedError } from "../../src/errors.ts";
import { createStore } from "../../src/store/index.ts";
import { migrations } from "../../src/store/migrations.ts";
import type { Store } from "../../src/store/port.ts";
import { createPgClient } from "../../src/store/pg-client.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";
import { type Backend, postgresBackend } from "./backends.ts";

const logger = pino({ level: "silent" });
type StoreConfig = Pick<AppConfig, "NODE_ENV" | "DATA_DIR" | "DATABASE_URL" | "STORE_HASH_KEY" | "RETENTION_DAYS">;
const base: StoreConfig = {
  NODE_ENV: "test",
  DATA_DIR: "unused",
  DATABASE_URL: undefined,
  STORE_HASH_KEY: undefined,
  RETENTION_DAYS: 180,
};

describe("createStore on an unreachable PostgreSQL", () => {
  it("reports an unreachable PostgreSQL clearly", async () => {
    await expect(
      createStore(
        { ...base, DATABASE_URL: "postgres://nobody:x@127.0.0.1:1/none", STORE_HASH_KEY: "k".repeat(32) },
        logger,
      ),
    ).rejects.toThrow(/Cannot connect to PostgreSQL/);
  });
});

describe("createStore with embedded PGlite in DATA_DIR", { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadswijzer-store-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // From a copy of the initialised template like the other tests: a first start on a truly empty DATA_DIR (initdb in a
  // child process, as the server runs it) is tests/app/memory.test.ts's; a second initdb here cost 5 CPU-s and 12 s.
  it("generates a private hash key once and keeps data and hashes across restarts", async () => {
    await seedPgliteDataDir(dir);
    const config: StoreConfig = { ...base, DATA_DIR: dir };
    const first = await createStore(config, logger);
    const run = await first.startChecklistRun("checklist-uittreden", "cli:test");
    const ticked = await first.setChecklistItem(run.runId, "checklist-uittreden#1", "user-1", true);
    await first.recordUnanswered({ question: "Wat is een GR?", bestGuess: "wgr", confidence: 0.4, platform: "cli" });
    await first.close();

    const keyFile = join(dir, HASH_KEY_FILE);
    const key = (await readFile(keyFile, "utf8")).trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const second = await createStore(config, logger);
    try {
      expect((await readFile(keyFile, "utf8")).trim()).toBe(key);
      expect((await second.listUnanswered()).map((u) => u.question)).toEqual(["Wat is een GR?"]);
      const again = await second.setChecklistItem(run.runId, "checklist-uittreden#2", "user-1", true);
      expect(again.ticked.map((t) => t.userHash)).toEqual([ticked.ticked[0]!.userHash, ticked.ticked[0]!.userHash]);
      expect(await second.ping()).toBe(true);
      // A second open of the same folder (another process, or `npm run report` while the bot runs) is refused.
      await expect(createStore(config, logger)).rejects.toBeInstanceOf(StoreLockedError);
      expect((await readFile(join(dir, "pglite.lock"), "utf8")).trim()).toBe(String(process.pid));
    } finally {
      await second.close();
    }
    expect(await second.ping()).toBe(false);
    await expect(stat(join(dir, "pglite.lock"))).rejects.toThrow(/ENOENT/);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const lockDir = await mkdtemp(join(tmpdir(), "raadswijzer-lock-"));
    try {
      // A pid far above pid_max on Linux: never a live process.
      await seedPgliteDataDir(lockDir);
      await writeFile(join(lockDir, "pglite.lock"), "999999999\n");
      const store = await createStore({ ...base, DATA_DIR: lockDir }, logger);
      expect((await readFile(join(lockDir, "pglite.lock"), "utf8")).trim()).toBe(String(process.pid));
      await store.close();
    } finally {
      await rm(lockDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(postgresMissing !== undefined)(
  groupTitle("createStore with PostgreSQL (DATABASE_URL)", postgresMissing),
  { timeout: 60_000 },
  () => {
    let backend: Backend;
    const stores: Store[] = [];
    beforeAll(async () => {
      backend = await postgresBackend(process.env.DATABASE_URL ?? "");
    });
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
    });
    afterAll(async () => {
      await backend?.dispose();
    });

    it("lets two instances start together and share one database", async () => {
      const config: StoreConfig = {
        ...base,
        DATABASE_URL: backend.url,
        STORE_HASH_KEY: "shared-secret-key-0123456789",
      };
      const [a, b] = await Promise.all([createStore(config, logger), createStore(config, logger)]);
      stores.push(a, b);

      const probe = await createPgClient({ connectionString: backend.url ?? "" });
      try {
        const versions = await probe.query<{ version: number }>("SELECT version FROM schema_migrations");
        // Each migration applied exactly once, although both instances started together.
        expect(versions.map((v) => v.version).sort((x, y) => x - y)).toEqual(migrations.map((m) => m.version));
      } finally {
        await probe.close();
      }

      await a.recordFeedback({ entryId: "wgr", helpful: false, comment: "mist de btw", platform: "slack" });
      await b.recordUnanswered({ question: "btw bij een GR?", bestGuess: "wgr", confidence: 0.2, platform: "teams" });
      expect((await b.listFeedback()).map((f) => f.comment)).toEqual(["mist de btw"]);
      expect((await a.listUnanswered()).map((u) => u.question)).toEqual(["btw bij een GR?"]);

      const [runA, runB] = await Promise.all([
        a.startChecklistRun("checklist-uittreden", "slack:C1:1.0"),
        b.startChecklistRun("checklist-uittreden", "slack:C1:1.0"),
      ]);
      expect(runB.runId).toBe(runA.runId);
      await a.setChecklistItem(runA.runId, "checklist-uittreden#1", "U1", true);
      const seen = await b.setChecklistItem(runA.runId, "checklist-uittreden#2", "U1", true);
      expect(seen.ticked).toHaveLength(2);
      expect(seen.ticked[0]!.userHash).toBe(seen.ticked[1]!.userHash);
    });

    it("commits replay records, context and logs without waiting for the WAL flush, everything else durably", async () => {
      const client = await createPgClient({ connectionString: backend.url ?? "" });
      try {
        const setting = async (db: { query: typeof client.query }) =>
          (await db.query<{ synchronous_commit: string }>("SHOW synchronous_commit"))[0]?.synchronous_commit;
        expect(client.relaxed).toBeDefined();
        // Every connection of the relaxed pool, not only the first one it opens.
        const relaxed = await Promise.all([1, 2, 3].map(() => setting(client.relaxed!)));
        expect(relaxed).toEqual(["off", "off", "off"]);
        expect(await setting(client)).toBe("on");
        expect(await client.transaction((tx) => setting(tx))).toBe("on");
      } finally {
        await client.close();
      }
    });
  },
);
