// "Vraag het de griffie" on the preview page in Chromium, with a griffie chat configured (GRIFFIE_SLACK_CHANNEL,
// Slack against the fake Slack API): under an unknown reply and after a 👎 reason the button opens a confirmation
// form with the question filled in; only "Versturen" sends it, through the hand-off service, into the griffie
// channel. Keyboard (Annuleren returns focus), axe-core, a phone-sized viewport; screenshots in test-results/.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { feedbackText } from "../../src/core/feedback-reasons.ts";
import { useSlackApp } from "../adapters/slack/app-fixture.ts";
import { blockText, blocksOf } from "../adapters/slack/helpers.ts";
import { FIXTURE_KNOWLEDGE, FIXTURE_TOPIC } from "../http/helpers.ts";
import { groupTitle } from "../support/skip.ts";
import { chromiumMissing, hasChromium, useChromium } from "./chromium.ts";
import { seriousViolations } from "./axe.ts";

const ARTIFACTS = fileURLToPath(new URL("../../test-results/", import.meta.url));
const GRIFFIE = "C0GRIFFIE1";

describe.skipIf(!hasChromium)(groupTitle("hand-off to the griffie on the preview page", chromiumMissing), () => {
  const suite = useSlackApp({
    env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, GRIFFIE_SLACK_CHANNEL: GRIFFIE },
    resetBeforeEach: false,
  });
  const browser = useChromium();
  const pageErrors: string[] = [];

  async function openPage(width: number, height: number): Promise<Page> {
    const context = await browser().newContext({ viewport: { width, height }, locale: "nl-NL" });
    const page = await context.newPage();
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
    await page.goto(`${suite().app.url}/`);
    await page.waitForSelector("body[data-ready='true']");
    return page;
  }

  async function ask(page: Page, question: string): Promise<void> {
    await page.locator("#vraag").fill(question);
    await page.locator("#vraag").press("Enter");
    await expect.poll(() => page.getAttribute("#answer", "aria-busy")).toBe("false");
  }

  const griffieTexts = () =>
    suite()
      .slack.of("chat.postMessage")
      .map((c) => blockText(blocksOf(c.body)));

  it("offers it under an unknown reply; nothing is sent before Versturen", async () => {
    const page = await openPage(1360, 900);
    const question = "Wat voor weer wordt het morgen in Parijs?";
    await ask(page, question);
    await expect.poll(() => page.textContent("#answer-title")).toBe("Daar heb ik geen goed antwoord op");
    const open = page.locator("#handoff-open");
    expect(await open.textContent()).toBe(feedbackText.handoffButton);
    expect(await open.getAttribute("aria-expanded")).toBe("false");

    // The button only opens the confirmation: the question filled in, the preview's own intro.
    await open.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("handoff-question");
    expect(await page.inputValue("#handoff-question")).toBe(question);
    expect(await page.textContent("#handoff-intro")).toBe(feedbackText.handoffIntroPreview);
    expect(suite().slack.of("chat.postMessage")).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-handoff.png`, fullPage: true });
    await page.locator("#answer").screenshot({ path: `${ARTIFACTS}preview-handoff-form.png` });

    // Annuleren: nothing sent, focus back on the button.
    await page.getByRole("button", { name: feedbackText.cancel }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("handoff-open");
    expect(await page.locator("#handoff-form").count()).toBe(0);
    expect(suite().slack.of("chat.postMessage")).toEqual([]);

    // An emptied question is refused in the form.
    await open.click();
    await page.fill("#handoff-question", "   ");
    await page.getByRole("button", { name: feedbackText.handoffSubmit }).click();
    await expect.poll(() => page.textContent("#handoff-status")).toBe(feedbackText.handoffQuestionMissing);

    // Versturen: the griffie channel gets it, the user reads that it was sent.
    await page.fill("#handoff-question", `${question} Ik bedoel: mag de raad dan vergaderen?`);
    await page.getByRole("button", { name: feedbackText.handoffSubmit }).click();
    await expect.poll(() => page.textContent("#handoff-done")).toBe(feedbackText.handoffSentPreview);
    await suite().slack.waitFor("chat.postMessage");
    expect(suite().slack.of("chat.postMessage")[0]!.body.channel).toBe(GRIFFIE);
    expect(griffieTexts()[0]).toContain("mag de raad dan vergaderen?");
    const rows = await suite().app.store.listHandoffs!(undefined, "open");
    expect(rows.map((r) => [r.platform, r.question])).toContainEqual([
      "preview",
      `${question} Ik bedoel: mag de raad dan vergaderen?`,
    ]);

    // A new answer removes the hand-off box.
    await ask(page, "Hoe geeft de raad een zienswijze op de begroting van een GR?");
    expect(await page.locator("#handoff").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("offers it after a 👎 reason, with the question the answer was given to, on a phone", async () => {
    suite().slack.reset();
    const page = await openPage(390, 844);
    const question = "Hoe geeft de raad een zienswijze op de begroting van een GR?";
    await ask(page, question);
    const title = suite().app.bot.answerById(FIXTURE_TOPIC).answer!.title;
    await expect.poll(() => page.textContent("#answer-title")).toBe(title);
    expect(await page.locator("#handoff-open").count()).toBe(0);

    await page.locator("#answer-feedback button[data-helpful='false']").click();
    await page.waitForSelector("#feedback-reason");
    // A 👎 alone does not offer it yet: the reason comes first.
    expect(await page.locator("#handoff-open").count()).toBe(0);
    await page.getByLabel("Onvolledig").check();
    await page.locator("#feedback-reason button[type='submit']").click();
    await expect.poll(() => page.textContent("#feedback-reason-done")).toBe(feedbackText.reasonThanks);
    // One thank-you, not two: the reason's replaces the 👎's.
    expect(await page.textContent("#feedback-status")).toBe("");
    await page.locator("#handoff-open").click();
    expect(await page.inputValue("#handoff-question")).toBe(question);
    // The form fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator("#answer").screenshot({ path: `${ARTIFACTS}preview-handoff-phone.png` });

    // By keyboard: from the question field, Tab reaches "Versturen" (with a visible focus ring) and Enter sends.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("handoff-question");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ text: feedbackText.handoffSubmit, outline: "solid" });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#handoff-done")).toBe(feedbackText.handoffSentPreview);
    await suite().slack.waitFor("chat.postMessage");
    // The griffie sees the answer that got the 👎 as the bot's best guess.
    expect(griffieTexts()[0]).toContain(title);
    expect(griffieTexts()[0]).toContain(feedbackText.griffieNoLinkPreview);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
