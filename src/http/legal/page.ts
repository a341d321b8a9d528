// Renders a LegalPage as a small standalone HTML page (Dutch, landmarks, readable without scripts).
// All text is HTML-escaped; links must be https: or mailto:, anything else is shown as plain text.
import { escapeHtml } from "../preview/markdown.ts";
import type { Inline, LegalPage } from "./content.ts";

const SAFE_HREF = /^(https:\/\/|mailto:)[^\s"<>]+$/;

const inline = (parts: Inline[]): string =>
  parts
    .map((p) =>
      typeof p === "string"
        ? escapeHtml(p)
        : SAFE_HREF.test(p.href)
          ? `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`
          : escapeHtml(p.text),
    )
    .join("");

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.6;color:#1c2430;background:#f4f6f9}
header{background:#1f4e8c;color:#fff;padding:14px 20px}
header p{margin:0 auto;max-width:46rem;font-weight:700}
main{max-width:46rem;margin:24px auto;padding:24px 28px;background:#fff;border:1px solid #d9dee6;border-radius:10px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 12px}
h2{font-size:1.15rem;margin:24px 0 6px}
a{color:#1f4e8c}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
footer{max-width:46rem;margin:0 auto 40px;padding:0 20px;color:#5a6472}
`;

/** The page as a complete HTML document. */
export function renderLegalPage(page: LegalPage, others: { path: string; title: string }[]): string {
  const sections = page.sections
    .map((s) => {
      const paragraphs = (s.paragraphs ?? []).map((p) => `<p>${inline(p)}</p>`);
      const list = s.list?.length ? `<ul>${s.list.map((li) => `<li>${inline(li)}</li>`).join("")}</ul>` : "";
      // A list reads before the paragraphs that comment on it.
      return `<section><h2>${escapeHtml(s.heading)}</h2>${list}${paragraphs.join("")}</section>`;
    })
    .join("\n");
  const links = others.map((o) => `<a href="${escapeHtml(o.path)}">${escapeHtml(o.title)}</a>`).join(" · ");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>Raadswijzer Samenwerken</p></header>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p>${inline(page.intro)}</p>
${sections}
</main>
<footer><nav aria-label="Andere pagina's">${links}</nav></footer>
</body>
</html>
`;
}
