// The real process (app/main.ts) reloads its knowledge base on SIGHUP (file watching off here) and keeps running.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_KNOWLEDGE, tempDataDir, testEnv } from "../http/helpers.ts";
import { nodeArgs } from "../support/entry-points.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, nodeArgs("app/main.ts"), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"server listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}):\n${out}`)));
  });
}

describe("SIGHUP", () => {
  const children: ChildProcess[] = [];
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await data?.remove();
  });

  it("reloads the knowledge base, and keeps the last good one when the files are broken", async () => {
    data = await tempDataDir();
    const dir = join(data.dir, "knowledge");
    await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    const file = join(dir, "onderwerpen/zienswijze-begroting.md");
    const original = await readFile(file, "utf8");
    const app = await start(testEnv(data.dir, { KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: "0", LOG_LEVEL: "info" }));
    children.push(app.child);
    const summary = async () => {
      const res = await fetch(`${app.url}/preview/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q: "Hoe geeft de raad een zienswijze op de begroting van een GR?" }),
      });
      return ((await res.json()) as { reply: { answer: { summary: string } } }).reply.answer.summary;
    };
    const readyz = async () =>
      (await (await fetch(`${app.url}/readyz`)).json()) as {
        knowledgeBase: { version: string; lastReloadError: unknown };
      };
    const poll = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await check()).toBe(true);
    };

    const v1 = (await readyz()).knowledgeBase.version;
    await writeFile(
      file,
      original.replace("De raad geeft binnen acht weken", "NA SIGHUP de raad geeft binnen acht weken"),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await summary()).toMatch(/^De raad geeft/); // not watching: nothing changes by itself
    app.child.kill("SIGHUP");
    await poll(async () => (await summary()).startsWith("NA SIGHUP")).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${app.output()}`);
    });
    expect((await readyz()).knowledgeBase.version).not.toBe(v1);

    await writeFile(file, original.replace("kind: topic", "kind: [kapot"));
    app.child.kill("SIGHUP");
    await poll(async () => (await readyz()).knowledgeBase.lastReloadError !== null);
    expect(await summary()).toMatch(/^NA SIGHUP/);
    // The error line reaches this process through the child's pipe, which may trail the state /readyz reports.
    await poll(async () => /zienswijze-begroting\.md:\d+: /.test(app.output()));
    expect(app.output()).toMatch(/zienswijze-begroting\.md:\d+: /);
    expect(app.child.exitCode).toBeNull();

    app.child.kill("SIGTERM");
    await new Promise((r) => app.child.once("exit", r));
  }, 180_000);
});
