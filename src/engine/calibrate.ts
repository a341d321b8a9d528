// Fits the confidence model (src/engine/confidence.ts) on labelled question sets: a logistic regression with L2
// regularisation, fitted by Newton's method (IRLS) for a fixed number of steps from zero, on standardised
// features in file order. Every step is deterministic, so re-fitting on the same data and knowledge base gives
// the same weights (tests/engine/calibrate.test.ts checks the committed ones). Thresholds are chosen on
// cross-validated (out-of-fold) probabilities, never on the data a fold was fitted on.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { INPUTS, neutralModel, vectorOf, type ConfidenceModel, type Features } from "./confidence.ts";
import { createEngine } from "./index.ts";

/** One labelled question: on-topic with expected words and/or entry ids, or off-topic (local: a local figure). */
export interface LabelledCase {
  q: string;
  expect?: string[][];
  ids?: string[];
  kind?: string;
  offtopic?: boolean;
  local?: boolean;
}

export interface Sample {
  q: string;
  x: number[];
  y: 0 | 1;
  offtopic: boolean;
  /** Refused by a rule whatever the model says (a pasted text, a request to write one): not fitted on, never answered. */
  ruled?: boolean;
}

/**
 * Strength of the L2 penalty. Chosen by the cross-validated result on the calibration sets (answered right plus
 * off-topic refused, 2026-12-05): λ = 1 738.2, 2 739.0, 3 739.9, 5 740.6, 7 740.6, 10 740.6, 20 739.7, 30 739.6; the
 * smallest on the plateau. A stronger penalty also keeps a rare feature value (a typo-corrected word) from swinging a
 * question's confidence between refits (docs/engine.md, round twenty-five).
 */
export const L2 = 5;
const STEPS = 30;
export const FOLDS = 5;
/** Fold splits of the repeated cross-validation that thresholds are chosen on. */
export const SPLITS = 8;
/** Share of the off-topic fixtures that may get an (ambiguous) answer in cross-validation. */
export const MAX_OFFTOPIC_ANSWERED = 0.04;
/** Precision the confident band must reach on the cross-validated predictions. */
export const ANSWER_PRECISION = 0.95;

export function readCases(file: string): LabelledCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as LabelledCase;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

const fold = (s: unknown) =>
  String(s ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

/**
 * The features of every case's best entry and whether that entry answers it (local-figure cases are left out). A
 * message the engine refuses whatever the model says (a pasted text, a request to write one, a question off the
 * subject of its own context) is marked `ruled`.
 */
export function samplesOf(kb: KnowledgeBase, cases: readonly LabelledCase[]): Sample[] {
  // Features do not depend on the model; a neutral one also works when the committed model is out of date.
  const engine = createEngine(kb, { model: neutralModel() });
  const out: Sample[] = [];
  for (const c of cases) {
    if (c.local) continue;
    const ex = engine.explain!(c.q);
    const top = ex.candidates[0];
    if (!top?.features) continue;
    const e = kb.byId.get(top.id)!;
    let y: 0 | 1 = 0;
    if (!c.offtopic) {
      const text = fold([e.title, e.body, ...e.items.map((i) => i.text)].join(" \n "));
      const kindOk = !c.kind || e.kind === c.kind;
      const words = (c.expect?.length ?? 0) > 0 && c.expect!.every((g) => g.some((alt) => text.includes(fold(alt))));
      y = kindOk && (words || (c.ids ?? []).includes(e.id)) ? 1 : 0;
    }
    const ruled = ex.aboutDocument || ex.asksToWrite || ex.askedOffSubject || ex.answersOnlyContext || ex.asksAmount;
    out.push({ q: c.q, x: vectorOf(top.features as Features), y, offtopic: !!c.offtopic, ...(ruled ? { ruled } : {}) });
  }
  return out;
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(a: readonly Iterable<number>[], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

export interface Fit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** L2-regularised logistic regression on standardised features (the bias is not regularised). */
export function fitLogistic(samples: readonly Sample[], l2 = L2): Fit {
  const d = INPUTS.length;
  const n = samples.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const s of samples) s.x.forEach((v, j) => (mean[j]! += v / n));
  for (const s of samples) s.x.forEach((v, j) => (scale[j]! += (v - mean[j]!) ** 2 / n));
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = samples.map((s) => Float64Array.from([1, ...s.x.map((v, j) => (v - mean[j]!) / scale[j]!)]));
  let w = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(d + 1).fill(0);
    // The Hessian is symmetric: summed over its upper triangle, then mirrored (half the work of the whole matrix).
    const hess = Array.from({ length: d + 1 }, () => new Float64Array(d + 1));
    z.forEach((row, i) => {
      let dot = 0;
      for (let j = 0; j <= d; j++) dot += row[j]! * w[j]!;
      const p = 1 / (1 + Math.exp(-dot));
      const r = p - samples[i]!.y;
      const h = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += r * row[j]!;
        const hj = h * row[j]!;
        const hessRow = hess[j]!;
        for (let k = j; k <= d; k++) hessRow[k]! += hj * row[k]!;
      }
    });
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
    for (let j = 1; j <= d; j++) {
      grad[j]! += l2 * w[j]!;
      hess[j]![j]! += l2;
    }
    const delta = solve(hess, grad);
    w = w.map((v, j) => v - delta[j]!);
    // Newton's method has converged once a step no longer moves any weight.
    if (delta.every((v) => Math.abs(v) < 1e-12)) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}

export function probability(fit: Fit, x: readonly number[]): number {
  let z = fit.bias;
  for (let j = 0; j < x.length; j++) z += (fit.weights[j]! * (x[j]! - fit.mean[j]!)) / fit.scale[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** Fold of each sample in one split: split 0 in file order (every FOLDS-th sample), the others shuffled. */
function foldsOf(n: number, split: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  // A fixed linear congruential generator per split: the same shuffles on every machine and every run.
  let seed = split;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  if (split > 0) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const fold = new Array<number>(n);
  order.forEach((sample, position) => (fold[sample] = position % FOLDS));
  return fold;
}

/**
 * Out-of-fold probabilities of one split: each fold is predicted by a model fitted on the others. A ruled sample is
 * refused at run time whatever the model says: it is not fitted on and gets probability 0.
 */
export function crossValidate(samples: readonly Sample[], split = 0): number[] {
  const fold = foldsOf(samples.length, split);
  const p = new Array<number>(samples.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const fit = fitLogistic(samples.filter((s, i) => fold[i] !== k && !s.ruled));
    samples.forEach((s, i) => {
      if (fold[i] === k && !s.ruled) p[i] = probability(fit, s.x);
    });
  }
  return p;
}

/** Out-of-fold probabilities of SPLITS different fold splits (repeated cross-validation). */
export function crossValidateRepeated(samples: readonly Sample[]): number[][] {
  return Array.from({ length: SPLITS }, (_, split) => crossValidate(samples, split));
}

/**
 * Thresholds from out-of-fold probabilities, pooled over every split given. The refusal threshold (ambiguous) is the
 * lowest at which at most MAX_OFFTOPIC_ANSWERED of the off-topic questions would be answered: off-topic questions
 * must be refused, and every on-topic question above it is worth answering, with the other candidates offered. The
 * answer threshold is the lowest at or above it whose answers are ANSWER_PRECISION right. Pooled over several splits,
 * a threshold no longer rests on one question's out-of-fold probability in one split (docs/engine.md, round twenty).
 */
export function chooseThresholds(
  samples: readonly Sample[],
  splits: readonly (readonly number[])[],
): { answer: number; ambiguous: number } {
  const grid = Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);
  const off = samples.filter((s) => s.offtopic).length * splits.length;
  let ambiguous = 0.95;
  for (const t of grid) {
    let answered = 0;
    for (const p of splits) samples.forEach((s, i) => (answered += s.offtopic && p[i]! >= t ? 1 : 0));
    if (answered <= MAX_OFFTOPIC_ANSWERED * off) {
      ambiguous = t;
      break;
    }
  }
  let answer = 0.95;
  for (const t of grid) {
    if (t < ambiguous) continue;
    let n = 0;
    let right = 0;
    for (const p of splits)
      samples.forEach((s, i) => {
        if (p[i]! >= t) {
          n++;
          right += s.y;
        }
      });
    if (n > 0 && right / n >= ANSWER_PRECISION) {
      answer = t;
      break;
    }
  }
  return { answer, ambiguous };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Fits the model on labelled sets; returns it with the cross-validated probabilities for the report. */
export function calibrate(
  kb: KnowledgeBase,
  files: readonly string[],
): { model: ConfidenceModel; samples: Sample[]; oof: number[][] } {
  const samples = files.flatMap((f) => samplesOf(kb, readCases(f)));
  const oof = crossValidateRepeated(samples);
  const thresholds = chooseThresholds(samples, oof);
  const fit = fitLogistic(samples.filter((s) => !s.ruled));
  const model: ConfidenceModel = {
    version: 2,
    features: [...INPUTS],
    mean: fit.mean.map(r6),
    scale: fit.scale.map(r6),
    weights: fit.weights.map(r6),
    bias: r6(fit.bias),
    thresholds,
    fitted: {
      samples: samples.length,
      positives: samples.filter((s) => s.y).length,
      l2: L2,
      sets: files.map((f) => basename(f)),
    },
  };
  return { model, samples, oof };
}

/**
 * Precision and recall per status of cross-validated predictions under the chosen thresholds, each count the mean
 * over the splits.
 */
export function report(
  samples: readonly Sample[],
  splits: readonly (readonly number[])[],
  t: { answer: number; ambiguous: number },
): string {
  const band = (v: number) => (v >= t.answer ? "answer" : v >= t.ambiguous ? "ambiguous" : "unknown");
  const rows: string[] = [];
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "n/a");
  const mean = (count: (p: readonly number[]) => number) =>
    Math.round((10 * splits.reduce((sum, p) => sum + count(p), 0)) / splits.length) / 10;
  const positives = samples.filter((s) => s.y).length;
  const negatives = samples.length - positives;
  const off = samples.filter((s) => s.offtopic).length;
  rows.push(`| status | replies | precision | recall |`, `|---|---|---|---|`);
  for (const status of ["answer", "ambiguous", "unknown"] as const) {
    const inBand = (p: readonly number[], i: number) => band(p[i]!) === status;
    const replies = mean((p) => samples.filter((_, i) => inBand(p, i)).length);
    const good = mean((p) => samples.filter((s, i) => inBand(p, i) && (status === "unknown" ? !s.y : s.y)).length);
    const denominator = status === "unknown" ? negatives : positives;
    rows.push(`| ${status} | ${replies} | ${pct(good, replies)} | ${pct(good, denominator)} |`);
  }
  const right = mean((p) => samples.filter((s, i) => s.y && p[i]! >= t.ambiguous).length);
  const refused = off - mean((p) => samples.filter((s, i) => s.offtopic && p[i]! >= t.ambiguous).length);
  rows.push(
    "",
    `answer or ambiguous: ${right}/${positives} answerable answered right; ` +
      `off-topic refused ${refused}/${off} (${pct(refused, off)})`,
    `thresholds: answer ≥ ${t.answer}, ambiguous ≥ ${t.ambiguous} (precision and recall are ${FOLDS}-fold ` +
      `cross-validated, the mean over ${splits.length} fold splits)`,
  );
  return rows.join("\n");
}
