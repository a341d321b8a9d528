// The numbers behind the HTML report (src/report/html.ts), computed from the store's rows: questions per week by
// status, answered share per platform, most asked entries, 👍/👎 per entry with reasons, unanswered groups with
// suggested entries, open hand-offs.
import type { AskedRow, FeedbackRow, HandoffRow as StoredHandoff, Platform } from "../store/port.ts";
import { reasonLabel } from "../core/feedback-reasons.ts";
import type { GriffieReport, QuestionGroupReport } from "./build.ts";

export type CountedStatus = "answer" | "ambiguous" | "unknown";
export const COUNTED_STATUSES: readonly CountedStatus[] = ["answer", "ambiguous", "unknown"];

export interface WeekRow {
  /** ISO week, "2026-W48". */
  week: string;
  /** Monday of that week (YYYY-MM-DD, UTC). */
  monday: string;
  counts: Record<CountedStatus, number>;
}

export interface PlatformRow {
  platform: Platform;
  answered: number;
  total: number;
}

export interface EntryCount {
  id: string;
  title: string;
  count: number;
}

export interface FeedbackEntry {
  id: string;
  title: string;
  up: number;
  down: number;
  /** Reasons (a `reason` column when the store has one) and comments, newest first. */
  reasons: { helpful: boolean; text: string; at: string }[];
}

export interface HandoffRow {
  at: string;
  platform: string;
  subject: string;
  status: string;
  /** The bot's best guess (title), if any. */
  bestGuess: string | null;
  /** Where to answer (https only), if known. */
  link: string | null;
}

export interface HtmlReportData {
  generatedAt: string;
  since: string | null;
  days: number | null;
  totals: Record<CountedStatus, number> & { help: number };
  weeks: WeekRow[];
  platforms: PlatformRow[];
  topEntries: EntryCount[];
  feedback: FeedbackEntry[];
  groups: (Omit<QuestionGroupReport, "attachedTo"> & {
    suggestions: { id: string; title: string }[];
    /** The entry a phrasing of this group is already in (added by kb:learn or by hand), else null. */
    attachedTo: { id: string; title: string } | null;
  })[];
  /** Groups left out because the griffie marked them "niet ons onderwerp" (kb:learn). */
  dismissedGroups: number;
  /** null when the store does not keep hand-offs (yet). */
  handoffs: HandoffRow[] | null;
  /** All 👎 grouped by reason, most first. */
  reasons: { label: string; count: number }[];
}

export interface HtmlReportInput {
  report: GriffieReport;
  asked: readonly AskedRow[];
  feedback: readonly FeedbackRow[];
  titles: ReadonlyMap<string, string>;
  /** Suggested entries for an unanswered question (the engine's candidates). */
  suggest?: (question: string) => { id: string; title: string }[];
  handoffs?: readonly StoredHandoff[] | null;
  /** Whether a group was marked "niet ons onderwerp" (kb:learn). */
  isDismissed?: (group: QuestionGroupReport) => boolean;
  /** The entry whose questions already hold a phrasing of the group, if any. */
  attachedTo?: (group: QuestionGroupReport) => { id: string; title: string } | null;
}

export const TOP_ENTRIES = 10;

/** ISO-8601 week of a date (UTC): "2026-W48", with the Monday it starts on. */
export function isoWeek(d: Date): { week: string; monday: string } {
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000);
  const n = 1 + Math.round((monday.getTime() - firstMonday.getTime()) / (7 * 86_400_000));
  return { week: `${year}-W${String(n).padStart(2, "0")}`, monday: monday.toISOString().slice(0, 10) };
}

/** Weeks without questions between the first and the last one are shown as empty weeks, not left out. */
function withEmptyWeeks(sorted: WeekRow[]): WeekRow[] {
  if (sorted.length < 2) return sorted;
  const byMonday = new Map(sorted.map((w) => [w.monday, w]));
  const out: WeekRow[] = [];
  const last = Date.parse(`${sorted[sorted.length - 1]!.monday}T00:00:00Z`);
  for (let t = Date.parse(`${sorted[0]!.monday}T00:00:00Z`); t <= last && out.length < 1000; t += 7 * 86_400_000) {
    const monday = new Date(t).toISOString().slice(0, 10);
    out.push(byMonday.get(monday) ?? { ...isoWeek(new Date(t)), counts: { answer: 0, ambiguous: 0, unknown: 0 } });
  }
  return out;
}

const text = (v: unknown): string =>
  typeof v === "string" ? v : v instanceof Date ? v.toISOString() : v == null ? "" : String(v);

export function buildHtmlReportData(input: HtmlReportInput): HtmlReportData {
  const titleOf = (id: string) => input.titles.get(id) ?? id;
  const totals = { answer: 0, ambiguous: 0, unknown: 0, help: 0 };
  const weeks = new Map<string, WeekRow>();
  const platforms = new Map<Platform, PlatformRow>();
  const entries = new Map<string, number>();
  for (const r of input.asked) {
    totals[r.status]++;
    if (r.status === "help") continue;
    const { week, monday } = isoWeek(r.at);
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = { week, monday, counts: { answer: 0, ambiguous: 0, unknown: 0 } }));
    w.counts[r.status]++;
    let p = platforms.get(r.platform);
    if (!p) platforms.set(r.platform, (p = { platform: r.platform, answered: 0, total: 0 }));
    p.total++;
    if (r.status === "answer") p.answered++;
    if (r.entryId && r.status !== "unknown") entries.set(r.entryId, (entries.get(r.entryId) ?? 0) + 1);
  }

  const perEntry = new Map<string, FeedbackEntry>();
  for (const f of input.feedback) {
    let e = perEntry.get(f.entryId);
    if (!e) perEntry.set(f.entryId, (e = { id: f.entryId, title: titleOf(f.entryId), up: 0, down: 0, reasons: [] }));
    if (f.helpful) e.up++;
    else e.down++;
    const reason = f.reason ? reasonLabel(f.reason) : "";
    const parts = [reason, f.comment ?? ""].map((s) => s.trim()).filter(Boolean);
    if (parts.length) e.reasons.push({ helpful: f.helpful, text: parts.join(": "), at: f.at.toISOString() });
  }

  return {
    generatedAt: input.report.generatedAt,
    since: input.report.since,
    days: input.report.days,
    totals,
    weeks: withEmptyWeeks([...weeks.values()].sort((a, b) => a.monday.localeCompare(b.monday))),
    platforms: [...platforms.values()].sort((a, b) => b.total - a.total || a.platform.localeCompare(b.platform)),
    topEntries: [...entries]
      .map(([id, count]) => ({ id, title: titleOf(id), count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, TOP_ENTRIES),
    feedback: [...perEntry.values()]
      .map((e) => ({ ...e, reasons: e.reasons.sort((a, b) => b.at.localeCompare(a.at)) }))
      .sort((a, b) => b.down - a.down || b.up + b.down - (a.up + a.down) || a.id.localeCompare(b.id)),
    reasons: (input.report.reasons ?? []).map(({ label, count }) => ({ label, count })),
    dismissedGroups: input.report.unanswered.filter((g) => input.isDismissed?.(g)).length,
    groups: input.report.unanswered
      .filter((g) => !input.isDismissed?.(g))
      .map((g) => {
        const attachedTo = input.attachedTo?.(g) ?? null;
        if (attachedTo) return { ...g, suggestions: [], attachedTo };
        const suggested = input.suggest?.(g.example) ?? [];
        const suggestions = suggested.length ? suggested : g.bestGuess ? [g.bestGuess] : [];
        return { ...g, suggestions, attachedTo };
      }),
    handoffs: input.handoffs
      ? input.handoffs
          .filter((h) => h.status === "open")
          .map((h) => ({
            at: text(h.at),
            platform: h.platform,
            subject: h.question,
            status: h.status,
            bestGuess: h.bestGuess ? titleOf(h.bestGuess) : null,
            link: h.link,
          }))
      : null,
  };
}
