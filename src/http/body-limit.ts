// Caps every request body (including the platform mounts, which read bodies themselves) at a byte limit.
// Two checks: the declared Content-Length, and the bytes actually delivered to whoever reads the stream
// (chunked bodies declare no length). Above the limit the client gets 413 and the connection is closed.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { httpMessages } from "./messages.ts";

export const PAYLOAD_TOO_LARGE = 413;

function reject(req: Request, res: Response, limit: number): void {
  if (!res.headersSent) {
    res
      .status(PAYLOAD_TOO_LARGE)
      .set("Connection", "close")
      .json({
        error: "payload_too_large",
        message: httpMessages.bodyTooLarge(limit),
      });
  }
  // Stop reading: close the socket once the response is out (or at once when a handler already answered).
  const destroy = () => req.socket.destroy();
  if (res.writableFinished) destroy();
  else res.once("finish", destroy);
}

export function bodyLimit(limit: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      const length = Number(declared);
      if (Number.isFinite(length) && length > limit) {
        reject(req, res, limit);
        return;
      }
      // Node's HTTP parser delivers exactly Content-Length bytes of body (anything after it is the next request),
      // so a body that declares a length within the limit needs no counting: the common case costs nothing.
      if (Number.isFinite(length) && length >= 0 && req.headers["transfer-encoding"] === undefined) {
        next();
        return;
      }
    }
    let received = 0;
    let exceeded = false;
    const emit = req.emit.bind(req) as (event: string | symbol, ...args: unknown[]) => boolean;
    // Every chunk a reader gets (flowing 'data' listeners and read() alike) passes through emit("data").
    req.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
      // Once over the limit, readers get no more data and never see the body "end": they must not act on it.
      if (exceeded && (event === "data" || event === "end" || event === "readable")) return false;
      if (event === "data") {
        const chunk = args[0];
        received += typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
        if (received > limit) {
          exceeded = true;
          req.pause();
          reject(req, res, limit);
          return false;
        }
      }
      return emit(event, ...args);
    }) as Request["emit"];
    next();
  };
}
