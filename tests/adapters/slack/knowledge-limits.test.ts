// Renders every entry of the real knowledge base the way the Slack bot sends it and checks Block Kit's limits.
import { describe, expect, it } from "vitest";
import { expandAnswer, renderHome, renderReply } from "../../../adapters/slack/render.ts";
import type { ChecklistProgress } from "../../../src/core/bot.ts";
import { blockKitViolations } from "./limits.ts";
import { sharedEngine, sharedKnowledgeBase } from "../../support/knowledge.ts";

const kb = await sharedKnowledgeBase("knowledge");
const engine = await sharedEngine("knowledge");

function fullProgress(id: string, itemIds: string[]): ChecklistProgress {
  const now = new Date();
  return {
    run: {
      runId: "00000000-0000-4000-8000-000000000000",
      checklistId: id,
      context: "slack:C1",
      ticked: [],
      createdAt: now,
      updatedAt: now,
    },
    title: id,
    items: itemIds.map((i, n) => ({ id: i, text: i, checked: n % 2 === 0 })),
    done: Math.ceil(itemIds.length / 2),
    total: itemIds.length,
  };
}

describe("every knowledge entry renders within Block Kit's limits", () => {
  it("has entries", () => {
    expect(kb.entries.length).toBeGreaterThan(10);
  });

  it.each(kb.entries.map((e) => [e.id]))("%s", (id) => {
    const reply = engine.replyFor(id);
    expect(reply?.answer?.id).toBe(id);
    const answer = reply!.answer!;
    const progress =
      answer.kind === "checklist"
        ? fullProgress(
            id,
            (answer.items ?? []).map((i) => i.id),
          )
        : undefined;
    const msg = renderReply(reply!, {
      share: true,
      question: `Vraag over ${answer.title} <!channel>`,
      ...(progress ? { progress } : {}),
    });
    expect(blockKitViolations(msg.blocks)).toEqual([]);
    expect(msg.text.length).toBeGreaterThan(0);
    // The full text after "Lees meer" (expanded in place) stays within the limits too.
    const expanded = expandAnswer(msg.blocks, answer) ?? msg.blocks;
    expect(blockKitViolations(expanded)).toEqual([]);
    // Nothing of the answer is silently lost: every item is a checkbox, every source a link.
    const json = JSON.stringify(msg.blocks);
    for (const link of answer.links) expect(json).toContain(link.url.split("?")[0]!.replace(/&/g, "&amp;"));
    if (progress) {
      const options = msg.blocks.flatMap((b) =>
        b.type === "input" && b.element.type === "checkboxes" ? b.element.options : [],
      );
      expect(options).toHaveLength(answer.items!.length);
      // Every item's full text is shown (the options only hold its start).
      const sections = msg.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : "")).join("\n");
      for (const [n, item] of answer.items!.entries()) {
        const lastWords = item.text
          .replace(/[*_`]/g, "")
          .trim()
          .split(/\s+/)
          .slice(-3)
          .join(" ")
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;");
        expect(sections).toContain(`*${n + 1}.* `);
        expect(sections.replace(/[*_`]/g, "")).toContain(lastWords);
      }
    }
  });

  it("the App Home with every checklist", () => {
    const checklists = kb.entries
      .filter((e) => e.kind === "checklist")
      .map((e) => ({ id: e.id, title: e.title, summary: e.summary, itemCount: e.items.length }));
    const topics = kb.entries
      .filter((e) => e.kind === "topic")
      .slice(0, 8)
      .map((e) => ({ id: e.id, title: e.title }));
    expect(blockKitViolations(renderHome(topics, checklists).blocks, { maxBlocks: 100 })).toEqual([]);
  });
});
