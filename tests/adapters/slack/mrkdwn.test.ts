import { describe, expect, it } from "vitest";
import {
  escapeMrkdwn,
  inlineToMrkdwn,
  markdownToMrkdwn,
  safeMrkdwnCut,
  slackTextToPlain,
  splitMrkdwn,
  truncateMrkdwn,
  truncatePlain,
} from "../../../adapters/slack/mrkdwn.ts";
import { brokenEscapes } from "./limits.ts";

describe("markdown → mrkdwn", () => {
  it("converts bold, italic, strike and links", () => {
    expect(inlineToMrkdwn("Dit is **vet** en *schuin* en ~~weg~~.")).toBe("Dit is *vet* en _schuin_ en ~weg~.");
    expect(inlineToMrkdwn("Zie [de wet](https://wetten.overheid.nl/BWBR0003740?a=1&b=2).")).toBe(
      "Zie <https://wetten.overheid.nl/BWBR0003740?a=1&amp;b=2|de wet>.",
    );
    expect(inlineToMrkdwn("__ook vet__")).toBe("*ook vet*");
  });

  it("links bare URLs explicitly (messages are sent verbatim)", () => {
    expect(inlineToMrkdwn("Zie https://wetten.overheid.nl/BWBR0003740?a=1&b=2. Klaar")).toBe(
      "Zie <https://wetten.overheid.nl/BWBR0003740?a=1&amp;b=2>. Klaar",
    );
  });

  it("escapes &, < and > in text but keeps code spans", () => {
    expect(inlineToMrkdwn("B&W <!channel> a > b")).toBe("B&amp;W &lt;!channel&gt; a &gt; b");
    expect(inlineToMrkdwn("typ `<tag>` hier")).toBe("typ `&lt;tag&gt;` hier");
  });

  it("turns headings into bold lines, lists into bullets, and unwraps paragraphs", () => {
    const out = markdownToMrkdwn(
      "## Hoe werkt het\n\nEen zin die\ndoorloopt.\n\n- eerste\n- tweede\n  - dieper\n1. een\n- [ ] open\n- [x] klaar\n\n> citaat",
    );
    expect(out).toBe(
      // A heading sits directly above its block (no blank line); separate lists stay separate paragraphs.
      "*Hoe werkt het*\nEen zin die doorloopt.\n\n• eerste\n• tweede\n    ◦ dieper\n\n1. een\n\n☐ open\n☑ klaar\n\n>citaat",
    );
  });

  it("keeps fenced code as a code block, escaped", () => {
    expect(markdownToMrkdwn("```\na < b\n```")).toBe("```a &lt; b```");
  });

  it("makes link labels and targets safe", () => {
    expect(inlineToMrkdwn("[a|b <c>](https://x.nl/p?q=1&r=|2)")).toBe("<https://x.nl/p?q=1&amp;r=%7C2|a/b &lt;c&gt;>");
  });
});

describe("escaping user text", () => {
  it("neutralises broadcasts and mentions", () => {
    const s = escapeMrkdwn("<!channel> <!here> <@U123> & co");
    expect(s).toBe("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; co");
    expect(s).not.toMatch(/<[!@#]/);
  });

  it("reads Slack's message markup back to a plain question", () => {
    expect(slackTextToPlain("<@UBOT> wat is een <#C1|raad> &amp; <https://x.nl|link>? &lt;b&gt;")).toBe(
      "wat is een raad & link? <b>",
    );
    expect(slackTextToPlain("<!here> hallo")).toBe("hallo");
  });
});

describe("limits", () => {
  it("truncates plain text without splitting a surrogate pair", () => {
    const s = "a".repeat(73) + "😀😀";
    const t = truncatePlain(s, 75);
    expect(t.length).toBeLessThanOrEqual(75);
    expect(t.endsWith("…")).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(t)).toBe(false);
  });

  it("never cuts inside an escape or a link", () => {
    const text = `${"x".repeat(95)}&amp;${"y".repeat(10)}`;
    const cut = safeMrkdwnCut(text, 98);
    expect(cut).toBeLessThanOrEqual(95);
    const link = `${"x ".repeat(40)}<https://example.org/${"p".repeat(40)}|label>`;
    const t = truncateMrkdwn(link, 100);
    expect(t.length).toBeLessThanOrEqual(100);
    expect(brokenEscapes(t)).toEqual([]);
  });

  it("splits long mrkdwn into chunks within the limit, all escapes intact", () => {
    const para = Array.from({ length: 400 }, (_v, i) =>
      i % 7 === 0 ? "B&amp;W <https://example.org/x|bron>" : "woord",
    ).join(" ");
    const chunks = splitMrkdwn(para, 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(brokenEscapes(c)).toEqual([]);
    }
    expect(chunks.join(" ").replace(/\s+/g, " ")).toBe(para);
  });
});
