// Test helpers for the Teams adapter: a local fake Bot Framework connector, activity builders and a
// small in-memory Bot (for unit tests that must not depend on the knowledge base's wording).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Answer, Reply } from "../../../src/reply.ts";
import type { ChecklistProgress } from "../../../src/core/bot.ts";
import { createFakeBot as createSharedFakeBot, makeFakeAnswers } from "../../support/fake-bot.ts";

// ---------- fake connector ----------

export interface CapturedActivity {
  method: "POST" | "PUT";
  conversationId: string;
  /** replyToId for POST .../activities/:id, the updated activity's id for PUT. */
  activityId?: string;
  body: Record<string, unknown>;
}

export interface FakeConnector {
  url: string;
  captured: CapturedActivity[];
  /** Resolves when at least n activities were captured (or rejects after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<CapturedActivity[]>;
  close(): Promise<void>;
}

/** An express server on 127.0.0.1 that answers the Bot Framework connector API the way Teams does. */
export async function startFakeConnector(
  opts: {
    /** Members per conversation id for GET .../pagedmembers (TeamsInfo.getPagedMembers); absent: 404. */
    members?: (conversationId: string) => { id: string; name?: string }[];
    /** Counts the member requests per conversation id. */
    memberRequests?: Map<string, number>;
    /** While this returns true, activity POSTs are taken in but never answered (a hanging connector). */
    hang?: () => boolean;
  } = {},
): Promise<FakeConnector> {
  const captured: CapturedActivity[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  let counter = 0;
  const record = (entry: CapturedActivity): void => {
    captured.push(entry);
    for (const w of [...waiters]) {
      if (captured.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  app.post(["/v3/conversations/:id/activities", "/v3/conversations/:id/activities/:replyTo"], (req, res) => {
    if (opts.hang?.()) return;
    record({
      method: "POST",
      conversationId: String(req.params.id),
      ...(req.params.replyTo ? { activityId: String(req.params.replyTo) } : {}),
      body: req.body as Record<string, unknown>,
    });
    res.status(200).json({ id: `sent-${++counter}` });
  });
  app.put("/v3/conversations/:id/activities/:activityId", (req, res) => {
    record({
      method: "PUT",
      conversationId: String(req.params.id),
      activityId: String(req.params.activityId),
      body: req.body as Record<string, unknown>,
    });
    res.status(200).json({ id: String(req.params.activityId) });
  });
  if (opts.members) {
    const members = opts.members;
    app.get("/v3/conversations/:id/pagedmembers", (req, res) => {
      const id = String(req.params.id);
      opts.memberRequests?.set(id, (opts.memberRequests.get(id) ?? 0) + 1);
      const pageSize = Number(req.query.pageSize ?? 100);
      const all = members(id);
      res.json({
        members: all.slice(0, pageSize),
        ...(all.length > pageSize ? { continuationToken: "next-page" } : {}),
      });
    });
  }
  app.use((req, res) => {
    res.status(404).json({ error: `unexpected ${req.method} ${req.path}` });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    captured,
    waitFor(n, timeoutMs = 5000) {
      if (captured.length >= n) return Promise.resolve(captured);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${n} activities, got ${captured.length}`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(captured);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------- activities ----------

export const BOT_ID = "28:raadswijzer-bot";
export const USER = { id: "29:user-1", name: "Raadslid", aadObjectId: "00000000-0000-0000-0000-0000000000a1" };

let seq = 0;

export interface ActivityOptions {
  serviceUrl: string;
  conversationType?: "personal" | "channel" | "groupChat";
  conversationId?: string;
}

function base(opts: ActivityOptions): Record<string, unknown> {
  const conversationType = opts.conversationType ?? "personal";
  return {
    id: `incoming-${++seq}`,
    channelId: "msteams",
    serviceUrl: opts.serviceUrl,
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: { id: BOT_ID, name: "Raadswijzer" },
    conversation: {
      id: opts.conversationId ?? `a:conv-${conversationType}`,
      conversationType,
      ...(conversationType === "channel" ? { isGroup: true } : {}),
    },
    channelData: { tenant: { id: "tenant-1" } },
    locale: "nl-NL",
  };
}

export function messageActivity(text: string, opts: ActivityOptions): Record<string, unknown> {
  return { ...base(opts), type: "message", text, textFormat: "plain" };
}

/** A channel message that @mentions the bot, as Teams sends it (mention markup in text + mention entity). */
export function mentionActivity(question: string, opts: ActivityOptions): Record<string, unknown> {
  const mention = "<at>Raadswijzer</at>";
  return {
    ...base({ ...opts, conversationType: opts.conversationType ?? "channel" }),
    type: "message",
    text: `${mention} ${question}`,
    entities: [{ type: "mention", text: mention, mentioned: { id: BOT_ID, name: "Raadswijzer" } }],
  };
}

export function submitActivity(
  value: Record<string, unknown>,
  replyToId: string,
  opts: ActivityOptions,
): Record<string, unknown> {
  return { ...base(opts), type: "message", value, replyToId };
}

export function executeInvoke(
  verb: string,
  data: Record<string, unknown>,
  replyToId: string,
  opts: ActivityOptions,
): Record<string, unknown> {
  return {
    ...base(opts),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId,
    value: { action: { type: "Action.Execute", id: "a1", verb, data }, trigger: "manual" },
  };
}

export function searchInvoke(query: string | null, opts: ActivityOptions): Record<string, unknown> {
  const parameters = query === null ? [{ name: "initialRun", value: "true" }] : [{ name: "zoekterm", value: query }];
  return {
    ...base(opts),
    type: "invoke",
    name: "composeExtension/query",
    value: { commandId: "zoeken", parameters, queryOptions: { skip: 0, count: 25 } },
  };
}

export function membersAddedActivity(memberIds: string[], opts: ActivityOptions): Record<string, unknown> {
  return {
    ...base(opts),
    type: "conversationUpdate",
    membersAdded: memberIds.map((id) => ({ id })),
    channelData: { tenant: { id: "tenant-1" }, eventType: "teamMemberAdded" },
  };
}

export async function postActivity(
  url: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(activity),
  });
}

// ---------- card inspection ----------

export interface CardJson {
  type: string;
  version: string;
  body: Record<string, unknown>[];
}

/** The Adaptive Card in a captured activity (or an activity body). */
export function cardOf(activity: Record<string, unknown>): CardJson {
  const attachments = activity.attachments as { contentType: string; content: CardJson }[] | undefined;
  const att = attachments?.[0];
  if (!att || att.contentType !== "application/vnd.microsoft.card.adaptive")
    throw new Error("no adaptive card in activity");
  return att.content;
}

/** Every string in the card (text, titles), for simple content assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === "string") out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) if (k === "text" || k === "title") walk(v);
      for (const [k, v] of Object.entries(node)) if (k !== "text" && k !== "title" && typeof v === "object") walk(v);
    }
  };
  walk(card);
  return out.join("\n");
}

/** All actions anywhere in the card (ActionSets, fallbacks excluded). */
export function cardActions(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const obj = node as Record<string, unknown>;
      if (obj.type === "ActionSet" && Array.isArray(obj.actions))
        out.push(...(obj.actions as Record<string, unknown>[]));
      for (const [k, v] of Object.entries(obj)) if (k !== "fallback" && k !== "actions") walk(v);
      if (Array.isArray(obj.actions))
        for (const a of obj.actions as unknown[]) walk((a as Record<string, unknown>).card);
    }
  };
  walk(card);
  return out;
}

/** The entry id an answer card is about (from its feedback action). */
export function entryIdOfCard(card: unknown): string | null {
  const fb = cardActions(card).find(
    (a) => a.type === "Action.Execute" && (a.data as Record<string, unknown>).action === "feedback",
  );
  return fb ? String((fb.data as Record<string, unknown>).entryId) : null;
}

// ---------- in-memory bot (tests/support/fake-bot.ts) ----------

export const fakeAnswers: Answer[] = makeFakeAnswers([
  { id: "checklist-uittreden#1", text: "De uittredingsregeling in de GR is gelezen" },
  { id: "checklist-uittreden#2", text: "De **kosten** van uittreden zijn bekend" },
  { id: "checklist-uittreden#3", text: "De gevolgen voor de dienstverlening zijn in beeld" },
]);

export type { FakeBotCalls } from "../../support/fake-bot.ts";
export const createFakeBot = () => createSharedFakeBot(fakeAnswers);

/** A checklist run's progress for a checklist reply, with the items at the given 1-based positions ticked. */
export function progressFor(reply: Reply, tickedPositions: readonly number[]): ChecklistProgress {
  const items = (reply.answer?.items ?? []).map((i, idx) => ({
    id: i.id,
    text: i.text,
    checked: tickedPositions.includes(idx + 1),
  }));
  const now = new Date();
  return {
    run: {
      runId: "run-1",
      checklistId: reply.answer!.id,
      context: "teams:c",
      ticked: [],
      createdAt: now,
      updatedAt: now,
    },
    title: reply.answer!.title,
    items,
    done: items.filter((i) => i.checked).length,
    total: items.length,
  };
}
