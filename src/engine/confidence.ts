// Confidence that is learned, not hand-tuned: a logistic regression over features the ranking already has,
// fitted by `npm run calibrate` (src/engine/calibrate.ts) on the labelled fixtures in tests/fixtures and stored in
// src/engine/model/confidence.json. Its output is the probability that the best entry answers the question; two
// thresholds chosen at calibration cut it into three bands: answer, ambiguous ("Ik denk dat u dit bedoelt"), unknown.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The features, in the order of the model's weights (see featuresOf in src/engine/index.ts). */
export const FEATURES = [
  "coverage",
  "coverageAll",
  "coverageStrong",
  "unknownShare",
  "correctedShare",
  "nameShare",
  "margin",
  "phrasing",
  "keyPhrase",
  "topical",
  "strong",
  "exact",
  "concepts",
  "checklist",
  "runnerUpCoverage",
  "named",
  "keyword",
  "specificity",
  "anchored",
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** Features that only take the values 0 and 1 (or -1, 0, 1): their square adds nothing. */
const BINARY: ReadonlySet<FeatureName> = new Set(["topical", "strong", "exact", "checklist", "anchored"]);
const SQUARED = FEATURES.filter((f) => !BINARY.has(f));

/**
 * The model's inputs: the features, then the square of each non-binary one. The squares let a linear model bend
 * (little coverage is much worse than some; a very long message is not much better than a long one): in
 * cross-validation on the calibration sets they answered 534 instead of 525 of 549 questions at the same share of
 * off-topic questions answered (docs/engine.md, round ten).
 */
export const INPUTS: readonly string[] = [...FEATURES, ...SQUARED.map((f) => `${f}^2`)];

export const modelSchema = z.strictObject({
  version: z.literal(2),
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
  thresholds: z.strictObject({ answer: z.number().min(0).max(1), ambiguous: z.number().min(0).max(1) }),
  fitted: z.strictObject({
    samples: z.number().int(),
    positives: z.number().int(),
    l2: z.number(),
    sets: z.array(z.string()),
  }),
});

export type ConfidenceModel = z.infer<typeof modelSchema>;

export const MODEL_FILE = join(import.meta.dirname, "model", "confidence.json");

export function parseModel(raw: string, file = MODEL_FILE): ConfidenceModel {
  const result = modelSchema.safeParse(JSON.parse(raw));
  if (!result.success)
    throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const m = result.data;
  const n = INPUTS.length;
  if (m.features.join() !== INPUTS.join() || m.mean.length !== n || m.scale.length !== n || m.weights.length !== n) {
    throw new Error(`${file}: the model's features do not match the engine's; run npm run calibrate`);
  }
  if (m.thresholds.ambiguous > m.thresholds.answer)
    throw new Error(`${file}: thresholds.ambiguous must not exceed thresholds.answer`);
  return m;
}

/** A model that knows nothing (every weight 0): for computing features before any model is fitted. */
export function neutralModel(): ConfidenceModel {
  const n = INPUTS.length;
  return {
    version: 2,
    features: [...INPUTS],
    mean: new Array<number>(n).fill(0),
    scale: new Array<number>(n).fill(1),
    weights: new Array<number>(n).fill(0),
    bias: 0,
    thresholds: { answer: 0.5, ambiguous: 0.5 },
    fitted: { samples: 0, positives: 0, l2: 0, sets: [] },
  };
}

let loaded: ConfidenceModel | undefined;
/** The committed model, loaded once. */
export function defaultModel(): ConfidenceModel {
  return (loaded ??= parseModel(readFileSync(MODEL_FILE, "utf8")));
}

export const vectorOf = (f: Features): number[] => [...FEATURES.map((k) => f[k]), ...SQUARED.map((k) => f[k] ** 2)];

/** Probability (0..1) that the best entry answers the question. */
export function predict(model: ConfidenceModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i]! * (x[i]! - model.mean[i]!)) / model.scale[i]!;
  return 1 / (1 + Math.exp(-z));
}

export type Band = "answer" | "ambiguous" | "unknown";

export function bandOf(model: ConfidenceModel, p: number): Band {
  return p >= model.thresholds.answer ? "answer" : p >= model.thresholds.ambiguous ? "ambiguous" : "unknown";
}
