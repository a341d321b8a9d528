// Debian's Chromium (or CHROMIUM_PATH) driven by playwright-core, for every browser test: whether it is there, why a
// group skips when it is not, and one way to launch it (headless, no network of its own).
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { programMissing } from "../support/skip.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
/** The skip reason for groupTitle(), or undefined when Chromium is there. */
export const chromiumMissing = programMissing(CHROMIUM, "apt-get install -y chromium, or set CHROMIUM_PATH");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium per test worker process, shared by the browser test files that run there (a launch costs about a
 * CPU-second and a second of waiting). Each suite works in browser contexts of its own (useChromium), which share
 * no cookies, storage or pages. Playwright ends the browser when the worker process exits.
 */
function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().catch((err: unknown) => {
    shared = undefined;
    throw err;
  });
  return shared;
}

/**
 * Inside a describe: the worker's Chromium, from before the suite's first test. `newContext()` gives a fresh browser
 * context (its own cookies and storage); the contexts a suite opened are closed after its last test.
 */
export function useChromium(): { newContext: Browser["newContext"] } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await sharedChromium();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return {
    async newContext(options) {
      const context = await browser!.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
