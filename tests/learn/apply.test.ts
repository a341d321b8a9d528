// kb:learn --apply: the phrasing lands in the entry's questions, every other line stays byte-identical, the base
// still passes the check, and the engine then finds the entry by that phrasing.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run as runLearn } from "../../src/cli/kb-learn-run.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { addQuestion, AddQuestionError } from "../../src/learn/add-question.ts";
import { appliedLines, applyQuestion } from "../../src/learn/apply.ts";
import { runCli } from "../support/cli.ts";
import { nodeArgs } from "../support/entry-points.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/kb", import.meta.url));
const ENTRY = "onderwerpen/btw-gemeenschappelijke-regeling.md";
const QUESTION = "Mag een GR de omzetbelasting doorberekenen aan de deelnemers?";
const run = promisify(execFile);

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), "kb-learn-")), "kb");
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(join(dir, ".."), { recursive: true, force: true });
});

describe("addQuestion", () => {
  it("inserts one line after the last question and keeps every other byte", async () => {
    const before = await readFile(join(FIXTURE, ENTRY), "utf8");
    const result = addQuestion(before, QUESTION);
    expect(result.changed).toBe(true);
    if (!result.changed) return;
    const a = before.split("\n");
    const b = result.text.split("\n");
    const lastQuestion = a.findIndex((l) => l.startsWith("  - Hoe werkt btw"));
    expect(b).toEqual([...a.slice(0, lastQuestion + 1), `  - ${QUESTION}`, ...a.slice(lastQuestion + 1)]);
    // The comment, the quoted question and the folded summary are untouched.
    expect(result.text).toContain("# Redactie: aangemaakt");
    expect(result.text).toContain("   # meest gesteld");
  });

  it("quotes what YAML would read as another type, and keeps the phrasing exactly", () => {
    const text = "---\nquestions:\n  - een\n  - twee\n---\nbody\n";
    const r1 = addQuestion(text, "true");
    expect(r1.changed && r1.text).toBe('---\nquestions:\n  - een\n  - twee\n  - "true"\n---\nbody\n');
    const r2 = addQuestion(text, "GR: wat # is dat?");
    expect(r2.changed && r2.text).toContain('  - "GR: wat # is dat?"\n');
  });

  it("keeps the file's line endings (CRLF from a Windows editor)", () => {
    const text = "---\r\ntitle: X\r\nquestions:\r\n  - een\r\n  - twee\r\nkind: term\r\n---\r\nbody\r\n";
    const r = addQuestion(text, "Wat is dat?");
    expect(r.changed && r.text).toBe(
      "---\r\ntitle: X\r\nquestions:\r\n  - een\r\n  - twee\r\n  - Wat is dat?\r\nkind: term\r\n---\r\nbody\r\n",
    );
  });

  it("keeps the list's quoting style and the file's indentation", () => {
    const text = "---\nquestions:\n- 'een'\n- 'twee'\nkeywords: []\n---\n";
    const r = addQuestion(text, "Wat is dat?");
    expect(r.changed && r.text).toBe("---\nquestions:\n- 'een'\n- 'twee'\n- 'Wat is dat?'\nkeywords: []\n---\n");
  });

  it("reports a duplicate (case, accents and punctuation ignored) without changing anything", () => {
    const text = "---\nquestions:\n  - Wat is een GR?\n---\n";
    expect(addQuestion(text, "wat is een gr")).toEqual({ changed: false, reason: "duplicate" });
  });

  it("refuses files it cannot edit safely, with a Dutch reason", () => {
    expect(() => addQuestion("geen frontmatter", "Wat is dat?")).toThrow(AddQuestionError);
    expect(() => addQuestion("---\nquestions: [een, twee]\n---\n", "Wat is dat?")).toThrow(/met de hand/);
    expect(() => addQuestion("---\ntitle: x\n---\n", "Wat is dat?")).toThrow(/questions/);
  });
});

describe("applyQuestion (kb:learn --apply)", () => {
  it("writes the question, passes the check, shows the diff, and the entry is found by it", async () => {
    const result = await applyQuestion(dir, "btw-gemeenschappelijke-regeling", QUESTION);
    expect(result).toMatchObject({ changed: true, problems: [], foundAs: "btw-gemeenschappelijke-regeling" });
    expect(result.diff).toContain(`+  - ${QUESTION}`);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.byId.get("btw-gemeenschappelijke-regeling")!.questions.at(-1)).toBe(QUESTION);
    // Untouched: the other entry.
    expect(await readFile(join(dir, "onderwerpen/centrumgemeente.md"), "utf8")).toBe(
      await readFile(join(FIXTURE, "onderwerpen/centrumgemeente.md"), "utf8"),
    );
    // A second time: nothing changes.
    expect((await applyQuestion(dir, "btw-gemeenschappelijke-regeling", QUESTION)).changed).toBe(false);
  });

  it("runs the full knowledge check (the editors' rules of kb:check too) after the write", async () => {
    const result = await applyQuestion(dir, "centrumgemeente", "Wat moeten we nog uitzoeken over een centrumgemeente?");
    expect(result.changed).toBe(true);
    expect(result.problems).toEqual([
      expect.stringMatching(/centrumgemeente\.md:\d+: questions\[\d+\]: "nog uitzoeken" reads as a note to editors/),
    ]);
  });

  it("runs as npm run kb:learn -- --apply <id> <question> and prints the diff", async () => {
    // In this worker, from the repository root as before (the next test starts kb:learn as a process).
    const { code, stdout } = await runCli(
      runLearn,
      ["--apply", "centrumgemeente", "Is een centrumgemeente de baas over de andere gemeenten?"],
      { env: { KNOWLEDGE_DIR: dir, NODE_ENV: "test" } },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("+  - Is een centrumgemeente de baas over de andere gemeenten?");
    expect(stdout).toMatch(/Kennisbank gecontroleerd: 2 onderwerpen, geen fouten/);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.byId.get("centrumgemeente")!.questions).toContain(
      "Is een centrumgemeente de baas over de andere gemeenten?",
    );
  });
});

describe("kb:learn --apply and .env", () => {
  it("finds the knowledge folder through KNOWLEDGE_DIR in .env, as the bot and the interactive kb:learn do", async () => {
    const parent = join(dir, "..");
    await writeFile(join(parent, ".env"), "KNOWLEDGE_DIR=kb\n");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
    delete env.KNOWLEDGE_DIR;
    const { stdout } = await run(
      process.execPath,
      [...nodeArgs("src/cli/kb-learn.ts"), "--apply", "centrumgemeente", "Wie is de baas in een centrumregeling?"],
      { env, cwd: parent },
    );
    expect(stdout).toContain("+  - Wie is de baas in een centrumregeling?");
    expect((await loadKnowledgeBase(dir)).byId.get("centrumgemeente")!.questions).toContain(
      "Wie is de baas in een centrumregeling?",
    );
  });
});

describe("what kb:learn says after a write", () => {
  const result = {
    file: "kb/wet/uittreden-gr.md",
    entryId: "uittreden-gr",
    changed: true,
    problems: [],
    entries: 2,
    diff: "+  - Wat kost uittreden?\n",
  };

  it("confirms when the engine now answers the phrasing with the chosen entry", () => {
    const text = appliedLines({ ...result, foundAs: "uittreden-gr" }, "Wat kost uittreden?").join("\n");
    expect(text).toContain('De vraag "Wat kost uittreden?" vindt nu: uittreden-gr');
    expect(text).not.toContain("Let op");
  });

  it("warns when the engine still answers the phrasing with another entry", () => {
    const text = appliedLines({ ...result, foundAs: "lokale-gegevens-vinden" }, "Wat kost uittreden?").join("\n");
    expect(text).toContain("Let op");
    expect(text).toContain("lokale-gegevens-vinden");
    expect(text).not.toContain("vindt nu: lokale-gegevens-vinden");
  });

  it("warns when the phrasing gets no answer yet, and lists the check's problems", () => {
    const text = appliedLines({ ...result, foundAs: null, problems: ["a.md:3: kind: bad"] }, "Wat?").join("\n");
    expect(text).toContain("Let op");
    expect(text).toContain("a.md:3: kind: bad");
  });
});
