// kb:check part for registers: validates REGISTER_FILE (when set) and every <knowledge>/register/*.yml.
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatRegisterProblem, loadRegister, RegisterError, type RegisterProblem } from "./register.ts";

export const REGISTER_SUBDIR = "register";

async function registerFiles(dir: string, registerFile: string | undefined): Promise<string[]> {
  const files: string[] = [];
  try {
    for (const name of (await readdir(join(dir, REGISTER_SUBDIR))).sort()) {
      if (name.endsWith(".yml") || name.endsWith(".yaml")) files.push(join(dir, REGISTER_SUBDIR, name));
    }
  } catch {
    // No register folder: nothing to check there.
  }
  if (registerFile && !files.some((f) => resolve(f) === resolve(registerFile))) files.push(registerFile);
  return files;
}

/** Checks the registers; prints problems (stderr) or one line per register (stdout). Returns false on problems. */
export async function checkRegisterFiles(
  dir: string,
  registerFile: string | undefined,
  out: Pick<Console, "log" | "error"> = console,
): Promise<boolean> {
  const problems: RegisterProblem[] = [];
  for (const file of await registerFiles(dir, registerFile || undefined)) {
    try {
      const reg = await loadRegister(file);
      out.log(
        `${file}: register of ${reg.gemeente} OK (${reg.regelingen.length} regelingen${reg.voorbeeld ? ", example" : ""})`,
      );
    } catch (err) {
      if (!(err instanceof RegisterError)) throw err;
      problems.push(...err.problems);
    }
  }
  for (const p of problems) out.error(formatRegisterProblem(p));
  return problems.length === 0;
}
