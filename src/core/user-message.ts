// The Dutch text a user sees for a core error, shared by every adapter and the HTTP error handler.
import { ChecklistError, type ChecklistErrorCode, UnknownRunError } from "../errors.ts";
import { messages } from "./messages.ts";

const CHECKLIST_MESSAGES: Record<ChecklistErrorCode, string> = {
  "unknown-checklist": messages.checklistUnknown,
  "unknown-item": messages.checklistItemUnknown,
  "unknown-run": messages.checklistRunUnknown,
};

/** The Dutch message for an error the user can act on (a stale checklist button), or null for a real failure. */
export function userMessageOf(err: unknown): string | null {
  if (err instanceof ChecklistError || err instanceof UnknownRunError) return CHECKLIST_MESSAGES[err.code];
  return null;
}
