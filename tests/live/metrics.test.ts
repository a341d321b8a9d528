// /metrics end to end: off by default, bearer token when METRICS_TOKEN is set, valid Prometheus text format, and the
// numbers move when questions are asked, feedback is given and the knowledge base is reloaded.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { countStoreErrors } from "../../src/metrics/metrics.ts";
import type { Store } from "../../src/store/port.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";

const TOKEN = "metrics-test-token";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the Prometheus text exposition format (version 0.0.4); throws on any line it cannot read. */
function parsePrometheus(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  const sampleRe = new RegExp(
    `^(${NAME})(?:\\{(.*)\\})? (-?(?:[0-9.]+(?:e[+-]?[0-9]+)?|NaN|\\+Inf|-Inf))(?: -?[0-9]+)?$`,
  );
  const labelRe = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.split("\n")) {
    if (line === "") continue;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^# HELP (${NAME}) .*$`).exec(line))) continue;
    if ((m = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line))) {
      types.set(m[1]!, m[2]!);
      continue;
    }
    m = sampleRe.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      labelRe.lastIndex = 0;
      let l: RegExpExecArray | null;
      while (labelRe.lastIndex < m[2].length && (l = labelRe.exec(m[2]))) labels[l[1]!] = l[2]!;
      if (labelRe.lastIndex !== m[2].length) throw new Error(`bad labels: ${line}`);
    }
    const family = m[1]!.replace(/_(bucket|sum|count)$/, "");
    if (!types.has(m[1]!) && !types.has(family)) throw new Error(`sample without # TYPE: ${line}`);
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe("/metrics", () => {
  let app: RunningApp;
  let data: Awaited<ReturnType<typeof tempDataDir>>;

  beforeAll(async () => {
    data = await tempDataDir();
    app = await startApp({ env: testEnv(data.dir, { METRICS: "1", METRICS_TOKEN: TOKEN, KNOWLEDGE_WATCH: "0" }) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await data?.remove();
  });

  const scrape = async (): Promise<Sample[]> => {
    const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await res.text());
  };

  it("needs the bearer token", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("parses as Prometheus text and moves with questions, feedback and reloads", async () => {
    const before = await scrape();
    expect(value(before, "raadswijzer_knowledge_entries")).toBeGreaterThan(0);
    expect(
      before.some((s) => s.name === "raadswijzer_knowledge_info" && /^[0-9a-f]{12}$/.test(s.labels.version ?? "")),
    ).toBe(true);

    const ask = (q: string) =>
      fetch(`${app.url}/preview/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q }),
      });
    await ask("Hoe geeft de raad een zienswijze op de begroting van een GR?");
    await ask("Wat is het recept voor appeltaart?");
    await fetch(`${app.url}/preview/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ entryId: "zienswijze-begroting", helpful: false }),
    });
    await app.reloadKnowledge("test");

    const after = await scrape();
    const q = (status: string) =>
      value(after, "raadswijzer_questions_total", { status, platform: "preview" }) -
      value(before, "raadswijzer_questions_total", { status, platform: "preview" });
    expect(q("answer")).toBe(1);
    expect(q("unknown")).toBe(1);
    expect(
      value(after, "raadswijzer_ask_duration_seconds_count", { platform: "preview" }) -
        value(before, "raadswijzer_ask_duration_seconds_count", { platform: "preview" }),
    ).toBe(2);
    expect(value(after, "raadswijzer_ask_duration_seconds_bucket", { platform: "preview", le: "+Inf" })).toBe(
      value(after, "raadswijzer_ask_duration_seconds_count", { platform: "preview" }),
    );
    expect(value(after, "raadswijzer_feedback_total", { helpful: "false", platform: "preview" })).toBe(1);
    expect(
      value(after, "raadswijzer_knowledge_reloads_total", { result: "ok" }) -
        value(before, "raadswijzer_knowledge_reloads_total", { result: "ok" }),
    ).toBe(1);
    expect(value(after, "raadswijzer_store_errors_total")).toBe(0);
  });

  it("counts failed store calls and passes the error on", async () => {
    const counted: string[] = [];
    const failing = {
      recordFeedback: () => Promise.reject(new Error("db down")),
      ping: async () => false,
    } as unknown as Store;
    const store = countStoreErrors(failing, { storeError: (op) => counted.push(op) });
    await expect(store.recordFeedback({ entryId: "x", helpful: true, platform: "cli" })).rejects.toThrow("db down");
    expect(await store.ping()).toBe(false);
    expect(counted).toEqual(["recordFeedback"]);
  });
});

describe("store errors off the request path", () => {
  it("counts a failed batched write of the question log (the caller was answered before the write)", async () => {
    const client: SqlClient = {
      kind: "pglite",
      query: async (sql: string) => {
        if (sql.startsWith("INSERT INTO questions_asked")) throw new Error("disk full");
        return [];
      },
      transaction: async (fn) => fn(client),
      close: async () => undefined,
    };
    const sql = new SqlStore(client, {
      hashKey: "metrics-test-key-0123456789",
      retentionDays: 30,
      askedFlushMs: 5,
      logger: pino({ level: "silent" }),
    });
    const counted: string[] = [];
    const store = countStoreErrors(sql, { storeError: (op) => counted.push(op) });
    await store.recordAsked!({ status: "answer", entryId: "wgr", confidence: 1, platform: "slack" });
    expect(counted).toEqual([]);
    await vi.waitFor(() => expect(counted).toEqual(["recordAsked"]));
  });
});

describe("/metrics off by default", () => {
  it("is not served without METRICS=1", async () => {
    const data = await tempDataDir();
    const app = await startApp({ env: testEnv(data.dir, { KNOWLEDGE_WATCH: "0" }) });
    try {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    } finally {
      await app.close();
      await data.remove();
    }
  }, 120_000);
});
