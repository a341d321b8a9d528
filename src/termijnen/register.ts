// The gemeente's own regelingen (optional, REGISTER_FILE): one YAML file the griffie keeps in git, validated with
// "file:line: field: message" errors, and the deadlines that follow from the dates in it.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { FileProblemsError, formatProblem, type FileProblem } from "../errors.ts";
import { berekenTermijn, type Uitkomst } from "./bereken.ts";
import { type IsoDate, parseIsoDate } from "./datum.ts";
import type { Soort } from "./regels.ts";

export type RegisterProblem = FileProblem;
export const formatRegisterProblem = formatProblem;

/** The register has problems; `problems` lists each as file:line: field: message. */
export class RegisterError extends FileProblemsError<"invalid-register"> {
  constructor(problems: RegisterProblem[]) {
    super("invalid-register", "The register", problems);
  }
}

const datum = z.string().refine((v) => parseIsoDate(v) !== null, { message: "must be a date YYYY-MM-DD that exists" });
const tekst = z.string().trim().min(1, { message: "must not be empty" });

export const VORMEN = [
  "openbaar lichaam",
  "gemeenschappelijk orgaan",
  "bedrijfsvoeringsorganisatie",
  "centrumgemeente",
  "regeling zonder meer",
] as const;
export const REGELINGSOORTEN = [
  "raadsregeling",
  "collegeregeling",
  "burgemeestersregeling",
  "gemengde regeling",
] as const;

const regelingSchema = z.strictObject({
  naam: tekst,
  afkorting: tekst,
  vorm: z.enum(VORMEN),
  soort: z.enum(REGELINGSOORTEN),
  deelnemers: z.array(tekst).min(2, { message: "a regeling has at least two participants" }),
  ab_lid: tekst,
  url: z.url({ protocol: /^https$/, message: "must be an https link to the published regeling" }),
  ontwerpbegroting_ontvangen: datum.optional(),
  ab_vergadering: datum.optional(),
  ontwerpwijziging_ontvangen: datum.optional(),
  begrotingswijziging_ontvangen: datum.optional(),
});

const registerSchema = z.strictObject({
  voorbeeld: z.boolean().optional(),
  gemeente: tekst,
  regelingen: z.array(regelingSchema),
});

export type Regeling = z.infer<typeof regelingSchema>;
export type Register = z.infer<typeof registerSchema> & { file: string };

/** Parses and validates register text; throws RegisterError with every problem (file, line, field). */
export function parseRegister(text: string, file: string): Register {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: RegisterProblem[] = [];
  for (const err of doc.errors) {
    problems.push({
      file,
      line: counter.linePos(err.pos[0]).line,
      field: "yaml",
      message: err.message.split("\n")[0] ?? "invalid YAML",
    });
  }
  if (problems.length) throw new RegisterError(problems);
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth).map((p) => (typeof p === "symbol" ? String(p) : p));
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    return 1;
  };
  const parsed = registerSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
      const field =
        path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("") ||
        "register";
      problems.push({ file, line: lineOf(path), field, message: issue.message });
    }
    throw new RegisterError(problems);
  }
  const seen = new Map<string, number>();
  parsed.data.regelingen.forEach((r, i) => {
    const key = r.afkorting.toLowerCase();
    if (seen.has(key))
      problems.push({
        file,
        line: lineOf(["regelingen", i, "afkorting"]),
        field: `regelingen[${i}].afkorting`,
        message: `duplicate of regelingen[${seen.get(key)}]`,
      });
    seen.set(key, i);
  });
  if (problems.length) throw new RegisterError(problems);
  return { ...parsed.data, file };
}

export async function loadRegister(file: string): Promise<Register> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new RegisterError([
      {
        file,
        line: 0,
        field: "file",
        message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      },
    ]);
  }
  return parseRegister(text, file);
}

export interface RegisterTermijn {
  regeling: Regeling;
  uitkomst: Uitkomst;
}

/** Which register date starts which kind of term. */
const BRONNEN: { veld: keyof Regeling; soort: Soort }[] = [
  { veld: "ontwerpbegroting_ontvangen", soort: "begroting" },
  { veld: "ontwerpwijziging_ontvangen", soort: "ontwerpregeling" },
  { veld: "begrotingswijziging_ontvangen", soort: "begrotingswijziging" },
];

/** Every deadline that follows from the register's dates and ends on or after `vanaf`, soonest first. */
export function registerTermijnen(register: Register, vanaf: IsoDate): RegisterTermijn[] {
  const out: RegisterTermijn[] = [];
  for (const regeling of register.regelingen) {
    for (const { veld, soort } of BRONNEN) {
      const start = regeling[veld];
      if (typeof start !== "string") continue;
      const uitkomst = berekenTermijn(soort, start);
      if (uitkomst.einde >= vanaf) out.push({ regeling, uitkomst });
    }
  }
  return out.sort(
    (a, b) =>
      a.uitkomst.einde.localeCompare(b.uitkomst.einde) || a.regeling.afkorting.localeCompare(b.regeling.afkorting),
  );
}
