// In front of Bolt's receiver on /slack/events (HTTP mode): reads the body once, then
//  1. verifies the signature (v0 HMAC-SHA256 over "v0:{timestamp}:{body}") and that the timestamp is within
//     5 minutes of now in EITHER direction (Bolt rejects only old ones) → 401;
//  2. refuses a signed body that is not an object (JSON null, an array, a number; a form without fields) → 400;
//  3. answers a replay (the same signature and timestamp seen within 5 minutes, recorded in the store so every
//     instance on one database knows it) with 200 and no effect.
// The parsed body goes on as req.body: Bolt's receiver (./receiver.ts) dispatches it without reading, verifying or
// parsing it again.
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse as parseQuery } from "node:querystring";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { SeenRequests } from "../../src/core/seen-requests.ts";
import type { Logger } from "../../src/log.ts";

/** How far a request timestamp may be from now, either way, and how long a signature is remembered. */
export const SLACK_TIMESTAMP_WINDOW_S = 300;

export interface RequestGuardOptions {
  signingSecret: string;
  bodyLimit: number;
  seen: SeenRequests;
  logger: Logger;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
}

class BodyTooLarge extends Error {}

/** The whole body, or BodyTooLarge past `limit` bytes (events, not an async iterator: cheaper per request). */
function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > limit) {
        cleanup();
        req.resume(); // drain the rest; the 413 closes the connection
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
    };
    const onAborted = () => onError(new Error("request aborted"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
};

function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The body as Bolt will parse it, or null when it is not an object (or not parseable at all). */
export function parsedObject(body: string, contentType: string | undefined): Record<string, unknown> | null {
  try {
    if ((contentType ?? "").split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded") {
      const form = parseQuery(body);
      if (typeof form.payload === "string") {
        const payload: unknown = JSON.parse(form.payload);
        return isObject(payload) ? payload : null;
      }
      return Object.keys(form).length ? (form as Record<string, unknown>) : null;
    }
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function slackRequestGuard(opts: RequestGuardOptions): RequestHandler {
  const now = opts.now ?? Date.now;
  const log = opts.logger;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST") return next();
    let raw: Buffer;
    try {
      raw = await readBody(req, opts.bodyLimit);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof BodyTooLarge) res.status(413).set("Connection", "close").end();
      else res.status(400).end();
      return;
    }
    const timestamp = header(req, "x-slack-request-timestamp");
    const signature = header(req, "x-slack-signature");
    const seconds = timestamp !== undefined && /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
    const skew = Math.abs(Math.floor(now() / 1000) - seconds);
    if (!signature || !timestamp || !Number.isFinite(seconds)) {
      log.warn({ reason: "missing signature headers" }, "slack request rejected");
      res.status(401).end();
      return;
    }
    if (!(skew <= SLACK_TIMESTAMP_WINDOW_S)) {
      log.warn({ reason: "timestamp outside 5 minutes", skewSeconds: skew }, "slack request rejected");
      res.status(401).end();
      return;
    }
    if (!signatureMatches(opts.signingSecret, timestamp, raw, signature)) {
      log.warn({ reason: "signature mismatch" }, "slack request rejected");
      res.status(401).end();
      return;
    }
    const parsed = parsedObject(raw.toString("utf8"), header(req, "content-type"));
    if (!parsed) {
      log.warn({ reason: "signed body is not an object" }, "slack request rejected");
      res.status(400).end();
      return;
    }
    try {
      if (!(await opts.seen.firstSeen(`slack:sig:${timestamp}:${signature}`, SLACK_TIMESTAMP_WINDOW_S * 1000))) {
        log.info({ reason: "replay" }, "slack request already handled; answered without effect");
        res.status(200).end();
        return;
      }
    } catch (err) {
      // The store is down: better to answer twice than not at all (the event-id record still applies).
      log.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        "slack: could not record the request signature",
      );
    }
    req.body = parsed;
    next();
  };
}
