// Computes the end of a Wgr term from the rules table (regels.ts), applying the Algemene termijnenwet where it
// applies: art. 1 (a term ending on a Saturday, Sunday or feestdag runs to the next working day; not for terms
// counted backwards, lid 2), art. 2 (a term of three days or more contains at least two working days) and
// art. 4 lid 1 onder a (not for terms of more than twelve weeks and the like).
import {
  addDays,
  addMonths,
  daysBetween,
  formatDatum,
  formatDatumMetDag,
  fromParts,
  type IsoDate,
  yearOf,
} from "./datum.ts";
import { geenWerkdag, misschienGelijkgesteld } from "./feestdagen.ts";
import { atwUitgezonderd, type Duur, regelVoor, type Regel, type Soort, SOORTEN } from "./regels.ts";

export interface Uitkomst {
  soort: Soort;
  titel: string;
  vanaf: IsoDate;
  /** Last day of the term (YYYY-MM-DD). */
  einde: IsoDate;
  /** True when the Algemene termijnenwet moved the end. */
  verlengd: boolean;
  /** Dutch: the rule, the computed date and why. */
  regel: string;
  /** The article that sets the term (Wgr), plus the Atw article when it moved the end. */
  artikel: string;
}

export class TermijnInvoerFout extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = "TermijnInvoerFout";
  }
}

const optellen = (datum: IsoDate, duur: Duur, teken: 1 | -1): IsoDate => {
  switch (duur.eenheid) {
    case "dagen":
      return addDays(datum, teken * duur.aantal);
    case "weken":
      return addDays(datum, teken * 7 * duur.aantal);
    case "maanden":
      return addMonths(datum, teken * duur.aantal);
  }
};

const duurTekst = (duur: Duur): string => {
  const woorden = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
  ];
  const n = woorden[duur.aantal] ?? String(duur.aantal);
  const eenheid = duur.aantal === 1 ? { dagen: "dag", weken: "week", maanden: "maand" }[duur.eenheid] : duur.eenheid;
  return `${n} ${eenheid}`;
};

interface AtwResultaat {
  einde: IsoDate;
  /** Dutch explanation of each move, in order. */
  stappen: string[];
}

/** Art. 2 then art. 1 lid 1 Atw on a forward term from `vanaf` (exclusive) to `einde` (inclusive). */
export function pasAtwToe(vanaf: IsoDate, einde: IsoDate): AtwResultaat {
  const stappen: string[] = [];
  let eind = einde;
  if (daysBetween(vanaf, eind) >= 3) {
    // Working days in (vanaf, tot], counted only up to the two that art. 2 asks for.
    const werkdagen = (tot: IsoDate): number => {
      let n = 0;
      for (let d = addDays(vanaf, 1); d <= tot && n < 2; d = addDays(d, 1)) if (!geenWerkdag(d)) n++;
      return n;
    };
    const voor = eind;
    while (werkdagen(eind) < 2) eind = addDays(eind, 1);
    if (eind !== voor)
      stappen.push(
        `art. 2 Atw: een termijn van drie dagen of meer moet ten minste twee werkdagen bevatten, dus tot ${formatDatumMetDag(eind)}`,
      );
  }
  const reden = geenWerkdag(eind);
  if (reden) {
    const oorspronkelijk = eind;
    while (geenWerkdag(eind)) eind = addDays(eind, 1);
    stappen.push(
      `de termijn eindigde op ${formatDatumMetDag(oorspronkelijk)}${reden === "zaterdag" || reden === "zondag" ? "" : ` (${reden})`} en loopt daarom door tot en met de eerstvolgende werkdag (art. 1 lid 1 Atw)`,
    );
  }
  return { einde: eind, stappen };
}

const ATW_VERLENGD = "art. 1 Algemene termijnenwet";

function vooruit(
  regel: Regel & { duur: Duur },
  vanaf: IsoDate,
): { einde: IsoDate; verlengd: boolean; uitleg: string; atw: string | null } {
  const kaal = optellen(vanaf, regel.duur, 1);
  const basis = `${duurTekst(regel.duur)} na ${formatDatum(vanaf)} is ${formatDatumMetDag(kaal)}`;
  if (atwUitgezonderd(regel.duur)) {
    return {
      einde: kaal,
      verlengd: false,
      uitleg: `${basis}; de Algemene termijnenwet geldt niet voor deze termijn (art. 4 lid 1 onder a Atw).`,
      atw: null,
    };
  }
  const { einde, stappen } = pasAtwToe(vanaf, kaal);
  const letOp = misschienGelijkgesteld(einde)
    ? ` Let op: voor ${yearOf(einde)} is nog geen besluit bekend dat dagen gelijkstelt met een feestdag (art. 3 lid 3 Atw), en ${formatDatumMetDag(einde)} ligt naast een feestdag. Wordt die dag gelijkgesteld, dan loopt de termijn door tot de eerstvolgende werkdag daarna.`
    : "";
  if (!stappen.length) return { einde, verlengd: false, uitleg: `${basis}, een werkdag.${letOp}`, atw: null };
  const atwArtikel = stappen.some((s) => s.startsWith("art. 2")) ? "art. 1 en 2 Algemene termijnenwet" : ATW_VERLENGD;
  return { einde, verlengd: true, uitleg: `${basis}; ${stappen.join("; ")}.${letOp}`, atw: atwArtikel };
}

/** The last day before the fixed date ("vóór 30 april" → 29 april) in the year of `vanaf`, or the next year. */
function vasteDatum(regel: { maand: number; dag: number }, vanaf: IsoDate, zelfdeJaar = false): IsoDate {
  const dit = addDays(fromParts(yearOf(vanaf), regel.maand, regel.dag), -1);
  return dit >= vanaf || zelfdeJaar ? dit : addDays(fromParts(yearOf(vanaf) + 1, regel.maand, regel.dag), -1);
}

/** Computes the deadline of one kind of term. Throws TermijnInvoerFout for an unknown kind. */
export function berekenTermijn(soort: string, vanaf: IsoDate): Uitkomst {
  const regel = regelVoor(soort);
  if (!regel) throw new TermijnInvoerFout(`Onbekende soort termijn "${soort}". Kies uit: ${SOORTEN.join(", ")}.`);
  // The rule with its article, unless the sentence already names it.
  const kop = regel.regel.includes(`(${regel.artikel})`)
    ? regel.regel
    : `${regel.regel.replace(/\.$/, "")} (${regel.artikel}).`;
  const uit = (einde: IsoDate, verlengd: boolean, uitleg: string, atw: string | null = null): Uitkomst => ({
    soort: regel.soort as Soort,
    titel: regel.titel,
    vanaf,
    einde,
    verlengd,
    regel: `${kop} Uiterste datum: ${formatDatumMetDag(einde)}. ${uitleg}`,
    artikel: atw ? `${regel.artikel}; ${atw}` : regel.artikel,
  });

  switch (regel.type) {
    case "vooruit": {
      const r = vooruit(regel, vanaf);
      return uit(r.einde, r.verlengd, `Gerekend vanaf ${regel.vanaf}: ${r.uitleg}`, r.atw);
    }
    case "terug": {
      const einde = optellen(vanaf, regel.duur, -1);
      const dag = geenWerkdag(einde);
      return uit(
        einde,
        false,
        `Teruggerekend vanaf ${regel.vanaf} (${formatDatum(vanaf)}): ${duurTekst(regel.duur)} eerder is ${formatDatumMetDag(einde)}.` +
          (dag
            ? ` Dat is een ${dag}; een teruggerekende termijn wordt niet verschoven (art. 1 lid 2 Atw).`
            : " Een teruggerekende termijn wordt niet verschoven (art. 1 lid 2 Atw)."),
      );
    }
    case "vaste-datum": {
      const einde = vasteDatum(regel, vanaf);
      return uit(
        einde,
        false,
        `"Vóór ${formatDatum(addDays(einde, 1)).replace(/ \d{4}$/, "")}" betekent uiterlijk de dag ervoor. Dit is een vaste datum in de wet, geen termijn na een gebeurtenis; de bot verschuift die niet.`,
      );
    }
    case "termijn-of-datum": {
      const r = vooruit(regel, vanaf);
      const vast = vasteDatum(regel, vanaf, true);
      if (vast < r.einde) {
        const laat = vast < vanaf ? " Die datum ligt al vóór de vaststelling: de toezending is te laat." : "";
        return uit(
          vast,
          false,
          `Twee weken na de vaststelling (${formatDatum(vanaf)}) zou later zijn dan de vaste datum; de vaste datum gaat voor.${laat}`,
        );
      }
      return uit(
        r.einde,
        r.verlengd,
        `Gerekend vanaf ${regel.vanaf}: ${r.uitleg} Dat is vóór de vaste datum van ${formatDatum(addDays(vast, 1))}.`,
        r.atw,
      );
    }
  }
}
