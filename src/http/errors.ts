// JSON answers for unknown routes and errors: a Dutch message, a stable code, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { userMessageOf } from "../core/user-message.ts";
import { ChecklistError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { httpMessages } from "./messages.ts";

/** An error with an HTTP status and a Dutch message that may be shown to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function statusOfChecklistError(err: ChecklistError): number {
  return err.code === "unknown-item" ? 400 : 404;
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: "not_found", message: httpMessages.notFound });
};

interface StatusLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
}

function statusOf(err: unknown): number {
  const e = (err ?? {}) as StatusLike;
  const s = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : 500;
  return s >= 400 && s <= 599 ? s : 500;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = err instanceof ChecklistError ? statusOfChecklistError(err) : statusOf(err);
    const type = (err as StatusLike | null)?.type;
    let body: { error: string; message: string };
    if (err instanceof HttpError) body = { error: err.code, message: err.message };
    else if (err instanceof ChecklistError)
      body = { error: err.code.replace(/-/g, "_"), message: userMessageOf(err) ?? httpMessages.badRequest };
    else if (type === "entity.parse.failed") body = { error: "invalid_json", message: httpMessages.badJson };
    else if (status === 413)
      body = {
        error: "payload_too_large",
        message: httpMessages.bodyTooLarge(Number((err as { limit?: number }).limit) || 0),
      };
    else if (status < 500) body = { error: "bad_request", message: httpMessages.badRequest };
    else body = { error: "internal", message: httpMessages.internal };

    if (status >= 500) logger.error({ err, method: req.method, path: req.path }, "request failed");
    else
      logger.debug({ method: req.method, path: req.path, status, reason: (err as Error)?.message }, "request rejected");

    if (res.headersSent) {
      // Too late for a JSON answer; end the response so the client is not left waiting.
      if (!res.writableEnded) res.end();
      return;
    }
    res.status(status).json(body);
  };
}
