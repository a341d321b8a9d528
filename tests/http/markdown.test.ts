import { describe, expect, it } from "vitest";
import { escapeHtml, inlineToHtml, markdownToHtml } from "../../src/http/preview/markdown.ts";

describe("preview markdown", () => {
  it("renders paragraphs, headings and lists", () => {
    const html = markdownToHtml("Eerste regel\nloopt door.\n\n## Kop\n\n- een\n- twee\n\n1. stap\n2. stap");
    expect(html).toBe(
      "<p>Eerste regel loopt door.</p>\n<h4>Kop</h4>\n<ul><li>een</li><li>twee</li></ul>\n<ol><li>stap</li><li>stap</li></ol>",
    );
  });

  it("renders emphasis, code and safe links", () => {
    expect(inlineToHtml("**vet** en *schuin* en `code`")).toBe(
      "<strong>vet</strong> en <em>schuin</em> en <code>code</code>",
    );
    expect(inlineToHtml("[Wgr](https://wetten.overheid.nl/BWBR0003740)")).toBe(
      '<a href="https://wetten.overheid.nl/BWBR0003740" target="_blank" rel="noopener noreferrer">Wgr</a>',
    );
  });

  it("escapes HTML and drops unsafe links", () => {
    expect(markdownToHtml("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(inlineToHtml("[klik](javascript:alert(1))")).not.toContain("href");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });

  it("keeps snake_case words and block quotes intact", () => {
    expect(inlineToHtml("een_woord_met_lage_streepjes")).toBe("een_woord_met_lage_streepjes");
    expect(markdownToHtml("> let op\n> dit")).toBe("<blockquote><p>let op dit</p></blockquote>");
  });
});
