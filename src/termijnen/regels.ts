// The rules table: every kind of Wgr term the bot computes, with its length or fixed date, the article that sets
// it and whether the Algemene termijnenwet (Atw) moves its end. Sources and verification notes: README
// ("Termijnen"). Counting: a term "binnen N weken na" an event starts the day after it and ends on the same
// weekday N weeks later; a fixed date "vóór 15 september" ends on 14 September.

export type Eenheid = "dagen" | "weken" | "maanden";

export interface Duur {
  aantal: number;
  eenheid: Eenheid;
}

interface BasisRegel {
  soort: string;
  /** Short Dutch label ("zienswijze op de ontwerpbegroting"). */
  titel: string;
  artikel: string;
  /** What --vanaf means for this kind, in Dutch ("de datum van ontvangst van het ontwerp"). */
  vanaf: string;
  /** Dutch sentence stating the rule as the law does. */
  regel: string;
}

/** A term counted forward from an event (receipt of a draft). */
export interface VooruitRegel extends BasisRegel {
  type: "vooruit";
  duur: Duur;
}

/** A term counted backwards from an event (art. 1 lid 2 Atw: never moved). */
export interface TerugRegel extends BasisRegel {
  type: "terug";
  duur: Duur;
}

/** A fixed date in the year: "vóór <dag> <maand>" (the last day is the day before). */
export interface VasteDatumRegel extends BasisRegel {
  type: "vaste-datum";
  maand: number;
  /** The date named in the law; the deadline is the day before ("vóór"). */
  dag: number;
}

/** "Binnen twee weken na de vaststelling, doch in ieder geval vóór <datum>": the earlier of the two. */
export interface TermijnOfDatumRegel extends BasisRegel {
  type: "termijn-of-datum";
  duur: Duur;
  maand: number;
  dag: number;
}

export type Regel = VooruitRegel | TerugRegel | VasteDatumRegel | TermijnOfDatumRegel;

export const REGELS = [
  {
    soort: "ontwerpregeling",
    type: "vooruit",
    titel: "zienswijze op een ontwerpregeling (treffen, wijzigen, toetreden, uittreden)",
    artikel: "art. 1 lid 3 Wgr",
    duur: { aantal: 8, eenheid: "weken" },
    vanaf: "de datum waarop de raad het ontwerp ontving",
    regel:
      "De raad kan binnen acht weken na ontvangst van het ontwerp van de regeling (of van een wijziging, toetreding of uittreding, art. 1 lid 5 Wgr) zijn zienswijze geven aan het college en de burgemeester.",
  },
  {
    soort: "begroting",
    type: "vooruit",
    titel: "zienswijze op de ontwerpbegroting",
    artikel: "art. 35 lid 3 Wgr",
    duur: { aantal: 12, eenheid: "weken" },
    vanaf: "de datum waarop de raad de ontwerpbegroting ontving",
    regel:
      "De raad kan binnen twaalf weken na ontvangst van de ontwerpbegroting zijn zienswijze geven aan het dagelijks bestuur.",
  },
  {
    soort: "begrotingswijziging",
    type: "vooruit",
    titel: "zienswijze op een ontwerpbegrotingswijziging",
    artikel: "art. 35 Wgr",
    duur: { aantal: 12, eenheid: "weken" },
    vanaf: "de datum waarop de raad de ontwerpbegrotingswijziging ontving",
    regel:
      "Voor een begrotingswijziging geldt dezelfde zienswijzetermijn van twaalf weken, tenzij de regeling die categorie wijzigingen daarvan uitzondert (art. 35 Wgr); kijk dus ook in de regeling zelf.",
  },
  {
    soort: "toezending-ontwerpbegroting",
    type: "terug",
    titel: "toezending van de ontwerpbegroting aan de raden",
    artikel: "art. 35 lid 1 Wgr",
    duur: { aantal: 12, eenheid: "weken" },
    vanaf: "de datum van de vergadering van het algemeen bestuur waarin de begroting wordt vastgesteld",
    regel:
      "Het dagelijks bestuur zendt de ontwerpbegroting twaalf weken voordat het algemeen bestuur haar behandelt aan de raden.",
  },
  {
    soort: "kaders",
    type: "vaste-datum",
    titel: "algemene financiële en beleidsmatige kaders naar de raden",
    artikel: "art. 34b Wgr",
    maand: 4,
    dag: 30,
    vanaf: "een datum in het jaar vóór het begrotingsjaar",
    regel:
      "Het dagelijks bestuur zendt de algemene financiële en beleidsmatige kaders vóór 30 april van het jaar vóór het begrotingsjaar aan de raden.",
  },
  {
    soort: "voorlopige-jaarrekening",
    type: "vaste-datum",
    titel: "voorlopige jaarrekening naar de raden",
    artikel: "art. 34b Wgr",
    maand: 4,
    dag: 30,
    vanaf: "een datum in het jaar na het jaar van de jaarrekening",
    regel:
      "Het dagelijks bestuur zendt de voorlopige jaarrekening vóór 30 april van het jaar na het jaar waarover zij gaat aan de raden.",
  },
  {
    soort: "begroting-naar-gs",
    type: "termijn-of-datum",
    titel: "vastgestelde begroting naar gedeputeerde staten",
    artikel: "art. 34 lid 2 Wgr",
    duur: { aantal: 2, eenheid: "weken" },
    maand: 9,
    dag: 15,
    vanaf: "de datum waarop het algemeen bestuur de begroting vaststelde",
    regel:
      "Het dagelijks bestuur zendt de begroting binnen twee weken na vaststelling, en in ieder geval vóór 15 september van het jaar vóór het begrotingsjaar, aan gedeputeerde staten.",
  },
  {
    soort: "jaarrekening",
    type: "termijn-of-datum",
    titel: "vastgestelde jaarrekening naar gedeputeerde staten",
    artikel: "art. 34 Wgr",
    duur: { aantal: 2, eenheid: "weken" },
    maand: 7,
    dag: 15,
    vanaf: "de datum waarop het algemeen bestuur de jaarrekening vaststelde",
    regel:
      "Het dagelijks bestuur zendt de jaarrekening binnen twee weken na vaststelling, en in ieder geval vóór 15 juli van het jaar na het jaar waarover zij gaat, aan gedeputeerde staten.",
  },
] as const satisfies readonly Regel[];

export type Soort = (typeof REGELS)[number]["soort"];

export const SOORTEN: readonly Soort[] = REGELS.map((r) => r.soort);

export const regelVoor = (soort: string): Regel | undefined =>
  (REGELS as readonly Regel[]).find((r) => r.soort === soort);

/**
 * Art. 4 lid 1 onder a Atw: the Atw does not apply to terms stated in hours, or in more than 90 days, more than
 * twelve weeks, more than three months, or one or more years. Exactly twelve weeks is therefore not excluded.
 */
export function atwUitgezonderd(duur: Duur): boolean {
  switch (duur.eenheid) {
    case "dagen":
      return duur.aantal > 90;
    case "weken":
      return duur.aantal > 12;
    case "maanden":
      return duur.aantal > 3;
  }
}
