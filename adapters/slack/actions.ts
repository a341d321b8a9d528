// Action ids and block ids the Slack renderer writes and the interaction handlers read, and the button values
// that carry more than an id. Slack wants action_ids unique within a block, so repeated buttons get an index
// suffix ("open_entry:2").
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";
import { escapeMrkdwn, unescapeMrkdwn } from "./mrkdwn.ts";

export const ACTION = {
  /** Related topic, "bedoelde u" suggestion or featured topic: value = entry id. */
  openEntry: "open_entry",
  /** Open a checklist: value = checklist id. */
  openChecklist: "checklist_open",
  /** 👍: value = entry id. */
  feedbackYes: "feedback_yes",
  /** 👎: value = entry id, or {e, q} with the question (feedbackNoValue). */
  feedbackNo: "feedback_no",
  /** "Deel in kanaal": value = entry id. */
  share: "share_answer",
  /** A checkboxes element of a checklist run (block id carries the run). */
  tick: "checklist_tick",
  /** "Exporteer": value = run id. */
  exportChecklist: "checklist_export",
  /** "Lees meer": value = entry id; the message is updated in place with the full text. */
  readMore: "read_more",
} as const;

/** Block ids of an answer's short form, which "Lees meer" replaces by the full text. */
export const BLOCK = {
  keyLines: "rw_key_lines",
  readMore: "rw_read_more",
} as const;

/** Matches an action id with or without its index suffix. */
export const actionPattern = (base: string): RegExp => new RegExp(`^${base}(?::\\d+)?$`);

export const indexedAction = (base: string, index: number): string => `${base}:${index}`;

const CHECKLIST_BLOCK_PREFIX = "cl";

/** Block id of the n-th (1-based) checkboxes group of a checklist run. */
export function checklistBlockId(runId: string | undefined, group: number): string {
  return `${CHECKLIST_BLOCK_PREFIX}|${runId ?? ""}|${group}`;
}

/** The run id in a checklist block id, or null when the block belongs to no run. */
export function runIdFromBlockId(blockId: string): string | null {
  const [prefix, runId] = blockId.split("|");
  return prefix === CHECKLIST_BLOCK_PREFIX && runId ? runId : null;
}

/**
 * A button value that carries the user's question with other fields, as JSON within Block Kit's 2,000 characters
 * (and a modal's 3,000 of private_metadata): the question is cut until it fits, the other fields never.
 */
export function jsonWithQuestion(fields: Record<string, string>, question: string | undefined, max = 2000): string {
  let q = question?.replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION_CHARS);
  for (;;) {
    const value = JSON.stringify({ ...fields, ...(q ? { q } : {}) });
    if (value.length <= max || !q) return value;
    q = q.slice(0, Math.floor(q.length * 0.8)).trimEnd();
  }
}

/**
 * The 👎 button's value: the entry id, or JSON {e, q} when the message answers a question, so that "Vraag het de
 * griffie" after the 👎 starts with that question.
 */
export function feedbackNoValue(entryId: string, question: string | undefined): string {
  // Escaped like message text, so no payload of ours holds mention markup (<!channel>) even where Slack shows none.
  return question?.trim() ? jsonWithQuestion({ e: entryId }, escapeMrkdwn(question)) : entryId;
}

/** Reads a 👎 (or 👍) button's value: a plain entry id (also on messages sent before the question was carried) or {e, q}. */
export function parseFeedbackValue(value: string): { entryId: string; question?: string } {
  if (!value.startsWith("{")) return { entryId: value };
  try {
    const v = JSON.parse(value) as { e?: unknown; q?: unknown };
    if (typeof v.e !== "string") return { entryId: "" };
    return {
      entryId: v.e,
      ...(typeof v.q === "string" && v.q ? { question: unescapeMrkdwn(v.q).slice(0, MAX_QUESTION_CHARS) } : {}),
    };
  } catch {
    return { entryId: "" };
  }
}
