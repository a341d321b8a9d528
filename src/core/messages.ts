// All user-facing wording shared by the adapters (Dutch, formal "u"). Adapters never invent text of their own.
import { dutchDate } from "./dutch-date.ts";

export const messages = {
  botName: "Raadswijzer Samenwerken",
  intro:
    "Ik beantwoord vragen over samenwerking tussen gemeenten: de Wet gemeenschappelijke regelingen, verbonden partijen en de rol van de raad (kaders stellen, controleren, zienswijzen).",
  helpTitle: "Waarmee kan ik u helpen?",
  helpText:
    'Stel uw vraag in gewone woorden, bijvoorbeeld: "Hoe geeft de raad een zienswijze op de begroting van een GR?" of "Wat is een centrumgemeente?". Voor een besluit kunt u een checklist openen, bijvoorbeeld "checklist uittreden".',
  unknownTitle: "Daar heb ik geen goed antwoord op",
  unknownText:
    "Ik weet alleen iets van samenwerking tussen gemeenten en de rol van de raad daarin. Probeer uw vraag anders te formuleren, of kies een van de onderwerpen hieronder.",
  ambiguousTitle: "Bedoelde u een van deze onderwerpen?",
  didYouMean: "Bedoelde u:",
  /** Above an answer in the middle confidence band ("ambiguous"), with the other candidates below it. */
  ambiguousIntro: "Ik denk dat u dit bedoelt:",
  orDidYouMean: "Of bedoelde u…",
  related: "Verwante onderwerpen",
  sources: "Bronnen",
  checklistsTitle: "Checklists voor een raadsbesluit",
  checklistProgress: (done: number, total: number) => `${done} van ${total} afgevinkt`,
  checklistSave: "Opslaan",
  checklistExport: "Exporteer",
  checklistOpen: "Open checklist",
  checklistNotFound: "Ik vond geen checklist over dat onderwerp. Dit zijn de checklists die er zijn:",
  shareInChannel: "Deel in kanaal",
  feedbackQuestion: "Was dit antwoord nuttig?",
  feedbackYes: "👍 Nuttig",
  feedbackNo: "👎 Niet nuttig",
  feedbackThanks: "Dank u voor uw reactie.",
  /** The entry's `updated` date (YYYY-MM-DD) as it reads in Dutch: "Inhoud gecontroleerd op 23 november 2026". */
  updated: (date: string) => `Inhoud gecontroleerd op ${dutchDate(date)}`,
  /** Under an answer from an entry not checked for STALE_MONTHS; the date in Dutch ("23 november 2025"). */
  lastChecked: (date: string) => `Laatst gecontroleerd: ${date}`,
  welcomeTitle: "Welkom bij Raadswijzer Samenwerken",
  topicsTitle: "Veelgevraagde onderwerpen",
  errorGeneric: "Er ging iets mis bij het beantwoorden. Probeert u het later nog eens.",
  errorTooLong: "Uw vraag is te lang. Houdt u het alstublieft bij een paar zinnen.",
  /** Above an answer to a follow-up question read in the context of the previous answer (src/core/follow-up.ts). */
  followUpNote: (title: string) =>
    `Opgevat als vervolgvraag op „${title}”. Bedoelde u iets anders? Stel dan uw volledige vraag.`,
  /** Slack message shortcut "Vraag Raadswijzer" on a message without text (only files, blocks or attachments). */
  shortcutEmpty:
    "Dit bericht bevat geen tekst waarover ik iets kan opzoeken. Kiest u een bericht met een vraag, of stelt u uw vraag met /samenwerken.",
  /** The same shortcut on a message longer than the longest question. */
  shortcutTooLong: (max: number) =>
    `Dit bericht is te lang om als vraag te gebruiken (meer dan ${max} tekens). Stelt u de kern van de vraag met /samenwerken.`,
  /** Teams: a click on a card button the bot no longer understands (a card posted by an older version). */
  cardActionOutdated:
    "Deze knop hoort bij een oudere versie van de kaart en werkt niet meer. Vraagt u het onderwerp of de checklist opnieuw op.",
  /** Teams: title of a checklist card's refresh action (Universal Actions; shown in the card's menu). */
  cardRefresh: "Vernieuwen",
  /** Echo of the user's question above an answer (Slack); the adapter escapes the question. */
  youAsked: (question: string) => `U vroeg: ${question}`,
  checklistUnknown: "Die checklist ken ik niet. Kiest u een van de checklists uit de lijst.",
  checklistItemUnknown: "Dat punt hoort niet bij deze checklist. Opent u de checklist opnieuw.",
  checklistRunUnknown:
    "Deze checklist is niet meer beschikbaar, bijvoorbeeld omdat de bewaartermijn is verstreken. Opent u de checklist opnieuw.",
  /** Answer first, details on request: the button that opens an answer's full text (every channel). */
  readMore: "Lees meer",
  /** The same button once the full text is open (Teams and the preview page toggle in place). */
  readLess: "Minder tonen",
  /** The label of one checklist item's checkbox (Slack), read by screen readers: "Punt 3". */
  checklistItemLabel: (n: number) => `Punt ${n}`,
  /** Above a checklist's checkboxes (Slack): what to do, not the title again; with several groups, which items. */
  checklistTickLabel: (from?: number, to?: number) =>
    from !== undefined && to !== undefined ? `Vink af wat klaar is (punt ${from}–${to})` : "Vink af wat klaar is",
} as const;
