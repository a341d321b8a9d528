// Action ids and block ids the Slack renderer writes and the interaction handlers read.
// Slack wants action_ids unique within a block, so repeated buttons get an index suffix ("open_entry:2").

export const ACTION = {
  /** Related topic, "bedoelde u" suggestion or featured topic: value = entry id. */
  openEntry: "open_entry",
  /** Open a checklist: value = checklist id. */
  openChecklist: "checklist_open",
  feedbackYes: "feedback_yes",
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
