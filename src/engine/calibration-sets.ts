// The labelled sets the committed confidence model is fitted on, relative to the repository root. Never
// ../shared/eval: those sets only measure.
export const CALIBRATION_SETS = [
  "dev-questions.jsonl",
  "heldout-questions.jsonl",
  "realistic-questions.jsonl",
  "chat-questions.jsonl",
  "compare-questions.jsonl",
].map((f) => `tests/fixtures/${f}`);
