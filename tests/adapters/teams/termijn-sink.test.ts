// The Teams reminder poster gives up on a Bot Framework connector that never answers, so the sent-log transaction
// it runs in is released with an error and the reminder is retried on the next run instead of hanging. The real
// job, sent-log (PGlite) and sink against the local fake connector.
import { afterAll, expect, it } from "vitest";
import { teamsReminderSink } from "../../../adapters/teams/termijn.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import { runMigrations } from "../../../src/store/migrations.ts";
import { createReminderJob, createSqlReminderLog } from "../../../src/termijnen/herinneringen.ts";
import { loadRegister } from "../../../src/termijnen/register.ts";
import { createTermijnService } from "../../../src/termijnen/service.ts";
import { memoryPgliteClient } from "../../support/pglite.ts";
import { startFakeConnector } from "./helpers.ts";

let hang = true;
let hungRequests = 0;
const connector = await startFakeConnector({ hang: () => (hang ? ++hungRequests > 0 : false) });
const db = await memoryPgliteClient();
await runMigrations(db);
afterAll(async () => {
  await connector.close();
  await db.close();
});

it("a reminder to a hanging connector fails within the bound and is posted once by the next run", async () => {
  const clock = () => new Date("2027-04-12T06:00:00Z"); // 21 days before the ODV deadline
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
  const sink = teamsReminderSink(config, connector.url, "19:raad@thread.tacv2", { timeoutMs: 300 });
  const job = createReminderJob({
    termijnen: createTermijnService({
      register: await loadRegister("knowledge/register/voorbeeld-register.yml"),
      clock,
    }),
    log: createSqlReminderLog(db, clock),
    sinks: [sink],
    dagen: [21, 7],
    logger: createLogger({ level: "silent" }),
  });
  const sentLog = async () => (await db.query("SELECT sleutel FROM termijn_herinneringen")).length;

  const started = Date.now();
  expect(await job.runOnce()).toMatchObject({ sent: [], failed: 1 });
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(hungRequests).toBeGreaterThanOrEqual(1); // the send reached the connector and hung there
  expect(await sentLog()).toBe(0);

  hang = false;
  expect((await job.runOnce()).sent).toHaveLength(1);
  expect(connector.captured).toHaveLength(1);
  expect(connector.captured[0]!.conversationId).toBe("19:raad@thread.tacv2");
  expect(await sentLog()).toBe(1);
  expect((await job.runOnce()).sent).toEqual([]);
  expect(connector.captured).toHaveLength(1);
}, 15_000);
