// Step-up bench target: the smallest Bolt app that answers the signed /samenwerken command with a fixed text: the
// framework's own limit on this machine. RECEIVER=http (Bolt's HTTPReceiver on node:http) or express
// (ExpressReceiver, as our app uses). PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL from the environment.
import { App, ExpressReceiver, HTTPReceiver, LogLevel } from "@slack/bolt";

const signingSecret = process.env.SLACK_SIGNING_SECRET!;
const port = Number(process.env.PORT);
const clientOptions = { slackApiUrl: process.env.SLACK_API_URL };
const receiver =
  process.env.RECEIVER === "express"
    ? new ExpressReceiver({ signingSecret, processBeforeResponse: false })
    : new HTTPReceiver({ signingSecret, processBeforeResponse: false });
const app = new App({
  receiver,
  // Like our app: the token without a per-request auth.test.
  authorize: async () => ({ botToken: process.env.SLACK_BOT_TOKEN!, botUserId: "UBENCHBOT", teamId: "TBENCH" }),
  clientOptions,
  logLevel: LogLevel.ERROR,
});
app.command("/samenwerken", async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "Dit is een vast antwoord." });
});
if (receiver instanceof ExpressReceiver) {
  const server = receiver.app.listen(port, "127.0.0.1", () => console.log("listening"));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
} else {
  await app.start({ port, host: "127.0.0.1" });
  console.log("listening");
  process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
}
