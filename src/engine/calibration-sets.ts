// The labelled sets the committed confidence model is fitted on, relative to the repository root. Never
// ../shared/eval: those sets only measure. tests/fixtures/generalisation-questions.jsonl, probe-questions.jsonl,
// probe2-questions.jsonl, probe3-questions.jsonl, probe4-questions.jsonl, probe5-names-questions.jsonl, probe6-questions.jsonl, probe7-long-questions.jsonl, probe8-questions.jsonl, probe9-questions.jsonl, probe10-questions.jsonl and probe11-questions.jsonl are held out on purpose: they measure how changes generalise (docs/engine.md, "Measurements") and must not be
// added here.
export const CALIBRATION_SETS = [
  "dev-questions.jsonl",
  "heldout-questions.jsonl",
  "realistic-questions.jsonl",
  "chat-questions.jsonl",
  "compare-questions.jsonl",
  "names-questions.jsonl",
].map((f) => `tests/fixtures/${f}`);
