// The logic of `npm run termijn` (entry: src/cli/termijn.ts).
// npm run --silent termijn -- --soort <soort> --vanaf YYYY-MM-DD [--json]: computes a Wgr deadline.
// npm run --silent termijn -- --ics [--register file]: the register's deadlines as an iCalendar file.
// Bad input: a Dutch error on stderr and exit code 2.
import { parseArgs } from "node:util";
import { berekenTermijn, TermijnInvoerFout } from "../termijnen/bereken.ts";
import { parseIsoDate } from "../termijnen/datum.ts";
import { icsFromRegisterFile } from "../termijnen/ics.ts";
import { SOORTEN } from "../termijnen/regels.ts";
import { formatRegisterProblem, RegisterError } from "../termijnen/register.ts";
import type { CliIo } from "./io.ts";

const USAGE = `Gebruik: npm run --silent termijn -- --soort <soort> --vanaf JJJJ-MM-DD [--json]
       npm run --silent termijn -- --ics [--register <bestand>] > termijnen.ics
Soorten: ${SOORTEN.join(", ")}`;

/** Bad input: run() writes the message and the usage to stderr and returns exit code 2. */
class BadInput extends Error {}

function fail(message: string): never {
  throw new BadInput(message);
}

/** Runs `npm run termijn` with the arguments after `--`; returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    await termijn(argv, io);
    return 0;
  } catch (err) {
    if (!(err instanceof BadInput)) throw err;
    io.err(`${err.message}\n${USAGE}\n`);
    return 2;
  }
}

async function termijn(argv: string[], io: CliIo): Promise<void> {
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
    io.out(`${USAGE}\n`);
    return;
  }
  if (values.ics) {
    const file = values.register ?? io.env.REGISTER_FILE;
    if (!file) fail("Geen register: geef --register <bestand> of zet REGISTER_FILE.");
    try {
      io.out(await icsFromRegisterFile(file));
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
      io.out(`${JSON.stringify(out)}\n`);
    } else {
      io.out(`${u.titel[0]!.toUpperCase()}${u.titel.slice(1)}\n\n${u.regel}\n\nArtikel: ${u.artikel}\n`);
    }
  } catch (err) {
    if (err instanceof TermijnInvoerFout) fail(err.userMessage);
    throw err;
  }
}
