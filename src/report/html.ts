// The griffie report as one self-contained HTML page: inline CSS and hand-drawn inline SVG charts, no scripts, no
// network (a Content-Security-Policy forbids loading anything). Dutch labels; prints on A4. Every piece of text
// goes through escapeHtml (src/report/html-escape.ts). Chart elements carry data-* attributes with their numbers.
import { formatDutchDate } from "../core/dutch-date.ts";
import type { Platform } from "../store/port.ts";
import { escapeHtml as e } from "./html-escape.ts";
import { COUNTED_STATUSES, type CountedStatus, type HtmlReportData } from "./html-data.ts";

const STATUS: Record<CountedStatus, { label: string; color: string }> = {
  answer: { label: "Beantwoord", color: "#2e7d32" },
  ambiguous: { label: "Twijfel (keuze voorgelegd)", color: "#f2a900" },
  unknown: { label: "Niet beantwoord", color: "#c62828" },
};
const PLATFORM: Record<Platform, string> = {
  slack: "Slack",
  teams: "Teams",
  cli: "Terminal",
  preview: "Voorbeeldpagina",
};
const platformName = (p: string): string => PLATFORM[p as Platform] ?? p;
const date = (iso: string): string => (iso && !Number.isNaN(Date.parse(iso)) ? formatDutchDate(new Date(iso)) : iso);
const pct = (n: number, d: number): string => (d === 0 ? "–" : `${Math.round((n / d) * 100)}%`);
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Axis ticks for counts up to `top`: whole steps of 1, 2 or 5 times a power of ten, at most 6 steps, from 0 to the
 * first tick at or above `top` (which is then the chart's full height).
 */
export function roundTicks(top: number): { ticks: number[]; max: number } {
  const target = Math.max(1, top) / 5;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= target) ?? 10 * power);
  const max = Math.max(step, Math.ceil(top / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return { ticks, max };
}

function weekChart(d: HtmlReportData): string {
  if (d.weeks.length === 0) return `<p class="empty">Nog geen vragen geregistreerd in deze periode.</p>`;
  const W = 760;
  const H = 260;
  const left = 44;
  const bottom = 34;
  const top = 18;
  const { ticks, max } = roundTicks(
    Math.max(...d.weeks.map((w) => COUNTED_STATUSES.reduce((s, k) => s + w.counts[k], 0))),
  );
  const slot = (W - left - 10) / d.weeks.length;
  const barW = Math.max(6, Math.min(48, slot * 0.7));
  const y = (v: number) => ((H - bottom - top) * v) / max;
  const parts: string[] = [];
  for (const t of ticks) {
    const ty = (H - bottom - y(t)).toFixed(1);
    parts.push(
      `<line x1="${left}" x2="${W - 10}" y1="${ty}" y2="${ty}" class="grid"/><text x="${left - 6}" y="${(Number(ty) + 4).toFixed(1)}" text-anchor="end" class="axis" data-tick="${t}">${t}</text>`,
    );
  }
  d.weeks.forEach((w, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let base = H - bottom;
    let total = 0;
    for (const k of COUNTED_STATUSES) {
      const n = w.counts[k];
      total += n;
      const h = y(n);
      base -= h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${base.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${STATUS[k].color}" data-week="${e(w.week)}" data-status="${k}" data-count="${n}"><title>${e(`${w.week}: ${STATUS[k].label} ${n}`)}</title></rect>`,
      );
    }
    const cx = (x + barW / 2).toFixed(1);
    parts.push(
      `<text x="${cx}" y="${(base - 4).toFixed(1)}" text-anchor="middle" class="value" data-week-total="${e(w.week)}">${total}</text>`,
    );
    parts.push(`<text x="${cx}" y="${H - bottom + 14}" text-anchor="middle" class="axis">${e(w.week.slice(5))}</text>`);
    parts.push(
      `<text x="${cx}" y="${H - bottom + 27}" text-anchor="middle" class="axis small">${e(w.monday.slice(8, 10))}-${e(w.monday.slice(5, 7))}</text>`,
    );
  });
  const legend = COUNTED_STATUSES.map(
    (k) => `<span class="key"><i style="background:${STATUS[k].color}"></i>${e(STATUS[k].label)}</span>`,
  ).join("");
  const rows = d.weeks
    .map(
      (w) =>
        `<tr><td>${e(w.week)} (vanaf ${e(date(w.monday))})</td>${COUNTED_STATUSES.map((k) => `<td class="num">${w.counts[k]}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<svg id="chart-weeks" role="img" aria-label="Vragen per week naar uitkomst" viewBox="0 0 ${W} ${H}" width="100%">${parts.join("")}</svg>
<div class="legend">${legend}</div>
<table class="compact"><thead><tr><th>Week</th>${COUNTED_STATUSES.map((k) => `<th class="num">${e(STATUS[k].label)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function hbars(
  id: string,
  label: string,
  rows: { key: string; name: string; value: number; max: number; text: string; attrs: string }[],
): string {
  const W = 760;
  const rowH = 26;
  const labelW = 340;
  const barMax = W - labelW - 140;
  const H = rows.length * rowH + 6;
  const parts = rows.map((r, i) => {
    const yy = 4 + i * rowH;
    const w = r.max > 0 ? (barMax * r.value) / r.max : 0;
    const shown = cut(r.name, 42);
    // A shortened name is given in full as the label's tooltip.
    const full = shown === r.name ? "" : `<title>${e(r.name)}</title>`;
    return `<text x="${labelW - 8}" y="${yy + 15}" text-anchor="end" class="label">${full}${e(shown)}</text><rect x="${labelW}" y="${yy + 3}" width="${barMax}" height="16" class="track"/><rect x="${labelW}" y="${yy + 3}" width="${w.toFixed(1)}" height="16" fill="#1f5f99" ${r.attrs}/><text x="${labelW + barMax + 8}" y="${yy + 15}" class="value">${e(r.text)}</text>`;
  });
  return `<svg id="${id}" role="img" aria-label="${e(label)}" viewBox="0 0 ${W} ${H}" width="100%">${parts.join("")}</svg>`;
}

function platformChart(d: HtmlReportData): string {
  if (d.platforms.length === 0) return `<p class="empty">Nog geen vragen geregistreerd in deze periode.</p>`;
  return hbars(
    "chart-platforms",
    "Aandeel beantwoorde vragen per platform",
    d.platforms.map((p) => ({
      key: p.platform,
      name: platformName(p.platform),
      value: p.answered,
      max: p.total,
      text: `${pct(p.answered, p.total)} (${p.answered} van ${p.total})`,
      attrs: `data-platform="${e(p.platform)}" data-answered="${p.answered}" data-total="${p.total}"`,
    })),
  );
}

function entriesChart(d: HtmlReportData): string {
  if (d.topEntries.length === 0) return `<p class="empty">Nog geen beantwoorde vragen in deze periode.</p>`;
  const max = d.topEntries[0]!.count;
  return hbars(
    "chart-entries",
    "Meest gevraagde onderwerpen",
    d.topEntries.map((t) => ({
      key: t.id,
      name: t.title,
      value: t.count,
      max,
      text: `${t.count}×`,
      attrs: `data-entry="${e(t.id)}" data-count="${t.count}"`,
    })),
  );
}

function feedbackTable(d: HtmlReportData): string {
  if (d.feedback.length === 0) return `<p class="empty">Geen reacties in deze periode.</p>`;
  const max = Math.max(1, ...d.feedback.map((f) => Math.max(f.up, f.down)));
  const rows = d.feedback.map((f) => {
    const bar = `<svg class="mini" viewBox="0 0 124 14" width="124" height="14" aria-hidden="true"><rect x="0" y="1" width="${((60 * f.down) / max).toFixed(1)}" height="12" fill="#c62828" transform="translate(${(60 - (60 * f.down) / max).toFixed(1)} 0)"/><rect x="64" y="1" width="${((60 * f.up) / max).toFixed(1)}" height="12" fill="#2e7d32"/></svg>`;
    const reasons = f.reasons.length
      ? `<ul>${f.reasons
          .slice(0, 8)
          .map((r) => `<li>${r.helpful ? "👍" : "👎"} ${e(r.text)} <span class="muted">(${e(date(r.at))})</span></li>`)
          .join("")}${f.reasons.length > 8 ? `<li class="muted">… en nog ${f.reasons.length - 8}</li>` : ""}</ul>`
      : `<span class="muted">geen toelichting</span>`;
    return `<tr data-entry="${e(f.id)}" data-up="${f.up}" data-down="${f.down}"><td>${e(f.title)}<br><code>${e(f.id)}</code></td><td class="num">${f.up}</td><td class="num">${f.down}</td><td>${bar}</td><td>${reasons}</td></tr>`;
  });
  return `<table id="feedback"><thead><tr><th>Onderwerp</th><th class="num">👍</th><th class="num">👎</th><th>Verhouding</th><th>Redenen en opmerkingen</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function reasonsList(d: HtmlReportData): string {
  if (!d.reasons.length) return "";
  const items = d.reasons.map((r) => `<li data-count="${r.count}">${e(r.label)}: ${r.count}</li>`).join("");
  return `<h3>Redenen van 👎</h3><ul id="reasons">${items}</ul>`;
}

function groupsTable(d: HtmlReportData): string {
  const dismissed = d.dismissedGroups
    ? `<p class="hint" id="dismissed">${d.dismissedGroups} ${d.dismissedGroups === 1 ? "groep is" : "groepen zijn"} gemarkeerd als 'niet ons onderwerp' en niet getoond.</p>`
    : "";
  if (d.groups.length === 0) return `<p class="empty">Geen onbeantwoorde vragen in deze periode.</p>${dismissed}`;
  const rows = d.groups.map((g, i) => {
    const where = Object.entries(g.platforms)
      .map(([p, n]) => `${platformName(p)} ${n}`)
      .join(", ");
    const suggestions = g.attachedTo
      ? `<span class="attached" data-attached="${e(g.attachedTo.id)}">Al gekoppeld aan ${e(g.attachedTo.title)} <code>${e(g.attachedTo.id)}</code></span>`
      : g.suggestions.length
        ? g.suggestions.map((s) => `${e(s.title)} <code>${e(s.id)}</code>`).join("<br>")
        : `<span class="muted">geen</span>`;
    const variants = g.variants.length
      ? `<div class="muted">Ook: ${g.variants.map((v) => `“${e(v)}”`).join(", ")}</div>`
      : "";
    return `<tr data-group="${i + 1}" data-count="${g.count}"><td class="num">${g.count}×</td><td>“${e(g.example)}”${variants}</td><td>${suggestions}</td><td class="num">${Math.round(g.averageConfidence * 100)}%</td><td>${e(date(g.lastAsked))}<div class="muted">${e(where)}</div></td></tr>`;
  });
  return `<table id="groups"><thead><tr><th class="num">Aantal</th><th>Vraag</th><th>Voorgestelde onderwerpen</th><th class="num">Zekerheid</th><th>Laatst gesteld</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<p class="hint">Koppel een vraag aan een onderwerp met <code>npm run kb:learn</code>.</p>${dismissed}`;
}

function handoffs(d: HtmlReportData): string {
  if (d.handoffs === null) return `<p class="empty">Overdrachten aan de griffie worden (nog) niet bijgehouden.</p>`;
  if (d.handoffs.length === 0) return `<p class="empty">Geen open overdrachten.</p>`;
  const rows = d.handoffs.map(
    (h) =>
      `<tr><td>${e(date(h.at))}</td><td>${e(platformName(h.platform))}</td><td>“${e(h.subject)}”</td><td>${h.bestGuess ? e(h.bestGuess) : `<span class="muted">geen</span>`}</td><td>${e(h.status)}${h.link ? `<br><a href="${e(h.link)}">Beantwoorden</a>` : ""}</td></tr>`,
  );
  return `<table id="handoffs"><thead><tr><th>Datum</th><th>Platform</th><th>Vraag</th><th>Beste gok</th><th>Status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const CSS = `
:root{color-scheme:light}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:0 auto;max-width:980px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 10px;border-bottom:2px solid #1f5f99;padding-bottom:4px}
section{margin:26px 0;break-inside:avoid}
.meta,.muted,.hint{color:#555}.muted{font-size:13px}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0 0;padding:0;list-style:none}
.totals li{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:120px}.totals b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;margin-top:8px}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
table.compact td,table.compact th{padding:3px 8px;font-size:13px}
td ul{margin:0;padding-left:18px}code{font-size:12px;color:#444}
svg text{font-family:inherit;fill:#1b1b1b}svg .axis{font-size:11px;fill:#555}svg .small{font-size:9px}svg .value{font-size:12px;font-weight:600}
svg .label{font-size:13px}svg .grid{stroke:#ddd;stroke-width:1}svg .track{fill:#eef1f5}
.legend{display:flex;gap:16px;font-size:13px;margin:4px 0}.key i{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}
.empty{color:#555;font-style:italic}.attached{color:#2e7d32}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{a[href]::after{content:" (" attr(href) ")";font-size:10px;color:#555;word-break:break-all}tr,svg{break-inside:avoid}body{padding:0;max-width:none;font-size:12px}section{margin:14px 0}h2{font-size:16px}@page{size:A4;margin:14mm}}
`;

export function renderHtmlReport(d: HtmlReportData): string {
  const counted = d.totals.answer + d.totals.ambiguous + d.totals.unknown;
  const period =
    d.since && d.days !== null
      ? `de laatste ${d.days} ${d.days === 1 ? "dag" : "dagen"} (vanaf ${date(d.since)})`
      : "alles wat nog bewaard is (binnen de bewaartermijn)";
  const totals = [
    ["Vragen", String(counted), "total"],
    [STATUS.answer.label, `${d.totals.answer} (${pct(d.totals.answer, counted)})`, "answer"],
    [STATUS.ambiguous.label, String(d.totals.ambiguous), "ambiguous"],
    [STATUS.unknown.label, String(d.totals.unknown), "unknown"],
  ]
    .map(([label, value, key]) => `<li data-total="${key}"><b>${e(value)}</b>${e(label)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport Raadswijzer Samenwerken, ${e(date(d.generatedAt))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Rapport Raadswijzer Samenwerken</h1>
<p class="meta">Gemaakt op ${e(date(d.generatedAt))} · Periode: ${e(period)}</p>
<ul class="totals">${totals}</ul>
</header>
<section id="weeks"><h2>Vragen per week</h2>${weekChart(d)}<p class="hint">Begroetingen en "help" tellen niet mee.</p></section>
<section id="platforms"><h2>Beantwoord per platform</h2>${platformChart(d)}</section>
<section id="entries"><h2>Meest gevraagde onderwerpen</h2>${entriesChart(d)}</section>
<section id="reactions"><h2>Reacties per onderwerp (👍/👎)</h2>${reasonsList(d)}${feedbackTable(d)}</section>
<section id="unanswered"><h2>Onbeantwoorde vragen, gegroepeerd</h2>${groupsTable(d)}</section>
<section id="open-handoffs"><h2>Open overdrachten</h2>${handoffs(d)}</section>
</body>
</html>
`;
}
