// Command-line options of `npm run report` (src/cli/report.ts).
import { parseFlags } from "../flags.ts";

export const REPORT_USAGE = `Gebruik: npm run report -- [--days N] [--json] [--html bestand.html]
  --days N       alleen de laatste N dagen (standaard: alles binnen de bewaartermijn)
  --json         het rapport als JSON in plaats van tekst
  --html BESTAND het rapport als HTML-pagina met grafieken (op zichzelf staand, ook af te drukken)`;

export type ReportArgs = { days: number | null; json: boolean; html?: string } | { error: string } | { help: true };

export function parseReportArgs(argv: string[]): ReportArgs {
  const parsed = parseFlags({
    args: argv,
    options: {
      days: { type: "string" },
      json: { type: "boolean", default: false },
      html: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if ("error" in parsed) return parsed;
  if (parsed.values.help) return { help: true };
  let days: number | null = null;
  if (parsed.values.days !== undefined) {
    days = Number(parsed.values.days);
    if (!Number.isInteger(days) || days < 1)
      return { error: `--days moet een heel getal van 1 of meer zijn, niet "${parsed.values.days}"` };
  }
  if (parsed.values.html !== undefined && !parsed.values.html.trim())
    return { error: "--html heeft een bestandsnaam nodig" };
  return { days, json: parsed.values.json, ...(parsed.values.html ? { html: parsed.values.html } : {}) };
}
