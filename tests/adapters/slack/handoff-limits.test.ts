// Block Kit limits for the 👎 reason and hand-off views and messages (adapters/slack/feedback-reason.ts, handoff.ts)
// at their longest: the longest question a user may ask (with characters that need escaping), the longest entry
// title in knowledge/. Modal titles and buttons within 24 characters, private_metadata within 3,000 and still
// JSON, every block within its limits; the griffie's message names the platform and a Dutch date.
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS } from "../../../src/limits.ts";
import { feedbackText } from "../../../src/core/feedback-reasons.ts";
import { reasonModal } from "../../../adapters/slack/feedback-reason.ts";
import { handoffButtonBlock, handoffModal, renderGriffieMessage } from "../../../adapters/slack/handoff.ts";
import { blockKitViolations } from "./limits.ts";
import { sharedKnowledgeBase } from "../../support/knowledge.ts";

const longest = `Mag <!channel> "dit" & <@U0OTHER1> de begroting zien? ${"é".repeat(MAX_QUESTION_CHARS)}`.slice(
  0,
  MAX_QUESTION_CHARS,
);

describe("👎 reason and hand-off in Slack within Block Kit's limits", () => {
  let longestTitle = "";
  beforeAll(async () => {
    const kb = await sharedKnowledgeBase("knowledge");
    longestTitle = kb.entries.reduce((a, e) => (e.title.length > a.length ? e.title : a), "");
  });

  const modalProblems = (view: { title: { text: string }; private_metadata?: string; blocks: unknown }) => [
    ...blockKitViolations(view.blocks, { maxBlocks: 100 }),
    ...(view.title.text.length > 24 ? ["title > 24"] : []),
    ...((view.private_metadata ?? "").length > 3000 ? ["private_metadata > 3000"] : []),
  ];

  it("the reason modal and the hand-off modal", () => {
    const reason = reasonModal({ e: "x".repeat(200), c: "C0123", t: "1.2", q: longest }, longestTitle.repeat(30));
    expect(modalProblems(reason)).toEqual([]);
    expect(() => JSON.parse(reason.private_metadata!) as unknown).not.toThrow();

    const handoff = handoffModal({ q: longest, g: "x".repeat(200), c: "C0123", t: "1.2", m: "1.3" }, longestTitle);
    expect(modalProblems(handoff)).toEqual([]);
    const input = handoff.blocks.find((b) => b.type === "input") as { element: { initial_value?: string } };
    expect(input.element.initial_value).toBe(longest);
    expect(handoff.submit?.text).toBe(feedbackText.handoffSubmit);
  });

  it("the hand-off button and the griffie's message", () => {
    expect(blockKitViolations([handoffButtonBlock({ q: longest, g: "x".repeat(300) })])).toEqual([]);
    for (const platform of ["slack", "teams", "preview"] as const) {
      const message = renderGriffieMessage({
        id: "h".repeat(40),
        question: longest,
        bestGuess: { id: "x", title: longestTitle },
        platform,
        link: platform === "preview" ? null : `https://test.slack.com/archives/C0123/p${"9".repeat(2000)}`,
        askedBy: platform === "slack" ? "U0USER01" : null,
        askedByName: platform === "teams" ? "N".repeat(300) : null,
        at: new Date("2026-11-23T10:00:00Z"),
      });
      // The asker's mention (Slack only) is deliberate; nothing from the question pings anyone.
      expect(blockKitViolations(message.blocks).filter((v) => !v.includes("mention"))).toEqual([]);
      expect(JSON.stringify(message)).not.toContain("<!channel>");
      expect(JSON.stringify(message)).toContain("23 november 2026");
      expect(message.text.length).toBeLessThanOrEqual(4000);
    }
  });
});
