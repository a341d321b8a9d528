// vitest globalSetup: an initialised embedded database (PostgreSQL's initdb inside PGlite, several CPU-seconds) made
// once and kept as a template. Every test that needs a fresh database gets its own copy (tests/support/pglite.ts),
// so isolation stays as before, but no test waits for initdb. The template depends only on the PGlite version, so
// it is kept between runs in node_modules/.cache (built in a temporary folder and renamed, never half-written).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { bundleEntryPoints, ENTRY_BUNDLE_DIR_KEY } from "./entry-points.ts";
import { TEMPLATE_DIR_KEY } from "./pglite.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "raadswijzer-tests");

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
    await rename(work, target).catch(async (err: NodeJS.ErrnoException) => {
      // Another run finished the same template first: use theirs.
      if (!existsSync(join(target, "pglite.tar"))) throw err;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pkg = JSON.parse(
    await readFile(join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ) as { version: string };
  const template = join(CACHE, `pglite-template-${pkg.version}-${TEMPLATE_FORM}`);
  if (!existsSync(join(template, "pglite.tar"))) await buildTemplate(template);
  project.provide(TEMPLATE_DIR_KEY, template);
  // The programs tests start as child processes, compiled once for this run (see entry-points.ts).
  const bundles = await bundleEntryPoints(CACHE);
  project.provide(ENTRY_BUNDLE_DIR_KEY, bundles);
  return () => rm(bundles, { recursive: true, force: true });
}
