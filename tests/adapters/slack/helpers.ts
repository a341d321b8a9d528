// Test helpers for the Slack adapter: a fake Slack Web API (plus response_url endpoint) on 127.0.0.1,
// request signing, builders for slash commands, events and interactions, and a small in-memory Bot.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Answer } from "../../../src/reply.ts";
import { createFakeBot as createSharedFakeBot, makeFakeAnswers } from "../../support/fake-bot.ts";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-test-token";
export const APP_TOKEN = "xapp-test-token";
export const BOT_USER_ID = "UBOT0001";
export const TEAM_ID = "T0000001";
export const USER_ID = "U0USER01";
/** A channel the fake Slack treats as one the bot is not in: chat.postEphemeral answers not_in_channel. */
export const NOT_IN_CHANNEL = "C0NOTIN01";

// ---------- fake Slack ----------

export interface SlackCall {
  /** Web API method ("chat.postMessage") or "response_url". */
  method: string;
  /** Form or JSON fields; JSON-encoded fields (blocks, view) are parsed. */
  body: Record<string, unknown>;
  /** Bearer token the call carried (Web API only). */
  token: string | null;
  /** For response_url posts: the id in the URL. */
  responseId?: string;
}

export interface FakeSlack {
  /** Base URL of the Web API, for SLACK_API_URL ("http://127.0.0.1:PORT/api/"). */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(id?: string): string;
  calls: SlackCall[];
  /** Calls of one method. */
  of(method: string): SlackCall[];
  /** Resolves when at least n calls of the method arrived (rejects after timeoutMs). */
  waitFor(method: string, n?: number, timeoutMs?: number): Promise<SlackCall[]>;
  /** Calls other than auth.test. */
  answers(): SlackCall[];
  /** The WebSocket URL apps.connections.open returns (Socket Mode). */
  socketUrl: string;
  reset(): void;
  close(): Promise<void>;
}

function parseFields(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === "string" && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v) as unknown;
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  let waiters: { check: () => boolean; resolve: () => void }[] = [];
  const record = (call: SlackCall): void => {
    calls.push(call);
    waiters = waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  };
  let ts = 1_700_000_000;
  const app = express();
  app.use(express.urlencoded({ extended: false, limit: "5mb" }));
  app.use(express.json({ limit: "5mb" }));
  app.post("/api/:method", (req, res) => {
    const method = String(req.params.method);
    const auth = req.headers.authorization;
    const body = parseFields(req.body);
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof body.token === "string" ? body.token : null;
    record({ method, body, token });
    if (method === "apps.connections.open" && token === APP_TOKEN) {
      res.json({ ok: true, url: fake.socketUrl });
      return;
    }
    if (token !== BOT_TOKEN) {
      res.json({ ok: false, error: "invalid_auth" });
      return;
    }
    switch (method) {
      case "auth.test":
        res.json({
          ok: true,
          url: "https://test.slack.com/",
          team: "Test",
          user: "raadswijzer",
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: "B0BOT001",
        });
        return;
      case "chat.postMessage":
        // A channel the bot was not invited to (a griffie channel set up wrongly).
        if (body.channel === NOT_IN_CHANNEL) res.json({ ok: false, error: "not_in_channel" });
        else res.json({ ok: true, channel: body.channel, ts: `${++ts}.000100`, message: { text: body.text } });
        return;
      case "conversations.open":
        res.json({ ok: true, channel: { id: `D${String(body.users ?? "X").slice(1)}` } });
        return;
      case "chat.postEphemeral":
        // A conversation the bot is not a member of (the message shortcut falls back to response_url).
        if (body.channel === NOT_IN_CHANNEL) res.json({ ok: false, error: "not_in_channel" });
        else res.json({ ok: true, message_ts: `${++ts}.000200` });
        return;
      case "chat.getPermalink":
        res.json({
          ok: true,
          channel: body.channel,
          permalink: `https://test.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace(".", "")}`,
        });
        return;
      default:
        res.json({ ok: true });
    }
  });
  app.post("/response/:id", (req, res) => {
    record({ method: "response_url", body: parseFields(req.body), token: null, responseId: String(req.params.id) });
    res.json({ ok: true });
  });
  app.use((req, res) => {
    res.status(404).json({ ok: false, error: `unexpected ${req.method} ${req.path}` });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  let responseSeq = 0;
  const of = (method: string) => calls.filter((c) => c.method === method);
  const fake: FakeSlack = {
    socketUrl: "ws://127.0.0.1:9/",
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id ?? `r${++responseSeq}`}`,
    calls,
    of,
    answers: () => calls.filter((c) => c.method !== "auth.test"),
    waitFor(method, n = 1, timeoutMs = 5000) {
      if (of(method).length >= n) return Promise.resolve(of(method));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${n} ${method} call(s), got ${of(method).length}: ${calls.map((c) => c.method).join(", ")}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          check: () => of(method).length >= n,
          resolve: () => {
            clearTimeout(timer);
            resolve(of(method));
          },
        });
      });
    },
    reset: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

// ---------- signed requests ----------

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedOptions {
  /** Signing secret (default the test secret). */
  secret?: string;
  /** Seconds since the epoch (default now). */
  timestamp?: number;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  opts: SignedOptions = {},
): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType, ...opts.headers };
  if (!opts.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(body, timestamp, opts.secret);
  }
  return fetch(url, { method: "POST", headers, body });
}

export function commandBody(
  command: string,
  text: string,
  responseUrl: string,
  extra: Record<string, string> = {},
): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    team_domain: "test",
    channel_id: "C0CHAN001",
    channel_name: "raad",
    user_id: USER_ID,
    user_name: "ambtenaar",
    command,
    text,
    api_app_id: "A0APP0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
    ...extra,
  }).toString();
}

export async function postCommand(
  eventsUrl: string,
  command: string,
  text: string,
  responseUrl: string,
  opts: SignedOptions = {},
): Promise<Response> {
  return postSigned(eventsUrl, commandBody(command, text, responseUrl), "application/x-www-form-urlencoded", opts);
}

let eventSeq = 0;

export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${Date.now()}${++eventSeq}`,
): Record<string, unknown> {
  return {
    token: "deprecated",
    team_id: TEAM_ID,
    api_app_id: "A0APP0001",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export async function postEvent(
  eventsUrl: string,
  envelope: Record<string, unknown>,
  opts: SignedOptions = {},
): Promise<Response> {
  return postSigned(eventsUrl, JSON.stringify(envelope), "application/json", opts);
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user: USER_ID,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts: "1700000100.000100",
    channel: "C0CHAN001",
    event_ts: "1700000100.000100",
    ...extra,
  };
}

export function dmEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    channel_type: "im",
    user: USER_ID,
    text,
    ts: "1700000200.000100",
    channel: "D0DM00001",
    event_ts: "1700000200.000100",
    ...extra,
  };
}

export interface ActionSpec {
  action_id: string;
  block_id?: string;
  value?: string;
  type?: "button" | "checkboxes";
  selected_options?: { value: string }[];
}

/** A block_actions payload, as Slack sends it for a click on one of our messages. */
export function blockActions(
  action: ActionSpec,
  where: {
    responseUrl?: string;
    ephemeral?: boolean;
    channel?: string;
    message?: Record<string, unknown>;
    home?: boolean;
  },
): Record<string, unknown> {
  const channel = where.channel ?? "C0CHAN001";
  const container = where.home
    ? { type: "view", view_id: "V0HOME001" }
    : {
        type: "message",
        message_ts: String(where.message?.ts ?? "1700000300.000100"),
        channel_id: channel,
        is_ephemeral: where.ephemeral ?? false,
      };
  return {
    type: "block_actions",
    user: { id: USER_ID, username: "ambtenaar", name: "ambtenaar", team_id: TEAM_ID },
    api_app_id: "A0APP0001",
    token: "deprecated",
    container,
    trigger_id: "1.2.3",
    team: { id: TEAM_ID, domain: "test" },
    is_enterprise_install: false,
    ...(where.home ? { view: { id: "V0HOME001", type: "home" } } : { channel: { id: channel, name: "raad" } }),
    ...(where.message ? { message: where.message } : {}),
    ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
    actions: [
      {
        type: action.type ?? "button",
        action_id: action.action_id,
        block_id: action.block_id ?? "b1",
        ...(action.value !== undefined ? { value: action.value } : {}),
        ...(action.selected_options ? { selected_options: action.selected_options } : {}),
        action_ts: "1700000301.000000",
      },
    ],
  };
}

export async function postAction(
  eventsUrl: string,
  payload: Record<string, unknown>,
  opts: SignedOptions = {},
): Promise<Response> {
  return postSigned(
    eventsUrl,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    "application/x-www-form-urlencoded",
    opts,
  );
}

/** A view_submission payload, as Slack sends it when a user submits one of our modals. */
export function viewSubmission(
  view: { callback_id: string; private_metadata?: string },
  values: Record<string, Record<string, Record<string, unknown>>>,
): Record<string, unknown> {
  return {
    type: "view_submission",
    team: { id: TEAM_ID, domain: "test" },
    user: { id: USER_ID, username: "ambtenaar", name: "ambtenaar", team_id: TEAM_ID },
    api_app_id: "A0APP0001",
    token: "deprecated",
    trigger_id: "4.5.6",
    view: {
      id: "V0MODAL01",
      team_id: TEAM_ID,
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? "",
      state: { values },
      hash: "1700000500.abcdef",
      blocks: [],
      title: { type: "plain_text", text: "x" },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

// ---------- block inspection ----------

export type Block = Record<string, unknown> & { type: string };

export function blocksOf(body: Record<string, unknown>): Block[] {
  const blocks = body.blocks ?? (body.view as Record<string, unknown> | undefined)?.blocks;
  if (!Array.isArray(blocks)) throw new Error(`no blocks in ${JSON.stringify(body).slice(0, 200)}`);
  return blocks as Block[];
}

/** Every text in the blocks (text objects, button labels, options). */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const obj = node as Record<string, unknown>;
      if ((obj.type === "mrkdwn" || obj.type === "plain_text") && typeof obj.text === "string") out.push(obj.text);
      for (const v of Object.values(obj)) if (typeof v === "object") walk(v);
    }
  };
  walk(blocks);
  return out.join("\n");
}

/** All interactive elements (buttons, checkboxes) in the blocks. */
export function elementsOf(blocks: Block[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of blocks) {
    if (b.type === "actions" && Array.isArray(b.elements)) out.push(...(b.elements as Record<string, unknown>[]));
    if (b.type === "section" && b.accessory) out.push(b.accessory as Record<string, unknown>);
    if (b.type === "input" && b.element) out.push({ ...(b.element as Record<string, unknown>), block_id: b.block_id });
  }
  return out;
}

export function findButton(blocks: Block[], actionPrefix: string, value?: string): Record<string, unknown> | undefined {
  return elementsOf(blocks).find(
    (e) =>
      e.type === "button" && String(e.action_id).startsWith(actionPrefix) && (value === undefined || e.value === value),
  );
}

// ---------- in-memory bot (tests/support/fake-bot.ts) ----------

/** 12 items, one of them long: more than Slack's 10 options per checkbox element. */
export const fakeAnswers: Answer[] = makeFakeAnswers(
  Array.from({ length: 12 }, (_v, i) => ({
    id: `checklist-uittreden#${i + 1}`,
    text:
      i === 1
        ? "De **kosten** van uittreden zijn bekend en zijn besproken met de andere deelnemers aan de regeling, inclusief frictiekosten"
        : `Punt ${i + 1} is nagelopen`,
  })),
);

export type { FakeBotCalls } from "../../support/fake-bot.ts";
export const createFakeBot = () => createSharedFakeBot(fakeAnswers);
