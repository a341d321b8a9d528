// Live reload end to end: the real server on a temporary copy of knowledge/, edited on disk while it runs.
// An edit shows up in the next answer; a broken file keeps the last good base serving, logs file:line and shows
// in /readyz; fixing it applies the edit. SIGHUP reloads too.
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { knowledgeHash } from "../../src/engine/cache.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";

const KNOWLEDGE = fileURLToPath(new URL("../../knowledge", import.meta.url));
// Any entry will do; its own first question finds it (tests/knowledge/base.test.ts checks that for every entry).
const ENTRY_ID = "centrumgemeente";
let QUESTION: string;
/** The first words of the entry's summary as they stand in the file, and the edits made to them. */
let head: string;

interface ReadyBody {
  status: string;
  knowledgeBase: { version: string; entries: number; lastReloadError: { problems: string[] } | null };
}

let app: RunningApp;
let tmp: Awaited<ReturnType<typeof tempDataDir>>;
let file: string;
let original: string;
const logLines: string[] = [];

let lastUpdatedText: string | null = null;

async function summary(): Promise<string> {
  const res = await fetch(`${app.url}/preview/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ q: QUESTION }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    reply: { answer: { id: string; summary: string } | null };
    updatedText: string | null;
  };
  lastUpdatedText = body.updatedText;
  expect(body.reply.answer?.id).toBe(ENTRY_ID);
  return body.reply.answer!.summary;
}

async function ready(): Promise<ReadyBody> {
  const res = await fetch(`${app.url}/readyz`);
  expect(res.status).toBe(200);
  return (await res.json()) as ReadyBody;
}

/** The ids listed in an uitgelicht.yml text. */
const idsIn = (text: string): string[] => [...text.matchAll(/^\s+-\s+([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!);

/** The index files in DATA_DIR/index-cache. */
const indexFiles = async (): Promise<string[]> =>
  (await readdir(join(tmp.dir, "index-cache"))).filter((f) => /^index-.*\.bin$/.test(f));

/** Polls until check() passes (every 50 ms, at most `ms`). */
async function eventually<T>(check: () => Promise<T>, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

beforeAll(async () => {
  tmp = await tempDataDir();
  const dir = join(tmp.dir, "knowledge");
  await cp(KNOWLEDGE, dir, { recursive: true });
  const entry = (await loadKnowledgeBase(dir)).byId.get(ENTRY_ID)!;
  QUESTION = entry.questions[0]!;
  file = resolve(entry.file);
  original = await readFile(file, "utf8");
  head = entry.summary.split(" ").slice(0, 3).join(" ");
  expect(original).toContain(head);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: "info" }, sink);
  app = await startApp({
    env: testEnv(tmp.dir, { KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH_DEBOUNCE_MS: "100" }),
    logger,
  });
});

afterAll(async () => {
  await app?.close();
  await tmp?.remove();
});

describe("live reload of the knowledge base", () => {
  it("serves an edited summary within a few seconds, keeps the last good base on errors, applies the fix", async () => {
    expect((await summary()).startsWith(head)).toBe(true);
    const before = await ready();
    expect(before.knowledgeBase.entries).toBeGreaterThan(50);
    expect(before.knowledgeBase.lastReloadError).toBeNull();

    // 1. Edit the summary on disk.
    const edited = original.replace(head, `GEWIJZIGD ${head}`);
    expect(edited).not.toBe(original);
    const t0 = Date.now();
    await writeFile(file, edited);
    await eventually(async () => expect(await summary()).toMatch(/^GEWIJZIGD /));
    expect(Date.now() - t0).toBeLessThan(5_000);
    const afterEdit = await ready();
    expect(afterEdit.knowledgeBase.version).not.toBe(before.knowledgeBase.version);
    // The index cache follows: the edited base's index replaces the old one in DATA_DIR/index-cache.
    const editedIndex = `index-${knowledgeHash(await loadKnowledgeBase(join(tmp.dir, "knowledge")))}.bin`;
    expect(await indexFiles()).toEqual([editedIndex]);

    // 2. Break the file: the kind is not allowed. The old (edited) text is still served.
    const broken = edited.replace(/^kind: .*$/m, "kind: onzin");
    await writeFile(file, broken);
    const status = await eventually(async () => {
      const r = await ready();
      expect(r.knowledgeBase.lastReloadError).not.toBeNull();
      return r;
    });
    expect(status.status).toBe("ready");
    expect(status.knowledgeBase.version).toBe(afterEdit.knowledgeBase.version);
    const kindLine = broken.split("\n").findIndex((l) => l.startsWith("kind:")) + 1;
    expect(status.knowledgeBase.lastReloadError!.problems).toEqual([
      expect.stringContaining(`${ENTRY_ID}.md:${kindLine}: kind: `),
    ]);
    expect(logLines.some((l) => l.includes(`${ENTRY_ID}.md:${kindLine}: kind:`) && l.includes('"level":50'))).toBe(
      true,
    );
    expect(await summary()).toMatch(/^GEWIJZIGD /);
    expect(await indexFiles()).toEqual([editedIndex]);

    // 3. Fix it with another edit (and an old check date): applied, and the error is cleared.
    const fixed = edited.replace("GEWIJZIGD ", "HERSTELD ").replace(/^updated: .*$/m, "updated: 2024-01-10");
    await writeFile(file, fixed);
    await eventually(async () => expect(await summary()).toMatch(/^HERSTELD /));
    expect((await ready()).knowledgeBase.lastReloadError).toBeNull();
    // Older than STALE_MONTHS (12): the answer says when it was last checked.
    expect(lastUpdatedText).toBe("Laatst gecontroleerd: 10 januari 2024");
  });

  it("serves an edited uitgelicht.yml: the featured topics follow the file", async () => {
    const featuredFile = join(dirname(file), "..", "uitgelicht.yml");
    const text = await readFile(featuredFile, "utf8");
    expect(app.bot.featuredTopics().map((t) => t.id)).toEqual(idsIn(text));
    const reordered = ["uittreden-gr", "rol-van-de-raad", "toestemming-raad"];
    await writeFile(featuredFile, `onderwerpen:\n${reordered.map((id) => `  - ${id}\n`).join("")}`);
    await eventually(async () => expect(app.bot.featuredTopics().map((t) => t.id)).toEqual(reordered));
    await writeFile(featuredFile, text);
    await eventually(async () => expect(app.bot.featuredTopics().map((t) => t.id)).toEqual(idsIn(text)));
  });

  it("reloads on demand (what SIGHUP calls) and reports an unchanged base as unchanged", async () => {
    const result = await app.reloadKnowledge("test");
    expect(result).toMatchObject({ ok: true, changed: false });
  });
});
