// .env.example documents every variable the code reads and is itself a valid configuration. "Every variable":
// the keys of src/config.ts's schema plus each `process.env.X` / `env.X` read in app/, src/, adapters/ and
// scripts/ (bench/ has its own BENCH_* knobs, documented in the README next to the benchmarks).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { configSchema, loadConfig } from "../../src/config.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCANNED = ["app", "src", "adapters", "scripts"];
const text = readFileSync(join(ROOT, ".env.example"), "utf8");
const parsed = dotenv.parse(text);

/** `process.env.X`, `env.X`, `env?.X`, `env["X"]` (not `.env.example` or `foo.env.X`). */
const ENV_READ =
  /(?:\bprocess\.env|(?<![.\w])env)(?:\??\.([A-Za-z_][A-Za-z0-9_]*)|\??\.?\[["']([A-Za-z_][A-Za-z0-9_]*)["']\])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(d.name) ? [path] : [];
  });
}

/** Variable name → the files that read it. */
function envReads(): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const file of SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    for (const m of readFileSync(file, "utf8").matchAll(ENV_READ)) {
      const name = m[1] ?? m[2]!;
      reads.set(name, [...new Set([...(reads.get(name) ?? []), relative(ROOT, file)])]);
    }
  }
  return reads;
}

const documented = () => new Set([...Object.keys(configSchema.shape), ...envReads().keys()]);

describe(".env.example", () => {
  it("finds env reads the way the code writes them", () => {
    const sample = 'process.env.A; env.B; env?.C; env["D"]; opts.env.E; ".env.example"; process.env["F"]';
    const names = [...sample.matchAll(ENV_READ)].map((m) => m[1] ?? m[2]);
    expect(names).toEqual(["A", "B", "C", "D", "F"]);
    // The scan sees reads outside src/config.ts too (the Teams package script's variables).
    expect([...envReads().keys()]).toEqual(expect.arrayContaining(["TEAMS_APP_ID", "BOT_DOMAIN"]));
  });

  it("lists exactly the variables the code reads (config schema and env reads in the source)", () => {
    const missing = [...documented()].filter((k) => !(k in parsed));
    const reads = envReads();
    expect(
      missing.map((k) => `${k} (${reads.get(k)?.join(", ") ?? "src/config.ts"})`),
      "read by the code but not in .env.example",
    ).toEqual([]);
    const unused = Object.keys(parsed).filter((k) => !documented().has(k));
    expect(unused, "in .env.example but read nowhere").toEqual([]);
  });

  it("explains every variable with a comment line above it", () => {
    const lines = text.split("\n");
    for (const key of Object.keys(parsed)) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`));
      const above = lines.slice(0, at).reverse();
      const firstNonVariable = above.find((l) => !/^[A-Za-z_]+=/.test(l));
      expect(firstNonVariable, key).toMatch(/^# /);
    }
  });

  it("is a valid development configuration that holds no secrets", () => {
    const config = loadConfig(parsed);
    expect(config.PORT).toBe(3978);
    for (const secret of [
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "MicrosoftAppPassword",
      "STORE_HASH_KEY",
      "DATABASE_URL",
    ]) {
      expect(parsed[secret], secret).toBe("");
    }
  });
});
