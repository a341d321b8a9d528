// The programs tests start as child processes (the server, the CLIs), compiled once per run with esbuild (the
// compiler tsx uses). Through `--import tsx` every child spent ~0.6 s of CPU on tsx's loader hooks and on resolving
// and reading a few hundred source files, and as much again on loading the CommonJS packages (botbuilder, Bolt)
// file by file; from one bundle the server starts in about half the CPU time. The bundle is the same source and the
// same package code; each source file's import.meta.url/dirname/filename stay its own path, so files next to the
// sources (data, static assets, pglite-init.ts) are found as before, and the packages that load files of their own
// stay ordinary imports (EXTERNAL_PACKAGES). `npm start` itself still runs through tsx: tests/app/npm-start.test.ts
// and memory.test.ts start it from package.json.
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
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

export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** Removes bundles older than a day: left behind by a run that was killed before its teardown. */
async function removeLeftovers(cacheDir: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await readdir(cacheDir)) {
    if (!name.startsWith(BUNDLE_PREFIX)) continue;
    const path = join(cacheDir, name);
    if ((await stat(path)).mtimeMs < dayAgo) await rm(path, { recursive: true, force: true });
  }
}

/**
 * Compiles ENTRY_POINTS into a new folder under `cacheDir` (inside the repository, so packages resolve from its
 * node_modules) and returns the folder; the caller removes it after the run.
 */
export async function bundleEntryPoints(cacheDir: string): Promise<string> {
  const { build } = await import("esbuild");
  await mkdir(cacheDir, { recursive: true });
  await removeLeftovers(cacheDir);
  const out = await mkdtemp(join(cacheDir, BUNDLE_PREFIX));
  try {
    await build({
      entryPoints: ENTRY_POINTS.map((e) => join(ROOT, e)),
      outbase: ROOT,
      outdir: out,
      bundle: true,
      splitting: true,
      format: "esm",
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
  } catch (err) {
    await rm(out, { recursive: true, force: true });
    throw err;
  }
  return out;
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
  const script = dir ? join(dir, entry.replace(/\.ts$/, ".js")) : join(ROOT, entry);
  return dir ? [...PGLITE_NODE_FLAGS, script] : [...PGLITE_NODE_FLAGS, "--import", "tsx", script];
}
