// The data our Adaptive Card actions carry, and how a click (Action.Execute invoke or its Action.Submit
// fallback) is parsed back. Input.Toggle values arrive merged into the same object ("item-1": "true").
import { z } from "zod";
import { MAX_QUESTION_CHARS } from "../../src/limits.ts";

export const ACTION_ANSWER = "answer";
export const ACTION_FEEDBACK = "feedback";
export const ACTION_CHECKLIST_SAVE = "checklistSave";
export const ACTION_CHECKLIST_EXPORT = "checklistExport";

/** Input id of a checklist item's toggle: "item-<position>" (1-based position in the checklist). */
export const toggleInputId = (position: number): string => `item-${position}`;

const answerAction = z.object({ action: z.literal(ACTION_ANSWER), id: z.string().min(1).max(200) });
const feedbackAction = z.object({
  action: z.literal(ACTION_FEEDBACK),
  entryId: z.string().min(1).max(200),
  helpful: z.boolean(),
  /** The user's question (on 👎 only), for the hand-off after it. */
  q: z.string().max(MAX_QUESTION_CHARS).optional(),
});
const checklistAction = z.object({
  action: z.enum([ACTION_CHECKLIST_SAVE, ACTION_CHECKLIST_EXPORT]),
  checklistId: z.string().min(1).max(200),
  runId: z.string().min(1).max(200).optional(),
});

export const cardActionSchema = z.union([answerAction, feedbackAction, checklistAction]);

export type AnswerAction = z.infer<typeof answerAction>;
export type FeedbackAction = z.infer<typeof feedbackAction>;
export type ChecklistAction = z.infer<typeof checklistAction>;
export type CardAction = z.infer<typeof cardActionSchema>;

export interface ParsedCardAction {
  action: CardAction;
  /** Toggle inputs present in the submitted data, by 1-based item position. */
  toggles: Map<number, boolean>;
}

/** Parses an action's data (plus merged inputs); null when it is not one of ours. */
export function parseCardAction(data: unknown): ParsedCardAction | null {
  if (!data || typeof data !== "object") return null;
  const parsed = cardActionSchema.safeParse(data);
  if (!parsed.success) return null;
  const toggles = new Map<number, boolean>();
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const m = /^item-(\d{1,4})$/.exec(key);
    if (!m) continue;
    toggles.set(Number(m[1]), value === true || value === "true");
  }
  return { action: parsed.data, toggles };
}
