// iCalendar export of the register's deadlines (ical-generator): one all-day event per deadline, with the rule
// and the article in the description. `npm run --silent termijn -- --ics > termijnen.ics`.
import ical from "ical-generator";
import { addDays, type IsoDate } from "./datum.ts";
import { loadRegister, type Register, registerTermijnen } from "./register.ts";

const asDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);

/** The calendar text for every deadline in the register that ends on or after `vanaf` (default: all). */
export function registerIcs(register: Register, vanaf: IsoDate = "1900-01-01"): string {
  const cal = ical({
    name: `Wgr-termijnen ${register.gemeente}`,
    prodId: { company: "Raadswijzer Samenwerken", product: "termijnen", language: "NL" },
  });
  for (const t of registerTermijnen(register, vanaf)) {
    const { uitkomst, regeling } = t;
    cal.createEvent({
      id: `${regeling.afkorting}-${uitkomst.soort}-${uitkomst.vanaf}@raadswijzer-samenwerken`,
      start: asDate(uitkomst.einde),
      end: asDate(addDays(uitkomst.einde, 1)),
      allDay: true,
      summary: `Uiterste datum: ${uitkomst.titel} (${regeling.afkorting})`,
      description: `${regeling.naam}\n\n${uitkomst.regel}\n\nArtikel: ${uitkomst.artikel}${register.voorbeeld ? "\n\nLet op: voorbeeldregister van een verzonnen gemeente." : ""}`,
      url: regeling.url,
      stamp: asDate(uitkomst.vanaf),
    });
  }
  return cal.toString();
}

export async function icsFromRegisterFile(file: string): Promise<string> {
  return registerIcs(await loadRegister(file));
}
