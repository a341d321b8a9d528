// Request ids and access logs: every line logged while a request is handled carries its id (taken from
// x-request-id when sane), platform routes get one info line per request, and no body text reaches the log.
import { Writable } from "node:stream";
import express, { Router } from "express";
import { afterEach, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { loadConfig } from "../../src/config.ts";
import type { Mount } from "../../src/http/mount.ts";
import { requestIdOf } from "../../src/http/request-log.ts";
import { createHttpServer, type HttpServer } from "../../src/http/server.ts";
import { createLogger, type Logger, wantsPretty } from "../../src/log.ts";
import type { Store } from "../../src/store/port.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

/** A logger that keeps its JSON lines in memory. */
function memoryLogger(level: string): { logger: Logger; lines: () => Line[]; text: () => string } {
  let text = "";
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const lines = () =>
    text
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Line);
  return { logger, lines, text: () => text };
}

/**
 * A platform-like mount that logs through the shared logger at several points of its async work. It reads the
 * body the way Bolt's receivers and body-parser do (async iteration / raw-body), not with bare 'data' listeners,
 * whose callbacks run in the socket's context.
 */
function loggingMount(logger: Logger): Mount {
  const router = Router();
  router.post("/events", (req, res, next) => {
    logger.info({ step: "sync" }, "mount step");
    void (async () => {
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      logger.info({ step: "body read", bytes }, "mount step");
      await sleep(Number(req.query.wait ?? 5));
      logger.info({ step: "after await" }, "mount step");
      res.json({ ok: true });
      setTimeout(() => logger.info({ step: "after the response" }, "mount step"), 5);
    })().catch(next);
  });
  router.post("/parsed", express.text(), (req, res) => {
    logger.info({ step: "parsed", chars: String(req.body).length }, "mount step");
    res.json({ ok: true });
  });
  return { name: "fake", path: "/fake", router };
}

const fakeStore = { ping: async () => true, close: async () => undefined } as unknown as Store;
const fakeBot = {} as Bot;

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close({ graceMs: 0 });
  server = undefined;
});

async function start(level: string) {
  const log = memoryLogger(level);
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", PREVIEW: "0" });
  server = createHttpServer({
    config,
    logger: log.logger,
    bot: fakeBot,
    store: fakeStore,
    mounts: [loggingMount(log.logger)],
    renderers: [],
    knowledgeLoaded: () => true,
  });
  const { url } = await server.listen();
  return { url, ...log };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body });

describe("request ids", () => {
  it("takes x-request-id, echoes it and puts it on every line of the request, also after awaits and timers", async () => {
    const { url, lines, text } = await start("info");
    const res = await post(`${url}/fake/events`, "geheime vraag van een gebruiker", { "x-request-id": "proxy-7f3a.1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("proxy-7f3a.1");
    await sleep(50);

    const steps = lines().filter((l) => l.msg === "mount step");
    expect(steps.map((l) => l.step)).toEqual(["sync", "body read", "after await", "after the response"]);
    for (const line of steps) expect(line.reqId, String(line.step)).toBe("proxy-7f3a.1");
    expect(text()).not.toContain("geheime vraag");

    await post(`${url}/fake/parsed`, "vraag", { "x-request-id": "parsed-1" });
    await sleep(20);
    expect(lines().find((l) => l.step === "parsed")).toMatchObject({ reqId: "parsed-1", chars: 5 });
  });

  it("generates an id when there is none or when it is not safe to log, and keeps concurrent requests apart", async () => {
    const { url, lines } = await start("info");
    const [slow, fast, forged, long] = await Promise.all([
      post(`${url}/fake/events?wait=80`, "a"),
      post(`${url}/fake/events?wait=1`, "b"),
      post(`${url}/fake/events`, "c", { "x-request-id": 'x" "level":60' }),
      post(`${url}/fake/events`, "d", { "x-request-id": "a".repeat(200) }),
    ]);
    const ids = [slow, fast, forged, long].map((r) => r.headers.get("x-request-id") ?? "");
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(4);
    await sleep(50);

    // Each request's four lines carry its own id, although the slow one's lines interleave with the others.
    for (const id of ids) {
      expect(lines().filter((l) => l.msg === "mount step" && l.reqId === id)).toHaveLength(4);
    }
  });

  it("leaves lines outside a request without an id", async () => {
    const { logger, lines } = memoryLogger("info");
    logger.info("start-up");
    expect(lines()[0]).not.toHaveProperty("reqId");
  });

  it("accepts only short ids of safe characters", () => {
    expect(requestIdOf("abc-123_x.y:z@w/+=")).toBe("abc-123_x.y:z@w/+=");
    expect(requestIdOf(["first", "second"])).toBe("first");
    for (const bad of [undefined, "", "met spatie", "a\nb", "<script>", "x".repeat(129)])
      expect(requestIdOf(bad)).toMatch(UUID);
  });
});

describe("access log", () => {
  it("writes one info line per platform request: method, path, status, ms, request id; no body, no query", async () => {
    const { url, lines } = await start("info");
    await post(`${url}/fake/events?token=abc`, "tekst van de gebruiker", { "x-request-id": "r-1" });
    await fetch(`${url}/healthz`);
    await sleep(50);

    const access = lines().filter((l) => l.msg === "request");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, reqId: "r-1", method: "POST", path: "/fake/events", status: 200 });
    expect(typeof access[0]!.ms).toBe("number");
    expect(Object.keys(access[0]!).sort()).toEqual([
      "hostname",
      "level",
      "method",
      "ms",
      "msg",
      "path",
      "pid",
      "reqId",
      "status",
      "time",
    ]);
  });

  it("logs other routes (health checks, preview) only at debug level", async () => {
    const { url, lines } = await start("debug");
    await fetch(`${url}/healthz`, { headers: { "x-request-id": "h-1" } });
    await sleep(50);
    expect(lines().filter((l) => l.msg === "request")).toEqual([
      expect.objectContaining({ level: 20, reqId: "h-1", method: "GET", path: "/healthz", status: 200 }),
    ]);
  });
});

describe("log format", () => {
  it("is pretty only for development on a terminal; JSON lines into files and pipes", () => {
    expect(wantsPretty({ pretty: true, isTTY: true })).toBe(true);
    expect(wantsPretty({ pretty: true, isTTY: false })).toBe(false);
    expect(wantsPretty({ pretty: true, isTTY: undefined })).toBe(false);
    expect(wantsPretty({ pretty: false, isTTY: true })).toBe(false);
  });
});
