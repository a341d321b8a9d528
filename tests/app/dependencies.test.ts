// Every dependency in package.json earns its place, and the runtime never needs a dev dependency (the container
// installs with `npm ci --omit=dev`). The runtime is what the npm scripts with an entry under app/ or src/ start
// (npm start, ask, kb:check, report, ...), followed through their relative imports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { followImports } from "../support/imports.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** npm scripts that run in production (in the container): those whose entry is under app/ or src/ (start, ask,
 * kb:check, report, ...); bench/ and scripts/ are for development. */
const RUNTIME_SCRIPTS = Object.keys(pkg.scripts).filter((name) =>
  /\btsx\s+(app|src)\/\S+\.ts\b/.test(pkg.scripts[name]!),
);
/** Runtime dependencies that are not imported but run the code: tsx is the TypeScript loader of `npm start`. */
const RUNNERS = ["tsx"];
/** Dev dependencies the runtime may look for and does without: pretty logs on a developer's terminal. */
const OPTIONAL_AT_RUNTIME = ["pino-pretty"];
/** Dev dependencies used as command-line tools by npm scripts or config files rather than imported. */
const TOOLS: Record<string, string> = { typescript: "tsc", eslint: "eslint", vitest: "vitest", prettier: "prettier" };

/** Bare package names reachable from the entry files; package → first file using it. */
const reachablePackages = (entries: string[]): Map<string, string> => followImports(ROOT, entries).packages;

/** The .ts file a `tsx path/to/file.ts` npm script runs. */
function entryOf(script: string): string {
  const m = /\btsx\s+(\S+\.ts)\b/.exec(pkg.scripts[script] ?? "") ?? /\s(\S+\.ts)\b/.exec(pkg.scripts[script] ?? "");
  if (!m) throw new Error(`npm script ${script} does not run a .ts file: ${pkg.scripts[script]}`);
  return join(ROOT, m[1]!);
}

function allCodeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === "node_modules" || d.name.startsWith(".")) return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return allCodeFiles(path);
    return /\.(ts|mts|js|mjs|cjs)$/.test(d.name) ? [path] : [];
  });
}

describe("dependencies", () => {
  const runtime = reachablePackages(RUNTIME_SCRIPTS.map(entryOf));
  const everywhere = reachablePackages(allCodeFiles(ROOT));

  it("the runtime imports only runtime dependencies (what npm ci --omit=dev installs)", () => {
    const notInstalled = [...runtime]
      .filter(([name]) => !(name in pkg.dependencies) && !OPTIONAL_AT_RUNTIME.includes(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(notInstalled).toEqual([]);
  });

  it("every runtime dependency is used by the runtime", () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !runtime.has(name) && !RUNNERS.includes(name));
    expect(unused).toEqual([]);
  });

  it("every dev dependency is used by tests, scripts, benchmarks, tooling or types", () => {
    const scripts = Object.values(pkg.scripts).join(" ");
    const used = (name: string): boolean => {
      if (everywhere.has(name)) return true;
      if (TOOLS[name] && new RegExp(`\\b${TOOLS[name]}\\b`).test(scripts)) return true;
      if (name.startsWith("@types/")) {
        const typed = name.slice("@types/".length);
        return typed === "node" || typed in pkg.dependencies || typed in pkg.devDependencies;
      }
      return false;
    };
    expect(Object.keys(pkg.devDependencies).filter((name) => !used(name))).toEqual([]);
  });

  it("finds imports the way the code writes them", () => {
    expect(RUNTIME_SCRIPTS).toEqual(expect.arrayContaining(["start", "ask", "kb:check", "report"]));
    expect(RUNTIME_SCRIPTS).not.toContain("bench");
    expect(runtime.get("@slack/bolt")).toMatch(/^adapters\/slack\//);
    expect(runtime.has("adaptivecards")).toBe(true); // served to the preview page via require.resolve
    expect(runtime.has("yazl")).toBe(false); // only npm run package:teams builds the zip
    expect(runtime.has("minisearch")).toBe(false);
  });
});
