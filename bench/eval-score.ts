// The scoring rules of ../shared/eval/score.mjs, for comparing engines inside one benchmark run.
import { readFileSync } from "node:fs";
import type { Reply } from "../src/reply.ts";

export interface EvalCase {
  q: string;
  expect?: string[][];
  kind?: string;
  offtopic?: boolean;
}

const fold = (s: unknown) =>
  String(s ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

export function readCases(file: string): EvalCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

export function scoreReplies(
  cases: EvalCase[],
  replies: Reply[],
): { on: number; onPass: number; off: number; offPass: number } {
  let on = 0,
    onPass = 0,
    off = 0,
    offPass = 0;
  cases.forEach((c, i) => {
    const r = replies[i]!;
    if (c.offtopic) {
      off++;
      if (r.status === "unknown" || r.status === "help") offPass++;
      return;
    }
    on++;
    const a = r.answer;
    const text = fold([a?.title, a?.text, ...(a?.items ?? []).map((it) => it.text)].join(" \n "));
    const answered = r.status === "answer" || r.status === "ambiguous";
    const kindOk = !c.kind || a?.kind === c.kind;
    const missing = (c.expect ?? []).filter((group) => !group.some((alt) => text.includes(fold(alt))));
    if (answered && kindOk && missing.length === 0) onPass++;
  });
  return { on, onPass, off, offPass };
}
