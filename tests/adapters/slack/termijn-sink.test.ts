// The Slack reminder poster gives up on a Slack API that never answers (each attempt times out), so the sent-log
// transaction it runs in is released and the reminder is retried on the next run instead of hanging.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it } from "vitest";
import { slackReminderSink } from "../../../adapters/slack/termijn.ts";
import type { Reminder } from "../../../src/termijnen/herinneringen.ts";
import { loadRegister, registerTermijnen } from "../../../src/termijnen/register.ts";

let requests = 0;
const hanging = createServer(() => {
  requests++; // never answers
});
await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
afterAll(() => {
  hanging.closeAllConnections();
  hanging.close();
});

it("a post to a hanging Slack API fails after its attempts time out", async () => {
  const register = await loadRegister("knowledge/register/voorbeeld-register.yml");
  const [termijn] = registerTermijnen(register, "2027-01-01");
  const reminder: Reminder = { key: "k", dagenVooraf: 7, termijn: termijn!, tekst: "Herinnering" };
  const { port } = hanging.address() as AddressInfo;
  const sink = slackReminderSink(
    { SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: `http://127.0.0.1:${port}/api/` },
    "C0HANG",
    // Production's two retries, without its one- and two-second pauses between them.
    { timeoutMs: 200, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 10 } },
  );
  const started = Date.now();
  await expect(sink.post(reminder)).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(requests).toBe(3); // the first attempt and both retries
}, 20_000);
