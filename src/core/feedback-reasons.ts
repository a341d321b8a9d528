// The 👎 reasons and all wording of the feedback-reason and hand-off flows (Dutch, formal "u"). Adapters and the
// preview page take their labels from here, so every channel offers the same choice.
import { FEEDBACK_REASONS, type FeedbackReason } from "../store/port.ts";

export { FEEDBACK_REASONS, type FeedbackReason };

const LABELS: Record<FeedbackReason, string> = {
  onjuist: "Onjuist",
  onvolledig: "Onvolledig",
  verouderd: "Verouderd",
  "niet-mijn-vraag": "Niet mijn vraag",
  anders: "Anders",
};

/** Longest explanation kept with a reason (the input fields allow as much). */
export const MAX_REASON_TEXT = 500;

export const reasonLabel = (reason: FeedbackReason): string => LABELS[reason];

/** The choices in their fixed order: value (stored) and Dutch label (shown). */
export const reasonOptions = (): { value: FeedbackReason; label: string }[] =>
  FEEDBACK_REASONS.map((value) => ({ value, label: LABELS[value] }));

/** A reason from untrusted input (a form field), or null. */
export function parseReason(value: unknown): FeedbackReason | null {
  return typeof value === "string" && (FEEDBACK_REASONS as readonly string[]).includes(value)
    ? (value as FeedbackReason)
    : null;
}

export const feedbackText = {
  reasonTitle: "Wat klopte er niet?",
  reasonIntro: "Uw reactie helpt de griffie het antwoord te verbeteren. Er wordt geen naam bij opgeslagen.",
  reasonLabel: "Reden",
  reasonPlaceholder: "Kies een reden",
  reasonTextLabel: "Toelichting (niet verplicht)",
  reasonTextPlaceholder: "Wat ontbrak er, of wat klopte niet?",
  reasonSubmit: "Versturen",
  reasonMissing: "Kies een reden.",
  cancel: "Annuleren",
  reasonThanks: "Dank u, uw reactie is opgeslagen.",

  handoffButton: "Vraag het de griffie",
  handoffTitle: "Vraag het de griffie",
  handoffIntro:
    "Uw vraag gaat naar de griffie. Een medewerker van de griffie reageert in dit gesprek. Controleer of de vraag klopt en verstuur hem.",
  handoffQuestionLabel: "Uw vraag aan de griffie",
  handoffSubmit: "Versturen",
  handoffQuestionMissing: "Vul uw vraag in.",
  handoffSent: "Uw vraag is doorgestuurd naar de griffie. Een medewerker reageert in dit gesprek.",
  handoffFailed: "Uw vraag kon niet worden doorgestuurd. Probeert u het later nog eens.",
  /** The preview page has no conversation the griffie can answer in: it says so instead of "reageert in dit gesprek". */
  handoffIntroPreview:
    "Uw vraag gaat naar de griffie. Dit is de voorbeeldpagina: de griffie kan u hier niet antwoorden. Controleer of de vraag klopt en verstuur hem.",
  handoffSentPreview:
    "Uw vraag is doorgestuurd naar de griffie. Op deze voorbeeldpagina kan de griffie u niet antwoorden.",
  handoffUnavailable: "Er is geen chat van de griffie ingesteld; uw vraag kan niet worden doorgestuurd.",

  griffieTitle: "Vraag voor de griffie",
  griffieQuestion: "Vraag",
  griffieBestGuess: "Beste antwoord van de bot",
  griffieNoGuess: "geen",
  griffieAskedBy: "Gesteld door",
  griffieVia: (platform: string) => `via ${platform}`,
  griffieAnswerLink: "Beantwoord",
  griffieNoLink: "Dit was een privébericht; antwoord de vrager rechtstreeks.",
  griffieNoLinkPreview: "Gesteld op de voorbeeldpagina; daar kan niet worden geantwoord.",
  griffieMarkAnswered: "Markeer als beantwoord",
  griffieAnswered: "✅ Beantwoord",
  griffieUnknown: "Deze vraag is niet (meer) bekend; mogelijk is de bewaartermijn verstreken.",

  griffieHere: "Dit gesprek ontvangt voortaan de vragen voor de griffie.",
  griffieHereDenied:
    "Alleen een beheerder kan dit gesprek instellen als plek voor vragen aan de griffie (zie GRIFFIE_TEAMS_ADMINS).",
  griffieHerePersonal: "Stel de griffie in vanuit een kanaal of groepschat, niet vanuit een privégesprek.",
} as const;

/** The platform as the griffie reads it. */
export const platformLabel = (platform: string): string =>
  ({ slack: "Slack", teams: "Teams", preview: "de voorbeeldpagina", cli: "de opdrachtregel" })[platform] ?? platform;

/** What the griffie reads when a hand-off has no link to the user's conversation. */
export const griffieNoLinkNote = (platform: string): string =>
  platform === "preview" ? feedbackText.griffieNoLinkPreview : feedbackText.griffieNoLink;
