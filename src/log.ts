// Structured logs (pino). JSON lines, one per event; pretty and coloured only when stdout is a terminal in
// development (and pino-pretty is installed), so log files and pipes never get colour codes. Written to stdout
// asynchronously, in chunks (see createLogger).
// Every line logged while a request is handled carries that request's id (`reqId`), through AsyncLocalStorage:
// the adapters and the core keep using the one logger they were given.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** stdout lines are written in chunks of about this many bytes… */
const LOG_BUFFER_BYTES = 4_096;
/** …or this long after they were logged, whichever comes first. */
const LOG_FLUSH_MS = 100;
/** Lines at this level (warn) or above are written at once. */
const WRITE_AT_ONCE_LEVEL = 40;

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
  if (opts.destination) return pino(options, opts.destination);
  // Asynchronous, buffered writes to stdout: a request never waits for (or stalls in) a write system call. Lines
  // are collected up to LOG_BUFFER_BYTES and written then, or LOG_FLUSH_MS after the first of them at the latest;
  // a warning or error starts the write at once.
  // pino writes what is still buffered synchronously when the process exits (process.exit, an uncaught exception);
  // main.ts flushes on SIGTERM/SIGINT before exiting.
  const stdout = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  // Bytes logged but not yet written. A flush finds nothing to do while a write is still in progress (a slow reader,
  // a full pipe), and what was logged behind that write stays below LOG_BUFFER_BYTES, so sonic-boom will not write
  // it by itself: the timer keeps trying until every logged byte has been written, not just once per line.
  let pending = 0;
  stdout.on("write", (n: number) => {
    pending = Math.max(0, pending - n);
  });
  const flush = (): void => {
    try {
      stdout.flush();
    } catch {
      // Destroyed at exit: nothing left to write.
    }
  };
  const timer = setInterval(() => {
    if (pending > 0) flush();
  }, LOG_FLUSH_MS);
  timer.unref();
  const countPending = (line: string): string => {
    pending += Buffer.byteLength(line);
    return line;
  };
  return pino(
    {
      ...options,
      hooks: {
        streamWrite: countPending,
        // Warnings and errors are rare and wanted at once (an operator, a test watching the output): written now.
        logMethod(args, method, level) {
          method.apply(this, args);
          if (level >= WRITE_AT_ONCE_LEVEL) flush();
        },
      },
    },
    stdout,
  );
}
