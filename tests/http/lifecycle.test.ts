// createHttpServer with fakes: body cap for routes that read the raw stream, /readyz when the store is down,
// graceful close (in-flight requests finish, then mounts stop, then the store closes).
import { request } from "node:http";
import { Router } from "express";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { loadConfig } from "../../src/config.ts";
import type { Mount } from "../../src/http/mount.ts";
import { createHttpServer, type HttpServer } from "../../src/http/server.ts";
import type { Store } from "../../src/store/port.ts";

const logger = pino({ level: "silent" });
const LIMIT = 1000;

function fakeStore(events: string[], pingOk: () => boolean): Store {
  const unused = () => Promise.reject(new Error("not used in this test"));
  return {
    recordFeedback: unused,
    firstSeen: unused,
    recordUnanswered: unused,
    startChecklistRun: unused,
    getChecklistRun: unused,
    setChecklistItem: unused,
    listUnanswered: unused,
    listFeedback: unused,
    purgeExpired: unused,
    ping: async () => pingOk(),
    close: async () => {
      events.push("store.close");
    },
  };
}

/** A mount that reads its body itself (like Bolt's receiver): raw stream, no limit of its own. */
function rawMount(events: string[]): Mount {
  const router = Router();
  router.post("/raw", (req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", () => res.json({ bytes }));
  });
  router.post("/paused", (req, res) => {
    // Reads with read() in paused mode instead of 'data' listeners.
    let bytes = 0;
    req.on("readable", () => {
      let chunk: Buffer | null;
      while ((chunk = req.read() as Buffer | null) !== null) bytes += chunk.length;
    });
    req.on("end", () => res.json({ bytes }));
  });
  router.get("/slow", (_req, res) => {
    setTimeout(() => {
      res.on("finish", () => events.push("response"));
      res.json({ done: true });
    }, 400);
  });
  return {
    name: "fake",
    path: "/fake",
    router,
    stop: async () => {
      events.push("mount.stop");
    },
  };
}

function send(port: number, path: string, bytes: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/octet-stream" };
    if (!chunked) headers["Content-Length"] = String(bytes);
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    // Several small writes, so that the server sees the body arrive in pieces.
    const piece = Buffer.alloc(100, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(piece.length, bytes - sent);
        sent += n;
        if (!req.write(piece.subarray(0, n))) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close({ graceMs: 0 });
  server = undefined;
});

async function start(events: string[], pingOk: () => boolean = () => true, knowledgeLoaded = () => true, log = logger) {
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    PREVIEW: "0",
    BODY_LIMIT_BYTES: String(LIMIT),
  });
  server = createHttpServer({
    config,
    logger: log,
    bot: {} as Bot,
    store: fakeStore(events, pingOk),
    mounts: [rawMount(events)],
    renderers: [],
    knowledgeLoaded,
  });
  return server.listen();
}

describe("body cap", () => {
  it("lets a body at the limit through to a mount that reads the raw stream", async () => {
    const { port } = await start([]);
    expect(await send(port, "/fake/raw", LIMIT, true)).toEqual({ status: 200, body: JSON.stringify({ bytes: LIMIT }) });
    expect(await send(port, "/fake/paused", LIMIT, false)).toEqual({
      status: 200,
      body: JSON.stringify({ bytes: LIMIT }),
    });
  });

  it("rejects a declared Content-Length over the limit before reading", async () => {
    const { port } = await start([]);
    const res = await send(port, "/fake/raw", LIMIT + 1, false).catch(() => ({ status: 413, body: "" }));
    expect(res.status).toBe(413);
  });

  it("counts streamed bytes of a chunked body ('data' listeners and read() alike)", async () => {
    const { port } = await start([]);
    const flowing = await send(port, "/fake/raw", LIMIT * 5, true);
    expect(flowing.status).toBe(413);
    expect(JSON.parse(flowing.body)).toMatchObject({ error: "payload_too_large" });
    const paused = await send(port, "/fake/paused", LIMIT * 5, true);
    expect(paused.status).toBe(413);
  });
});

describe("/readyz", () => {
  it("is 503 while the store does not answer its ping", async () => {
    let ok = false;
    const { url } = await start([], () => ok);
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "not_ready", checks: { store: false, knowledge: true } });
    ok = true;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it("is 503 when the knowledge base is not loaded", async () => {
    const { url } = await start(
      [],
      () => true,
      () => false,
    );
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("does not serve the preview when PREVIEW=0", async () => {
    const { url } = await start([]);
    expect((await fetch(`${url}/`)).status).toBe(404);
  });
});

describe("graceful close", () => {
  it("finishes in-flight requests, then stops mounts, then closes the store", async () => {
    const events: string[] = [];
    const { url } = await start(events);
    // "response" is recorded by the server when it has sent the slow response (the client may see it later).
    const inFlight = fetch(`${url}/fake/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 100));
    const closed = server!.close().then(() => events.push("closed"));
    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    await closed;
    expect(events).toEqual(["response", "mount.stop", "store.close", "closed"]);
    // No longer accepting connections.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe("request log", () => {
  it("logs method, path, status and duration (mounts at info, other routes at debug), without bodies or query strings", async () => {
    const lines: string[] = [];
    const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
    const { port, url } = await start(
      [],
      () => true,
      () => true,
      log,
    );
    await send(port, "/fake/raw?token=geheim", 20, false);
    await fetch(`${url}/nergens`);
    const parse = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "request");
    // The line is written when the response closes, which may be just after the client has it.
    await expect.poll(() => parse().length).toBe(2);
    const requests = parse();
    expect(requests).toContainEqual(
      expect.objectContaining({ method: "POST", path: "/fake/raw", status: 200, level: 30 }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ method: "GET", path: "/nergens", status: 404, level: 20 }),
    );
    expect(typeof requests[0]?.ms).toBe("number");
    expect(lines.join("")).not.toContain("geheim");
    expect(lines.join("")).not.toContain("aaaaaaaaaa");
  });
});
