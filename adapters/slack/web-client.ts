// A Slack Web API client of its own, for messages the bot sends outside a request (reminders, hand-offs to the
// griffie). SLACK_API_URL points it at another API (the tests' fake Slack API).
import { webApi } from "@slack/bolt";

export interface WebClientConfig {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_API_URL?: string | undefined;
}

export interface SlackClientOptions {
  /** Milliseconds an attempt may take (default 10 s). */
  timeoutMs?: number;
  /** When to try again (default: two more attempts, after about one and two seconds). */
  retryConfig?: webApi.RetryOptions;
}

/**
 * Each attempt gives up after `timeoutMs` (the library's default is to wait forever; a reminder is posted inside
 * the sent-log transaction, so a hanging Slack must not hold it open).
 */
export function slackWebClient(
  config: WebClientConfig,
  { timeoutMs = 10_000, retryConfig = { retries: 2 } }: SlackClientOptions = {},
): InstanceType<typeof webApi.WebClient> {
  const base = config.SLACK_API_URL;
  const apiUrl = base ? (base.endsWith("/") ? base : `${base}/`) : undefined;
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig,
    timeout: timeoutMs,
  });
}
