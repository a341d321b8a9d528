// npm run bench: index build and ask latency on the real base and on a generated base of 10,000 entries,
// start-up to ready (cold and with the index cache), and the shared question set scored for this engine and
// for a naive fuse.js index over the same files. One run, one table (markdown, ready for the README).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import type { Reply } from "../src/reply.ts";
import { createEngine } from "../src/engine/index.ts";
import type { Engine } from "../src/engine/types.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import type { KnowledgeBase } from "../src/knowledge/types.ts";
import { readCases, scoreReplies, type EvalCase } from "./eval-score.ts";
import { generateBase, rng, toMarkdown } from "./generate.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GENERATED = Number(process.env.BENCH_GENERATED ?? 10_000);
/** The shared sets (textbook and realistic chat phrasing), scored for this engine and for the naive baseline. */
const evalFiles: [string, string][] = process.env.EVAL_FILE
  ? [["evaluation set", process.env.EVAL_FILE]]
  : [
      ["shared question set", resolve(root, "../shared/eval/questions.jsonl")],
      ["shared realistic set", resolve(root, "../shared/eval/realistic.jsonl")],
    ];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** Questions to time: the entries' own questions, half of them with one typo, plus off-topic noise. */
function workload(kb: KnowledgeBase, count: number, seed: number): string[] {
  const rand = rng(seed);
  const pool = kb.entries.flatMap((e) => e.questions);
  const noise = ["Hoe bak ik een appeltaart?", "Wat is het weerbericht?", "qwerty uiop", "", "hallo"];
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 9) return noise[i % noise.length]!;
    let q = pool[Math.floor(rand() * pool.length)]!;
    if (rand() < 0.5 && q.length > 6) {
      const at = 1 + Math.floor(rand() * (q.length - 2));
      q = q.slice(0, at) + q[at + 1] + q[at] + q.slice(at + 2); // swap two letters
    }
    return q;
  });
}

/**
 * Median and p99 of `questions`, after one pass over `warmUp`: another sample of the same kind (other questions,
 * other typos), so V8 has optimised the engine as in a server that has been running a while, while the words of the
 * timed questions are not all seen before. (Until 2026-12-04 the warm-up was 200 of the timed questions, and the p99
 * on the real base swung between 2 and 4 ms from run to run with the JIT still tiering up.)
 */
function timeAsks(engine: Engine, questions: string[], warmUp: string[]): { median: number; p99: number } {
  for (const q of warmUp) engine.ask(q);
  const times: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    engine.ask(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: pct(times, 50), p99: pct(times, 99) };
}

function naiveFuse(kb: KnowledgeBase): (q: string) => Reply {
  const fuse = new Fuse(kb.entries, { keys: ["title", "body"], includeScore: true });
  return (q) => {
    const hit = fuse.search(q, { limit: 1 })[0];
    if (!hit) return { status: "unknown", confidence: 0, answer: null, alternatives: [] };
    const e = hit.item;
    return {
      status: "answer",
      confidence: 1 - (hit.score ?? 1),
      answer: {
        id: e.id,
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        text: e.body,
        items: e.items,
        links: [],
        related: [],
      },
      alternatives: [],
    };
  };
}

async function writeBase(kb: KnowledgeBase, dir: string): Promise<void> {
  await mkdir(join(dir, "generated"), { recursive: true });
  await Promise.all(kb.entries.map((e) => writeFile(join(dir, "generated", `${e.id}.md`), toMarkdown(e))));
}

function startup(dir: string, cacheDir: string): { totalMs: number; wallMs: number; cacheHit: boolean } {
  const t = performance.now();
  const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "bench/startup.ts"), dir, cacheDir], {
    cwd: root,
    encoding: "utf8",
  });
  const wallMs = performance.now() - t;
  const r = JSON.parse(out.trim().split("\n").pop()!) as { totalMs: number; cacheHit: boolean };
  return { totalMs: r.totalMs, wallMs, cacheHit: r.cacheHit };
}

async function main(): Promise<void> {
  const rows: [string, string][] = [];
  const t0 = performance.now();
  const kb = await loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? join(root, "knowledge"));
  const tLoad = performance.now() - t0;
  const t1 = performance.now();
  const engine = createEngine(kb);
  const tBuild = performance.now() - t1;
  const real = timeAsks(engine, workload(kb, 5000, 1), workload(kb, 5000, 101));
  rows.push([
    `real base (${kb.entries.length} entries): load files / build index`,
    `${ms(tLoad)} ms / ${ms(tBuild)} ms`,
  ]);
  rows.push([`real base: ask median / p99 (5,000 questions)`, `${ms(real.median)} ms / ${ms(real.p99)} ms`]);

  const naive = naiveFuse(kb);
  const fmt = (s: ReturnType<typeof scoreReplies>) =>
    `on-topic ${s.onPass}/${s.on} (${((100 * s.onPass) / s.on).toFixed(0)} %), off-topic refused ${s.offPass}/${s.off} (${((100 * s.offPass) / s.off).toFixed(0)} %)`;
  for (const [label, file] of evalFiles) {
    if (!existsSync(file)) {
      rows.push([label, `not found (${file})`]);
      continue;
    }
    const cases: EvalCase[] = readCases(file);
    rows.push([
      `${label}: this engine`,
      fmt(
        scoreReplies(
          cases,
          cases.map((c) => engine.ask(c.q)),
        ),
      ),
    ]);
    rows.push([
      `${label}: naive fuse.js (title + body, defaults)`,
      fmt(
        scoreReplies(
          cases,
          cases.map((c) => naive(c.q)),
        ),
      ),
    ]);
  }

  const big = generateBase(kb, GENERATED);
  const t2 = performance.now();
  const bigEngine = createEngine(big);
  const tBigBuild = performance.now() - t2;
  const bigTimes = timeAsks(bigEngine, workload(big, 3000, 2), workload(big, 3000, 102));
  rows.push([`generated base (${GENERATED.toLocaleString("en")} entries): build index`, `${ms(tBigBuild)} ms`]);
  rows.push([
    `generated base: ask median / p99 (3,000 questions)`,
    `${ms(bigTimes.median)} ms / ${ms(bigTimes.p99)} ms`,
  ]);

  const tmp = await mkdtemp(join(tmpdir(), "raadswijzer-bench-"));
  try {
    await writeBase(big, join(tmp, "kb"));
    const cold = startup(join(tmp, "kb"), join(tmp, "cache"));
    const warm = startup(join(tmp, "kb"), join(tmp, "cache"));
    rows.push([
      "generated base: start-up to ready, no cache (in process / with node start)",
      `${ms(cold.totalMs)} ms / ${ms(cold.wallMs)} ms`,
    ]);
    rows.push([
      `generated base: start-up to ready, index cache ${warm.cacheHit ? "hit" : "MISS"} (in process / with node start)`,
      `${ms(warm.totalMs)} ms / ${ms(warm.wallMs)} ms`,
    ]);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `\nBenchmark ${date}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}\n`,
  );
  console.log("| measure | result |\n|---|---|");
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

await main();
