// npm run --silent termijn -- --soort <soort> --vanaf YYYY-MM-DD [--json]: computes a Wgr deadline.
// npm run --silent termijn -- --ics [--register file]: the register's deadlines as an iCalendar file.
// Bad input: a Dutch error on stderr and exit code 2.
import "./quiet-pipe.ts";
import { parseArgs } from "node:util";
import { berekenTermijn, TermijnInvoerFout } from "../termijnen/bereken.ts";
import { parseIsoDate } from "../termijnen/datum.ts";
import { icsFromRegisterFile } from "../termijnen/ics.ts";
import { SOORTEN } from "../termijnen/regels.ts";
import { formatRegisterProblem, RegisterError } from "../termijnen/register.ts";

const USAGE = `Gebruik: npm run --silent termijn -- --soort <soort> --vanaf JJJJ-MM-DD [--json]
       npm run --silent termijn -- --ics [--register <bestand>] > termijnen.ics
Soorten: ${SOORTEN.join(", ")}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  let values: { soort?: string; vanaf?: string; json?: boolean; ics?: boolean; register?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        soort: { type: "string" },
        vanaf: { type: "string" },
        json: { type: "boolean" },
        ics: { type: "boolean" },
        register: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    const option = /'([^']+)'/.exec((err as Error).message)?.[1];
    fail(`Ongeldige invoer${option ? ` bij "${option}"` : ""}: onbekende optie, of een optie zonder waarde.`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.ics) {
    const file = values.register ?? process.env.REGISTER_FILE;
    if (!file) fail("Geen register: geef --register <bestand> of zet REGISTER_FILE.");
    try {
      process.stdout.write(await icsFromRegisterFile(file));
    } catch (err) {
      if (err instanceof RegisterError)
        fail(`Het register bevat fouten:\n${err.problems.map(formatRegisterProblem).join("\n")}`);
      throw err;
    }
    return;
  }
  if (!values.soort) fail("Geef de soort termijn op met --soort.");
  if (!values.vanaf) fail("Geef de begindatum op met --vanaf (JJJJ-MM-DD).");
  const vanaf = parseIsoDate(values.vanaf);
  if (!vanaf) fail(`"${values.vanaf}" is geen bestaande datum in de vorm JJJJ-MM-DD.`);
  try {
    const u = berekenTermijn(values.soort, vanaf);
    if (values.json) {
      const out = {
        soort: u.soort,
        vanaf: u.vanaf,
        einde: u.einde,
        verlengd: u.verlengd,
        regel: u.regel,
        artikel: u.artikel,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      process.stdout.write(`${u.titel[0]!.toUpperCase()}${u.titel.slice(1)}\n\n${u.regel}\n\nArtikel: ${u.artikel}\n`);
    }
  } catch (err) {
    if (err instanceof TermijnInvoerFout) fail(err.userMessage);
    throw err;
  }
}

await main(process.argv.slice(2));
