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
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

export const modelSchema = z.strictObject({
  version: z.literal(1),
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
  const n = FEATURES.length;
  if (m.features.join() !== FEATURES.join() || m.mean.length !== n || m.scale.length !== n || m.weights.length !== n) {
    throw new Error(`${file}: the model's features do not match the engine's; run npm run calibrate`);
  }
  if (m.thresholds.ambiguous > m.thresholds.answer)
    throw new Error(`${file}: thresholds.ambiguous must not exceed thresholds.answer`);
  return m;
}

/** A model that knows nothing (every weight 0): for computing features before any model is fitted. */
export function neutralModel(): ConfidenceModel {
  const n = FEATURES.length;
  return {
    version: 1,
    features: [...FEATURES],
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

export const vectorOf = (f: Features): number[] => FEATURES.map((k) => f[k]);

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
