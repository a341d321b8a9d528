// npm run termijn: the JSON contract, Dutch text output and exit code 2 with a Dutch error on bad input.
// One test starts the CLI as a process (src/cli/termijn.ts); the others run its run() in this worker.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run as runAsk } from "../../src/cli/ask-run.ts";
import { run as runTermijn } from "../../src/cli/termijn-run.ts";
import { type CliResult, runCli } from "../support/cli.ts";
import { nodeArgs } from "../support/entry-points.ts";

const execFileAsync = promisify(execFile);
const spawned = (...args: string[]) =>
  execFileAsync(process.execPath, [...nodeArgs("src/cli/termijn.ts"), ...args], {
    env: { ...process.env, REGISTER_FILE: "" },
  });

/** The CLI in-process; fails as a spawned one did (execFile rejects) when the exit code is not 0. */
async function cli(...args: string[]): Promise<CliResult> {
  const r = await runCli(runTermijn, args, { env: { REGISTER_FILE: "" } });
  if (r.code !== 0) throw new Error(`npm run termijn exited ${r.code}: ${r.stderr}`);
  return r;
}

async function failing(...args: string[]): Promise<CliResult> {
  const r = await runCli(runTermijn, args, { env: { REGISTER_FILE: "" } });
  if (r.code === 0) throw new Error("expected the CLI to fail");
  return r;
}

describe("npm run termijn", () => {
  it("--json prints exactly one object with the six fields (ontwerpregeling, 6 maart 2027)", async () => {
    // As a process: the entry file, its exit code 0 (execFile rejects otherwise) and its stdout.
    const { stdout } = await spawned("--json", "--soort", "ontwerpregeling", "--vanaf", "2027-03-06");
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["soort", "vanaf", "einde", "verlengd", "regel", "artikel"]);
    expect(out).toMatchObject({ soort: "ontwerpregeling", vanaf: "2027-03-06", einde: "2027-05-03", verlengd: true });
    expect(out.artikel).toContain("art. 1 lid 3 Wgr");
  });

  it("--json for begroting, 26 februari 2027", async () => {
    const { stdout } = await cli("--json", "--soort", "begroting", "--vanaf", "2027-02-26");
    expect(JSON.parse(stdout)).toMatchObject({ einde: "2027-05-21", verlengd: false, artikel: "art. 35 lid 3 Wgr" });
  });

  it("prints Dutch text with the date and the article without --json", async () => {
    const { stdout } = await cli("--soort", "begroting", "--vanaf", "2027-02-26");
    expect(stdout).toContain("vrijdag 21 mei 2027");
    expect(stdout).toContain("Artikel: art. 35 lid 3 Wgr");
  });

  it.each([
    [["--soort", "onzin", "--vanaf", "2027-03-06"], /Onbekende soort termijn "onzin"/],
    [["--soort", "begroting", "--vanaf", "2027-02-30"], /geen bestaande datum/],
    [["--soort", "begroting", "--vanaf", "6 maart"], /geen bestaande datum/],
    [["--soort", "begroting"], /Geef de begindatum op/],
    [["--vanaf", "2027-03-06"], /Geef de soort termijn op/],
    [["--soort", "begroting", "--vanaf", "2027-02-26", "--foo"], /Ongeldige invoer bij "--foo"/],
    [["--ics"], /Geen register/],
    [
      ["--ics", "--register", "bestaat-niet.yml"],
      /Het register bevat fouten:\nbestaat-niet\.yml:0: file: cannot be read/,
    ],
  ])("exit 2 with a Dutch error for %j", async (args, message) => {
    const r = await failing(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("npm run ask (deadline questions, as in the chat)", () => {
  const ask = async (question: string, env: Record<string, string> = {}): Promise<CliResult> => {
    const r = await runCli(runAsk, [question], { env: { REGISTER_FILE: "", ...env } });
    if (r.code !== 0) throw new Error(`npm run ask exited ${r.code}: ${r.stderr}`);
    return r;
  };

  it("answers a deadline question with the computed date, the rule and the article", async () => {
    const { stdout } = await ask(
      "Wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart 2027 kregen?",
    );
    expect(stdout).toContain("Uiterlijk maandag 3 mei 2027 (art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet).");
    expect(stdout).toContain("acht weken na 6 maart 2027 is zaterdag 1 mei 2027");
  });

  it("answers register questions from REGISTER_FILE, and honestly without one", async () => {
    const zonder = await ask("Welke zienswijzen lopen er?");
    expect(zonder.stdout).toContain("Geen register van regelingen ingesteld");
    const met = await ask("In welke regelingen zit onze gemeente?", {
      REGISTER_FILE: "knowledge/register/voorbeeld-register.yml",
    });
    expect(met.stdout).toContain("Regelingen waarin Voorbeeldstad deelneemt");
  });
});
