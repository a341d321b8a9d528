// The shared markdown model (src/core/markdown): parsing into typed blocks, the short form of an answer, and the
// three renderers of the same model (Slack mrkdwn, Teams TextBlocks, preview HTML).
import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "../../src/core/markdown/parse.ts";
import { blocksText, inlineText } from "../../src/core/markdown/model.ts";
import { clip, digestBody, MAX_KEY_LINES } from "../../src/core/markdown/digest.ts";
import { blocksToMrkdwnParagraphs, inlinesToMrkdwn } from "../../adapters/slack/mrkdwn.ts";
import { blocksToTeams, inlinesToTeams } from "../../adapters/teams/markdown.ts";
import { blocksToHtml, inlinesToHtml, teamsTextToHtml } from "../../src/http/preview/markdown.ts";

const SAMPLE = [
  "Intro met **vet**, *schuin*, ~~weg~~, `code` en [de wet](https://wetten.overheid.nl/BWBR0003740).",
  "",
  "### Aandachtspunten",
  "- Eerste punt. Met een tweede zin.",
  "  - dieper",
  "- [x] klaar",
  "- [ ] open",
  "",
  "2. twee",
  "3. drie",
  "",
  "> citaat",
  "",
  "| a | b |",
  "|---|---|",
  "| c | d |",
].join("\n");

describe("parseMarkdown: the block model", () => {
  it("parses headings, paragraphs, lists with task items, quotes and tables into typed blocks", () => {
    const blocks = parseMarkdown(SAMPLE);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "heading", "list", "list", "quote", "table"]);
    const [intro, heading, bullets, ordered] = blocks;
    expect(heading).toEqual({ type: "heading", level: 3, children: [{ type: "text", text: "Aandachtspunten" }] });
    expect(intro!.type === "paragraph" && intro!.children.map((c) => c.type)).toEqual([
      "text",
      "strong",
      "text",
      "emphasis",
      "text",
      "strike",
      "text",
      "code",
      "text",
      "link",
      "text",
    ]);
    if (bullets?.type !== "list" || ordered?.type !== "list") throw new Error("lists expected");
    expect(bullets.items.map((i) => i.checked)).toEqual([undefined, true, false]);
    expect(bullets.items[1]!.blocks).toEqual([{ type: "paragraph", children: [{ type: "text", text: "klaar" }] }]);
    expect(bullets.items[0]!.blocks[1]).toMatchObject({ type: "list", items: [{ blocks: [{ type: "paragraph" }] }] });
    expect(ordered).toMatchObject({ ordered: true, start: 2 });
    expect(blocksText(blocks)).toContain("a — b");
  });

  it("checks every link once: unsafe targets keep only their label", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "http://example.org", "data:text/html,x"]) {
      const nodes = parseInline(`zie [hier](${href}) nu`);
      expect(nodes.some((n) => n.type === "link")).toBe(false);
      expect(inlineText(nodes)).toMatch(/^zie hier/);
    }
    expect(parseInline("[mail](mailto:griffie@example.org)")).toEqual([
      { type: "link", url: "mailto:griffie@example.org", children: [{ type: "text", text: "mail" }] },
    ]);
  });

  it("keeps raw HTML and mentions as visible text", () => {
    expect(inlineText(parseInline("<b>x</b> <!channel>"))).toBe("<b>x</b> <!channel>");
  });

  it("parses an entry once: the same text gives the same (cached) blocks", () => {
    expect(parseMarkdown(SAMPLE)).toBe(parseMarkdown(SAMPLE));
  });
});

describe("digestBody: answer first", () => {
  it("takes at most five key lines from the lists, each cut to its first sentence", () => {
    const md = `Inleiding.\n\n${Array.from({ length: 8 }, (_v, i) => `- Punt ${i} is een regel van enige lengte voor de raad. En meer tekst.`).join("\n")}`;
    const d = digestBody(md);
    expect(d.keyLines).toHaveLength(MAX_KEY_LINES);
    expect(inlineText(d.keyLines[0]!)).toBe("Punt 0 is een regel van enige lengte voor de raad.");
    expect(d.hasDetails).toBe(true);
  });

  it("keeps the lead-in of items that continue it, so the key lines read as sentences", () => {
    const d = digestBody(
      "Een inleiding. De bevoegdheid blijft bij de **gemeente** die mandaat geeft. Daarom:\n" +
        "- blijft elke gemeente zelf verantwoordelijk;\n- kan zij instructies geven.",
    );
    expect(d.keyLines.map(inlineText)).toEqual([
      "De bevoegdheid blijft bij de gemeente die mandaat geeft. Daarom:",
      "blijft elke gemeente zelf verantwoordelijk;",
      "kan zij instructies geven.",
    ]);
    // Formatting inside the lead-in survives the cut.
    expect(d.keyLines[0]!.some((n) => n.type === "strong")).toBe(true);
    // Items that are sentences of their own need no lead-in.
    expect(digestBody("Let op:\n- Eén punt.\n- Nog een punt.").keyLines.map(inlineText)).toEqual([
      "Eén punt.",
      "Nog een punt.",
    ]);
  });

  it("uses the paragraphs' first sentences when there is no list; a one-line body has no details", () => {
    const d = digestBody("Eerste alinea met een zin die lang genoeg is om te knippen. Tweede zin.\n\nTweede alinea.");
    expect(d.keyLines.map(inlineText)).toEqual([
      "Eerste alinea met een zin die lang genoeg is om te knippen.",
      "Tweede alinea.",
    ]);
    expect(digestBody("Kort.").hasDetails).toBe(false);
  });

  it('does not end a sentence at an abbreviation or before a number ("art. 1", "o.a.", "bijv.")', () => {
    const d = digestBody(
      "- De raad besluit zelf, na een zienswijze en toestemming van de raad (art. 1 lid 2 Wgr), o.a. bij uittreden. Meer.\n- Tweede punt met bijv. een voorbeeld dat lang genoeg is voor een zin. Meer.",
    );
    expect(d.keyLines.map(inlineText)).toEqual([
      "De raad besluit zelf, na een zienswijze en toestemming van de raad (art. 1 lid 2 Wgr), o.a. bij uittreden.",
      "Tweede punt met bijv. een voorbeeld dat lang genoeg is voor een zin.",
    ]);
  });

  it("cuts a long line without a sentence end at a word, keeping formatting", () => {
    const nodes = parseInline(`**Vet** ${"woord ".repeat(80)}`);
    const cut = clip(nodes, 60);
    expect(cut[0]).toEqual({ type: "strong", children: [{ type: "text", text: "Vet" }] });
    expect(inlineText(cut).length).toBeLessThanOrEqual(61);
    expect(inlineText(cut).endsWith("…")).toBe(true);
  });
});

describe("the renderers of one model", () => {
  const blocks = parseMarkdown(SAMPLE);

  it("Slack mrkdwn: escaped text, bold heading directly above its list, ☑/☐ for tasks", () => {
    const paragraphs = blocksToMrkdwnParagraphs(blocks);
    expect(paragraphs[0]).toBe(
      "Intro met *vet*, _schuin_, ~weg~, `code` en <https://wetten.overheid.nl/BWBR0003740|de wet>.",
    );
    expect(paragraphs[1]).toBe("*Aandachtspunten*\n• Eerste punt. Met een tweede zin.\n    ◦ dieper\n☑ klaar\n☐ open");
    expect(paragraphs[2]).toBe("2. twee\n3. drie");
    expect(paragraphs[3]).toBe(">citaat");
    expect(inlinesToMrkdwn(parseInline("a <!here> & <@U1>"))).toBe("a &lt;!here&gt; &amp; &lt;@U1&gt;");
  });

  it("Teams: one TextBlock text per block, lists joined by \\r, links kept", () => {
    const texts = blocksToTeams(blocks);
    expect(texts[0]).toBe(
      "Intro met **vet**, _schuin_, weg, code en [de wet](https://wetten.overheid.nl/BWBR0003740).",
    );
    expect(texts[1]).toBe("**Aandachtspunten**");
    expect(texts[2]).toBe("- Eerste punt. Met een tweede zin.\r- dieper\r- klaar\r- open");
    expect(texts[3]).toBe("2. twee\r3. drie");
    expect(inlinesToTeams(parseInline("[x](java\nscript:alert(1))"))).not.toMatch(/\]\(/);
  });

  it("HTML: escaped, headings under the card title, task marks hidden from screen readers", () => {
    const html = blocksToHtml(blocks);
    expect(html).toContain("<h5>Aandachtspunten</h5>");
    expect(html).toContain('<li><span aria-hidden="true">☑</span> klaar</li>');
    expect(html).toContain('<ol start="2">');
    expect(html).toContain(
      '<a href="https://wetten.overheid.nl/BWBR0003740" target="_blank" rel="noopener noreferrer">de wet</a>',
    );
    expect(inlinesToHtml(parseInline('<img src=x onerror="alert(1)">'))).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    );
    // A Teams TextBlock (lines separated by \r) for the preview's Adaptive Cards hook.
    expect(teamsTextToHtml("**Vet**")).toBe("<strong>Vet</strong>");
    expect(teamsTextToHtml("- een\r- twee")).toBe("<ul><li>een</li><li>twee</li></ul>");
  });
});
