// The follow-up note on Slack messages and Teams cards: shown only for a follow-up, escaped, within the limits.
import { describe, expect, it } from "vitest";
import { withFollowUpNote as slackNote } from "../../adapters/slack/follow-up.ts";
import { LIMITS, renderReply, type KnownBlock } from "../../adapters/slack/render.ts";
import { withFollowUpNote as teamsNote } from "../../adapters/teams/follow-up.ts";
import { renderReplyCard } from "../../adapters/teams/render.ts";
import { messages } from "../../src/core/messages.ts";
import type { Reply } from "../../src/reply.ts";
import { blockKitViolations } from "./slack/limits.ts";
import { fakeAnswers } from "./slack/helpers.ts";

const answer = fakeAnswers[0]!;
const plain: Reply = { status: "answer", confidence: 0.95, answer, alternatives: [] };
const followUp: Reply = { ...plain, followUp: { entryId: "prev", title: "Zienswijze <b> & *GR*_" } };

describe("follow-up note", () => {
  it("Slack: a context block under the echo of the question, escaped; nothing changes without a follow-up", () => {
    const msg = renderReply(followUp, { question: "wie beslist dat?" });
    expect(slackNote(plain, msg)).toBe(msg);
    const noted = slackNote(followUp, msg);
    expect(noted.blocks[0]).toEqual(msg.blocks[0]);
    expect(noted.blocks[1]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: messages.followUpNote("Zienswijze &lt;b&gt; &amp; *GR*_"), verbatim: true }],
    });
    expect(noted.blocks.slice(2)).toEqual(msg.blocks.slice(1));
    expect(blockKitViolations(noted.blocks)).toEqual([]);
    // The fallback text still reads as the answer.
    expect(noted.text).toBe(msg.text);
  });

  it("Slack: on top without an echo; in a full message inside the echo, never past 50 blocks", () => {
    const msg = renderReply(followUp, {});
    const noted = slackNote(followUp, msg);
    expect(noted.blocks[0]).toMatchObject({ type: "context" });
    expect(noted.blocks.slice(1)).toEqual(msg.blocks);
    const echo: KnownBlock = { type: "context", elements: [{ type: "mrkdwn", text: "U vroeg: x" }] };
    const full: KnownBlock[] = [
      echo,
      ...Array.from({ length: LIMITS.blocks - 1 }, () => ({ type: "divider" }) as KnownBlock),
    ];
    const merged = slackNote(followUp, { text: "x", blocks: full }).blocks;
    expect(merged).toHaveLength(LIMITS.blocks);
    expect(JSON.stringify(merged[0])).toContain("Opgevat als vervolgvraag op");
    const dividers: KnownBlock[] = Array.from({ length: LIMITS.blocks }, () => ({ type: "divider" }));
    expect(slackNote(followUp, { text: "x", blocks: dividers }).blocks).toHaveLength(LIMITS.blocks);
  });

  it("Teams: a subtle TextBlock on top with the title's markdown escaped; fallbackText and speak unchanged", () => {
    const card = renderReplyCard(followUp);
    expect(teamsNote(plain, card)).toBe(card);
    const noted = teamsNote(followUp, card);
    expect(noted.body[0]).toEqual({
      type: "TextBlock",
      text: messages.followUpNote("Zienswijze <b> & \\*GR\\*\\_"),
      wrap: true,
      size: "Small",
      isSubtle: true,
    });
    expect(noted.body.slice(1)).toEqual(card.body);
    expect([noted.fallbackText, noted.speak]).toEqual([card.fallbackText, card.speak]);
  });
});
