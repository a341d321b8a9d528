// LiveKnowledge: reloads never overlap (a change during a reload gets one more), a failing build keeps the last
// good base, and the status tells what is served.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { createLiveKnowledge } from "../../src/live/knowledge.ts";
import { FIXTURE_KNOWLEDGE } from "../http/helpers.ts";

const logger = pino({ level: "silent" });
let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "live-kb-"));
  dir = join(root, "knowledge");
  await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("createLiveKnowledge", () => {
  it("runs overlapping reloads one after another, at most one queued", async () => {
    let running = 0;
    let maxRunning = 0;
    let builds = 0;
    const live = await createLiveKnowledge({
      dir,
      logger,
      build: async (kb: KnowledgeBase) => {
        running++;
        builds++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        return kb.entries.length;
      },
    });
    builds = 0;
    const results = await Promise.all([live.reload("a"), live.reload("b"), live.reload("c"), live.reload("d")]);
    expect(maxRunning).toBe(1);
    expect(builds).toBe(2); // the running one, plus one for everything that came in meanwhile
    expect(results.every((r) => r.ok)).toBe(true);
    expect(live.status().reloads).toBe(2);
  });

  it("keeps the last good base when the build fails or a file breaks, and recovers", async () => {
    let fail = false;
    const live = await createLiveKnowledge({
      dir,
      logger,
      build: (kb: KnowledgeBase) => {
        if (fail) throw new Error("index could not be built");
        return kb;
      },
    });
    const first = live.current();
    fail = true;
    const file = join(dir, "onderwerpen/uittreden-gr.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^title: .*$/m, "title: Gewijzigd onderwerp"));
    expect(await live.reload("x")).toEqual({
      ok: false,
      problems: [expect.stringContaining("index could not be built")],
    });
    expect(live.current()).toBe(first);
    expect(live.status().lastReloadError?.problems).toHaveLength(1);

    fail = false;
    await writeFile(file, text.replace(/^title: .*$/m, "title: ''"));
    const broken = await live.reload("y");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]).toMatch(/uittreden-gr\.md:\d+: title: /);
    expect(live.current()).toBe(first);

    await writeFile(file, text.replace(/^title: .*$/m, "title: Gewijzigd onderwerp"));
    expect(await live.reload("z")).toMatchObject({ ok: true, changed: true });
    expect(live.current().kb.byId.get("uittreden-gr")?.title).toBe("Gewijzigd onderwerp");
    expect(live.current().version).not.toBe(first.version);
    expect(live.status().lastReloadError).toBeNull();
  });
});
