// What a CLI uses of the outside world: its output streams, its environment and its standard input. Each CLI's
// logic is a `run(argv, io)` that returns the exit code; its entry file (src/cli/<name>.ts) passes processIo().
// Tests run the same function in-process with an io of their own (tests/support/cli.ts), so a test case does not
// pay for a Node process of its own; each CLI keeps one test that starts it as a real process.
import type { Readable } from "node:stream";
import dotenv from "dotenv";

export interface CliIo {
  /** Writes `text` to standard output as is (no newline added). */
  readonly out: (text: string) => void;
  /** Writes `text` to standard error as is (no newline added). */
  readonly err: (text: string) => void;
  /** The environment the CLI reads (and .env adds to, as dotenv does for process.env). */
  readonly env: NodeJS.ProcessEnv;
  /** Standard input, for the CLIs that read it (ask --jsonl, kb:learn). */
  readonly stdin: Readable & { readonly isTTY?: boolean };
  /** Standard output as a stream, for readline to echo typed input on a terminal (kb:learn); none in tests. */
  readonly terminal?: NodeJS.WritableStream;
  /**
   * Records the exit code so far, for a CLI that fails halfway and writes on: the process's exitCode, with which
   * src/cli/quiet-pipe.ts ends it when the reader of its output goes away.
   */
  readonly exitCodeSoFar?: (code: number) => void;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    // Only touched by the CLIs that read it: creating process.stdin opens the handle.
    get stdin() {
      return process.stdin;
    },
    terminal: process.stdout,
    exitCodeSoFar: (code) => {
      process.exitCode = code;
    },
  };
}

/** A line on standard output, as console.log(line) writes it. */
export const outLine = (io: CliIo, line: string): void => io.out(`${line}\n`);
/** A line on standard error, as console.error(line) writes it. */
export const errLine = (io: CliIo, line: string): void => io.err(`${line}\n`);

/** Adds .env (from the working directory) to `io.env` as dotenv.config() adds it to process.env: set values win. */
export function loadDotenv(io: CliIo): void {
  dotenv.config({ quiet: true, processEnv: io.env as Record<string, string> });
}
