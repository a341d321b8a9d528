// vitest globalSetup, prepared once per run and shared by the projects (vitest calls it once per project):
// - an initialised embedded database (PostgreSQL's initdb inside PGlite, several CPU-seconds) made once and kept as a
//   template. Every test that needs a fresh database gets its own copy (tests/support/pglite.ts), so isolation stays
//   as before, but no test waits for initdb. The template depends only on the PGlite version, TEMPLATE_FORM and the
//   store's migrations, so it is kept between runs in node_modules/.cache (built in a temporary folder and renamed,
//   never half-written);
// - the child-process bundles (entry-points.ts; kept for the next run while their sources are unchanged);
// - a temp folder on tmpfs for the workers (TMPDIR), removed after the run with whatever a test left in it.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { runMigrations } from "../../src/store/migrations.ts";
import { createPgliteClient } from "../../src/store/pglite-client.ts";
import { bundleEntryPoints, ENTRY_BUNDLE_DIR_KEY } from "./entry-points.ts";
import { TEMPLATE_DIR_KEY } from "./pglite.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "raadswijzer-tests");
const TMPFS = "/dev/shm";
const TMPFS_MIN_FREE = 2 * 1024 ** 3;
const TMPFS_PREFIX = "raadswijzer-tests-";

/** Names how buildTemplate makes the template; change it when buildTemplate changes (a new cache entry). */
const TEMPLATE_FORM = "slim1";

async function buildTemplate(target: string): Promise<void> {
  await mkdir(CACHE, { recursive: true });
  const work = await mkdtemp(join(CACHE, "building-"));
  try {
    // 1 MB WAL segments instead of 16 MB, and only the `postgres` database the store uses (no template0/1): the
    // copy every test makes is 15 MB instead of 39 MB, which takes a third less CPU to copy and to open.
    const db = await PGlite.create(join(work, "pglite"), { initDbStartParams: ["--wal-segsize=1"] });
    await db.exec("UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')");
    await db.exec("DROP DATABASE template0");
    await db.exec("DROP DATABASE template1");
    await db.exec("CHECKPOINT");
    const dump = await db.dumpDataDir("none");
    await db.close();
    await writeFile(join(work, "pglite.tar"), Buffer.from(await dump.arrayBuffer()));
    // The folder tests copy into a DATA_DIR also has the store's migrations applied: a server or store started on a
    // copy then only finds them applied (about 120 CPU-ms less per copy). The tar (memoryPgliteClient) stays
    // unmigrated for the store tests that run migrations themselves.
    const client = await createPgliteClient(join(work, "pglite"));
    try {
      await runMigrations(client);
      await client.query("CHECKPOINT");
    } finally {
      await client.close();
    }
    await rename(work, target).catch(async (err: NodeJS.ErrnoException) => {
      // Another run finished the same template first: use theirs.
      if (!existsSync(join(target, "pglite.tar"))) throw err;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A folder of this run's own on tmpfs (/dev/shm), or undefined where there is none with room to spare (macOS, a
 * container's 64 MB /dev/shm). Tests copy the template into a temp folder and PGlite writes and fsyncs its files
 * there: on the disk that cost more CPU time (mostly in the kernel) than the tests' own work.
 */
async function memoryTempDir(): Promise<string | undefined> {
  try {
    // A run killed before its teardown leaves its folder behind, in memory: remove those older than a day.
    const dayAgo = Date.now() - 24 * 3600_000;
    for (const name of await readdir(TMPFS)) {
      const path = join(TMPFS, name);
      if (name.startsWith(TMPFS_PREFIX) && (await stat(path)).mtimeMs < dayAgo)
        await rm(path, { recursive: true, force: true });
    }
    const fs = await statfs(TMPFS);
    if (fs.bavail * fs.bsize < TMPFS_MIN_FREE) return undefined;
    return await mkdtemp(join(TMPFS, TMPFS_PREFIX));
  } catch {
    return undefined;
  }
}

/** Removes templates of other PGlite versions or forms (up to 80 MB each) from the cache. */
async function removeOtherTemplates(current: string): Promise<void> {
  for (const name of await readdir(CACHE)) {
    const path = join(CACHE, name);
    if (name.startsWith("pglite-template-") && path !== current) await rm(path, { recursive: true, force: true });
  }
}

interface RunResources {
  template: string;
  bundles: string;
  users: number;
  teardown(): Promise<void>;
}

/** Shared by the projects' globalSetup calls in this process: vitest runs globalSetup once per project. */
const RUN = Symbol.for("raadswijzer.tests.run-resources");
type WithRun = typeof globalThis & { [RUN]?: Promise<RunResources> };

async function prepareRun(): Promise<RunResources> {
  const pkg = JSON.parse(
    await readFile(join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ) as { version: string };
  const migrations = await readFile(join(ROOT, "src", "store", "migrations.ts"));
  const migrationsHash = createHash("sha1").update(migrations).digest("hex").slice(0, 10);
  const template = join(CACHE, `pglite-template-${pkg.version}-${TEMPLATE_FORM}-${migrationsHash}`);
  if (!existsSync(join(template, "pglite.tar"))) await buildTemplate(template);
  await removeOtherTemplates(template);
  // The programs tests start as child processes, compiled once for this run (see entry-points.ts).
  const bundles = await bundleEntryPoints(CACHE);
  // The workers inherit this environment, so os.tmpdir() there (tempDataDir, mkdtemp) is the memory folder.
  const tmp = await memoryTempDir();
  if (tmp) process.env.TMPDIR = tmp;
  return {
    template,
    bundles,
    users: 0,
    async teardown() {
      // The bundles stay for the next run (entry-points.ts reuses them while their sources are unchanged).
      if (tmp) await rm(tmp, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = globalThis as WithRun;
  const run = await (shared[RUN] ??= prepareRun());
  run.users++;
  project.provide(TEMPLATE_DIR_KEY, run.template);
  project.provide(ENTRY_BUNDLE_DIR_KEY, run.bundles);
  return async () => {
    if (--run.users === 0) {
      delete shared[RUN];
      await run.teardown();
    }
  };
}
