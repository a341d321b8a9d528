import { describe, expect, it } from "vitest";
import { mrkdwnToHtml, slackBlocksToHtml } from "../../src/http/preview/slack-html.ts";

describe("Slack Block Kit → HTML", () => {
  it("renders mrkdwn: bold, italic, strike, code, links and quotes", () => {
    expect(mrkdwnToHtml("*vet* _schuin_ ~weg~ `code`")).toBe(
      "<strong>vet</strong> <em>schuin</em> <del>weg</del> <code>code</code>",
    );
    expect(mrkdwnToHtml("<https://vng.nl|VNG> &amp; meer")).toBe(
      '<a href="https://vng.nl/" target="_blank" rel="noopener noreferrer">VNG</a> &amp; meer',
    );
    expect(mrkdwnToHtml("&gt; citaat\nnormaal")).toBe("<blockquote>citaat</blockquote>normaal");
  });

  it("escapes text and refuses javascript: links", () => {
    expect(mrkdwnToHtml("<b>hallo</b>")).not.toContain("<b>");
    expect(mrkdwnToHtml("<javascript:alert(1)|klik>")).not.toContain("href");
  });

  it("renders header, section with accessory, context, divider, actions and checkboxes", () => {
    const html = slackBlocksToHtml({
      text: "fallback",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Titel <x>" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "*Samenvatting*" },
          accessory: {
            type: "button",
            text: { type: "plain_text", text: "Open" },
            action_id: "open",
            value: "uittreden-gr",
          },
        },
        { type: "divider" },
        { type: "context", elements: [{ type: "mrkdwn", text: "Bron: <https://wetten.overheid.nl|Wgr>" }] },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              style: "primary",
              text: { type: "plain_text", text: "👍 Nuttig" },
              action_id: "feedback_up",
              value: "x",
            },
          ],
        },
        {
          type: "input",
          label: { type: "plain_text", text: "Punten" },
          element: {
            type: "checkboxes",
            options: [
              { text: { type: "mrkdwn", text: "Een" }, value: "a#1" },
              { text: { type: "mrkdwn", text: "Twee" }, value: "a#2" },
            ],
            initial_options: [{ text: { type: "mrkdwn", text: "Twee" }, value: "a#2" }],
          },
        },
      ],
    });
    expect(html).toContain('<div class="sk-header">Titel &lt;x&gt;</div>');
    expect(html).toContain("<strong>Samenvatting</strong>");
    expect(html).toContain('data-action-id="open" data-value="uittreden-gr"');
    expect(html).toContain('<hr class="sk-divider">');
    expect(html).toContain('class="sk-button sk-primary"');
    expect(html).toContain('<div class="sk-label">Punten</div>');
    expect(html.match(/class="sk-box sk-box-checked" role="img" aria-label="aangevinkt"/g)).toHaveLength(1);
    expect(html.match(/class="sk-box/g)).toHaveLength(2);
  });

  it("accepts a bare block array and shows unknown blocks as placeholders", () => {
    expect(slackBlocksToHtml([{ type: "video" }])).toContain("[blok: video]");
    expect(slackBlocksToHtml({})).toBe("");
  });
});

describe("Slack mrkdwn → HTML through slack-message-parser", () => {
  it("reads what the Slack renderer writes: headings, bullets, numbered items, links with entities, quotes", () => {
    expect(mrkdwnToHtml("*Bronnen*\n• <https://wetten.overheid.nl/a?b=1&amp;c=2|Wgr &amp; toelichting>")).toBe(
      '<strong>Bronnen</strong><br>• <a href="https://wetten.overheid.nl/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Wgr &amp; toelichting</a>',
    );
    expect(mrkdwnToHtml("*1.* Een punt")).toBe("<strong>1.</strong> Een punt");
    // The bot sends a quote line as a raw ">", Slack delivers it as "&gt;": both are quotes.
    expect(mrkdwnToHtml("intro\n>regel een\n>regel twee")).toBe(
      "intro<blockquote>regel een<br>regel twee</blockquote>",
    );
    expect(mrkdwnToHtml("```code &amp; meer```")).toBe("<pre><code>code &amp; meer</code></pre>");
  });

  it("shows mentions and commands as inert text, never as links or raw markup", () => {
    const html = mrkdwnToHtml("Let op <!channel> en <@U123> en <#C1|griffie>");
    expect(html).toBe(
      'Let op <span class="sk-mention">@channel</span> en <span class="sk-mention">@U123</span> en <span class="sk-mention">griffie</span>',
    );
  });

  it("keeps escaped text escaped and an unlabelled non-link visible", () => {
    expect(mrkdwnToHtml("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mrkdwnToHtml("<b>hallo</b>")).toContain("&lt;b&gt;");
    expect(mrkdwnToHtml('<javascript:alert(1)|"klik">')).toBe("&quot;klik&quot;");
  });
});
