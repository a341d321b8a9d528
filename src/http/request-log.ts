// Per request: an id (the client's or proxy's `x-request-id` when it is sane, else a new UUID) that is echoed in the
// response header and added to every log line logged while the request is handled, and one access line when it
// ends: method, path (no query string), status and duration. No bodies, no headers, no user text.
// Platform routes (Slack, Teams) get that line at info level; everything else (health checks, preview) at debug.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { type Logger, runWithLogContext } from "../log.ts";

export const REQUEST_ID_HEADER = "x-request-id";

/** What we accept from outside as a request id: short, and no characters that could forge or split log lines. */
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_ID.test(value) ? value : randomUUID();
}

export interface RequestLogOptions {
  /** Path prefixes whose requests are logged at info level (the platform mounts, e.g. "/slack", "/api/messages"). */
  accessPaths?: readonly string[];
}

const under = (path: string, prefix: string): boolean =>
  path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);

export function requestLog(logger: Logger, opts: RequestLogOptions = {}): RequestHandler {
  const accessPaths = opts.accessPaths ?? [];
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, reqId);
    const path = req.path;
    const platform = accessPaths.some((prefix) => under(path, prefix));
    if (platform || logger.isLevelEnabled("debug")) {
      res.once("close", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const line = {
          reqId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          // The connection closed before the response was sent (client gave up, or shutdown cut it).
          ...(res.writableFinished ? {} : { aborted: true }),
        };
        if (platform) logger.info(line, "request");
        else logger.debug(line, "request");
      });
    }
    runWithLogContext({ reqId }, next);
  };
}
