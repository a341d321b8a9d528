// The Slack app manifest and the handlers must match: every command and event in the manifest has a handler,
// every handler is declared in the manifest, and the scopes cover what the handlers call.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createSlackApp, SLACK_EVENTS_ENDPOINT, SLACK_PATH } from "../../../adapters/slack/index.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import { BOT_TOKEN, SIGNING_SECRET, createFakeBot } from "./helpers.ts";

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; should_escape: boolean }[];
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(await readFile("manifest/slack/manifest.yml", "utf8")) as Manifest;
const config = loadConfig({
  NODE_ENV: "test",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_API_URL: "http://127.0.0.1:9/api/",
});
const { registered, shortcuts } = createSlackApp({
  bot: createFakeBot(),
  config,
  logger: createLogger({ level: "silent" }),
});

describe("manifest/slack/manifest.yml", () => {
  it("declares exactly the slash commands that have handlers", () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...registered.commands].sort());
    expect(registered.commands.length).toBeGreaterThan(0);
  });

  it("subscribes to exactly the bot events that have handlers", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...registered.events].sort());
  });

  it("declares exactly the shortcuts that have handlers: the message shortcut Vraag Raadswijzer", () => {
    const declared = manifest.features.shortcuts ?? [];
    expect(declared.map((s) => s.callback_id).sort()).toEqual([...shortcuts].sort());
    const ask = declared.find((s) => s.callback_id === "vraag_raadswijzer");
    expect(ask).toMatchObject({ name: "Vraag Raadswijzer", type: "message" });
    // Slack's limits: callback_id ≤ 255, description ≤ 150 characters; shortcuts need interactivity on.
    for (const s of declared) {
      expect(s.callback_id.length).toBeLessThanOrEqual(255);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("sends commands, events and interactivity to /slack/events", () => {
    const endpoint = `${SLACK_PATH}${SLACK_EVENTS_ENDPOINT}`;
    expect(endpoint).toBe("/slack/events");
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(endpoint);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("has the scopes the handlers need, and no more", () => {
    const needed = new Set(["commands", "chat:write"]);
    const eventScopes: Record<string, string[]> = {
      app_mention: ["app_mentions:read"],
      "message.im": ["im:history", "im:read"],
      app_home_opened: [],
    };
    for (const e of registered.events) {
      expect(eventScopes[e], `scope list for event ${e}`).toBeDefined();
      for (const s of eventScopes[e] ?? []) needed.add(s);
    }
    // App Home buttons answer in the DM: conversations.open needs im:write.
    needed.add("im:write");
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it("enables the Home tab and keeps command text unescaped by Slack (should_escape: false)", () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    for (const c of manifest.features.slash_commands) {
      expect(c.should_escape).toBe(false);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
    expect(manifest.display_information.name).toBe("Raadswijzer Samenwerken");
  });
});
