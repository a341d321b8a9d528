// Every card the Teams adapter can produce parses cleanly in Microsoft's adaptivecards library and stays
// under Teams' 28 KB limit: for every knowledge entry, and for the other card kinds.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/engine/types.ts";
import {
  cardBytes,
  renderChecklistListCard,
  renderMessageCard,
  renderReplyCard,
  renderTopicsCard,
  renderWelcomeCard,
  teamsPreviewRenderer,
  type AdaptiveCard,
} from "../../../adapters/teams/render.ts";
import { toTeamsMarkdownBlocks } from "../../../adapters/teams/markdown.ts";
import { parseCardAction } from "../../../adapters/teams/actions.ts";
import { checkCard } from "./adaptive-cards.ts";
import { messages } from "../../../src/core/messages.ts";
import { cardActions, cardText, createFakeBot, fakeAnswers, progressFor } from "./helpers.ts";
import { sharedEngine } from "../../support/knowledge.ts";

const LIMIT = 28 * 1024;

async function expectValid(card: AdaptiveCard, label: string): Promise<void> {
  const { problems, rendered } = await checkCard(card);
  expect(problems, label).toEqual([]);
  expect(rendered, label).toBeDefined();
  expect(cardBytes(card), label).toBeLessThan(LIMIT);
}

describe("Teams cards for every knowledge entry", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine("knowledge");
  });

  it("has entries to check", () => {
    expect(engine.entries.length).toBeGreaterThan(5);
  });

  it("every entry's card parses without warnings and stays under 28 KB", { timeout: 120_000 }, async () => {
    for (const entry of engine.entries) {
      const reply = engine.replyFor(entry.id);
      expect(reply, entry.id).not.toBeNull();
      await expectValid(renderReplyCard(reply!), entry.id);
      await expectValid(renderReplyCard(reply!, { feedbackGiven: true }), `${entry.id} thanked`);
      const text = cardText(renderReplyCard(reply!));
      expect(text).toContain(entry.title);
      // Every source as a link in the "Bronnen" TextBlock.
      const sources = renderReplyCard(reply!).body.find((b) => (b as { id?: string }).id === "sources") as
        { text: string } | undefined;
      for (const s of entry.sources) expect(sources?.text, `${entry.id} ${s.url}`).toContain(`](${s.url})`);
    }
  });

  it("every checklist card with progress and export parses and stays under 28 KB", { timeout: 60_000 }, async () => {
    const checklists = engine.entries.filter((e) => e.kind === "checklist");
    for (const entry of checklists) {
      const reply = engine.replyFor(entry.id)!;
      const progress = progressFor(reply, [1]);
      const markdown = [
        `# ${entry.title}`,
        ...entry.items.map((i, n) => `- [${n === 0 ? "x" : " "}] ${i.text}`),
        "",
        ...entry.sources.map((s) => `- ${s.title}: ${s.url}`),
      ].join("\n");
      const card = renderReplyCard(reply, { progress, exportMarkdown: markdown });
      await expectValid(card, `${entry.id} progress`);
      expect(card.body.filter((e) => e.type === "Input.Toggle")).toHaveLength(entry.items.length);
    }
  });

  it(
    "every entry answered through the engine (ambiguous/unknown/help too) renders cleanly",
    { timeout: 60_000 },
    async () => {
      const questions = [
        "hallo",
        "wat is het weer morgen in Parijs",
        "zienswijze",
        "gr",
        ...engine.entries.slice(0, 15).map((e) => e.questions[0] ?? e.title),
      ];
      for (const q of questions) await expectValid(renderReplyCard(engine.ask(q)), q);
    },
  );
});

describe("Teams answer card", () => {
  const bot = createFakeBot();

  it("shows title, summary, body in Teams' markdown subset, sources, related and feedback", async () => {
    const card = renderReplyCard(bot.answerById("zienswijze-begroting"));
    await expectValid(card, "zienswijze");
    const text = cardText(card);
    expect(text).toContain("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(text).toContain("De raad kan binnen **acht weken** een zienswijze geven op de ontwerpbegroting.");
    expect(text).toContain("**Hoe werkt het**"); // heading → bold line
    expect(text).toContain("_ontwerpbegroting_"); // *italic* → _italic_
    expect(text).toContain("- De griffie plant de behandeling\r- De raad stelt de zienswijze vast");
    expect(text).toContain("[de wet](https://wetten.overheid.nl/BWBR0003740)");
    expect(text).toContain("Inhoud gecontroleerd op 15 januari 2026");
    const actions = cardActions(card);
    // Sources are links in a TextBlock (they wrap), not Action.OpenUrl buttons (Teams cuts their titles to one line).
    expect(actions.some((a) => a.type === "Action.OpenUrl")).toBe(false);
    expect(text).toContain("- [Wet gemeenschappelijke regelingen](https://wetten.overheid.nl/BWBR0003740)");
    expect(actions.find((a) => a.type === "Action.Submit")).toMatchObject({
      data: { action: "answer", id: "uittreden" },
    });
    const feedback = actions.filter((a) => a.type === "Action.Execute");
    expect(feedback.map((a) => a.title)).toEqual(["👍 Nuttig", "👎 Niet nuttig"]);
    for (const a of feedback) {
      expect(a.fallback).toMatchObject({ type: "Action.Submit", data: a.data });
      expect(a.verb).toBe("feedback");
    }
  });

  it("replaces the feedback buttons by a thank-you after a click", () => {
    const card = renderReplyCard(bot.answerById("zienswijze-begroting"), { feedbackGiven: true });
    expect(cardText(card)).toContain("Dank u voor uw reactie.");
    expect(cardActions(card).some((a) => a.type === "Action.Execute")).toBe(false);
  });

  it("renders a checklist as toggles with save and export actions (Action.Execute with Action.Submit fallback)", async () => {
    const reply = bot.answerById("checklist-uittreden");
    const card = renderReplyCard(reply, {
      progress: progressFor(reply, [2]),
      exportMarkdown: "# Checklist uittreden\n- [ ] a\n- [x] b",
    });
    await expectValid(card, "checklist");
    const toggles = card.body.filter((e) => e.type === "Input.Toggle");
    expect(toggles.map((t) => (t as { id: string }).id)).toEqual(["item-1", "item-2", "item-3"]);
    expect(toggles.map((t) => (t as { value: string }).value)).toEqual(["false", "true", "false"]);
    expect(cardText(card)).toContain("1 van 3 afgevinkt");
    expect(cardText(card)).toContain("# Checklist uittreden\r- [ ] a\r- [x] b");
    const exec = cardActions(card).filter((a) => a.type === "Action.Execute" && a.verb !== "feedback");
    expect(exec.map((a) => [a.title, a.verb])).toEqual([
      ["Opslaan", "checklistSave"],
      ["Exporteer", "checklistExport"],
    ]);
    expect(exec[0]!.data).toEqual({ action: "checklistSave", checklistId: "checklist-uittreden", runId: "run-1" });
    expect(exec[0]!.fallback).toMatchObject({ type: "Action.Submit", data: exec[0]!.data });
  });

  it("renders ambiguous replies as 'Ik denk dat u dit bedoelt' + the entry + 'Of bedoelde u' buttons", async () => {
    const best = await bot.ask("uittreden", { platform: "teams" });
    const reply = {
      ...best,
      status: "ambiguous" as const,
      alternatives: [{ id: "checklist-uittreden", title: "Checklist uittreden", score: 0.5 }],
    };
    const card = renderReplyCard(reply);
    await expectValid(card, "ambiguous");
    const text = cardText(card);
    expect(text).toContain("Ik denk dat u dit bedoelt:");
    expect(text).toContain(best.answer!.title);
    expect(text).toContain("Of bedoelde u…");
    const ids = cardActions(card)
      .filter((a) => a.type === "Action.Submit")
      .map((a) => (a.data as { id: string }).id);
    expect(ids).toContain("checklist-uittreden");
  });

  it("shows the engine's specific message on an unknown reply", async () => {
    const card = renderReplyCard({
      status: "unknown",
      confidence: 0,
      answer: null,
      alternatives: [],
      message: "Bedragen van één gemeente heb ik niet.",
    });
    await expectValid(card, "unknown");
    expect(cardText(card)).toContain("Bedragen van één gemeente heb ik niet.");
  });

  it("renders unknown and help replies", async () => {
    const unknown = renderReplyCard(await bot.ask("wat is het weer", { platform: "teams" }));
    await expectValid(unknown, "unknown");
    expect(cardText(unknown)).toContain("Daar heb ik geen goed antwoord op");
    const help = renderReplyCard(bot.help());
    await expectValid(help, "help");
    expect(cardText(help)).toContain("Waarmee kan ik u helpen?");
  });

  it("renders welcome, topics, checklist list and message cards cleanly", async () => {
    await expectValid(renderWelcomeCard(bot.featuredTopics(), bot.listChecklists()), "welcome");
    await expectValid(renderTopicsCard(bot.featuredTopics(), bot.listChecklists()), "topics");
    await expectValid(renderChecklistListCard(bot.listChecklists(), true), "checklists");
    await expectValid(renderMessageCard("Er ging iets mis."), "message");
  });

  it("answer first: key lines visible, the full text in a hidden Container that Lees meer toggles", async () => {
    const card = renderReplyCard(bot.answerById("zienswijze-begroting"));
    await expectValid(card, "short");
    const keyLines = card.body.find((e) => e.type === "TextBlock" && e.id === "key-lines");
    expect(keyLines).toMatchObject({ text: "- De griffie plant de behandeling\r- De raad stelt de zienswijze vast" });
    const details = card.body.find((e) => e.type === "Container" && e.id === "details");
    expect(details).toMatchObject({ isVisible: false });
    expect(cardText(details)).toContain("**Hoe werkt het**");
    expect(cardText(details)).toContain("[de wet](https://wetten.overheid.nl/BWBR0003740)");
    // The heading and the link are only in the hidden part.
    const visible = card.body.filter((e) => e !== details);
    expect(cardText(visible)).not.toContain("**Hoe werkt het**");
    const toggles = cardActions(card).filter((a) => a.type === "Action.ToggleVisibility");
    expect(toggles.map((t) => t.title)).toEqual([messages.readMore, messages.readLess]);
    for (const t of toggles) expect(t.targetElements).toEqual(["details", "read-more", "key-lines"]);
    // Every target exists in the card.
    const ids = JSON.stringify(card);
    for (const id of ["details", "read-more", "key-lines"]) expect(ids).toContain(`"id":"${id}"`);
    // The spoken text stays title + summary (not the key lines or the hidden text).
    expect(card.speak).toBe(
      "Zienswijze op de begroting van een gemeenschappelijke regeling. De raad kan binnen acht weken een zienswijze geven op de ontwerpbegroting.",
    );
  });

  it("keeps a huge entry under 28 KB by dropping body paragraphs", async () => {
    const big = {
      ...fakeAnswers[0]!,
      text: Array.from({ length: 200 }, (_, i) => `Alinea ${i} ${"tekst ".repeat(40)}`).join("\n\n"),
    };
    const card = renderReplyCard({ status: "answer", confidence: 1, answer: big, alternatives: [] });
    expect(cardBytes(card)).toBeLessThan(LIMIT);
    expect(cardText(card)).toContain("…");
    expect(cardActions(card).some((a) => a.type === "Action.Execute")).toBe(true); // feedback kept
    expect(cardActions(card).some((a) => a.type === "Action.ToggleVisibility")).toBe(true); // Lees meer kept
    await expectValid(card, "big");
  });

  it("the preview renderer returns the same card", () => {
    const reply = bot.answerById("uittreden");
    expect(teamsPreviewRenderer.id).toBe("teams");
    expect(teamsPreviewRenderer.render(reply)).toEqual(renderReplyCard(reply));
  });
});

describe("Teams markdown subset", () => {
  it("turns tables, code and images into supported text", () => {
    const blocks = toTeamsMarkdownBlocks(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx = 1\n```\n\n![logo](https://x/y.png) tekst\n\n1. een\n2. twee",
    );
    expect(blocks).toEqual(["- a — b\r- 1 — 2", "x = 1", "logo tekst", "1. een\r2. twee"]);
  });
});

describe("card action parsing", () => {
  it("accepts our actions with toggle inputs and rejects others", () => {
    const parsed = parseCardAction({
      action: "checklistSave",
      checklistId: "c",
      "item-1": "true",
      "item-2": "false",
      other: "x",
    });
    expect(parsed?.action).toEqual({ action: "checklistSave", checklistId: "c" });
    expect([...parsed!.toggles]).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(parseCardAction({ action: "feedback", entryId: "x", helpful: "yes" })).toBeNull();
    expect(parseCardAction("answer")).toBeNull();
    expect(parseCardAction({ action: "delete-everything" })).toBeNull();
  });
});
