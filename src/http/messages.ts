// Dutch wording of the HTTP layer and the preview page's API (formal "u"). Chat wording lives in src/core/messages.ts.

const kb = (bytes: number): string =>
  bytes >= 1_048_576 ? `${Math.round(bytes / 104_857.6) / 10} MB` : `${Math.round(bytes / 1024)} kB`;

export const httpMessages = {
  bodyTooLarge: (limit: number) => `Het verzoek is te groot. Stuurt u alstublieft minder dan ${kb(limit)}.`,
  notFound: "Deze pagina of dit adres bestaat niet.",
  badJson: "Het verzoek bevat geen geldige JSON. Controleert u de opmaak.",
  badRequest: "Het verzoek is niet geldig.",
  internal: "Er ging iets mis op de server. Probeert u het later nog eens.",
  notReady: "De dienst is nog niet gereed.",
  questionRequired: "Vul een vraag in.",
  questionTooLong: "Uw vraag is te lang. Houdt u het alstublieft bij een paar zinnen.",
  unknownEntry: "Dit onderwerp bestaat niet (meer).",
  unknownChecklist: "Deze checklist bestaat niet.",
  unknownRun: "Deze checklist-sessie bestaat niet (meer). Opent u de checklist opnieuw.",
  unknownItem: "Dit punt hoort niet bij deze checklist.",
  userIdRequired: "Er ontbreekt een gebruikers-id.",
  helpfulRequired: "Geef aan of het antwoord nuttig was (ja of nee).",
} as const;
