// The privacy statement (/privacy) and terms of use (/voorwaarden) in Dutch, built from configuration: who runs
// this installation, how to reach them, and how long the store keeps data (RETENTION_DAYS). The Teams manifest
// links to both pages. Keep "what is stored" in step with src/store (tables and retention).

/** A piece of running text: plain text, or a link (https: or mailto: only, checked by the renderer). */
export type Inline = string | { text: string; href: string };

export interface Section {
  heading: string;
  paragraphs?: Inline[][];
  list?: Inline[][];
}

export interface LegalPage {
  path: "/privacy" | "/voorwaarden";
  title: string;
  intro: Inline[];
  sections: Section[];
}

export interface LegalInfo {
  /** OPERATOR_NAME; undefined = the default wording. */
  operatorName?: string;
  /** OPERATOR_CONTACT: an e-mail address or an https URL. */
  operatorContact?: string;
  /** RETENTION_DAYS. */
  retentionDays: number;
  /** FOLLOW_UP_MINUTES: how long a conversation remembers its last answered topic; 0 or absent = not at all. */
  followUpMinutes?: number;
}

export const DEFAULT_OPERATOR = "de griffie van uw gemeente";
const AP_URL = "https://autoriteitpersoonsgegevens.nl/";

function contactLink(contact: string): Inline {
  return contact.startsWith("https://")
    ? { text: contact, href: contact }
    : { text: contact, href: `mailto:${contact}` };
}

/** "via griffie@… " or, without a configured contact, the operator by name. */
function reachOperator(info: LegalInfo, name: string): Inline[] {
  return info.operatorContact ? ["via ", contactLink(info.operatorContact)] : [`bij ${name}`];
}

const days = (n: number): string => (n === 1 ? "1 dag" : `${n} dagen`);
const minutes = (n: number): string => (n === 1 ? "1 minuut" : `${n} minuten`);

/** What the conversation context for follow-up questions keeps, and how long (src/store/conversation-context.ts). */
function followUpSection(followUpMinutes: number | undefined): Section[] {
  if (!followUpMinutes) return [];
  const m = minutes(followUpMinutes);
  return [
    {
      heading: "Vervolgvragen",
      paragraphs: [
        [
          'Zodat de bot een korte vervolgvraag begrijpt (bijvoorbeeld "en de termijn?"), onthoudt hij per gesprek het onderwerp van het laatste antwoord. Een gesprek is een draad of privégesprek in Slack, een chat of gesprek in Teams, of een tabblad van de voorbeeldweergave. Bewaard worden alleen het onderwerp en de tijd; uw vraag en uw gebruikers-id niet, en het gesprek alleen als versleutelde code (een hash met een geheime sleutel).',
        ],
        [
          `Dit wordt ${m} na het laatste antwoord in dat gesprek vergeten en daarna verwijderd, uiterlijk bij de dagelijkse opruiming. Het wordt alleen in hetzelfde gesprek gebruikt, en nergens anders voor.`,
        ],
      ],
    },
  ];
}

export function privacyPage(info: LegalInfo): LegalPage {
  const name = info.operatorName ?? DEFAULT_OPERATOR;
  const n = days(info.retentionDays);
  return {
    path: "/privacy",
    title: "Privacyverklaring Raadswijzer Samenwerken",
    intro: [
      "Raadswijzer Samenwerken is een chatbot die vragen beantwoordt over samenwerking tussen gemeenten, zoals de Wet gemeenschappelijke regelingen en de rol van de raad. Hier leest u welke gegevens de bot bewaart, waarom, hoe lang, en hoe u om verwijdering vraagt.",
    ],
    sections: [
      {
        heading: "Wie beheert de bot",
        paragraphs: [
          [
            `Deze installatie van Raadswijzer Samenwerken wordt beheerd door ${name}. De beheerder is verantwoordelijk voor de gegevens die de bot bewaart.`,
          ],
          ["Met vragen over deze privacyverklaring kunt u terecht ", ...reachOperator(info, name), "."],
        ],
      },
      {
        heading: "Welke gegevens de bot bewaart",
        list: [
          [
            "Vragen die de bot niet kon beantwoorden: de tekst van de vraag, het onderwerp dat het best leek te passen, hoe zeker de bot was, het kanaal (Slack, Teams of de voorbeeldweergave) en het tijdstip.",
          ],
          [
            "Uw reactie op een antwoord: het onderwerp, nuttig of niet nuttig, het kanaal, het tijdstip en, als u die geeft, de reden (onjuist, onvolledig, verouderd, niet mijn vraag of anders) en uw toelichting. Per antwoord is er één reactie van u; een latere reactie vervangt de eerdere. Wie reageerde, staat er alleen als versleutelde code bij (zie hieronder).",
          ],
          [
            'Vragen die u zelf doorstuurt naar de griffie ("Vraag het de griffie"): de tekst van de vraag zoals u die verstuurde, het onderwerp dat de bot het best vond passen, het kanaal, het tijdstip, een link naar het gesprek (als het kanaal die heeft), of de vraag al beantwoord is, en een versleutelde code van uw gebruikers-id en van wie de vraag als beantwoord markeerde. De griffie krijgt de vraag in haar eigen Slack-kanaal of Teams-gesprek te zien, met uw naam of vermelding zodat zij u kan antwoorden; dat bericht valt onder de bewaarregels van Slack of Teams in uw organisatie. Er wordt niets doorgestuurd voordat u op Versturen klikt.',
          ],
          [
            "Checklists: welke punten zijn afgevinkt en wanneer, de technische code van het kanaal of gesprek waarin de checklist is geopend, en wie een punt afvinkte. Dat laatste niet als naam, maar als een versleutelde code van uw gebruikers-id (een hash met een geheime sleutel) die niet naar uw naam is terug te rekenen.",
          ],
        ],
        paragraphs: [
          [
            "De bot bewaart geen namen, e-mailadressen of profielgegevens. Vragen die de bot wel kon beantwoorden, worden niet bewaard. Slack en Microsoft Teams verwerken uw berichten ook zelf, volgens de afspraken die uw organisatie met die diensten heeft gemaakt.",
          ],
        ],
      },
      {
        heading: "Waarvoor",
        paragraphs: [
          [
            "Onbeantwoorde vragen en reacties gebruikt de beheerder om de antwoorden en de kennisbank te verbeteren. Doorgestuurde vragen zijn er om u een antwoord van de griffie te geven. Checklists worden bewaard zodat u en uw collega's dezelfde lijst kunnen afvinken. De gegevens worden niet voor andere doelen gebruikt en niet aan anderen verstrekt.",
          ],
        ],
      },
      {
        heading: "Hoe lang",
        paragraphs: [
          [
            `De bewaartermijn is ${n}. Onbeantwoorde vragen en vragen die naar de griffie zijn doorgestuurd (beantwoord of niet) worden na ${n} verwijderd. Van oudere reacties verdwijnt de toelichting; alleen de telling nuttig of niet nuttig blijft over, zonder tekst. Een checklist waarin ${n} niets is veranderd, wordt met de vinkjes en de versleutelde codes verwijderd. De bot ruimt dit elke dag vanzelf op.`,
          ],
        ],
      },
      ...followUpSection(info.followUpMinutes),
      {
        heading: "Inzage en verwijdering",
        paragraphs: [
          [
            "U kunt vragen welke gegevens over u zijn bewaard, en vragen om die te verwijderen. Dat doet u ",
            ...reachOperator(info, name),
            ". Omdat de bot geen namen bewaart, helpt het als u vermeldt wanneer en in welk kanaal of gesprek u de bot gebruikte. U krijgt binnen een maand antwoord.",
          ],
          [
            "Bent u het niet eens met hoe er met uw gegevens wordt omgegaan, dan kunt u een klacht indienen bij de ",
            { text: "Autoriteit Persoonsgegevens", href: AP_URL },
            ".",
          ],
        ],
      },
    ],
  };
}

export function termsPage(info: LegalInfo): LegalPage {
  const name = info.operatorName ?? DEFAULT_OPERATOR;
  return {
    path: "/voorwaarden",
    title: "Gebruiksvoorwaarden Raadswijzer Samenwerken",
    intro: [
      `Raadswijzer Samenwerken wordt aangeboden door ${name}. Door de bot te gebruiken, gaat u akkoord met deze voorwaarden.`,
    ],
    sections: [
      {
        heading: "Wat de bot doet",
        paragraphs: [
          [
            "De bot beantwoordt vragen over samenwerking tussen gemeenten uit een kennisbank die door de beheerder wordt bijgehouden. Bij elk antwoord staan de bronnen en de datum waarop de inhoud is gecontroleerd. Voor een raadsbesluit kunt u een checklist openen en afvinken.",
          ],
        ],
      },
      {
        heading: "Geen juridisch advies",
        paragraphs: [
          [
            "De antwoorden zijn algemene informatie, geen juridisch advies over uw situatie. Controleer bij een besluit altijd de genoemde bronnen en de tekst van de regeling zelf, en vraag zo nodig de griffie of een jurist. Wetten en regelingen veranderen; de beheerder spant zich in de kennisbank actueel te houden, maar kan niet garanderen dat elk antwoord volledig en juist is.",
          ],
        ],
      },
      {
        heading: "Wat u met de bot doet",
        list: [
          [
            "Stel geen vragen met persoonsgegevens of vertrouwelijke informatie: vragen die de bot niet kan beantwoorden, worden bewaard (zie de privacyverklaring).",
          ],
          ["Een antwoord dat u in een kanaal deelt, is voor iedereen in dat kanaal zichtbaar."],
          [
            "Afvinken in een gedeelde checklist is zichtbaar voor iedereen die dezelfde checklist in dat kanaal of gesprek opent.",
          ],
        ],
      },
      {
        heading: "Beschikbaarheid",
        paragraphs: [
          [
            "De beheerder mag de bot aanpassen, tijdelijk onderbreken of stoppen. Aan de beschikbaarheid van de bot kunt u geen rechten ontlenen.",
          ],
        ],
      },
      {
        heading: "Fouten melden en contact",
        paragraphs: [
          [
            "Klopt een antwoord niet of mist er iets? Geef het aan met de knop 👎 bij het antwoord, of meld het ",
            ...reachOperator(info, name),
            ".",
          ],
        ],
      },
    ],
  };
}
