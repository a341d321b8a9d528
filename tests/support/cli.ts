// Runs a CLI in this worker: its run(argv, io) from src/cli/<name>-run.ts with the environment and standard input a
// test gives it, collecting stdout and stderr as a child process's would be. A spawned CLI cost its test up to a
// second of CPU (Node, the bundle, the knowledge base or PGlite loaded afresh); in-process the worker's loaded
// modules serve. Each CLI keeps one test that starts it as a real process (its entry file: exit code and output).
import { Readable } from "node:stream";
import type { CliIo } from "../../src/cli/io.ts";

export type CliRun = (argv: string[], io: CliIo) => Promise<number>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to a copy of process.env, as a spawned CLI's `{ ...process.env, ...env }`; the worker's stays as is. */
  env?: NodeJS.ProcessEnv;
  /** Standard input, ended after this text (none: an empty, ended input). */
  stdin?: string;
}

export async function runCli(run: CliRun, argv: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: { ...process.env, ...options.env },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
  });
  return { code, stdout, stderr };
}
