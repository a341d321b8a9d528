// The core's coded errors, in one module at the bottom of the import graph (it imports nothing), so the store,
// the configuration, the Bot and the adapters all throw and match the same classes, always with `instanceof`.
// `message` is English, for logs; the Dutch text a user sees comes from userMessageOf (src/core/user-message.ts).

/** Base of every coded error: `code` is stable (logs, HTTP bodies), `name` is the class name (stack traces). */
export abstract class CodedError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export type ChecklistErrorCode = "unknown-checklist" | "unknown-item" | "unknown-run";

/** A bad checklist, item or run id given to the Bot (a stale button, a hand-made request). */
export class ChecklistError extends CodedError<ChecklistErrorCode> {}

/** The store has no checklist run with this id: it never existed, is malformed, or was purged. */
export class UnknownRunError extends CodedError<"unknown-run"> {
  constructor(readonly runId: string) {
    super("unknown-run", `Unknown checklist run: ${runId}`);
  }
}

/** The configuration cannot be used: every problem on its own line, naming the variable (src/config.ts). */
export class ConfigError extends CodedError<"invalid-config"> {
  constructor(message: string) {
    super("invalid-config", message);
  }
}

/** Another process holds the embedded database (its lock file names the process). */
export class StoreLockedError extends CodedError<"store-locked"> {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      "store-locked",
      `The embedded database is in use by process ${pid} (lock file ${lockFile}); stop that process, use DATABASE_URL, ` +
        "or delete the lock file if no such process runs",
    );
  }
}

/** One problem in a data file an editor keeps (knowledge, register), shown as "file:line: field: message". */
export interface FileProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export const formatProblem = (p: FileProblem): string => `${p.file}:${p.line}: ${p.field}: ${p.message}`;

/** A data file (or a folder of them) that cannot be used: the message lists every problem, one a line. */
export abstract class FileProblemsError<C extends string = string> extends CodedError<C> {
  constructor(
    code: C,
    what: string,
    readonly problems: FileProblem[],
  ) {
    super(code, `${what} has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
  }
}
