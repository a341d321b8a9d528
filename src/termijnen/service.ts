// Deadlines in the chat: answers deadline and register questions before the Q&A engine (narrowly, see vraag.ts),
// and gives the adapters the next deadlines for App Home and the welcome card. Platform-neutral: it returns the
// core Reply, which every adapter already renders.
import type { AskContext, Bot } from "../core/bot.ts";
import type { Link, Reply } from "../reply.ts";
import { berekenTermijn, type Uitkomst } from "./bereken.ts";
import { amsterdamDate, formatDatum, formatDatumMetDag, type IsoDate, parseIsoDate, yearOf } from "./datum.ts";
import { regelVoor, SOORTEN } from "./regels.ts";
import { type Register, type RegisterTermijn, registerTermijnen } from "./register.ts";
import { herkenRegisterVraag, herkenTermijnVraag, leesDatum } from "./vraag.ts";

export const termijnTekst = {
  geenRegisterTitel: "Geen register van regelingen ingesteld",
  geenRegister:
    'Er is voor deze bot nog geen register van de regelingen van uw gemeente ingesteld, dus ik weet niet in welke regelingen uw gemeente zit of welke zienswijzen er lopen. De griffie kan een register toevoegen (zie de handleiding). Een termijn kan ik wel uitrekenen, bijvoorbeeld: "Wanneer moet de zienswijze op de ontwerpbegroting binnen zijn als we die op 26 februari 2027 ontvingen?"',
  lopendTitel: "Lopende zienswijzetermijnen",
  geenLopend: "Er lopen op dit moment geen zienswijzetermijnen volgens het register.",
  regelingenTitel: (gemeente: string) => `Regelingen waarin ${gemeente} deelneemt`,
  volgendeTermijnen: "Eerstvolgende termijnen",
  herinneringTitel: "Herinnering: termijn",
  voorbeeldRegister: "Let op: dit is het voorbeeldregister van een verzonnen gemeente.",
  regelingOnbekendeTermijn: (naam: string) =>
    `Voor ${naam} staat in het register geen datum waaruit ik een lopende zienswijzetermijn kan berekenen.`,
  onbestaandeDatum: (tekst: string) =>
    `"${tekst}" is geen bestaande datum. Controleert u de datum? Bijvoorbeeld: 26 februari 2027 of 2027-02-26.`,
  onbekendeSoort: (soort: string) => `Onbekende soort termijn "${soort}". Kies uit: ${SOORTEN.join(", ")}.`,
  datumOntbreekt: (soort: string) =>
    `Geef ook de datum waarop de termijn begint, bijvoorbeeld "/termijn ${soort} 26 februari 2027".`,
  verstreken: "Deze termijn is al verstreken.",
  jaarAangenomen: (jaar: number) => `U noemde geen jaar; ik ben uitgegaan van ${jaar}.`,
  hulp: 'Gebruik: /termijn <soort> <datum>, bijvoorbeeld "/termijn begroting 26 februari 2027". Soorten: ontwerpregeling, begroting, begrotingswijziging, toezending-ontwerpbegroting, kaders, voorlopige-jaarrekening, begroting-naar-gs, jaarrekening. Of stel een vraag, zoals "welke zienswijzen lopen er?".',
} as const;

const WGR = "https://wetten.overheid.nl/jci1.3:c:BWBR0003740";
const ATW = "https://wetten.overheid.nl/jci1.3:c:BWBR0002448";

function linksVoor(u: Uitkomst): Link[] {
  const links: Link[] = [];
  const art = /^art\. (\d+[a-z]?)/.exec(u.artikel)?.[1];
  links.push({
    title: `Wet gemeenschappelijke regelingen${art ? `, artikel ${art}` : ""}`,
    url: art ? `${WGR}&artikel=${art}` : WGR,
  });
  if (u.artikel.includes("Algemene termijnenwet") || u.regel.includes("Atw"))
    links.push({ title: "Algemene termijnenwet", url: ATW });
  return links;
}

/** Ids of computed answers: "termijn:<soort>:<YYYY-MM-DD>" or "termijn:lopend" etc.; answerById recomputes them. */
export const ID_PREFIX = "termijn:";

const answerReply = (id: string, title: string, summary: string, text: string, links: Link[]): Reply => ({
  status: "answer",
  confidence: 1,
  answer: { id, kind: "topic", title, summary, text, links, related: [] },
  alternatives: [],
});

export interface TermijnReplyOptions {
  /** The regeling's short name, for a deadline from the register. */
  regeling?: string;
  /** Today: the summary says when the deadline has already passed. */
  vandaag?: IsoDate;
  /** Set when the user gave no year and this one was assumed: the summary says so. */
  jaarAangenomen?: number;
}

/** The reply for one computed deadline. */
export function termijnReply(u: Uitkomst, { regeling, vandaag, jaarAangenomen }: TermijnReplyOptions = {}): Reply {
  const titel = `Termijn: ${u.titel}${regeling ? ` (${regeling})` : ""}`;
  const notes = [
    vandaag && u.einde < vandaag ? termijnTekst.verstreken : "",
    jaarAangenomen ? termijnTekst.jaarAangenomen(jaarAangenomen) : "",
  ].filter(Boolean);
  const summary = [`Uiterlijk ${formatDatumMetDag(u.einde)} (${u.artikel}).`, ...notes].join(" ");
  return answerReply(`${ID_PREFIX}${u.soort}:${u.vanaf}`, titel, summary, u.regel, linksVoor(u));
}

/** A Dutch input error (impossible date, unknown kind) with the usage underneath. */
const invoerFout = (message: string): Reply =>
  answerReply("termijn:hulp", "Termijn berekenen", message, termijnTekst.hulp, []);

const regelTermijn = (t: RegisterTermijn): string =>
  `- **${formatDatum(t.uitkomst.einde)}**: ${t.uitkomst.titel}, ${t.regeling.naam} (${t.regeling.afkorting}); ${t.uitkomst.artikel}`;

export interface TermijnServiceOptions {
  register: Register | null;
  /** Source of "now" (tests). */
  clock?: () => Date;
}

export interface TermijnService {
  readonly register: Register | null;
  /** Today's date in Amsterdam. */
  vandaag(): IsoDate;
  /** A reply for a deadline or register question, or null when the question is not one (the engine answers). */
  antwoord(question: string): Reply | null;
  /** Deadlines from the register ending today or later, soonest first (empty without a register). */
  komend(limit?: number): RegisterTermijn[];
  /** The next deadlines as short Dutch lines for App Home / the welcome card (empty without a register). */
  overzichtRegels(limit?: number): string[];
  /** "/termijn <text>" (Slack) and "termijn <text>" (Teams): a soort and a date, or any deadline question. */
  commando(text: string): Reply;
  /** Recomputes a reply from its id (share and "related" buttons carry only the id), or null for other ids. */
  byId(id: string): Reply | null;
}

export function createTermijnService({ register, clock = () => new Date() }: TermijnServiceOptions): TermijnService {
  const vandaag = (): IsoDate => amsterdamDate(clock());
  const namen = register ? register.regelingen.flatMap((r) => [r.afkorting, r.naam]) : [];
  const voetnoot = register?.voorbeeld ? `\n\n_${termijnTekst.voorbeeldRegister}_` : "";

  const komend = (limit = 50): RegisterTermijn[] =>
    register ? registerTermijnen(register, vandaag()).slice(0, limit) : [];

  const geenRegister = (): Reply => ({
    status: "answer",
    confidence: 1,
    answer: {
      id: "termijn:register",
      kind: "topic",
      title: termijnTekst.geenRegisterTitel,
      summary: termijnTekst.geenRegister,
      text: "",
      links: [],
      related: [],
    },
    alternatives: [],
  });

  const registerAntwoord = (question: string): Reply | null => {
    const vraag = herkenRegisterVraag(question, namen);
    if (!vraag) return null;
    // Without a register only "which zienswijzen are running" is ours to answer ("none set up"); which regelingen the
    // gemeente takes part in the engine answers from the base (the national GR-register, the paragraaf verbonden
    // partijen), which says more than that no register is set up.
    if (!register) return vraag.type === "lopend" ? geenRegister() : null;
    if (vraag.type === "lopend") {
      const lopend = komend();
      const text = lopend.length ? lopend.map(regelTermijn).join("\n") : termijnTekst.geenLopend;
      const summary = lopend[0]
        ? `Eerstvolgende: ${formatDatum(lopend[0].uitkomst.einde)}, ${lopend[0].regeling.afkorting}.`
        : termijnTekst.geenLopend;
      return answerReply("termijn:lopend", termijnTekst.lopendTitel, summary, text + voetnoot, []);
    }
    if (vraag.type === "regelingen") {
      const text = register.regelingen
        .map(
          (r) =>
            `- **${r.naam}** (${r.afkorting}): ${r.vorm}, ${r.soort}; in het algemeen bestuur: ${r.ab_lid}. [Regeling](${r.url})`,
        )
        .join("\n");
      const summary = `${register.gemeente} neemt volgens het register deel in ${register.regelingen.length} regelingen.`;
      return answerReply(
        "termijn:regelingen",
        termijnTekst.regelingenTitel(register.gemeente),
        summary,
        text + voetnoot,
        [],
      );
    }
    const key = vraag.zoek.toLowerCase();
    const regeling = register.regelingen.find((r) => r.afkorting.toLowerCase() === key || r.naam.toLowerCase() === key);
    if (!regeling) return null;
    const kandidaten = registerTermijnen({ ...register, regelingen: [regeling] }, "1900-01-01").filter(
      (t) => !vraag.soort || t.uitkomst.soort === vraag.soort,
    );
    const t = kandidaten.find((k) => k.uitkomst.einde >= vandaag()) ?? kandidaten.at(-1);
    if (!t)
      return answerReply(
        "termijn:regeling",
        regeling.naam,
        termijnTekst.regelingOnbekendeTermijn(regeling.naam),
        voetnoot.trim(),
        [],
      );
    const reply = termijnReply(t.uitkomst, { regeling: regeling.afkorting, vandaag: vandaag() });
    if (reply.answer && voetnoot) reply.answer.text += voetnoot;
    return reply;
  };

  const antwoord = (question: string): Reply | null => {
    const reg = registerAntwoord(question);
    if (reg) return reg;
    const jaar = yearOf(vandaag());
    const vraag = herkenTermijnVraag(question, jaar, vandaag());
    if (!vraag) return null;
    if ("ongeldigeDatum" in vraag) return invoerFout(termijnTekst.onbestaandeDatum(vraag.ongeldigeDatum));
    return termijnReply(berekenTermijn(vraag.soort, vraag.vanaf), {
      vandaag: vandaag(),
      ...(vraag.jaarGenoemd ? {} : { jaarAangenomen: jaar }),
    });
  };

  const hulp = (): Reply => answerReply("termijn:hulp", "Termijn berekenen", termijnTekst.hulp, "", []);

  const commando = (text: string): Reply => {
    const t = text.trim();
    if (!t) return hulp();
    const [first = "", ...rest] = t.split(/\s+/);
    const soort = first.toLowerCase();
    const jaar = yearOf(vandaag());
    const gelezen = leesDatum(rest.join(" "), jaar);
    const regel = regelVoor(soort);
    if (regel) {
      if (!gelezen && regel.type === "vaste-datum")
        return termijnReply(berekenTermijn(soort, vandaag()), { vandaag: vandaag() });
      if (!gelezen) return invoerFout(termijnTekst.datumOntbreekt(soort));
      if (!gelezen.datum) return invoerFout(termijnTekst.onbestaandeDatum(gelezen.tekst));
      return termijnReply(berekenTermijn(soort, gelezen.datum), {
        vandaag: vandaag(),
        ...(gelezen.jaarGenoemd ? {} : { jaarAangenomen: jaar }),
      });
    }
    const vraag = antwoord(t);
    if (vraag) return vraag;
    // "<woord> <datum>" with a word that is no kind of term: name it, and the kinds there are.
    if (rest.length && gelezen && rest.join(" ").length <= gelezen.tekst.length + 1)
      return invoerFout(termijnTekst.onbekendeSoort(first));
    return hulp();
  };

  const byId = (id: string): Reply | null => {
    if (typeof id !== "string" || !id.startsWith(ID_PREFIX)) return null;
    const m = /^termijn:([a-z-]+):(\d{4}-\d{2}-\d{2})$/.exec(id);
    if (m) {
      const vanaf = parseIsoDate(m[2]!);
      if (!vanaf || !regelVoor(m[1]!)) return null;
      return termijnReply(berekenTermijn(m[1]!, vanaf), { vandaag: vandaag() });
    }
    if (id === "termijn:lopend") return antwoord("welke zienswijzen lopen er");
    if (id === "termijn:regelingen") return antwoord("in welke regelingen zit onze gemeente");
    return null;
  };

  return {
    register,
    vandaag,
    byId,
    antwoord,
    komend,
    overzichtRegels: (limit = 5) =>
      komend(limit).map(
        (t) => `${formatDatum(t.uitkomst.einde)}: ${t.uitkomst.titel}, ${t.regeling.afkorting} (${t.uitkomst.artikel})`,
      ),
    commando,
  };
}

/** The Bot facade with deadline and register questions answered before the engine (every other call passes through). */
export function withTermijnen(bot: Bot, termijnen: TermijnService): Bot {
  const ask = async (question: string, ctx: AskContext): Promise<Reply> => {
    const reply = typeof question === "string" ? termijnen.antwoord(question) : null;
    return reply ?? bot.ask(question, ctx);
  };
  return new Proxy(bot, {
    get(target, prop) {
      if (prop === "ask") return ask;
      if (prop === "answerById") return (id: string): Reply => termijnen.byId(id) ?? bot.answerById(id);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
