// Defect 8 (renderer side): one URL check, and every renderer drops links it rejects.
import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render.ts";
import { inlineToMrkdwn, markdownToMrkdwn } from "../../adapters/slack/mrkdwn.ts";
import { renderReplyCard } from "../../adapters/teams/render.ts";
import { inline, toTeamsMarkdownBlocks } from "../../adapters/teams/markdown.ts";
import { safeLinkUrl } from "../../src/core/safe-url.ts";
import type { Reply } from "../../src/reply.ts";
import { markdownToHtml } from "../../src/http/preview/markdown.ts";
import { slackBlocksToHtml } from "../../src/http/preview/slack-html.ts";

const HOSTILE = [
  "javascript:alert(1)",
  " javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "\tjavascript:alert(1)",
  "java\nscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "http://example.org/",
  "file:///etc/passwd",
  "//evil.example/",
  "/relative",
  "https://user:pw@evil.example/",
];

describe("safeLinkUrl", () => {
  it("accepts https and mailto only", () => {
    expect(safeLinkUrl("https://wetten.overheid.nl/BWBR0003740/")).toBe("https://wetten.overheid.nl/BWBR0003740/");
    expect(safeLinkUrl("  HTTPS://example.org/a b")).toBe("https://example.org/a%20b");
    expect(safeLinkUrl("mailto:griffie@example.nl")).toBe("mailto:griffie@example.nl");
    for (const url of HOSTILE) expect(safeLinkUrl(url), url).toBeNull();
    expect(safeLinkUrl(undefined)).toBeNull();
  });
});

const body = (url: string) => `Zie [klik hier](${url}) en [ook]( ${url}) voor meer.`;

function reply(text: string, linkUrl = "javascript:alert(1)"): Reply {
  return {
    status: "answer",
    confidence: 1,
    answer: {
      id: "x",
      kind: "topic",
      title: "Titel [t](javascript:alert(2))",
      summary: "Samenvatting [s]( JaVaScRiPt:alert(3))",
      text,
      links: [
        { title: "Goed", url: "https://example.org/goed" },
        { title: "Fout", url: linkUrl },
      ],
      related: [],
    },
    alternatives: [],
  };
}

describe("every renderer drops unsafe links", () => {
  it("Slack mrkdwn: no <javascript:…> link, https links kept", () => {
    for (const url of HOSTILE) {
      const out = markdownToMrkdwn(body(url));
      expect(out, url).not.toMatch(/<[^>|]*(script|data:|file:|http:|\/\/evil)/i);
      expect(out).toContain("klik hier");
    }
    expect(inlineToMrkdwn("[a](https://example.org/x)")).toBe("<https://example.org/x|a>");
    const blocks = JSON.stringify(renderReply(reply(body(" javascript:alert(1)")), {}).blocks);
    expect(blocks).not.toMatch(/<\s*javascript/i); // a plain_text header may show the characters, never as a link
    expect(blocks).toContain("<https://example.org/goed|Goed>");
  });

  it("Teams: no markdown link or OpenUrl with another scheme, also with a leading space", () => {
    for (const url of HOSTILE) {
      const out = [inline(body(url)), ...toTeamsMarkdownBlocks(body(url))].join("\n");
      expect(out, url).not.toMatch(/\]\(/);
    }
    expect(inline("[a](https://example.org/x)")).toBe("[a](https://example.org/x)");
    const card = JSON.stringify(renderReplyCard(reply(body(" javascript:alert(1)"))));
    expect(card).not.toMatch(/javascript/i);
    // The safe source stays, as a link in the "Bronnen" TextBlock.
    expect(card).toContain("[Goed](https://example.org/goed)");
  });

  it("preview: markdown HTML and the Slack view carry no unsafe href", () => {
    for (const url of HOSTILE) {
      const html = markdownToHtml(body(url));
      expect(html, url).not.toMatch(/href="(?!https:|mailto:)/);
      expect(html).not.toContain('<a href="javascript');
    }
    const view = slackBlocksToHtml(renderReply(reply(body("javascript:alert(1)")), {}));
    expect(view).not.toMatch(/href="(?!https:|mailto:)/);
  });
});
