// The import graph only points down (docs/architecture.md): base (files directly in src/) → knowledge, store →
// engine → core → http, report, adapters → cli, app. The core never imports a platform SDK or an adapter.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Layer of a source file (relative path), higher = further up; undefined outside the layered code. */
function layerOf(file: string): number | undefined {
  if (/^src\/[^/]+\.ts$/.test(file) || file.startsWith("src/types/")) return 0;
  const layers: [string, number][] = [
    ["src/knowledge/", 1],
    ["src/store/", 1],
    ["src/engine/", 2],
    ["src/core/", 3],
    ["src/http/", 4],
    ["src/report/", 4],
    ["adapters/", 4],
    ["src/cli/", 5],
    ["app/", 5],
  ];
  return layers.find(([prefix]) => file.startsWith(prefix))?.[1];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g;

function importsOf(file: string): string[] {
  return [...readFileSync(join(ROOT, file), "utf8").matchAll(IMPORT)].map((m) => m[1]!);
}

const files = ["src", "adapters", "app"].flatMap((d) => sourceFiles(d));

describe("layering", () => {
  it("has no import that points to a higher layer", () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
        const target = relative(ROOT, normalize(join(ROOT, dirname(file), spec)));
        const to = layerOf(target);
        if (to !== undefined && to > from) upward.push(`${file} -> ${target}`);
      }
    }
    expect(files.length).toBeGreaterThan(40);
    expect(upward).toEqual([]);
  });

  it("keeps platform SDKs and adapters out of src/", () => {
    const leaks = files
      .filter((f) => f.startsWith("src/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((s) => /^(@slack\/|botbuilder)/.test(s) || s.includes("adapters/"))
          .map((s) => `${f} -> ${s}`),
      );
    expect(leaks).toEqual([]);
  });
});
