// Structured JSON logs (pino); pretty output in development when pino-pretty is installed.
import { createRequire } from "node:module";
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(opts: { level?: string; pretty?: boolean } = {}): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? "info";
  if (opts.pretty) {
    try {
      createRequire(import.meta.url).resolve("pino-pretty");
      return pino({ level, transport: { target: "pino-pretty", options: { colorize: true } } });
    } catch {
      // pino-pretty is a dev dependency; fall back to JSON.
    }
  }
  return pino({ level, redact: ["req.headers.authorization", "*.token", "*.password", "*.secret"] });
}
