// Signed `/samenwerken` slash commands for the Slack load benchmarks (bench/slack-load.ts, bench/slack-stepup.ts).
import { createHmac } from "node:crypto";
import type { LoadRequest } from "./load-generator.ts";

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";

/** One signed slash command, as Slack sends it (HMAC-SHA256 over `v0:{timestamp}:{body}`). */
export function signedCommand(
  text: string,
  timestamp: number,
  nonce = "1.2.3",
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: "unused",
    team_id: "TBENCH",
    team_domain: "bench",
    channel_id: "CBENCH001",
    channel_name: "raad",
    user_id: "UBENCHUSER",
    user_name: "bench",
    command: "/samenwerken",
    text,
    api_app_id: "ABENCH",
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: nonce,
  }).toString();
  const signature = `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
  };
}

/**
 * `count` commands cycling through `questions`, each signed anew (a unique trigger_id): the server answers a
 * replayed signature once and then with an empty 200, which would measure the replay guard instead of the bot.
 */
export function signedCommands(questions: readonly string[], count: number, tag: string): LoadRequest[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_v, i) => ({
    method: "POST" as const,
    path: "/slack/events",
    ...signedCommand(questions[i % questions.length]!, timestamp, `${tag}.${i}`),
  }));
}
