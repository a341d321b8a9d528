// Input validation for the preview API (zod); messages are Dutch and shown to the user.
import { z } from "zod";
import { normalizeUserText } from "../../core/user-text.ts";
import { httpMessages } from "../messages.ts";
import { MAX_QUESTION_CHARS } from "../../limits.ts";
import { FEEDBACK_REASONS } from "../../store/port.ts";

export { MAX_QUESTION_CHARS };

const id = z
  .string({ error: httpMessages.badRequest })
  .trim()
  .min(1, httpMessages.badRequest)
  .max(200, httpMessages.badRequest);
const userId = z
  .string({ error: httpMessages.userIdRequired })
  .trim()
  .min(1, httpMessages.userIdRequired)
  .max(100, httpMessages.userIdRequired)
  .regex(/^[A-Za-z0-9_-]+$/, httpMessages.userIdRequired);

/** The page's conversation (one per browser tab): follow-up questions use its context. */
const session = z
  .string({ error: httpMessages.badRequest })
  .regex(/^[A-Za-z0-9_-]{1,100}$/, httpMessages.badRequest)
  .optional();

/** POST /entry/:id: open an entry (a related topic) in the page's conversation. */
export const openSchema = z.object({ session });

/** A question typed on the page: normalised like all user text, not empty, not longer than the engine takes. */
const question = z
  .string({ error: httpMessages.questionRequired })
  .overwrite(normalizeUserText)
  .trim()
  .min(1, httpMessages.questionRequired)
  .max(MAX_QUESTION_CHARS, httpMessages.questionTooLong);

export const askSchema = z.object({
  q: question,
  session,
});

export const feedbackSchema = z.object({
  entryId: id,
  helpful: z.boolean({ error: httpMessages.helpfulRequired }),
  comment: z.string().overwrite(normalizeUserText).trim().max(1000, httpMessages.badRequest).optional(),
  /** The page's own anonymous id: one feedback row per page user and entry. */
  userId: userId.optional(),
  /** Why a 👎 (the reason form after 👎); the comment then explains it. */
  reason: z.enum(FEEDBACK_REASONS, { error: httpMessages.badRequest }).optional(),
});

/** POST /handoff: "Vraag het de griffie", sent after the user confirmed the (editable) question. */
export const handoffSchema = z.object({
  question,
  /** The answer that got the 👎, or the best suggestion of an unknown reply. */
  bestGuess: id.optional(),
  userId: userId.optional(),
});

export const startRunSchema = z.object({ userId });

export const toggleSchema = z.object({
  itemId: id,
  checked: z.boolean({ error: httpMessages.badRequest }),
  userId,
});

export const idParam = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:#-]+$/);
