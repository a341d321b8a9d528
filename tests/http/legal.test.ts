// The privacy statement and terms of use over real HTTP: served also in production (where the preview is off),
// built from configuration (operator, contact, retention), and HTML-escaped.
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { loadConfig } from "../../src/config.ts";
import { privacyPage } from "../../src/http/legal/content.ts";
import { legalInfoOf, legalRouter } from "../../src/http/legal/router.ts";
import { tempDataDir, testEnv } from "./helpers.ts";

const START_TIMEOUT = 180_000;

describe("privacy and terms pages in production", () => {
  let app: RunningApp;
  let data: Awaited<ReturnType<typeof tempDataDir>>;

  beforeAll(async () => {
    data = await tempDataDir();
    app = await startApp({
      env: testEnv(data.dir, {
        NODE_ENV: "production",
        MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
        MicrosoftAppPassword: "test-password",
        STORE_HASH_KEY: "0123456789abcdef0123456789abcdef",
        OPERATOR_NAME: "Griffie <Gemeente> Voorbeeld & Co",
        OPERATOR_CONTACT: "privacy@voorbeeld.nl",
        RETENTION_DAYS: "90",
      }),
    });
  }, START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await data?.remove();
  });

  it("serves /privacy in Dutch with the operator, the contact, and the retention period", async () => {
    const res = await fetch(`${app.url}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("<h1>Privacyverklaring Raadswijzer Samenwerken</h1>");
    // The operator's name is escaped, never markup.
    expect(html).toContain("Griffie &lt;Gemeente&gt; Voorbeeld &amp; Co");
    expect(html).not.toContain("<Gemeente>");
    expect(html).toContain('<a href="mailto:privacy@voorbeeld.nl">privacy@voorbeeld.nl</a>');
    expect(html).toContain("De bewaartermijn is 90 dagen.");
    expect(html).toMatch(/<main>[\s\S]*<\/main>/);
    expect(html).toContain('href="/voorwaarden"');
    // In production the preview page is off, so "/" is not served.
    expect((await fetch(`${app.url}/`)).status).toBe(404);
  });

  it("serves /voorwaarden with the operator and a link back to /privacy", async () => {
    const res = await fetch(`${app.url}/voorwaarden`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Gebruiksvoorwaarden Raadswijzer Samenwerken</h1>");
    expect(html).toContain("aangeboden door Griffie &lt;Gemeente&gt; Voorbeeld &amp; Co.");
    expect(html).toContain("Geen juridisch advies");
    expect(html).toContain('href="/privacy"');
    expect(html).toContain("mailto:privacy@voorbeeld.nl");
  });

  it("answers HEAD and refuses other methods with a 404, not a 5xx", async () => {
    expect((await fetch(`${app.url}/privacy`, { method: "HEAD" })).status).toBe(200);
    const post = await fetch(`${app.url}/privacy`, { method: "POST", body: "x" });
    expect(post.status).toBe(404);
  });
});

describe("privacy page defaults (no operator configured)", () => {
  // Only the legal router on a loopback server: starting the whole app a second time costs seconds.
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: "test", OPERATOR_CONTACT: "https://voorbeeld.nl/contact?a=1&b=2" });
    server = express().use(legalRouter(config)).listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it("names the default operator, links an https contact escaped, and uses RETENTION_DAYS' default", async () => {
    const html = await (await fetch(`${url}/privacy`)).text();
    expect(html).toContain("wordt beheerd door de griffie van uw gemeente.");
    expect(html).toContain(
      '<a href="https://voorbeeld.nl/contact?a=1&amp;b=2">https://voorbeeld.nl/contact?a=1&amp;b=2</a>',
    );
    expect(html).toContain("De bewaartermijn is 180 dagen.");
    // Follow-up questions: what the conversation context keeps, and for how long (FOLLOW_UP_MINUTES, default 30).
    expect(html).toContain("<h2>Vervolgvragen</h2>");
    expect(html).toContain("Dit wordt 30 minuten na het laatste antwoord in dat gesprek vergeten");
  });

  it("says nothing about follow-up questions when FOLLOW_UP_MINUTES=0, and the minutes when set", () => {
    const off = privacyPage(legalInfoOf(loadConfig({ NODE_ENV: "test", FOLLOW_UP_MINUTES: "0" })));
    expect(off.sections.map((s) => s.heading)).not.toContain("Vervolgvragen");
    const on = privacyPage(legalInfoOf(loadConfig({ NODE_ENV: "test", FOLLOW_UP_MINUTES: "1" })));
    expect(JSON.stringify(on.sections.find((s) => s.heading === "Vervolgvragen"))).toContain("Dit wordt 1 minuut na");
  });

  it("says what the 👎 reasons and the hand-offs to the griffie store, and that they are purged too", async () => {
    const html = await (await fetch(`${url}/privacy`)).text();
    expect(html).toContain("de reden (onjuist, onvolledig, verouderd, niet mijn vraag of anders)");
    expect(html).toContain("Vragen die u zelf doorstuurt naar de griffie (&quot;Vraag het de griffie&quot;)");
    expect(html).toContain("Er wordt niets doorgestuurd voordat u op Versturen klikt.");
    expect(html).toContain(
      "vragen die naar de griffie zijn doorgestuurd (beantwoord of niet) worden na 180 dagen verwijderd",
    );
  });
});

describe("OPERATOR_CONTACT validation", () => {
  it("accepts an e-mail address or an https URL and refuses anything else by name", () => {
    expect(loadConfig({ NODE_ENV: "test", OPERATOR_CONTACT: "avg@gemeente.nl" }).OPERATOR_CONTACT).toBe(
      "avg@gemeente.nl",
    );
    expect(loadConfig({ NODE_ENV: "test", OPERATOR_CONTACT: "" }).OPERATOR_CONTACT).toBeUndefined();
    for (const bad of ["http://gemeente.nl", "javascript:alert(1)", "griffie"]) {
      expect(() => loadConfig({ NODE_ENV: "test", OPERATOR_CONTACT: bad })).toThrow(
        /OPERATOR_CONTACT: must be an e-mail address or an https:\/\/ URL/,
      );
    }
  });
});
