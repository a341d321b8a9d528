// Structured logs (pino). JSON lines, one per event; pretty and coloured only when stdout is a terminal in
// development (and pino-pretty is installed), so log files and pipes never get colour codes. Written to stdout
// asynchronously (see createLogger).
// Every line logged while a request is handled carries that request's id (`reqId`), through AsyncLocalStorage:
// the adapters and the core keep using the one logger they were given.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LogContext {
  /** The request id: the client's or proxy's `x-request-id`, or a generated one. */
  reqId: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `fn` (and everything it starts, sync or async) with `ctx` added to each log line. */
export function runWithLogContext<T>(ctx: LogContext, fn: () => T): T {
  return logContext.run(ctx, fn);
}

/** The id of the request being handled here, if any. */
export function currentRequestId(): string | undefined {
  return logContext.getStore()?.reqId;
}

/** Pretty output only for a person at a terminal: development and a TTY. */
export function wantsPretty(opts: { pretty?: boolean; isTTY?: boolean }): boolean {
  return Boolean(opts.pretty) && Boolean(opts.isTTY);
}

export interface LoggerOptions {
  level?: string;
  /** Pretty output requested (development); used only when stdout is a terminal. */
  pretty?: boolean;
  /** Whether stdout is a terminal (default: process.stdout.isTTY). */
  isTTY?: boolean;
  /** Where JSON lines go (default: stdout). Tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? "info";
  const options = {
    level,
    redact: ["req.headers.authorization", "*.token", "*.password", "*.secret"],
    // A new object each time: pino merges the line's own fields into what the mixin returns.
    mixin: (): Partial<LogContext> => {
      const ctx = logContext.getStore();
      return ctx ? { reqId: ctx.reqId } : {};
    },
  };
  if (!opts.destination && wantsPretty({ pretty: opts.pretty, isTTY: opts.isTTY ?? process.stdout.isTTY })) {
    try {
      createRequire(import.meta.url).resolve("pino-pretty");
      return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
    } catch {
      // pino-pretty is a dev dependency; fall back to JSON.
    }
  }
  // Asynchronous writes to stdout: a request never waits for (or stalls in) the write system call; lines that
  // arrive while a write is in flight go out together with the next one. pino writes what is still buffered
  // synchronously when the process exits (process.exit, an uncaught exception); main.ts flushes on SIGTERM.
  return pino(options, opts.destination ?? pino.destination({ dest: 1, sync: false }));
}
