// Debian's Chromium (or CHROMIUM_PATH) driven by playwright-core, for every browser test: whether it is there, why a
// group skips when it is not, and one way to launch it (headless, no network of its own).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
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

/** Inside a describe: one Chromium for the suite, launched before its first test and closed after its last. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
