// The local preview page ("/") and its JSON API ("/preview/api/*"): ask, read a card as Slack and Teams show
// it, give feedback, work through a checklist. Everything goes through the Bot facade with platform "preview".
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Request, type Response, Router } from "express";
import type { z } from "zod";
import type { Bot, ChecklistProgress } from "../../core/bot.ts";
import { messages } from "../../core/messages.ts";
import { feedbackText, MAX_REASON_TEXT, reasonOptions } from "../../core/feedback-reasons.ts";
import { HandoffNotDeliveredError, type HandoffService } from "../../core/handoff-service.ts";
import { updatedNote } from "../../core/freshness.ts";
import type { Link, Reply } from "../../reply.ts";
import { MAX_QUESTION_CHARS } from "../../limits.ts";
import type { Logger } from "../../log.ts";
import { HttpError } from "../errors.ts";
import { httpMessages } from "../messages.ts";
import type { PreviewRenderer } from "../mount.ts";
import { digestBody } from "../../core/markdown/digest.ts";
import { blocksToHtml, cardMarkdownHtml, inlinesToHtml, safeUrl } from "./markdown.ts";
import {
  askSchema,
  feedbackSchema,
  handoffSchema,
  idParam,
  openSchema,
  startRunSchema,
  toggleSchema,
} from "./schemas.ts";
import { slackBlocksToHtml } from "./slack-html.ts";

export interface PreviewDeps {
  bot: Bot;
  renderers: PreviewRenderer[];
  logger: Logger;
  bodyLimitBytes: number;
  /**
   * "Vraag het de griffie": the same hand-off service as Slack and Teams. The page offers the button only when it
   * has a griffie chat to deliver to (GRIFFIE_SLACK_CHANNEL, or a Teams conversation set with "griffie hier").
   */
  handoffs?: HandoffService;
}

/** Only our own scripts; inline styles are needed by the Adaptive Cards renderer. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "static");

function adaptiveCardsScript(): string | null {
  try {
    return createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js");
  } catch {
    return null;
  }
}

export interface Rendering {
  label: string;
  /** What the platform renderer produced (Block Kit message, Adaptive Card). */
  payload: unknown;
  /** Slack only: the blocks as HTML. */
  html?: string;
  /** Slack only: the message after "Lees meer" (full text), as payload and HTML. */
  full?: { payload: unknown; html: string };
  /** Teams only: the HTML of every TextBlock's markdown, keyed by its text (the page's markdown hook reads it). */
  markdownHtml?: Record<string, string>;
  error?: string;
}

export interface PreviewReply {
  reply: Reply;
  /** The answer's full body (markdown subset) as safe HTML, shown on "Lees meer". */
  html: string | null;
  /** Answer first: at most five key lines of the body as safe inline HTML (none for a checklist). */
  keyLines: string[];
  /** True when the body has more than the key lines: the page offers "Lees meer". */
  hasDetails: boolean;
  /** "Inhoud gecontroleerd op …" when the answer has a date. */
  updatedText: string | null;
  /** "Opgevat als vervolgvraag op …" when the question was read as a follow-up (src/core/follow-up.ts). */
  followUpText: string | null;
  /**
   * What the page shows next to the status badge: "Zekerheid 97%" for an answer or an unknown reply; for an
   * ambiguous reply no percentage (it can be high when two entries tie), but what the middle band means.
   */
  confidenceText: string | null;
  /** True on an unknown reply when a griffie chat is configured: the page offers "Vraag het de griffie". */
  handoff: boolean;
  renderings: Record<string, Rendering>;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw new HttpError(400, "invalid_input", result.error.issues[0]?.message ?? httpMessages.badRequest);
  return result.data;
}

function param(req: Request, name: string): string {
  const result = idParam.safeParse(req.params[name]);
  if (!result.success) throw new HttpError(400, "invalid_input", httpMessages.badRequest);
  return result.data;
}

/** Source links that pass the shared URL check (the page links them itself). */
const safeLinks = (links: Link[]): Link[] =>
  links.flatMap((l) => {
    const url = safeUrl(l.url);
    return url ? [{ ...l, url }] : [];
  });

function progressJson(p: ChecklistProgress) {
  return { ...p, label: messages.checklistProgress(p.done, p.total) };
}

export function previewRouter(deps: PreviewDeps): Router {
  const { bot, renderers, logger } = deps;
  const router = Router();
  router.use((_req, res, next) => {
    res.set({
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
    });
    next();
  });
  const json = express.json({ limit: deps.bodyLimitBytes, strict: true });

  const present = (reply: Reply): PreviewReply => {
    const renderings: Record<string, Rendering> = {};
    for (const r of renderers) {
      try {
        const payload = r.render(reply);
        const full = r.id === "slack" && reply.answer && r.renderFull ? r.renderFull(reply) : undefined;
        renderings[r.id] = {
          label: r.label,
          payload,
          ...(r.id === "slack" ? { html: slackBlocksToHtml(payload) } : {}),
          ...(full !== undefined ? { full: { payload: full, html: slackBlocksToHtml(full) } } : {}),
          ...(r.id === "teams" ? { markdownHtml: cardMarkdownHtml(payload) } : {}),
        };
      } catch (err) {
        logger.warn({ err, renderer: r.id }, "preview renderer failed");
        renderings[r.id] = { label: r.label, payload: null, error: "Deze weergave kon niet worden gemaakt." };
      }
    }
    const answer = reply.answer;
    const digest = answer ? digestBody(answer.text) : null;
    const keyLines = answer && digest && answer.kind !== "checklist" ? digest.keyLines : [];
    return {
      // The page links the sources itself: only those that pass the shared URL check.
      reply: answer ? { ...reply, answer: { ...answer, links: safeLinks(answer.links) } } : reply,
      html: digest ? blocksToHtml(digest.details) : null,
      keyLines: keyLines.map(inlinesToHtml),
      hasDetails: digest ? (keyLines.length ? digest.hasDetails : digest.details.length > 0) : false,
      updatedText: answer ? updatedNote(answer) : null,
      followUpText: reply.followUp ? messages.followUpNote(reply.followUp.title) : null,
      confidenceText: confidenceText(reply),
      handoff: false,
      renderings,
    };
  };
  const handoffEnabled = async (): Promise<boolean> => (deps.handoffs ? deps.handoffs.enabled() : false);

  const api = Router();
  api.get("/help", (_req, res) => {
    res.json({ ...present(bot.help()), featured: bot.featuredTopics(), messages: pageMessages });
  });
  api.post("/ask", json, async (req, res) => {
    const { q, session } = parse(askSchema, req.body);
    const reply = await bot.ask(q, { platform: "preview", ...(session ? { conversation: `preview:${session}` } : {}) });
    res.json({ ...present(reply), handoff: reply.status === "unknown" && (await handoffEnabled()) });
  });
  api.get("/entry/:id", (req, res) => {
    const reply = bot.answerById(param(req, "id"));
    if (reply.status === "unknown" || !reply.answer)
      throw new HttpError(404, "unknown_entry", httpMessages.unknownEntry);
    res.json(present(reply));
  });
  // The page opens a related topic or suggestion: with its session, the entry becomes the follow-up context.
  api.post("/entry/:id", json, async (req, res) => {
    const { session } = parse(openSchema, req.body ?? {});
    const id = param(req, "id");
    if (bot.answerById(id).status === "unknown") throw new HttpError(404, "unknown_entry", httpMessages.unknownEntry);
    res.json(present(await bot.openEntry(id, session ? { conversation: `preview:${session}` } : {})));
  });
  api.get("/checklists", (_req, res) => {
    res.json({ title: messages.checklistsTitle, checklists: bot.listChecklists() });
  });
  api.post("/checklists/:id/runs", json, async (req, res) => {
    const checklistId = param(req, "id");
    const { userId } = parse(startRunSchema, req.body);
    if (!bot.listChecklists().some((c) => c.id === checklistId))
      throw new HttpError(404, "unknown_checklist", httpMessages.unknownChecklist);
    const progress = await bot.startChecklist(checklistId, `preview:${userId}`);
    res.status(201).json({ progress: progressJson(progress), ...present(bot.answerById(checklistId)) });
  });
  api.get("/runs/:runId", async (req, res) => {
    const progress = await bot.checklistProgress(param(req, "runId"));
    if (!progress) throw new HttpError(404, "unknown_run", httpMessages.unknownRun);
    res.json({ progress: progressJson(progress), ...present(bot.answerById(progress.run.checklistId)) });
  });
  api.post("/runs/:runId/items", json, async (req, res) => {
    const runId = param(req, "runId");
    const { itemId, checked, userId } = parse(toggleSchema, req.body);
    const current = await bot.checklistProgress(runId);
    if (!current) throw new HttpError(404, "unknown_run", httpMessages.unknownRun);
    if (!current.items.some((i) => i.id === itemId)) throw new HttpError(400, "unknown_item", httpMessages.unknownItem);
    const progress = await bot.toggleChecklistItem(runId, itemId, userId, checked);
    res.json({ progress: progressJson(progress) });
  });
  api.get("/runs/:runId/export", async (req: Request, res: Response) => {
    const runId = param(req, "runId");
    const markdown = await bot.exportChecklist(runId);
    if (markdown === null) throw new HttpError(404, "unknown_run", httpMessages.unknownRun);
    res.type("text/markdown; charset=utf-8");
    if (req.query.download !== undefined) res.attachment(`checklist-${runId.replace(/[^A-Za-z0-9_-]/g, "")}.md`);
    res.send(markdown);
  });
  api.post("/feedback", json, async (req, res) => {
    const { entryId, helpful, comment, userId, reason } = parse(feedbackSchema, req.body);
    if (bot.answerById(entryId).status === "unknown")
      throw new HttpError(404, "unknown_entry", httpMessages.unknownEntry);
    await bot.recordFeedback(
      entryId,
      helpful,
      "preview",
      comment,
      userId === undefined ? undefined : `preview:${userId}`,
      helpful ? undefined : reason,
    );
    res.status(201).json({
      ok: true,
      message: reason ? feedbackText.reasonThanks : messages.feedbackThanks,
      // After a 👎 reason the thank-you offers "Vraag het de griffie" (as in Slack and Teams).
      handoff: Boolean(!helpful && reason) && (await handoffEnabled()),
    });
  });
  // "Vraag het de griffie": the page sends only after the user confirmed the question in its form.
  api.post("/handoff", json, async (req, res) => {
    if (!deps.handoffs || !(await deps.handoffs.enabled()))
      throw new HttpError(404, "handoff_unavailable", feedbackText.handoffUnavailable);
    const { question, bestGuess, userId } = parse(handoffSchema, req.body);
    const known = bestGuess && bot.answerById(bestGuess).status !== "unknown" ? bestGuess : null;
    try {
      await deps.handoffs.forward({
        question,
        bestGuess: known,
        platform: "preview",
        ...(userId ? { userId: `preview:${userId}` } : {}),
        link: null,
      });
    } catch (err) {
      if (err instanceof HandoffNotDeliveredError)
        throw new HttpError(502, "handoff_failed", feedbackText.handoffFailed);
      throw err;
    }
    res.status(201).json({ ok: true, message: feedbackText.handoffSentPreview });
  });
  router.use("/preview/api", api);

  const acScript = adaptiveCardsScript();
  router.get("/preview/vendor/adaptivecards.min.js", (_req, res) => {
    if (!acScript) throw new HttpError(404, "not_found", httpMessages.notFound);
    res.type("application/javascript").sendFile(acScript, { maxAge: "1h" });
  });
  router.use("/preview/assets", express.static(STATIC_DIR, { index: false, fallthrough: true, maxAge: 0 }));
  router.get("/", (_req, res) => {
    res.set("Cache-Control", "no-store").sendFile(join(STATIC_DIR, "index.html"));
  });
  return router;
}

/** The text next to the status badge (see PreviewReply.confidenceText). */
export function confidenceText(reply: Reply): string | null {
  if (reply.status === "help") return null;
  if (reply.status === "ambiguous") return previewText.ambiguousConfidence;
  return `Zekerheid ${Math.round(reply.confidence * 100)}%`;
}

const previewText = {
  /** An ambiguous reply: the engine found more than one entry that fits (a tie, or only a partial match). */
  ambiguousConfidence: "Niet zeker welk onderwerp u bedoelt",
};

/** Chat wording the page reuses, so that it says what the bots say. */
const pageMessages = {
  botName: messages.botName,
  intro: messages.intro,
  helpTitle: messages.helpTitle,
  helpText: messages.helpText,
  unknownTitle: messages.unknownTitle,
  unknownText: messages.unknownText,
  ambiguousTitle: messages.ambiguousTitle,
  related: messages.related,
  sources: messages.sources,
  didYouMean: messages.didYouMean,
  ambiguousIntro: messages.ambiguousIntro,
  orDidYouMean: messages.orDidYouMean,
  feedbackQuestion: messages.feedbackQuestion,
  feedbackYes: messages.feedbackYes,
  feedbackNo: messages.feedbackNo,
  feedbackThanks: messages.feedbackThanks,
  readMore: messages.readMore,
  readLess: messages.readLess,
  checklistsTitle: messages.checklistsTitle,
  checklistExport: messages.checklistExport,
  checklistOpen: messages.checklistOpen,
  topicsTitle: messages.topicsTitle,
  /** The 👎 reason form (static/feedback-reason.js). */
  feedbackReasons: reasonOptions(),
  feedbackReason: {
    title: feedbackText.reasonTitle,
    textLabel: feedbackText.reasonTextLabel,
    placeholder: feedbackText.reasonTextPlaceholder,
    submit: feedbackText.reasonSubmit,
    missing: feedbackText.reasonMissing,
    maxLength: MAX_REASON_TEXT,
  },
  /** "Vraag het de griffie" (static/handoff.js): the confirmation form before anything is sent. */
  handoff: {
    button: feedbackText.handoffButton,
    title: feedbackText.handoffTitle,
    intro: feedbackText.handoffIntroPreview,
    label: feedbackText.handoffQuestionLabel,
    submit: feedbackText.handoffSubmit,
    cancel: feedbackText.cancel,
    missing: feedbackText.handoffQuestionMissing,
    maxLength: MAX_QUESTION_CHARS,
  },
};
