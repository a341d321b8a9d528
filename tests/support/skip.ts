// Groups that need something from the machine say why they are skipped: in their title (visible with
// `--reporter=verbose` and in the JSON report) and once on stderr, so a silent skip cannot pass for a green run.
import { existsSync } from "node:fs";

/** Returns `title`, or `title (skipped: <why>)` and a warning when `missing` names what is missing. */
export function groupTitle(title: string, missing: string | undefined): string {
  if (!missing) return title;
  console.warn(`[${title}] skipped: ${missing}`);
  return `${title} (skipped: ${missing})`;
}

/** Why a test that needs the program at `path` cannot run here (with how to get it), or undefined when it exists. */
export function programMissing(path: string, howToGet: string): string | undefined {
  return existsSync(path) ? undefined : `${path} not found (${howToGet})`;
}

/** Why the PostgreSQL groups cannot run here, or undefined when DATABASE_URL is set. */
export const postgresMissing: string | undefined = process.env.DATABASE_URL
  ? undefined
  : "DATABASE_URL is not set; see README, Store, Running the PostgreSQL tests";
