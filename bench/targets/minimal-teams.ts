// Step-up bench target: the smallest botbuilder app that answers a Bot Framework message activity with a fixed
// text, in anonymous (local) mode: CloudAdapter on Express at /api/messages. With deliveryMode "expectReplies"
// the reply comes back in the HTTP response, so no connector is involved. The framework's own limit for the Teams
// endpoint on this machine. PORT from the environment.
import express from "express";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const app = express();
app.use(express.json());
app.post("/api/messages", (req, res) => {
  void adapter.process(req, res, async (context) => {
    if (context.activity.type === "message") await context.sendActivity("Dit is een vast antwoord.");
  });
});
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
