// The griffie report as data: unanswered questions grouped by similarity, and entries with negative feedback.
import type { FeedbackRow, Platform, UnansweredRow } from "../store/port.ts";
import type { SynonymGroups } from "../knowledge/types.ts";
import { createTermAnalyzer, groupQuestions } from "./similarity.ts";

export interface QuestionGroupReport {
  count: number;
  /** The phrasing asked most often (the latest on a tie). */
  example: string;
  /** Other distinct phrasings, most asked first (at most MAX_VARIANTS). */
  variants: string[];
  /** The engine's most frequent best guess for these questions, if any. */
  bestGuess: { id: string; title: string } | null;
  averageConfidence: number;
  platforms: Partial<Record<Platform, number>>;
  firstAsked: string;
  lastAsked: string;
}

export interface FeedbackComment {
  helpful: boolean;
  comment: string;
  at: string;
}

export interface FeedbackReport {
  entryId: string;
  title: string;
  negative: number;
  positive: number;
  comments: FeedbackComment[];
}

export interface GriffieReport {
  generatedAt: string;
  /** Start of the window (ISO), or null for everything still kept. */
  since: string | null;
  days: number | null;
  totals: { unanswered: number; groups: number; feedback: number; negative: number };
  unanswered: QuestionGroupReport[];
  negativeFeedback: FeedbackReport[];
}

export interface BuildReportInput {
  unanswered: readonly UnansweredRow[];
  feedback: readonly FeedbackRow[];
  /** Entry titles by id, to show names instead of ids (ids are shown when missing). */
  titles?: ReadonlyMap<string, string>;
  now: Date;
  days?: number | null;
  /** Synonym groups of the knowledge base, so "GR" and "gemeenschappelijke regeling" group together. */
  synonyms?: SynonymGroups;
  threshold?: number;
}

export const MAX_VARIANTS = 3;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Keys sorted by count, most first; ties by first appearance. */
function ranked(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

export function buildReport(input: BuildReportInput): GriffieReport {
  const titleOf = (id: string): string => input.titles?.get(id) ?? id;
  const days = input.days ?? null;
  const since = days === null ? null : new Date(input.now.getTime() - days * 86_400_000);

  const terms = createTermAnalyzer(input.synonyms ?? []);
  const groups = groupQuestions(input.unanswered, {
    terms,
    ...(input.threshold === undefined ? {} : { threshold: input.threshold }),
  }).map((g): QuestionGroupReport => {
    // Latest first, so that ranked() breaks ties in favour of the most recent phrasing.
    const members = [...g.members].sort((a, b) => b.at.getTime() - a.at.getTime());
    const phrasings = ranked(members.map((m) => m.question.trim()));
    const guesses = ranked(members.flatMap((m) => (m.bestGuess ? [m.bestGuess] : [])));
    const platforms: Partial<Record<Platform, number>> = {};
    for (const m of members) platforms[m.platform] = (platforms[m.platform] ?? 0) + 1;
    const guess = guesses[0];
    return {
      count: members.length,
      example: phrasings[0] ?? "",
      variants: phrasings.slice(1, 1 + MAX_VARIANTS),
      bestGuess: guess ? { id: guess, title: titleOf(guess) } : null,
      averageConfidence: round2(members.reduce((sum, m) => sum + m.confidence, 0) / members.length),
      platforms,
      firstAsked: members[members.length - 1]!.at.toISOString(),
      lastAsked: members[0]!.at.toISOString(),
    };
  });

  const perEntry = new Map<string, FeedbackReport>();
  for (const f of input.feedback) {
    let r = perEntry.get(f.entryId);
    if (!r) {
      r = { entryId: f.entryId, title: titleOf(f.entryId), negative: 0, positive: 0, comments: [] };
      perEntry.set(f.entryId, r);
    }
    if (f.helpful) r.positive++;
    else r.negative++;
    if (f.comment) r.comments.push({ helpful: f.helpful, comment: f.comment, at: f.at.toISOString() });
  }
  const negativeFeedback = [...perEntry.values()]
    .filter((r) => r.negative > 0)
    .map((r) => ({
      ...r,
      comments: r.comments.sort((a, b) => Number(a.helpful) - Number(b.helpful) || b.at.localeCompare(a.at)),
    }))
    .sort(
      (a, b) =>
        b.negative - a.negative ||
        b.negative / (b.negative + b.positive) - a.negative / (a.negative + a.positive) ||
        a.entryId.localeCompare(b.entryId),
    );

  return {
    generatedAt: input.now.toISOString(),
    since: since?.toISOString() ?? null,
    days,
    totals: {
      unanswered: input.unanswered.length,
      groups: groups.length,
      feedback: input.feedback.length,
      negative: input.feedback.filter((f) => !f.helpful).length,
    },
    unanswered: groups,
    negativeFeedback,
  };
}
