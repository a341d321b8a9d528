// `npm run ask -- --explain`: why the engine replies as it does, as a few readable lines.
import type { Explanation } from "../engine/types.ts";

/** The explanation as a few readable lines for editors and developers. */
export function formatExplanation(x: Explanation): string {
  const lines = [`vraag: ${x.question}`];
  lines.push(
    `focus: ${x.focus.map((c) => `${c.word}${c.weight < 1 ? ` ×${c.weight}` : ""}${c.match === "word" ? "" : ` (${c.match})`}${c.name ? " [naam]" : ""}`).join(", ") || "(geen inhoudswoorden)"}`,
  );
  if (x.expansions.length) lines.push(`uitbreidingen: ${x.expansions.join("; ")}`);
  if (x.wantsChecklist) lines.push("vraagt om een checklist");
  if (x.localFigure) lines.push("vraagt om lokale cijfers, namen of data");
  if (x.asksAmount) lines.push("vraagt om een bedrag (vergoeding, salaris, tarief): niet in de kennisbank");
  if (x.aboutDocument) lines.push("wijst naar een eigen tekst (geplakt of bijgevoegd)");
  if (x.asksToWrite) lines.push("vraagt om een tekst te schrijven");
  if (x.asksWhereToFind) lines.push("vraagt waar iets te vinden is");
  if (x.askedOffSubject) lines.push("de vraag gaat over iets anders dan de context (geen onderwerp van de kennisbank)");
  if (x.asksOffDomain)
    lines.push("de vraag noemt een onderwerp buiten de kennisbank (werk, belasting, ict, reizen, weer, …)");
  if (x.answersOnlyContext)
    lines.push("het beste item noemt geen woord van de vraag zelf, alleen van de context: geen antwoord");
  lines.push("kandidaten:");
  x.candidates.forEach((c, i) => lines.push(`  ${i + 1}. ${c.id}  rank ${c.rank}  coverage ${c.coverage}`));
  const f = x.candidates[0]?.features;
  if (f)
    lines.push(
      `kenmerken van de beste: ${Object.entries(f)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
    );
  lines.push(
    `zekerheid ${x.confidence} (antwoord ≥ ${x.thresholds.answer}, middenband ≥ ${x.thresholds.ambiguous}): band ${x.band}, status ${x.status}`,
  );
  return lines.join("\n");
}
