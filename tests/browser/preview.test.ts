// The preview page in a real browser (Debian's Chromium via playwright-core): ask, see the card and both platform
// renderings, give feedback, open a checklist, tick an item, reload and find it still ticked. Saves a screenshot.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";
import { groupTitle } from "../support/skip.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL("../../artifacts/", import.meta.url));

const chromiumMissing = hasChromium ? undefined : `${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`;

describe.skipIf(!hasChromium)(groupTitle("preview page in Chromium", chromiumMissing), () => {
  let app: RunningApp;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    data = await tempDataDir();
    app = await startApp({ env: testEnv(data.dir) });
    browser = await chromium.launch({
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
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: "nl-NL" });
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await data?.remove();
  });

  it(
    "asks, shows the card and renderings, keeps a ticked checklist item over a reload",
    async () => {
      await page.goto(`${app.url}/`);
      await page.waitForSelector("body[data-ready='true']");
      expect(await page.getAttribute("html", "lang")).toBe("nl");

      // Ask with the keyboard.
      await page.getByLabel("Uw vraag").fill("Hoe geeft de raad een zienswijze op de begroting van een GR?");
      await page.getByLabel("Uw vraag").press("Enter");
      await expect.poll(() => page.textContent("#answer-title")).toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
      expect(await page.innerHTML("#answer-body")).toContain("<strong>ontwerpbegroting</strong>");
      expect(await page.locator("#answer-sources a").first().getAttribute("href")).toMatch(/^https:\/\/wetten\.overheid\.nl/);
      // The Teams pane holds a card rendered by Microsoft's library; the Slack pane shows something.
      await page.waitForSelector("#teams-pane .ac-adaptiveCard");
      expect(await page.textContent("#teams-pane")).toContain("Zienswijze op de begroting");
      expect((await page.textContent("#slack-pane"))?.length).toBeGreaterThan(0);

      // Feedback is stored through the Bot.
      await page.locator("#answer-feedback button[data-helpful='true']").click();
      await expect.poll(() => page.textContent("#feedback-status")).toBe("Dank u voor uw reactie.");
      expect(await app.store.listFeedback()).toContainEqual(expect.objectContaining({ entryId: "zienswijze-begroting", helpful: true }));

      // A related topic asks it.
      await page.locator("#answer-related button", { hasText: "De rol van de raad bij samenwerking" }).click();
      await expect.poll(() => page.textContent("#answer-title")).toBe("De rol van de raad bij samenwerking");

      // A related-topic button inside the Teams card (Action.Submit) maps back to the preview API.
      await page.locator("#teams-pane .ac-pushButton", { hasText: "Zienswijze op de begroting" }).first().click();
      await expect.poll(() => page.textContent("#answer-title")).toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");

      // So does a related-topic button in the Slack pane.
      await page.locator("#slack-pane button.sk-button", { hasText: "De rol van de raad bij samenwerking" }).first().click();
      await expect.poll(() => page.textContent("#answer-title")).toBe("De rol van de raad bij samenwerking");

      // Open a checklist and tick its first item.
      await page.locator(".checklist-card", { hasText: "Checklist uittreden" }).click();
      await page.waitForSelector("#run:not([hidden])");
      await expect.poll(() => page.textContent("#run-progress")).toBe("0 van 4 afgevinkt");
      const first = page.locator("#run-items input[type='checkbox']").first();
      await first.check();
      await expect.poll(() => page.textContent("#run-progress")).toBe("1 van 4 afgevinkt");
      expect(page.url()).toMatch(/[?&]run=/);

      // Reload: same run, still ticked.
      await page.reload();
      await page.waitForSelector("body[data-ready='true']");
      await page.waitForSelector("#run:not([hidden])");
      expect(await page.locator("#run-items input[type='checkbox']").first().isChecked()).toBe(true);
      expect(await page.textContent("#run-progress")).toBe("1 van 4 afgevinkt");

      // Export shows the markdown with the ticked item.
      await page.locator("#run-export").click();
      await page.waitForSelector("#run-export-box:not([hidden])");
      expect(await page.inputValue("#run-export-text")).toMatch(/\[x\][^\n]*uittredingsbepaling/i);

      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}preview.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
    },
    120_000,
  );
});
