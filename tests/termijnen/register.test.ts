// The register format: the shipped example is valid and marked as an example, errors name file, line and field,
// and deadlines come out soonest first.
import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run as runKbCheck } from "../../src/cli/kb-check-run.ts";
import { loadRegister, parseRegister, RegisterError, registerTermijnen } from "../../src/termijnen/register.ts";
import { runCli } from "../support/cli.ts";

const EXAMPLE = "knowledge/register/voorbeeld-register.yml";

const problemsOf = (text: string): string[] => {
  try {
    parseRegister(text, "r.yml");
  } catch (err) {
    if (err instanceof RegisterError) return err.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
    throw err;
  }
  return [];
};

const valid = `gemeente: Testdorp
regelingen:
  - naam: GR Test
    afkorting: GRT
    vorm: openbaar lichaam
    soort: collegeregeling
    deelnemers: [Testdorp, Buurdorp]
    ab_lid: wethouder
    url: https://regelingen.testdorp.example/grt
    ontwerpbegroting_ontvangen: 2027-02-26
`;

describe("register", () => {
  it("the shipped example is valid, marked as an example and for a made-up gemeente", async () => {
    const reg = await loadRegister(EXAMPLE);
    expect(reg.voorbeeld).toBe(true);
    expect(reg.gemeente).toBe("Voorbeeldstad");
    for (const r of reg.regelingen) expect(new URL(r.url).hostname.endsWith(".example")).toBe(true);
  });

  it("lists deadlines soonest first, only those not yet passed", async () => {
    const reg = await loadRegister(EXAMPLE);
    const all = registerTermijnen(reg, "2027-01-01").map((t) => [
      t.regeling.afkorting,
      t.uitkomst.soort,
      t.uitkomst.einde,
    ]);
    expect(all).toEqual([
      ["ODV", "ontwerpregeling", "2027-05-03"],
      ["VRV", "begroting", "2027-05-21"],
      ["BBV-Vl", "begrotingswijziging", "2027-07-05"],
    ]);
    expect(registerTermijnen(reg, "2027-05-04").map((t) => t.regeling.afkorting)).toEqual(["VRV", "BBV-Vl"]);
  });

  it("reports each bad field with its line", () => {
    const bad = valid
      .replace("vorm: openbaar lichaam", "vorm: stichting")
      .replace("https://regelingen", "http://regelingen")
      .replace("2027-02-26", "2027-02-30")
      .replace("deelnemers: [Testdorp, Buurdorp]", "deelnemers: [Testdorp]\n    kleur: rood");
    expect(problemsOf(bad)).toEqual([
      expect.stringMatching(/^r\.yml:5: regelingen\[0\]\.vorm: /),
      expect.stringMatching(/^r\.yml:7: regelingen\[0\]\.deelnemers: a regeling has at least two participants$/),
      expect.stringMatching(/^r\.yml:10: regelingen\[0\]\.url: must be an https link/),
      expect.stringMatching(/^r\.yml:11: regelingen\[0\]\.ontwerpbegroting_ontvangen: must be a date/),
      expect.stringMatching(/^r\.yml:8: regelingen\[0\]\.kleur: /),
    ]);
  });

  it("reports broken YAML, a missing field and a duplicate short name", () => {
    expect(problemsOf("gemeente: [")[0]).toMatch(/^r\.yml:1: yaml: /);
    expect(problemsOf(valid.replace("    ab_lid: wethouder\n", ""))).toEqual([
      expect.stringMatching(/^r\.yml:3: regelingen\[0\]\.ab_lid: /),
    ]);
    const twice = valid + valid.split("regelingen:\n")[1]!;
    expect(problemsOf(twice)).toEqual(["r.yml:12: regelingen[1].afkorting: duplicate of regelingen[0]"]);
  });

  it("npm run kb:check fails with file:line: field for a bad register and passes for the example", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kb-register-"));
    await cp("tests/fixtures/kb-small", dir, { recursive: true });
    await mkdir(join(dir, "register"));
    await writeFile(join(dir, "register", "fout.yml"), valid.replace("2027-02-26", "2027-13-01"));
    // kb:check's run() in this worker (tests/knowledge/kb-check.test.ts starts the process).
    const check = (args: string[]) => runCli(runKbCheck, args, { env: { REGISTER_FILE: "" } });
    const err = await check([dir]);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain(
      `${join(dir, "register", "fout.yml")}:10: regelingen[0].ontwerpbegroting_ontvangen: must be a date`,
    );
    const ok = await check(["knowledge"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("voorbeeld-register.yml: register of Voorbeeldstad OK (3 regelingen, example)");
  });
});
