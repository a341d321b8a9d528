// botframework-connector's JwtTokenExtractor writes to console.error when it rejects a token: the signing key it
// tried for a forged signature ("Error finding key for token. Available keys: …"), and the whole TokenExpiredError
// with its stack for a validly signed expired token. The adapter answers those requests itself (401) with one
// structured log line, so what the SDK prints while it checks a token is caught here instead of reaching stderr:
// a console.error call made inside withSdkConsoleCaught() (followed through awaits by AsyncLocalStorage, so
// concurrent requests and the rest of the process are not affected) is kept as a one-line note for that log line.
import { AsyncLocalStorage } from "node:async_hooks";

const caught = new AsyncLocalStorage<string[]>();
let installed = false;

/** A short note for the structured log: an error's name and message, or a message's first line without key dumps. */
function note(args: unknown[]): string {
  const first = args[0];
  const text =
    first instanceof Error
      ? `${first.name}: ${first.message}`
      : args
          .map((a) => String(a))
          .join(" ")
          .split("\n")[0]!;
  return text
    .replace(/Available keys:.*$/, "")
    .trim()
    .slice(0, 200);
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = console.error;
  console.error = function (this: Console, ...args: unknown[]): void {
    const notes = caught.getStore();
    if (notes) {
      notes.push(note(args));
      return;
    }
    original.apply(this, args);
  };
}

/** Runs fn; whatever the SDK prints with console.error meanwhile goes to `notes` instead of stderr. */
export function withSdkConsoleCaught<T>(notes: string[], fn: () => Promise<T>): Promise<T> {
  install();
  return caught.run(notes, fn);
}
