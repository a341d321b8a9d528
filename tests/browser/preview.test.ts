// The preview page in a real browser (Debian's Chromium via playwright-core): ask, see the card and both platform
// renderings, give feedback, open a checklist, tick an item, reload and find it still ticked; keyboard use and an
// axe-core accessibility scan (WCAG 2.1 A/AA). Saves screenshots in test-results/.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../http/app-fixture.ts";
import { groupTitle } from "../support/skip.ts";
import { chromiumMissing, hasChromium, launchChromium } from "./chromium.ts";
import { seriousViolations } from "./axe.ts";

const ARTIFACTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

describe.skipIf(!hasChromium)(groupTitle("preview page in Chromium", chromiumMissing), () => {
  const app = useTestApp();
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: "nl-NL" });
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("asks, shows the card and renderings, keeps a ticked checklist item over a reload", async () => {
    await page.goto(`${app().url}/`);
    await page.waitForSelector("body[data-ready='true']");
    expect(await page.getAttribute("html", "lang")).toBe("nl");

    // Ask with the keyboard.
    await page.getByLabel("Uw vraag").fill("Hoe geeft de raad een zienswijze op de begroting van een GR?");
    await page.getByLabel("Uw vraag").press("Enter");
    await expect
      .poll(() => page.textContent("#answer-title"))
      .toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(await page.innerHTML("#answer-body")).toContain("<strong>ontwerpbegroting</strong>");
    // Dates read as Dutch text, in the card and in both platform panes.
    expect(await page.textContent("#answer-updated")).toMatch(
      /^Inhoud gecontroleerd op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/,
    );
    expect(await page.locator("#answer-sources a").first().getAttribute("href")).toMatch(
      /^https:\/\/wetten\.overheid\.nl/,
    );
    // The Teams pane holds a card rendered by Microsoft's library; the Slack pane shows something.
    await page.waitForSelector("#teams-pane .ac-adaptiveCard");
    expect(await page.textContent("#teams-pane")).toContain("Zienswijze op de begroting");
    expect((await page.textContent("#slack-pane"))?.length).toBeGreaterThan(0);
    for (const pane of ["#slack-pane", "#teams-pane"]) {
      expect(await page.textContent(pane)).toContain("Inhoud gecontroleerd op");
      expect(await page.textContent(pane)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }

    // Feedback is stored through the Bot.
    await page.locator("#answer-feedback button[data-helpful='true']").click();
    await expect.poll(() => page.textContent("#feedback-status")).toBe("Dank u voor uw reactie.");
    expect(await app().store.listFeedback()).toContainEqual(
      expect.objectContaining({ entryId: "zienswijze-begroting", helpful: true }),
    );

    // A related topic asks it.
    await page.locator("#answer-related button", { hasText: "De rol van de raad bij samenwerking" }).click();
    await expect.poll(() => page.textContent("#answer-title")).toBe("De rol van de raad bij samenwerking");

    // A related-topic button inside the Teams card (Action.Submit) maps back to the preview API.
    await page.locator("#teams-pane .ac-pushButton", { hasText: "Zienswijze op de begroting" }).first().click();
    await expect
      .poll(() => page.textContent("#answer-title"))
      .toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");

    // So does a related-topic button in the Slack pane.
    await page
      .locator("#slack-pane button.sk-button", { hasText: "De rol van de raad bij samenwerking" })
      .first()
      .click();
    await expect.poll(() => page.textContent("#answer-title")).toBe("De rol van de raad bij samenwerking");

    // Open a checklist and tick its first item.
    await page.locator(".checklist-card", { hasText: "Checklist uittreden" }).click();
    await page.waitForSelector("#run:not([hidden])");
    await expect.poll(() => page.textContent("#run-progress")).toBe("0 van 4 afgevinkt");
    const first = page.locator("#run-items input[type='checkbox']").first();
    await first.check();
    await expect.poll(() => page.textContent("#run-progress")).toBe("1 van 4 afgevinkt");
    expect(page.url()).toMatch(/[?&]run=/);
    // The Slack pane pictures the run's ticks too: the first box ticked, the others not.
    const slackBoxes = page.locator("#slack-pane .sk-checkbox .sk-box");
    await expect.poll(() => slackBoxes.first().getAttribute("aria-label")).toBe("aangevinkt");
    expect(await page.locator("#slack-pane .sk-box-checked").count()).toBe(1);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator("#slack-pane").screenshot({ path: `${ARTIFACTS}preview-slack-ticks.png` });
    // Ticked is done, not cancelled: the text is not struck through.
    expect(
      await page
        .locator("#run-items li span")
        .first()
        .evaluate((e) => getComputedStyle(e).textDecorationLine),
    ).toBe("none");

    // Reload: same run, still ticked.
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    await page.waitForSelector("#run:not([hidden])");
    expect(await page.locator("#run-items input[type='checkbox']").first().isChecked()).toBe(true);
    expect(await page.textContent("#run-progress")).toBe("1 van 4 afgevinkt");
    expect(await page.locator("#slack-pane .sk-box-checked").count()).toBe(1);

    // Export shows the markdown with the ticked item.
    await page.locator("#run-export").click();
    await page.waitForSelector("#run-export-box:not([hidden])");
    expect(await page.inputValue("#run-export-text")).toMatch(/\[x\][^\n]*uittredingsbepaling/i);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-checklist.png`, fullPage: true });
    // With an answer, both platform panes, their JSON opened, and an open checklist with its export:
    // no serious a11y problems.
    for (const summary of await page.locator("details.json summary").all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("answers first: key lines, Lees meer opens the full text on the page, in the Teams card and in the Slack pane", async () => {
    await page.goto(
      `${app().url}/?q=${encodeURIComponent("Hoe geeft de raad een zienswijze op de begroting van een GR?")}`,
    );
    await page.waitForSelector("body[data-ready='true']");
    await expect
      .poll(() => page.textContent("#answer-title"))
      .toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
    // The page: summary and key lines; the full text is closed.
    const keyLines = page.locator("#answer-key-lines li");
    expect(await keyLines.allTextContents()).toEqual([
      "De raad bespreekt de ontwerpbegroting in een commissie.",
      "De raad stelt een zienswijze vast en stuurt die naar het dagelijks bestuur.",
    ]);
    expect(await page.isVisible("#answer-body")).toBe(false);
    const more = page.locator("#answer-more");
    expect(await more.textContent()).toBe("Lees meer");
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    await more.click();
    expect(await page.isVisible("#answer-body")).toBe(true);
    expect(await page.isVisible("#answer-key-lines")).toBe(false);
    expect(await page.locator("#answer-body h4").textContent()).toBe("Wat de raad doet");
    expect(await more.textContent()).toBe("Minder tonen");
    expect(await more.getAttribute("aria-expanded")).toBe("true");

    // Teams: Action.ToggleVisibility shows the hidden Container on the client.
    await page.waitForSelector("#teams-pane .ac-adaptiveCard");
    const teams = page.locator("#teams-pane");
    expect(await teams.innerText()).not.toContain("Wat de raad doet");
    await teams.locator(".ac-pushButton", { hasText: "Lees meer" }).click();
    await expect.poll(() => teams.innerText()).toContain("Wat de raad doet");
    // The server rendered the card's markdown: bold and links arrive as HTML.
    expect(await teams.locator("strong", { hasText: "Wat de raad doet" }).count()).toBe(1);
    expect(await teams.locator("a[href='https://wetten.overheid.nl/BWBR0003740']", { hasText: "Wgr" }).count()).toBe(1);

    // Slack: the "Lees meer" button shows the message as Slack updates it in place.
    const slack = page.locator("#slack-pane");
    expect(await slack.innerText()).not.toContain("Wat de raad doet");
    await slack.locator("button.sk-button", { hasText: "Lees meer" }).click();
    await expect.poll(() => slack.innerText()).toContain("Wat de raad doet");
    expect(await slack.locator("button.sk-button", { hasText: "Lees meer" }).count()).toBe(0);
    expect(await page.textContent("#slack-json")).toContain("Wat de raad doet");

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-lees-meer.png`, fullPage: true });
    // A smaller copy of the top of the page for the README (docs/preview-lees-meer.jpg).
    await page.screenshot({
      path: `${ARTIFACTS}preview-lees-meer.jpg`,
      type: "jpeg",
      quality: 60,
      clip: { x: 0, y: 0, width: 1360, height: 1250 },
    });
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("has no serious or critical axe-core violations on the start page", async () => {
    // A fresh visitor: no checklist run remembered from the test before.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${app().url}/`);
    await page.waitForSelector("body[data-ready='true']");
    expect(await page.textContent("#answer-title")).toBe("Waarmee kan ik u helpen?");
    expect(await seriousViolations(page)).toEqual([]);

    // The start page says each thing once: the intro above the question field, the help in the card.
    const main = (await page.textContent(".col-main")) ?? "";
    const count = (needle: string) => main.split(needle).length - 1;
    expect(count("Ik beantwoord vragen over samenwerking tussen gemeenten")).toBe(1);
    expect(count("Stel uw vraag in gewone woorden")).toBe(1);

    // The placeholder fits the question field, on a desktop and on a phone.
    const placeholderFits = () =>
      page.locator("#vraag").evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const ctx = document.createElement("canvas").getContext("2d");
        if (!ctx) return false;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return ctx.measureText(input.placeholder).width <= room;
      });
    expect(await placeholderFits()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await placeholderFits()).toBe(true);
    await page.setViewportSize({ width: 1360, height: 900 });

    // A question the bot cannot answer, on a phone: suggestions instead of an answer, still accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Uw vraag").fill("Wat voor weer wordt het morgen in Parijs?");
    await page.getByLabel("Uw vraag").press("Enter");
    await expect.poll(() => page.textContent("#answer-title")).toBe("Daar heb ik geen goed antwoord op");
    // Nothing to read more of, and nothing to rate: hidden buttons stay hidden (a .btn must not override [hidden]).
    expect(await page.isVisible("#answer-more")).toBe(false);
    expect(await page.isVisible("#answer-feedback")).toBe(false);
    // No griffie chat configured in this suite: no "Vraag het de griffie" (tests/browser/handoff.test.ts has one).
    expect(await page.locator("#handoff-open").count()).toBe(0);
    // Nothing wider than the phone (a long button label wraps).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A long title wraps inside the card on a phone.
    await page.locator("#answer-title").evaluate((h) => (h.textContent = "Bedrijfsvoeringsorganisatiewerkzaamheden"));
    expect(await page.locator("#answer-title").evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-phone-unknown.png`, fullPage: true });
    await page.setViewportSize({ width: 1360, height: 900 });

    // The harness catches a real problem: a button without a name is a critical violation.
    await page.evaluate(() =>
      document.querySelector("main")?.append(Object.assign(document.createElement("button"), { id: "bad" })),
    );
    expect((await seriousViolations(page)).join("\n")).toMatch(/critical button-name/);
    await page.evaluate(() => document.getElementById("bad")?.remove());
  }, 60_000);

  it("serves accessible privacy and terms pages", async () => {
    for (const path of ["/privacy", "/voorwaarden"]) {
      await page.goto(`${app().url}${path}`);
      expect(await page.getAttribute("html", "lang")).toBe("nl");
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.screenshot({ path: `${ARTIFACTS}voorwaarden.png`, fullPage: true });
  }, 60_000);

  it("works with the keyboard alone, with a visible focus on every stop", async () => {
    await page.goto(`${app().url}/`);
    await page.waitForSelector("body[data-ready='true']");
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        const rect = el?.getBoundingClientRect();
        return {
          id: el?.id ?? "",
          tag: el?.tagName.toLowerCase() ?? "",
          text: (el?.textContent ?? "").trim(),
          label: el?.getAttribute("aria-label") ?? "",
          outline: style ? style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 : false,
          onScreen: rect ? rect.right > 0 && rect.bottom > 0 && rect.left < window.innerWidth : false,
        };
      });
    /** Tabs until the focused element matches; every stop on the way must show its focus. */
    const tabTo = async (match: (a: Awaited<ReturnType<typeof active>>) => boolean, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const a = await active();
        expect(a.outline, `focus not visible on ${a.tag}#${a.id} "${a.text.slice(0, 40)}"`).toBe(true);
        if (match(a)) return a;
      }
      throw new Error("element not reached with Tab");
    };

    // The first stop is the skip link, visible when focused; it leads to the question field.
    const skip = await tabTo(() => true);
    expect(skip.text).toBe("Naar het vraagveld");
    expect(skip.onScreen).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await active()).id).toBe("vraag");

    await page.keyboard.type("Hoe geeft de raad een zienswijze op de begroting van een GR?");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.textContent("#answer-title"))
      .toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");

    // Feedback by keyboard: Tab to "Niet nuttig", press Space.
    await tabTo((a) => a.text.includes("Niet nuttig"));
    await page.keyboard.press("Space");
    await expect.poll(() => page.textContent("#feedback-status")).toBe("Dank u voor uw reactie.");
    expect(await app().store.listFeedback()).toContainEqual(
      expect.objectContaining({ entryId: "zienswijze-begroting", helpful: false }),
    );

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-answer.png`, fullPage: true });

    // A checklist opens with Enter and its first item ticks with Space.
    await tabTo((a) => a.text.startsWith("Checklist uittreden"));
    await page.keyboard.press("Enter");
    await page.waitForSelector("#run:not([hidden])");
    await expect.poll(async () => (await active()).id).toBe("run-title");
    await tabTo((a) => a.tag === "input" && a.id === "" && a.text === "");
    const before = await page.locator("#run-items input[type='checkbox']").first().isChecked();
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("#run-items input[type='checkbox']").first().isChecked()).toBe(!before);
  }, 60_000);

  it("👎 asks why: the reason form stores the reason with the feedback", async () => {
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(
      `${app().url}/?q=${encodeURIComponent("Hoe geeft de raad een zienswijze op de begroting van een GR?")}`,
    );
    await page.waitForSelector("body[data-ready='true']");
    await expect
      .poll(() => page.textContent("#answer-title"))
      .toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(await page.locator("#feedback-reason").count()).toBe(0);

    await page.locator("#answer-feedback button[data-helpful='false']").click();
    await page.waitForSelector("#feedback-reason");
    // The same five reasons as in Slack and Teams; focus moves to the first one.
    expect(await page.locator("#feedback-reason legend").textContent()).toBe("Wat klopte er niet?");
    expect(await page.locator("#feedback-reason label.feedback-reason-choice").allTextContents()).toEqual([
      " Onjuist",
      " Onvolledig",
      " Verouderd",
      " Niet mijn vraag",
      " Anders",
    ]);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe("onjuist");
    expect(await seriousViolations(page)).toEqual([]);

    // Without a choice the form says so and sends nothing.
    await page.locator("#feedback-reason button[type='submit']").click();
    await expect.poll(() => page.textContent("#feedback-reason-status")).toBe("Kies een reden.");

    await page.getByLabel("Verouderd").check();
    await page.getByLabel("Toelichting (niet verplicht)").fill("De wet is in 2022 gewijzigd.");
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}preview-feedback-reason.png`, fullPage: true });
    await page.locator("#answer-feedback").screenshot({ path: `${ARTIFACTS}preview-feedback-reason-form.png` });
    await page.locator("#feedback-reason button[type='submit']").click();
    await expect.poll(() => page.textContent("#feedback-reason-done")).toBe("Dank u, uw reactie is opgeslagen.");
    // The keyboard test's 👎 on this entry came from the same page user: the reason updates that one row.
    const negative = (await app().store.listFeedback()).filter(
      (f) => f.entryId === "zienswijze-begroting" && f.platform === "preview" && !f.helpful,
    );
    expect(negative).toEqual([
      expect.objectContaining({ reason: "verouderd", comment: "De wet is in 2022 gewijzigd." }),
    ]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
