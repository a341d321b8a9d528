// Follows a program's imports statically (for the dependency and container tests): the local files it loads and
// the packages it needs, from its entry files through relative imports.
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, relative, resolve } from "node:path";

const SPECIFIER = [
  /\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
  /(?<![-\w"'.])import\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g,
  /(?:\brequire|\bimport\.meta|\))\.resolve\(\s*["']([^"'./][^"']*)["']\s*\)/g,
];

const builtins = new Set(builtinModules);

/** The package a bare specifier names (`@scope/name` or `name`), or null for Node built-ins. */
export function packageOf(spec: string): string | null {
  if (spec.startsWith("node:") || builtins.has(spec.split("/")[0]!)) return null;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

export function specifiersIn(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return SPECIFIER.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

export interface ImportGraph {
  /** Local files loaded, relative to root. */
  files: Set<string>;
  /** Package name → the first file (relative to root) that uses it. */
  packages: Map<string, string>;
}

export function followImports(root: string, entries: string[]): ImportGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length) {
    const file = queue.pop()!;
    const rel = relative(root, file);
    if (files.has(rel)) continue;
    files.add(rel);
    for (const spec of specifiersIn(file)) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        if (/\.(ts|mts|js|mjs)$/.test(target) && existsSync(target)) queue.push(target);
        continue;
      }
      const name = packageOf(spec);
      if (name && !packages.has(name)) packages.set(name, rel);
    }
  }
  return { files, packages };
}
