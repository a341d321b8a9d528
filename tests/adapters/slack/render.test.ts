import { describe, expect, it } from "vitest";
import {
  renderChecklistList,
  renderExport,
  renderHome,
  expandAnswer,
  renderReply,
  slackPreviewRenderer,
} from "../../../adapters/slack/render.ts";
import { ACTION, BLOCK, parseFeedbackValue, runIdFromBlockId } from "../../../adapters/slack/actions.ts";
import type { ChecklistProgress } from "../../../src/core/bot.ts";
import { messages } from "../../../src/core/messages.ts";
import type { Answer, Reply } from "../../../src/reply.ts";
import { blockText, elementsOf, fakeAnswers, findButton, type Block } from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";

const answer = (id: string): Answer => fakeAnswers.find((a) => a.id === id)!;
const answerReply = (a: Answer, alternatives: Reply["alternatives"] = []): Reply => ({
  status: "answer",
  confidence: 1,
  answer: a,
  alternatives,
});

function progressFor(a: Answer, tickedIdx: number[]): ChecklistProgress {
  const items = (a.items ?? []).map((i, n) => ({ id: i.id, text: i.text, checked: tickedIdx.includes(n + 1) }));
  const now = new Date();
  return {
    run: { runId: "run-42", checklistId: a.id, context: "slack:C1", ticked: [], createdAt: now, updatedAt: now },
    title: a.title,
    items,
    done: items.filter((i) => i.checked).length,
    total: items.length,
  };
}

describe("renderReply: answer", () => {
  const msg = renderReply(
    answerReply(answer("zienswijze-begroting"), [
      { id: "uittreden", title: "Uittreden uit een gemeenschappelijke regeling", score: 0.3 },
    ]),
  );
  const blocks = msg.blocks as Block[];

  it("shows title, summary (mrkdwn), key lines, Lees meer, sources and date; the full text only on request", () => {
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: answer("zienswijze-begroting").title, emoji: true },
    });
    const text = blockText(blocks);
    expect(text).toContain("binnen *acht weken* een zienswijze");
    // The key lines: the body's list items, not its heading or its other paragraphs.
    const keyLines = blocks.find((b) => b.block_id === BLOCK.keyLines)!;
    expect(blockText([keyLines])).toBe("• De griffie plant de behandeling\n• De raad stelt de zienswijze vast");
    expect(text).not.toContain("*Hoe werkt het*");
    expect(text).not.toContain("|de wet>");
    expect(findButton(blocks, ACTION.readMore, "zienswijze-begroting")).toMatchObject({
      text: { text: messages.readMore },
    });
    const full = renderReply(answerReply(answer("zienswijze-begroting")), { full: true }).blocks as Block[];
    const fullText = blockText(full);
    // Full text: the heading directly above its paragraph (no blank line), lists, links; no key lines or button.
    expect(fullText).toContain("*Hoe werkt het*\nHet dagelijks bestuur stuurt de _ontwerpbegroting_ naar de raden.");
    expect(fullText).toContain("• De griffie plant de behandeling");
    expect(fullText).toContain("<https://wetten.overheid.nl/BWBR0003740|de wet>");
    expect(full.some((b) => b.block_id === BLOCK.keyLines || b.block_id === BLOCK.readMore)).toBe(false);
    expect(text).toContain(
      `*${messages.sources}*\n• <https://wetten.overheid.nl/BWBR0003740|Wet gemeenschappelijke regelingen>`,
    );
    expect(text).toContain(messages.updated("2026-01-15"));
    expect(msg.text).toContain(answer("zienswijze-begroting").title);
  });

  it("has related-topic buttons and 👍/👎 with the entry id", () => {
    const els = elementsOf(blocks);
    const related = els.filter((e) => String(e.action_id).startsWith("open_entry"));
    expect(related.map((e) => e.value)).toEqual(["uittreden"]);
    expect(els.find((e) => e.action_id === "feedback_yes")).toMatchObject({
      value: "zienswijze-begroting",
      text: { text: messages.feedbackYes },
    });
    expect(els.find((e) => e.action_id === "feedback_no")).toMatchObject({
      value: "zienswijze-begroting",
      text: { text: messages.feedbackNo },
    });
    expect(els.some((e) => e.action_id === "share_answer")).toBe(false);
  });

  it("adds 'Deel in kanaal' only when asked, and echoes the question escaped", () => {
    const shared = renderReply(answerReply(answer("zienswijze-begroting")), {
      share: true,
      question: "<!channel> zienswijze & <@U999>?",
    });
    const b = shared.blocks as Block[];
    expect(elementsOf(b).find((e) => e.action_id === "share_answer")).toMatchObject({
      value: "zienswijze-begroting",
      text: { text: messages.shareInChannel },
    });
    const text = blockText(b);
    expect(text).toContain(messages.youAsked("&lt;!channel&gt; zienswijze &amp; &lt;@U999&gt;?"));
    expect(JSON.stringify(b)).not.toMatch(/<[!@]/);
    // The 👎 carries the question (escaped like message text) for a hand-off after it.
    const no = String(elementsOf(b).find((e) => e.action_id === "feedback_no")?.value);
    expect(parseFeedbackValue(no)).toEqual({
      entryId: "zienswijze-begroting",
      question: "<!channel> zienswijze & <@U999>?",
    });
    expect(blockKitViolations(b)).toEqual([]);
  });

  it("stays within Block Kit limits", () => {
    expect(blockKitViolations(blocks)).toEqual([]);
  });

  it("sends every mrkdwn text verbatim (no automatic mention or channel parsing) and escapes the fallback text", () => {
    const mrkdwnObjects: Record<string, unknown>[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const o = n as Record<string, unknown>;
        if (o.type === "mrkdwn") mrkdwnObjects.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(blocks);
    expect(mrkdwnObjects.length).toBeGreaterThan(3);
    expect(mrkdwnObjects.every((o) => o.verbatim === true)).toBe(true);
    const a: Answer = { ...answer("uittreden"), title: "B&W <!here>", summary: "x < y" };
    expect(renderReply(answerReply(a)).text).toBe("B&amp;W &lt;!here&gt;: x &lt; y");
  });

  it("replaces the feedback buttons by the thank-you once given", () => {
    const b = renderReply(answerReply(answer("uittreden")), { feedbackGiven: true }).blocks as Block[];
    expect(elementsOf(b).some((e) => String(e.action_id).startsWith("feedback"))).toBe(false);
    expect(blockText(b)).toContain(messages.feedbackThanks);
  });
});

describe("renderReply: other statuses", () => {
  it("ambiguous: 'Ik denk dat u dit bedoelt' with the best guess, the others as 'Of bedoelde u' buttons", () => {
    const reply: Reply = {
      status: "ambiguous",
      confidence: 0.5,
      answer: answer("uittreden"),
      alternatives: [{ id: "checklist-uittreden", title: "Checklist uittreden", score: 0.4 }],
    };
    const b = renderReply(reply).blocks as Block[];
    const text = blockText(b);
    expect(text).toContain(messages.ambiguousIntro);
    expect(text.indexOf(messages.ambiguousIntro)).toBeLessThan(text.indexOf("Uittreden"));
    expect(text).toContain(messages.orDidYouMean);
    const buttons = elementsOf(b).filter((e) => String(e.action_id).startsWith("open_entry"));
    expect(buttons.map((e) => e.value)).toEqual(["checklist-uittreden"]);
    const ids = elementsOf(b).map((e) => e.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(blockKitViolations(b)).toEqual([]);
  });

  it("unknown: shows the engine's specific message when there is one", () => {
    const message = "Bedragen van één gemeente heb ik niet.";
    const b = renderReply({
      status: "unknown",
      confidence: 0.1,
      answer: null,
      alternatives: [{ id: "uittreden", title: "Uittreden", score: 0.2 }],
      message,
    }).blocks as Block[];
    expect(blockText(b)).toContain(message);
    expect(blockText(b)).not.toContain(messages.unknownText);
  });

  it("unknown: says so and suggests", () => {
    const b = renderReply({
      status: "unknown",
      confidence: 0.1,
      answer: null,
      alternatives: [{ id: "uittreden", title: "Uittreden", score: 0.2 }],
    }).blocks as Block[];
    expect(blockText(b)).toContain(messages.unknownTitle);
    expect(blockText(b)).toContain(messages.unknownText);
    expect(elementsOf(b).map((e) => e.value)).toEqual(["uittreden"]);
  });

  it("help: intro, help text and topic buttons", () => {
    const b = renderReply({
      status: "help",
      confidence: 1,
      answer: null,
      alternatives: [{ id: "uittreden", title: "Uittreden", score: 1 }],
    }).blocks as Block[];
    const text = blockText(b);
    expect(text).toContain(messages.helpTitle);
    expect(text).toContain(messages.intro);
    expect(text).toContain(messages.topicsTitle);
    expect(elementsOf(b)[0]).toMatchObject({ value: "uittreden" });
  });
});

describe("checklists", () => {
  const cl = answer("checklist-uittreden");

  it("renders checkboxes in groups of at most 10, ticks from the run, progress and export", () => {
    const b = renderReply(answerReply(cl), { progress: progressFor(cl, [2, 11]) }).blocks as Block[];
    const inputs = b.filter((x) => x.type === "input");
    expect(inputs).toHaveLength(2);
    const [first, second] = inputs.map(
      (i) => i.element as { options: { value: string }[]; initial_options?: { value: string }[] },
    );
    expect(first!.options).toHaveLength(10);
    expect(second!.options.map((o) => o.value)).toEqual(["11", "12"]);
    expect(first!.initial_options?.map((o) => o.value)).toEqual(["2"]);
    expect(second!.initial_options?.map((o) => o.value)).toEqual(["11"]);
    expect(inputs.every((i) => i.dispatch_action === true)).toBe(true);
    expect(inputs.map((i) => runIdFromBlockId(String(i.block_id)))).toEqual(["run-42", "run-42"]);
    expect(blockText(b)).toContain(messages.checklistProgress(2, 12));
    expect(elementsOf(b).find((e) => e.action_id === "checklist_export")).toMatchObject({
      value: "run-42",
      text: { text: messages.checklistExport },
    });
    expect(blockKitViolations(b)).toEqual([]);
  });

  it("shows each item once: its full text in the list, the checkbox labelled with its number only", () => {
    const b = renderReply(answerReply(cl), { progress: progressFor(cl, [2]) }).blocks as Block[];
    const text = blockText(b);
    const item2 =
      "De *kosten* van uittreden zijn bekend en zijn besproken met de andere deelnemers aan de regeling, inclusief frictiekosten";
    expect(text).toContain(`*2.* ${item2}`);
    expect(text).toContain("*1.* Punt 1 is nagelopen");
    // Each item's words appear once in the whole message (before: once in the list, once in its option).
    expect(text.split("De *kosten* van uittreden").length - 1).toBe(1);
    expect(text.split("De kosten van uittreden").length - 1).toBe(0);
    const input = b.find((x) => x.type === "input")!;
    const options = (input.element as { options: { text: { text: string }; value: string }[] }).options;
    expect(options.map((o) => o.text.text)).toEqual(
      Array.from({ length: 10 }, (_v, i) => messages.checklistItemLabel(i + 1)),
    );
    expect(options[1]!.value).toBe("2");
    // The checkbox groups say what they are for and which items they hold, not the title a second time.
    const labels = b.filter((x) => x.type === "input").map((x) => (x.label as { text: string }).text);
    expect(labels).toEqual([messages.checklistTickLabel(1, 10), messages.checklistTickLabel(11, 12)]);
    expect(labels[0]).toBe("Vink af wat klaar is (punt 1–10)");
    expect(text.split(cl.title).length - 1).toBe(1);
  });

  it("without a run (preview) shows the items but no export", () => {
    const b = renderReply(answerReply(cl)).blocks as Block[];
    expect(b.filter((x) => x.type === "input")).toHaveLength(2);
    expect(elementsOf(b).some((e) => e.action_id === "checklist_export")).toBe(false);
  });

  it("list and export", () => {
    const list = renderChecklistList([{ id: cl.id, title: cl.title, summary: cl.summary, itemCount: 12 }], true)
      .blocks as Block[];
    expect(blockText(list)).toContain(messages.checklistNotFound);
    expect(elementsOf(list)[0]).toMatchObject({ value: cl.id, text: { text: messages.checklistOpen } });
    const md = `# Checklist & <test>\n\n${Array.from({ length: 300 }, (_v, i) => `- [x] punt ${i} met wat tekst erbij`).join("\n")}`;
    const exp = renderExport(md).blocks as Block[];
    expect(exp.length).toBeGreaterThan(2);
    expect(blockKitViolations(exp)).toEqual([]);
    expect(blockText(exp)).toContain("Checklist &amp; &lt;test&gt;");
  });
});

describe("Lees meer", () => {
  it("expands the clicked message in place: key lines and button replaced by the full text, the rest kept", () => {
    const a = answer("zienswijze-begroting");
    const short = renderReply(answerReply(a), { question: "hoe werkt een zienswijze?", share: true }).blocks;
    const expanded = expandAnswer(short, a)! as Block[];
    const text = blockText(expanded);
    expect(text).toContain("U vroeg: hoe werkt een zienswijze?");
    expect(text).toContain("*Hoe werkt het*");
    expect(text).toContain("<https://wetten.overheid.nl/BWBR0003740|de wet>");
    expect(expanded.some((b) => b.block_id === BLOCK.keyLines || b.block_id === BLOCK.readMore)).toBe(false);
    expect(elementsOf(expanded).some((e) => e.action_id === "share_answer")).toBe(true);
    expect(expandAnswer(undefined, a)).toBeNull();
    expect(expandAnswer(expanded, a)).toBeNull();
    expect(blockKitViolations(expanded)).toEqual([]);
  });

  it("a body of one short sentence needs no Lees meer", () => {
    const a: Answer = { ...answer("uittreden"), text: "Kort." };
    const b = renderReply(answerReply(a)).blocks as Block[];
    expect(blockText(b)).toContain("• Kort.");
    expect(findButton(b, ACTION.readMore)).toBeUndefined();
  });
});

describe("limits under stress", () => {
  it("a huge answer stays within every limit", () => {
    const long = "Gemeenschappelijke ".repeat(30);
    const big: Answer = {
      id: "x".repeat(120),
      kind: "checklist",
      title: long,
      summary: `${long} & <b> **vet**`,
      text: Array.from(
        { length: 120 },
        (_v, i) => `## Kop ${i}\n\n${"B&W <!here> [bron](https://example.org/a?b=1&c=2) ".repeat(40)}\n\n- punt ${i}`,
      ).join("\n\n"),
      items: Array.from({ length: 45 }, (_v, i) => ({ id: `c#${i + 1}`, text: `${long} ${i}` })),
      links: Array.from({ length: 80 }, (_v, i) => ({
        title: `${long} ${i}`,
        url: `https://example.org/${"p".repeat(100)}/${i}?a=1&b=2`,
      })),
      related: Array.from({ length: 30 }, (_v, i) => ({ id: `rel-${i}`, title: `${long} ${i}` })),
      updated: "2026-01-01",
    };
    const msg = renderReply(answerReply(big), {
      progress: progressFor(big, [1, 2, 3]),
      share: true,
      question: `${"<!channel> ".repeat(200)}`,
    });
    expect(blockKitViolations(msg.blocks)).toEqual([]);
    const els = elementsOf(msg.blocks as Block[]);
    // The interactive parts survive truncation of the body.
    expect(els.some((e) => e.action_id === "feedback_yes")).toBe(true);
    expect(els.some((e) => e.action_id === "checklist_export")).toBe(true);
    expect(els.some((e) => e.action_id === "share_answer")).toBe(true);
    expect((msg.blocks as Block[]).filter((b) => b.type === "input")).toHaveLength(5);
    // The full text (after "Lees meer"), rendered anew or expanded in place, stays within every limit too.
    const full = renderReply(answerReply(big), { progress: progressFor(big, [1]), share: true, full: true });
    expect(blockKitViolations(full.blocks)).toEqual([]);
    const expanded = expandAnswer(msg.blocks, big)!;
    expect(blockKitViolations(expanded)).toEqual([]);
    expect(elementsOf(expanded as Block[]).some((e) => e.action_id === "feedback_yes")).toBe(true);
    expect((expanded as Block[]).filter((b) => b.type === "input")).toHaveLength(5);
    const short = renderReply(answerReply({ ...big, kind: "topic", items: [] }));
    expect(blockKitViolations(short.blocks)).toEqual([]);
    expect(elementsOf(short.blocks as Block[]).some((e) => e.action_id === ACTION.readMore)).toBe(true);
  });

  it("the App Home stays within the home view limit (100 blocks)", () => {
    const view = renderHome(
      Array.from({ length: 40 }, (_v, i) => ({ id: `t${i}`, title: `Onderwerp ${i}` })),
      Array.from({ length: 40 }, (_v, i) => ({
        id: `c${i}`,
        title: `Checklist ${i}`,
        summary: "Samenvatting & meer",
        itemCount: 3,
      })),
    );
    expect(view.type).toBe("home");
    expect(blockKitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
    expect(blockText(view.blocks)).toContain(messages.welcomeTitle);
  });

  it("the preview renderer returns the blocks the bot sends", () => {
    const reply = answerReply(answer("uittreden"));
    expect(slackPreviewRenderer.id).toBe("slack");
    expect(slackPreviewRenderer.render(reply)).toEqual(renderReply(reply).blocks);
  });
});
