// The server's start command as package.json's "start" script spells it (`NAME=value … exec node <flags> app/main.ts`),
// split into the environment it sets and Node's argv. Benchmarks and tests start the server exactly this way, so
// they measure the process production runs (the Dockerfile's ENV and CMD repeat it; tests/app/memory.test.ts
// checks that they agree).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
