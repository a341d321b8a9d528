// The labelled sets the committed confidence model is fitted on, relative to the repository root. Never
// ../shared/eval: those sets only measure. tests/fixtures/generalisation-questions.jsonl and every
// tests/fixtures/probe*-questions.jsonl are held out on purpose: they measure how changes generalise (docs/engine.md,
// "Measurements") and must not be added here.
export const CALIBRATION_SETS = [
  "dev-questions.jsonl",
  "heldout-questions.jsonl",
  "realistic-questions.jsonl",
  "chat-questions.jsonl",
  "compare-questions.jsonl",
  "names-questions.jsonl",
].map((f) => `tests/fixtures/${f}`);
