// The whole app through HTTP: startApp on a free loopback port with a temporary DATA_DIR.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { startApp } from "../../app/start.ts";
import { useTestApp } from "./app-fixture.ts";
import { FIXTURE_CHECKLIST, FIXTURE_TOPIC, tempDataDir, testEnv } from "./helpers.ts";

const START_TIMEOUT = 180_000;

/** Sends a body in chunks without Content-Length (Transfer-Encoding: chunked); resolves with the status. */
function postChunked(url: string, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "Content-Type": "application/json" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", (err) => reject(err));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("server (startApp)", () => {
  const server = useTestApp();
  const post = (path: string, body: unknown) =>
    fetch(server().url + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("listens on a free loopback port", () => {
    expect(server().port).toBeGreaterThan(0);
    expect(server().url).toBe(`http://127.0.0.1:${server().port}`);
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${server().url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "alive" });
    const ready = await fetch(`${server().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { knowledge: true, store: true } });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await fetch(`${server().url}/bestaat-niet`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: "not_found" });
    expect((await fetch(`${server().url}/preview/api/nope`, { method: "POST" })).status).toBe(404);
  });

  it("rejects a 2 MB body with 413, also on a platform mount", async () => {
    const big = JSON.stringify({ q: "x".repeat(2 * 1024 * 1024) });
    const res = await fetch(`${server().url}/preview/api/ask`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: big,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("payload_too_large");
    expect(body.message).toMatch(/te groot/);
    const mount = await fetch(`${server().url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: big,
    });
    expect(mount.status).toBe(413);
  });

  it("rejects a streamed (chunked) body over the limit with 413", async () => {
    const res = await postChunked(`${server().url}/preview/api/ask`, 2 * 1024 * 1024);
    expect(res.status).toBe(413);
    // The server survives and keeps answering.
    expect((await fetch(`${server().url}/healthz`)).status).toBe(200);
  });

  it("answers malformed JSON with 400 and a Dutch message, without a stack trace", async () => {
    const res = await fetch(`${server().url}/preview/api/ask`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"q": "zienswijze',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: "invalid_json" });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(text).toMatch(/geldige JSON/);
  });

  it("validates preview input with Dutch messages", async () => {
    const empty = await post("/preview/api/ask", { q: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: "invalid_input", message: "Vul een vraag in." });
    const feedback = await post("/preview/api/feedback", { entryId: FIXTURE_TOPIC, helpful: "ja" });
    expect(feedback.status).toBe(400);
    const unknown = await post("/preview/api/feedback", { entryId: "bestaat-niet", helpful: true });
    expect(unknown.status).toBe(404);
    const badRun = await fetch(`${server().url}/preview/api/runs/onbekende-run`);
    expect(badRun.status).toBe(404);
  });

  it("serves the preview page and the Adaptive Cards library", async () => {
    const page = await fetch(`${server().url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<label for="vraag">');
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const lib = await fetch(`${server().url}/preview/vendor/adaptivecards.min.js`);
    expect(lib.status).toBe(200);
    expect(await lib.text()).toContain("AdaptiveCard");
    expect((await fetch(`${server().url}/preview/assets/preview.js`)).status).toBe(200);
  });

  it("round-trips the preview API: ask, entry, renderings, feedback", async () => {
    const res = await post("/preview/api/ask", { q: "Hoe geeft de raad een zienswijze op de begroting van een GR?" });
    expect(res.status).toBe(200);
    const data = (await res.json()) as {
      reply: { status: string; answer: { id: string } | null };
      html: string;
      renderings: Record<string, { payload: unknown; html?: string }>;
    };
    expect(data.reply.status).toBe("answer");
    expect(data.reply.answer?.id).toBe(FIXTURE_TOPIC);
    expect(data.html).toContain("<strong>ontwerpbegroting</strong>");
    expect(data.renderings.teams?.payload).toMatchObject({ type: "AdaptiveCard" });
    expect(data.renderings.slack).toBeDefined();

    const entry = await fetch(`${server().url}/preview/api/entry/rol-van-de-raad`);
    expect(entry.status).toBe(200);
    expect(await entry.json()).toMatchObject({ reply: { status: "answer", answer: { id: "rol-van-de-raad" } } });
    expect((await fetch(`${server().url}/preview/api/entry/bestaat-niet`)).status).toBe(404);

    const help = (await (await fetch(`${server().url}/preview/api/help`)).json()) as {
      reply: { status: string };
      messages: { botName: string };
    };
    expect(help.reply.status).toBe("help");
    expect(help.messages.botName).toBe("Raadswijzer Samenwerken");

    const fb = await post("/preview/api/feedback", { entryId: FIXTURE_TOPIC, helpful: true, comment: "duidelijk" });
    expect(fb.status).toBe(201);
    const stored = await server().store.listFeedback();
    expect(stored).toContainEqual(
      expect.objectContaining({ entryId: FIXTURE_TOPIC, helpful: true, platform: "preview" }),
    );
  });

  it("round-trips a checklist run: start, tick, progress, reopen, export", async () => {
    const list = (await (await fetch(`${server().url}/preview/api/checklists`)).json()) as {
      checklists: { id: string; itemCount: number }[];
    };
    expect(list.checklists).toContainEqual(expect.objectContaining({ id: FIXTURE_CHECKLIST, itemCount: 4 }));

    const started = await post(`/preview/api/checklists/${FIXTURE_CHECKLIST}/runs`, { userId: "test-user-1" });
    expect(started.status).toBe(201);
    const run = (await started.json()) as {
      progress: { run: { runId: string }; items: { id: string }[]; label: string };
    };
    expect(run.progress.label).toBe("0 van 4 afgevinkt");
    const runId = run.progress.run.runId;
    const firstItem = run.progress.items[0]!.id;

    const ticked = await post(`/preview/api/runs/${encodeURIComponent(runId)}/items`, {
      itemId: firstItem,
      checked: true,
      userId: "test-user-1",
    });
    expect(ticked.status).toBe(200);
    expect(await ticked.json()).toMatchObject({ progress: { done: 1, total: 4, label: "1 van 4 afgevinkt" } });

    const badItem = await post(`/preview/api/runs/${encodeURIComponent(runId)}/items`, {
      itemId: "x#99",
      checked: true,
      userId: "test-user-1",
    });
    expect(badItem.status).toBe(400);

    // Reopening the same checklist as the same user gives the same run (what a reload shows).
    const again = (await (
      await post(`/preview/api/checklists/${FIXTURE_CHECKLIST}/runs`, { userId: "test-user-1" })
    ).json()) as {
      progress: { run: { runId: string }; done: number };
    };
    expect(again.progress.run.runId).toBe(runId);
    expect(again.progress.done).toBe(1);
    const fetched = await fetch(`${server().url}/preview/api/runs/${encodeURIComponent(runId)}`);
    expect(await fetched.json()).toMatchObject({ progress: { done: 1 }, reply: { answer: { id: FIXTURE_CHECKLIST } } });

    const exported = await fetch(`${server().url}/preview/api/runs/${encodeURIComponent(runId)}/export?download=1`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/markdown");
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    const markdown = await exported.text();
    expect(markdown).toContain("Checklist uittreden");
    expect(markdown).toMatch(/\[x\][^\n]*uittredingsbepaling/i);
  });
});

describe("preview in production", () => {
  it(
    "is not served when NODE_ENV=production and PREVIEW is unset",
    async () => {
      const data = await tempDataDir();
      const app = await startApp({
        env: testEnv(data.dir, {
          NODE_ENV: "production",
          MicrosoftAppId: "00000000-0000-0000-0000-000000000000",
          MicrosoftAppPassword: "not-a-real-secret",
          STORE_HASH_KEY: "0123456789abcdef0123456789abcdef",
        }),
      });
      try {
        expect((await fetch(`${app.url}/`)).status).toBe(404);
        expect((await fetch(`${app.url}/preview/api/checklists`)).status).toBe(404);
        expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      } finally {
        await app.close();
        await data.remove();
      }
    },
    START_TIMEOUT,
  );
});
