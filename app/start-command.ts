// The server's start command as package.json's "start" script spells it (`NAME=value … exec node <flags> app/main.ts`),
// split into the environment it sets and Node's argv. Benchmarks and tests start the server exactly this way, so
// they measure the process production runs (the Dockerfile's ENV and CMD repeat it; tests/app/memory.test.ts
// checks that they agree).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGLITE_NODE_FLAGS } from "../src/store/pglite-options.ts";

/**
 * Node flags the server runs with (`npm start`, the Dockerfile's CMD; tests/app/memory.test.ts checks both), for a
 * small resident footprint under load. Measured with `npm run bench:slack:fixed` (200 req/s, real base, 2 cores):
 * - PGlite's flags (`--liftoff-only`, see src/store/pglite-options.ts).
 * - `--max-old-space-size=2048`: a heap limit makes V8 grow the old generation in smaller steps and collect sooner.
 *   Without one (Node's default here is over 4 GB) the RSS median under load was ~350 MB (60 s: max 432 MB). A tight
 *   limit keeps the heap small but costs latency: 256 or 512 MB gave a 245-248 MB median but p99 28-42 ms (more
 *   full collections), 1024 MB p99 50 ms; 2048 MB gave a 297 MB median (max 422) with p99 15.8 ms in a 60 s run at
 *   200 req/s (2026-12-02, quiet machine). It also leaves room for large bases (a 10,000-entry index build needs
 *   more than 256 MB of heap for a moment).
 * - `--max-semi-space-size=8`: semi-spaces of 8 MB instead of 16 MB: ~20 MB less resident under load; twice
 *   the scavenges of the default (4 MB: ~7 MB less again, but three times the scavenges). The server's CPU per
 *   request stayed the same within the noise.
 */
export const SERVER_NODE_FLAGS: readonly string[] = [
  ...PGLITE_NODE_FLAGS,
  "--max-semi-space-size=8",
  "--max-old-space-size=2048",
];

/**
 * Environment the server needs before Node starts. MALLOC_ARENA_MAX=2: glibc otherwise gives each thread that
 * allocates (libuv's pool, V8's compiler and GC helpers) its own malloc arena, whose freed memory stays resident.
 * glibc reads it at process start, so it cannot be set from inside Node; `npm start` and the Dockerfile set it.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: "2" };

export interface StartCommand {
  /** Variables the script sets before Node starts (e.g. MALLOC_ARENA_MAX, read by glibc at process start). */
  env: Record<string, string>;
  /** Node's arguments after the executable: flags, then the entry point. */
  args: string[];
}

/** Parses a start script of the form `[NAME=value …] [exec] node <args…>` (plain words, no quoting). */
export function parseStartScript(script: string): StartCommand {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words[0] === "exec") words.shift();
  if (words.shift() !== "node") throw new Error(`start script does not run node: ${script}`);
  return { env, args: words };
}

/** `npm start` of this repository. */
export function startCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as {
    scripts: { start: string };
  };
  return parseStartScript(pkg.scripts.start);
}
