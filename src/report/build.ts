// The griffie report as data: unanswered questions grouped by similarity, and entries with negative feedback.
import { reasonLabel } from "../core/feedback-reasons.ts";
import {
  FEEDBACK_REASONS,
  type FeedbackReason,
  type FeedbackRow,
  type HandoffRow,
  type Platform,
  type UnansweredRow,
} from "../store/port.ts";
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
  /** The entry whose questions already hold a phrasing of this group (src/report/decisions.ts). */
  attachedTo?: { id: string; title: string };
  /** Marked "niet ons onderwerp" with kb:learn. */
  dismissed?: boolean;
}

export interface FeedbackComment {
  helpful: boolean;
  comment: string;
  at: string;
  /** The 👎 reason's label ("Onvolledig"), when one was given. */
  reason?: string;
}

/** 👎 counted per reason ("geen reden" for a 👎 without one). */
export interface ReasonCount {
  reason: FeedbackReason | null;
  label: string;
  count: number;
}

/** A question forwarded to the griffie and not yet marked answered. */
export interface OpenHandoffReport {
  id: string;
  question: string;
  bestGuess: { id: string; title: string } | null;
  platform: Platform;
  link: string | null;
  at: string;
}

export const NO_REASON_LABEL = "geen reden opgegeven";

export interface FeedbackReport {
  entryId: string;
  title: string;
  negative: number;
  positive: number;
  /** This entry's 👎 per reason, most first. */
  reasons: ReasonCount[];
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
  /** All 👎 of the period grouped by reason, most first. */
  reasons: ReasonCount[];
  /** Open hand-offs to the griffie (of any age: open until answered), oldest first. */
  openHandoffs: OpenHandoffReport[];
}

export interface BuildReportInput {
  unanswered: readonly UnansweredRow[];
  feedback: readonly FeedbackRow[];
  /** Open hand-offs (the store's listHandoffs(undefined, "open")); absent: none. */
  handoffs?: readonly HandoffRow[];
  /** Entry titles by id, to show names instead of ids (ids are shown when missing). */
  titles?: ReadonlyMap<string, string>;
  now: Date;
  days?: number | null;
  /** Synonym groups of the knowledge base, so "GR" and "gemeenschappelijke regeling" group together. */
  synonyms?: SynonymGroups;
  threshold?: number;
}

export const MAX_VARIANTS = 3;

/** 👎 rows counted per reason, in a fixed order among equal counts (the reasons' own order, "no reason" last). */
function countReasons(rows: readonly FeedbackRow[]): ReasonCount[] {
  const order = [...FEEDBACK_REASONS, null];
  const counts = new Map<FeedbackReason | null, number>();
  for (const f of rows) if (!f.helpful) counts.set(f.reason ?? null, (counts.get(f.reason ?? null) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, label: reason ? reasonLabel(reason) : NO_REASON_LABEL, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.reason) - order.indexOf(b.reason));
}

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
  const rowsOf = new Map<string, FeedbackRow[]>();
  for (const f of input.feedback) {
    let r = perEntry.get(f.entryId);
    if (!r) {
      r = { entryId: f.entryId, title: titleOf(f.entryId), negative: 0, positive: 0, reasons: [], comments: [] };
      perEntry.set(f.entryId, r);
      rowsOf.set(f.entryId, []);
    }
    rowsOf.get(f.entryId)!.push(f);
    if (f.helpful) r.positive++;
    else r.negative++;
    if (f.comment)
      r.comments.push({
        helpful: f.helpful,
        comment: f.comment,
        at: f.at.toISOString(),
        ...(f.reason ? { reason: reasonLabel(f.reason) } : {}),
      });
  }
  const negativeFeedback = [...perEntry.values()]
    .filter((r) => r.negative > 0)
    .map((r) => ({
      ...r,
      reasons: countReasons(rowsOf.get(r.entryId) ?? []),
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
    reasons: countReasons(input.feedback),
    openHandoffs: (input.handoffs ?? [])
      .filter((h) => h.status === "open")
      .map((h) => ({
        id: h.id,
        question: h.question,
        bestGuess: h.bestGuess ? { id: h.bestGuess, title: titleOf(h.bestGuess) } : null,
        platform: h.platform,
        link: h.link,
        at: h.at.toISOString(),
      })),
  };
}
