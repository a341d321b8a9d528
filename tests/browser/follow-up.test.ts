// Follow-up questions on the preview page in Chromium: a tab is one conversation (a session id in sessionStorage),
// so a short follow-up there is read in the context of the previous answer and says so, in the answer card and in
// both platform panes; another tab starts without context. Saves a screenshot in test-results/.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.ts";
import { useTestApp } from "../http/app-fixture.ts";
import { FIXTURE_TOPIC } from "../http/helpers.ts";
import { groupTitle } from "../support/skip.ts";
import { chromiumMissing, hasChromium, useChromium } from "./chromium.ts";

const ARTIFACTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

describe.skipIf(!hasChromium)(groupTitle("follow-up questions on the preview page", chromiumMissing), () => {
  const app = useTestApp();
  const browser = useChromium();
  const pageErrors: string[] = [];

  async function openTab(): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: 1360, height: 900 }, locale: "nl-NL" });
    const page = await context.newPage();
    page.on("pageerror", (err) => pageErrors.push(err.message));
    await page.goto(`${app().url}/`);
    await page.waitForSelector("body[data-ready='true']");
    return page;
  }

  async function ask(page: Page, question: string, title: string): Promise<void> {
    await page.getByLabel("Uw vraag").fill(question);
    await page.getByLabel("Uw vraag").press("Enter");
    await expect.poll(() => page.textContent("#answer-title")).toBe(title);
  }

  it("reads a follow-up in the same tab in the context of the previous answer, and not in another tab", async () => {
    const topic = app().bot.answerById(FIXTURE_TOPIC).answer!.title;
    const note = messages.followUpNote(topic);
    const page = await openTab();
    await ask(page, "Hoe geeft de raad een zienswijze op de begroting van een GR?", topic);
    expect(await page.isHidden("#answer-followup")).toBe(true);

    await ask(page, "wie beslist dat?", topic);
    await expect.poll(() => page.isVisible("#answer-followup")).toBe(true);
    expect(await page.textContent("#answer-followup")).toBe(note);
    await page.waitForSelector("#teams-pane .ac-adaptiveCard");
    expect(await page.textContent("#teams-pane")).toContain("Opgevat als vervolgvraag op");
    expect(await page.textContent("#slack-pane")).toContain("Opgevat als vervolgvraag op");
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-follow-up.png`, fullPage: true });
    // A smaller copy for the README (docs/follow-up.jpg is this file): the answer and both panes with the note.
    await page.locator("#answer").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}preview-follow-up.jpg`, type: "jpeg", quality: 50 });

    // A new question hides the note again.
    await ask(
      page,
      "Wat is de rol van de raad bij samenwerking?",
      app().bot.answerById("rol-van-de-raad").answer!.title,
    );
    expect(await page.isHidden("#answer-followup")).toBe(true);

    // Another tab is another conversation: the same follow-up has no context there.
    const other = await openTab();
    await other.getByLabel("Uw vraag").fill("wie beslist dat?");
    await other.getByLabel("Uw vraag").press("Enter");
    await expect.poll(() => other.isVisible("#answer")).toBe(true);
    expect(await other.isHidden("#answer-followup")).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
