// Step-up bench target: a bare node:http server that reads the body and answers a fixed Slack-style JSON reply.
// The floor of what this machine and the load generator do on their own. PORT from the environment.
import { createServer } from "node:http";

const reply = JSON.stringify({ response_type: "ephemeral", text: "ok" });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(reply);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
