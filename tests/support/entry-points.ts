// The programs tests start as child processes (the server, the CLIs), compiled once per run with esbuild (the
// compiler tsx uses). Through `--import tsx` every child spent ~0.6 s of CPU on tsx's loader hooks and on resolving
// and reading a few hundred source files, and as much again on loading the CommonJS packages (botbuilder, Bolt)
// file by file; from one bundle the server starts in about half the CPU time. The bundle is the same source and the
// same package code; each source file's import.meta.url/dirname/filename stay its own path, so files next to the
// sources (data, static assets, pglite-init.ts) are found as before, and the packages that load files of their own
// stay ordinary imports (EXTERNAL_PACKAGES). `npm start` itself still runs through tsx: tests/app/npm-start.test.ts
// starts it from package.json.
// The bundle is kept between runs (about 2 CPU-s and as many seconds before the first test): a run reuses it when
// every file that went into it (esbuild's metafile: sources and bundled packages) has the same content, and this
// file and package-lock.json are unchanged; otherwise it builds a new one.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";
import { PGLITE_NODE_FLAGS } from "../../src/store/pglite-options.ts";

export const ENTRY_BUNDLE_DIR_KEY = "entryBundleDir";

declare module "vitest" {
  export interface ProvidedContext {
    entryBundleDir: string;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every program a test starts with `node`, relative to the repository root. */
export const ENTRY_POINTS = [
  "app/main.ts",
  "src/cli/ask.ts",
  "src/cli/kb-check.ts",
  "src/cli/kb-learn.ts",
  "src/cli/report.ts",
  "src/cli/termijn.ts",
  "scripts/package-teams.ts",
  "tests/adapters/teams/fixtures/reject-tokens.ts",
] as const;

/**
 * Packages loaded from node_modules as usual rather than bundled: PGlite finds its WebAssembly and data files next
 * to its own modules, pino starts its transports from files, and pg looks for an optional native binding.
 */
const EXTERNAL_PACKAGES = ["@electric-sql/pglite", "pino", "pino-pretty", "thread-stream", "pg", "pg-native"];

const BUNDLE_PREFIX = "entry-points-";
/** In `cacheDir`: which bundle folder is current and the content hash of every file that went into it. */
const CURRENT_FILE = "entry-points-current.json";
/** A superseded bundle is removed once no run can still be using it. */
const SUPERSEDED_AFTER_MS = 3600_000;

export type EntryPoint = (typeof ENTRY_POINTS)[number];

interface CurrentBundle {
  dir: string;
  /** Hash of what decides the build besides its inputs: this file, package-lock.json, the repository path. */
  setup: string;
  /** Content hash of each input, by path relative to ROOT. */
  inputs: Record<string, string>;
}

const sha1 = (data: string | Buffer): string => createHash("sha1").update(data).digest("hex");

async function setupHash(): Promise<string> {
  const own = await readFile(fileURLToPath(import.meta.url));
  const lock = await readFile(join(ROOT, "package-lock.json")).catch(() => Buffer.alloc(0));
  return sha1(`${ROOT}\0${sha1(own)}\0${sha1(lock)}`);
}

async function inputHashes(paths: string[]): Promise<Record<string, string>> {
  const hashes = await Promise.all(paths.map(async (p) => sha1(await readFile(join(ROOT, p)))));
  return Object.fromEntries(paths.map((p, i) => [p, hashes[i]!]));
}

/** The kept bundle folder when nothing that went into it has changed, else undefined. */
async function reusable(cacheDir: string, setup: string): Promise<string | undefined> {
  try {
    const current = JSON.parse(await readFile(join(cacheDir, CURRENT_FILE), "utf8")) as CurrentBundle;
    if (current.setup !== setup || !(await stat(join(cacheDir, current.dir))).isDirectory()) return undefined;
    const now = await inputHashes(Object.keys(current.inputs));
    for (const [path, hash] of Object.entries(current.inputs)) if (now[path] !== hash) return undefined;
    return current.dir;
  } catch {
    return undefined; // no bundle yet, an input is gone, or a half-written record: build
  }
}

/** Removes bundle folders other than `keep` that no run still uses (superseded an hour ago, or left by a killed run). */
async function removeOthers(cacheDir: string, keep: string): Promise<void> {
  const before = Date.now() - SUPERSEDED_AFTER_MS;
  for (const name of await readdir(cacheDir)) {
    if (!name.startsWith(BUNDLE_PREFIX) || name === keep || name === CURRENT_FILE) continue;
    const path = join(cacheDir, name);
    if ((await stat(path)).mtimeMs < before) await rm(path, { recursive: true, force: true });
  }
}

/**
 * The compiled ENTRY_POINTS in a folder under `cacheDir` (inside the repository, so packages resolve from its
 * node_modules): the kept one when still up to date, else a new build. The folder stays for the next run.
 */
export async function bundleEntryPoints(cacheDir: string): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const setup = await setupHash();
  const kept = await reusable(cacheDir, setup);
  if (kept) {
    const now = new Date();
    await utimes(join(cacheDir, kept), now, now); // in use: not superseded for another hour
    await removeOthers(cacheDir, kept);
    return join(cacheDir, kept);
  }
  const out = await buildBundle(cacheDir);
  const current: CurrentBundle = { dir: basename(out.dir), setup, inputs: await inputHashes(out.inputs) };
  const record = join(cacheDir, `${CURRENT_FILE}.${process.pid}`);
  await writeFile(record, JSON.stringify(current));
  await rename(record, join(cacheDir, CURRENT_FILE));
  await removeOthers(cacheDir, current.dir);
  return out.dir;
}

async function buildBundle(cacheDir: string): Promise<{ dir: string; inputs: string[] }> {
  const { build } = await import("esbuild");
  const out = await mkdtemp(join(cacheDir, BUNDLE_PREFIX));
  try {
    const result = await build({
      absWorkingDir: ROOT,
      metafile: true,
      entryPoints: ENTRY_POINTS.map((e) => join(ROOT, e)),
      outbase: ROOT,
      outdir: out,
      bundle: true,
      splitting: true,
      format: "esm",
      // .mjs: Node loads an ES module without first reading its source to detect the format (a .js file outside a
      // package with "type": "module"), about 0.1 CPU-s of every child's start spent on the 7 MB of chunks.
      outExtension: { ".js": ".mjs" },
      platform: "node",
      target: "node20",
      external: [...EXTERNAL_PACKAGES],
      // Bundled CommonJS packages may require() Node's built-ins; in an ES module that needs a require of its own.
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
      },
      keepNames: true,
      logLevel: "error",
      plugins: [
        {
          name: "source-import-meta",
          setup(b) {
            b.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => {
              const source = await readFile(path, "utf8");
              return {
                loader: "ts",
                contents: source
                  .replaceAll("import.meta.dirname", JSON.stringify(dirname(path)))
                  .replaceAll("import.meta.filename", JSON.stringify(path))
                  .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
              };
            });
          },
        },
      ],
    });
    return { dir: out, inputs: Object.keys(result.metafile.inputs) };
  } catch (err) {
    await rm(out, { recursive: true, force: true });
    throw err;
  }
}

function bundleDir(): string | undefined {
  try {
    return inject(ENTRY_BUNDLE_DIR_KEY) || undefined;
  } catch {
    return undefined; // not inside a vitest worker
  }
}

/**
 * Node arguments that run `entry` (a path from ENTRY_POINTS): its compiled bundle, or through tsx when there is
 * none (a file run outside vitest's config). PGLITE_NODE_FLAGS as `npm start` passes them, for the programs that
 * open the embedded database.
 */
export function nodeArgs(entry: EntryPoint): string[] {
  const dir = bundleDir();
  const script = dir ? join(dir, entry.replace(/\.ts$/, ".mjs")) : join(ROOT, entry);
  return dir ? [...PGLITE_NODE_FLAGS, script] : [...PGLITE_NODE_FLAGS, "--import", "tsx", script];
}
