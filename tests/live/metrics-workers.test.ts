// /metrics with WORKERS=2 (on PostgreSQL): whichever worker a scrape reaches, it reports the questions of both
// workers together, and the knowledge gauges once (not summed).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { FIXTURE_KNOWLEDGE, tempDataDir, testEnv } from "../http/helpers.ts";
import { type Backend, postgresBackend } from "../store/backends.ts";
import { nodeArgs } from "../support/entry-points.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL;
const START_TIMEOUT = 180_000;

/** The value of one sample line (`name{labels} value`) summed over the lines that match. */
const sum = (text: string, re: RegExp): number =>
  text
    .split("\n")
    .filter((l) => re.test(l))
    .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);

describe.skipIf(!DATABASE_URL)(groupTitle("/metrics with WORKERS=2 (DATABASE_URL)", postgresMissing), () => {
  let backend: Backend;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    backend = await postgresBackend(DATABASE_URL!);
    data = await tempDataDir();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await backend?.dispose();
    await data?.remove();
  });

  it(
    "sums the workers' counters in every scrape",
    async () => {
      child = spawn(process.execPath, nodeArgs("app/main.ts"), {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...testEnv(data.dir, {
            WORKERS: "2",
            DATABASE_URL: backend.url!,
            STORE_HASH_KEY: "metrics-workers-key-0123456789",
            LOG_LEVEL: "info",
            PREVIEW: "1",
            METRICS: "1",
            KNOWLEDGE_WATCH: "0",
          }),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.stderr!.on("data", (c: Buffer) => (out += c.toString("utf8")));
      const until = Date.now() + START_TIMEOUT;
      let port: number | undefined;
      while (port === undefined) {
        const line = out.split("\n").find((l) => l.includes('"workers listening"'));
        if (line) port = (JSON.parse(line) as { port: number }).port;
        else if (child.exitCode !== null || Date.now() > until) throw new Error(`did not start:\n${out}`);
        else await new Promise((r) => setTimeout(r, 100));
      }
      const url = `http://127.0.0.1:${port}`;
      const QUESTIONS = 6;
      for (let i = 0; i < QUESTIONS; i++) {
        const res = await fetch(`${url}/preview/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json", connection: "close" },
          body: JSON.stringify({ q: "zienswijze begroting" }),
        });
        expect(res.status).toBe(200);
      }
      const entries = (await loadKnowledgeBase(FIXTURE_KNOWLEDGE)).entries.length;
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${url}/metrics`, { headers: { connection: "close" } });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(sum(text, /^raadswijzer_questions_total\{[^}]*platform="preview"/)).toBe(QUESTIONS);
        expect(sum(text, /^raadswijzer_knowledge_entries /)).toBe(entries);
      }
    },
    2 * START_TIMEOUT,
  );
});
