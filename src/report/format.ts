// The griffie report as plain Dutch text for the terminal or an e-mail.
import { formatDutchDate } from "../core/dutch-date.ts";
import type { Platform } from "../store/port.ts";
import type { GriffieReport, ReasonCount } from "./build.ts";

const PLATFORM_NAMES: Record<Platform, string> = {
  slack: "Slack",
  teams: "Teams",
  cli: "terminal",
  preview: "voorbeeldpagina",
};
/** Comments shown per entry in the text report (the JSON has them all). */
export const MAX_COMMENTS = 5;

const percent = (n: number): string => `${Math.round(n * 100)}%`;
const date = (iso: string): string => formatDutchDate(new Date(iso));
/**
 * Stored text made inert for a terminal: control characters (ESC, BEL, C1, DEL), bidirectional overrides and
 * line separators are shown as visible escapes such as \x1B, and lone surrogates as U+FFFD, so a question can
 * never move the cursor, clear the screen, retitle the window or reorder the line it is printed on.
 */
export function inertText(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\t\n\r]+/g, " ")
    .replace(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
      (c) => {
        const code = c.charCodeAt(0);
        return code <= 0xff
          ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
          : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
      },
    );
}
const quote = (s: string): string => `"${inertText(s).replace(/\s+/g, " ")}"`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Onvolledig 3, Onjuist 1, geen reden opgegeven 2". */
const reasonList = (reasons: readonly ReasonCount[]): string => reasons.map((r) => `${r.label} ${r.count}`).join(", ");

export function formatReportText(report: GriffieReport): string {
  const out: string[] = [];
  out.push(`Rapport Raadswijzer Samenwerken, ${date(report.generatedAt)}`);
  out.push(
    report.since && report.days !== null
      ? `Periode: de laatste ${plural(report.days, "dag", "dagen")} (vanaf ${date(report.since)})`
      : "Periode: alles wat nog bewaard is (binnen de bewaartermijn)",
  );
  out.push("");

  out.push(
    `Onbeantwoorde vragen (${plural(report.totals.unanswered, "vraag", "vragen")} in ${plural(report.totals.groups, "groep", "groepen")})`,
  );
  out.push("");
  if (report.unanswered.length === 0) out.push("Geen onbeantwoorde vragen in deze periode.");
  report.unanswered.forEach((g, i) => {
    const indent = " ".repeat(String(i + 1).length + 2);
    out.push(`${i + 1}. ${g.count}× ${quote(g.example)}`);
    if (g.variants.length) out.push(`${indent}Ook gesteld als: ${g.variants.map(quote).join(", ")}`);
    if (g.attachedTo) out.push(`${indent}Al gekoppeld aan: ${inertText(`${g.attachedTo.title} [${g.attachedTo.id}]`)}`);
    if (g.dismissed) out.push(`${indent}Gemarkeerd als 'niet ons onderwerp'`);
    const guess = g.bestGuess ? inertText(`${g.bestGuess.title} [${g.bestGuess.id}]`) : "geen";
    out.push(`${indent}Beste gok: ${guess}; gemiddelde zekerheid ${percent(g.averageConfidence)}`);
    const where = (Object.entries(g.platforms) as [Platform, number][])
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${PLATFORM_NAMES[p]} ${n}`)
      .join(", ");
    out.push(`${indent}Laatst gesteld op ${date(g.lastAsked)}; via ${where}`);
  });
  out.push("");

  out.push(`Antwoorden met negatieve reacties (${plural(report.negativeFeedback.length, "onderwerp", "onderwerpen")})`);
  out.push("");
  if (report.negativeFeedback.length === 0) out.push("Geen negatieve reacties in deze periode.");
  else out.push(`Redenen van 👎: ${reasonList(report.reasons)}`, "");
  for (const f of report.negativeFeedback) {
    out.push(`- ${inertText(`${f.title} [${f.entryId}]`)}: ${f.negative} × 👎, ${f.positive} × 👍`);
    if (f.reasons.some((r) => r.reason !== null)) out.push(`    Redenen: ${reasonList(f.reasons)}`);
    for (const c of f.comments.slice(0, MAX_COMMENTS)) {
      const reason = c.reason ? `${c.reason}: ` : "";
      out.push(`    ${c.helpful ? "👍" : "👎"} ${reason}${quote(c.comment)} (${date(c.at)})`);
    }
    if (f.comments.length > MAX_COMMENTS) out.push(`    … en nog ${f.comments.length - MAX_COMMENTS} opmerkingen`);
  }
  out.push("");

  out.push(`Open vragen aan de griffie (${report.openHandoffs.length})`);
  out.push("");
  if (report.openHandoffs.length === 0) out.push("Geen open vragen aan de griffie.");
  for (const h of report.openHandoffs) {
    const guess = h.bestGuess ? inertText(`${h.bestGuess.title} [${h.bestGuess.id}]`) : "geen";
    out.push(`- ${date(h.at)}, via ${PLATFORM_NAMES[h.platform]}: ${quote(h.question)}`);
    out.push(`    Beste gok: ${guess}${h.link ? `; beantwoorden: ${inertText(h.link)}` : ""}`);
  }
  return `${out.join("\n")}\n`;
}
