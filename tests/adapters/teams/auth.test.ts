// Defect 4: a Bot Framework token that cannot be validated gets 401 (503 when the identity metadata is
// unreachable) with a generic body, one structured log line and nothing on stderr. Defect 5: anonymous mode
// answers only a loopback serviceUrl. Offline: the OpenID metadata URL points at loopback servers.
import { createSign, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsMount, type TeamsAuthOverrides } from "../../../adapters/teams/index.ts";
import { loadConfig } from "../../../src/config.ts";
import { createFakeBot, messageActivity, postActivity, startFakeConnector, type FakeConnector } from "./helpers.ts";

const APP_ID = "00000000-0000-0000-0000-00000000b075";

const b64url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = {
  ...(keys.publicKey.export({ format: "jwk" }) as Record<string, unknown>),
  kid: "k1",
  use: "sig",
  endorsements: ["msteams"],
};

function token(opts: { kid?: string; signWith?: typeof keys.privateKey; serviceUrl: string }): string {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: opts.kid ?? "k1" }));
  const now = Math.floor(Date.now() / 1000);
  const payload = b64url(
    JSON.stringify({
      iss: "https://api.botframework.com",
      aud: APP_ID,
      nbf: now - 60,
      exp: now + 600,
      serviceurl: opts.serviceUrl,
    }),
  );
  const signer = createSign("RSA-SHA256");
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${b64url(signer.sign(opts.signWith ?? keys.privateKey))}`;
}

interface Metadata {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

/** A loopback identity provider: /ok/* serves real metadata, /garbage/* returns nonsense. */
async function startMetadata(): Promise<Metadata> {
  const hits: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    hits.push(req.path);
    next();
  });
  app.get("/ok/:n/openid", (req, res) => {
    res.json({ issuer: "https://api.botframework.com", jwks_uri: `${base}/ok/${req.params.n}/keys` });
  });
  app.get("/ok/:n/keys", (_req, res) => {
    res.json({ keys: [jwk] });
  });
  app.get("/garbage/:n/openid", (_req, res) => {
    res.type("application/json").send("<html>not json");
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on loopback where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/openid`;
}

interface Running {
  url: string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

async function startTeams(env: Record<string, string>, auth: TeamsAuthOverrides = {}): Promise<Running> {
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  const config = loadConfig({ NODE_ENV: "test", ...env });
  const mount = await createTeamsMount({ bot: createFakeBot(), config, logger }, { auth });
  if (!mount) throw new Error("teams not mounted");
  const app = express();
  app.use(mount.path, mount.router);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${mount.path}`,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const authEnv = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "test-password" };

describe("Teams with authentication: tokens that cannot be validated", () => {
  let connector: FakeConnector;
  let metadata: Metadata;
  const stderr: string[] = [];
  beforeAll(async () => {
    connector = await startFakeConnector();
    metadata = await startMetadata();
  });
  afterAll(async () => {
    await connector?.close();
    await metadata?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    stderr.length = 0;
  });
  const watchStderr = () => {
    const record = (...args: unknown[]) => {
      stderr.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
    };
    vi.spyOn(console, "error").mockImplementation(record);
    vi.spyOn(console, "warn").mockImplementation(record);
  };

  const send = (url: string, bearer: string) =>
    postActivity(url, messageActivity("zienswijze", { serviceUrl: connector.url }), {
      authorization: `Bearer ${bearer}`,
    });

  it("metadata unreachable → 503 with a generic body, one log line, no stack trace; then backs off", async () => {
    const teams = await startTeams(authEnv, { ToBotFromChannelOpenIdMetadataUrl: await deadUrl() });
    try {
      watchStderr();
      const res = await send(teams.url, token({ serviceUrl: connector.url }));
      expect(res.status, JSON.stringify(teams.logs)).toBe(503);
      const body = await res.text();
      expect(body).toBe('{"error":"service unavailable"}');
      const lines = teams.logs.filter((l) => l.msg === "teams request not authenticated");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ reason: "identity metadata unreachable" });
      expect(stderr.join("\n")).not.toMatch(/\n\s+at /);
      expect(stderr).toEqual([]);
      // Within the back-off window the metadata is not fetched again; still 503.
      expect((await send(teams.url, token({ serviceUrl: connector.url }))).status).toBe(503);
      expect(connector.captured).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it("metadata that is not JSON → 503, generic body", async () => {
    const teams = await startTeams(authEnv, { ToBotFromChannelOpenIdMetadataUrl: `${metadata.base}/garbage/1/openid` });
    try {
      watchStderr();
      const res = await send(teams.url, token({ serviceUrl: connector.url }));
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('{"error":"service unavailable"}');
      expect(stderr.join("\n")).not.toMatch(/\n\s+at /);
    } finally {
      await teams.close();
    }
  });

  it("a token with an unknown key or a forged signature → 401; the metadata is fetched once and cached", async () => {
    const teams = await startTeams(authEnv, { ToBotFromChannelOpenIdMetadataUrl: `${metadata.base}/ok/2/openid` });
    try {
      watchStderr();
      metadata.hits.length = 0;
      for (const bearer of [
        token({ serviceUrl: connector.url, kid: "unknown" }),
        token({ serviceUrl: connector.url, signWith: otherKeys.privateKey }),
        token({ serviceUrl: connector.url, signWith: otherKeys.privateKey }),
        "e30.e30.", // {} . {} with no signature: an issuer that is not allowed
      ]) {
        const res = await send(teams.url, bearer);
        expect(res.status).toBe(401);
        expect(await res.text()).toBe('{"error":"unauthorized"}');
      }
      expect(metadata.hits.filter((p) => p.endsWith("/openid"))).toHaveLength(1);
      expect(stderr.join("\n")).not.toMatch(/\n\s+at /);
      expect(teams.logs.filter((l) => l.msg === "teams request not authenticated")).toHaveLength(4);
      expect(connector.captured).toEqual([]);
    } finally {
      await teams.close();
    }
  });
});

describe("Teams anonymous mode: serviceUrl", () => {
  it("answers a loopback serviceUrl and refuses any other (403, nothing sent)", async () => {
    const connector = await startFakeConnector();
    const teams = await startTeams({});
    try {
      for (const serviceUrl of [
        "https://attacker.example/",
        "http://10.0.0.8:3978/",
        "http://127.0.0.1.evil.example/",
        "file:///etc/passwd",
      ]) {
        const res = await postActivity(teams.url, messageActivity("zienswijze", { serviceUrl }));
        expect(res.status, serviceUrl).toBe(403);
      }
      const missing = messageActivity("zienswijze", { serviceUrl: connector.url });
      delete missing.serviceUrl;
      expect((await postActivity(teams.url, missing)).status).toBe(403);
      expect(connector.captured).toEqual([]);
      const ok = await postActivity(teams.url, messageActivity("zienswijze", { serviceUrl: connector.url }));
      expect(ok.status).toBe(200);
      await connector.waitFor(1);
    } finally {
      await teams.close();
      await connector.close();
    }
  });
});
