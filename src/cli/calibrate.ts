// npm run calibrate: fits the engine's confidence model on the labelled fixtures and writes
// src/engine/model/confidence.json, printing a cross-validated table (precision/recall per status) and the
// thresholds chosen. Re-run it after the knowledge base changes; it takes seconds. See docs/engine.md.
import "./quiet-pipe.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CALIBRATION_SETS } from "../engine/calibration-sets.ts";
import { parseArgs } from "node:util";
import { calibrate, report } from "../engine/calibrate.ts";
import { MODEL_FILE } from "../engine/confidence.ts";
import { KnowledgeError, formatProblem, loadKnowledgeBase } from "../knowledge/load.ts";

const { values } = parseArgs({
  options: { check: { type: "boolean", default: false }, knowledge: { type: "string" } },
});
const root = join(import.meta.dirname, "../..");
const dir = values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge";
try {
  const kb = await loadKnowledgeBase(dir);
  const started = performance.now();
  const { model, samples, oof } = calibrate(
    kb,
    CALIBRATION_SETS.map((f) => join(root, f)),
  );
  console.log(
    `fitted on ${samples.length} questions (${model.fitted.positives} answerable) from ${CALIBRATION_SETS.join(", ")}`,
  );
  console.log(report(samples, oof, model.thresholds));
  console.log("\nweights (standardised features):");
  model.features.forEach((f, i) => console.log(`  ${f.padEnd(18)} ${model.weights[i]!.toFixed(3)}`));
  console.log(`  ${"bias".padEnd(18)} ${model.bias.toFixed(3)}`);
  if (!values.check) writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`\n${values.check ? "checked" : `wrote ${MODEL_FILE}`} in ${Math.round(performance.now() - started)} ms`);
} catch (e) {
  if (e instanceof KnowledgeError) e.problems.forEach((p) => console.error(formatProblem(p)));
  else console.error((e as Error).message);
  process.exitCode = 1;
}
