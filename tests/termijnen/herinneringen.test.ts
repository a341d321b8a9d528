// Reminders: due on the right days, posted exactly once per deadline and reminder, also by a second job instance
// on the same database and after a restart; a failed post is retried. Runs on PGlite, and on PostgreSQL too when
// DATABASE_URL is set (two clients = two instances).
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import {
  createReminderJob,
  createSqlReminderLog,
  dueReminders,
  type Reminder,
  type ReminderSink,
} from "../../src/termijnen/herinneringen.ts";
import { loadRegister, registerTermijnen } from "../../src/termijnen/register.ts";
import { createTermijnService } from "../../src/termijnen/service.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import { type Backend, pgliteBackend, postgresBackend } from "../store/backends.ts";

const logger = createLogger({ level: "silent" });
const register = await loadRegister("knowledge/register/voorbeeld-register.yml");

class RecordingSink implements ReminderSink {
  posted: Reminder[] = [];
  failNext = false;
  constructor(readonly name: string) {}
  async post(r: Reminder): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("chat unreachable");
    }
    this.posted.push(r);
  }
}

describe("dueReminders", () => {
  const all = registerTermijnen(register, "2027-01-01");
  // ODV: deadline 2027-05-03. 21 days before: 2027-04-12; 7 days before: 2027-04-26.
  const odv = all.filter((t) => t.regeling.afkorting === "ODV");

  it("is empty before the first reminder day, then 21, then 7, until the deadline", () => {
    expect(dueReminders(odv, "2027-04-11", [21, 7], "s")).toEqual([]);
    expect(dueReminders(odv, "2027-04-12", [21, 7], "s").map((r) => r.dagenVooraf)).toEqual([21]);
    expect(dueReminders(odv, "2027-04-25", [21, 7], "s").map((r) => r.dagenVooraf)).toEqual([21]);
    expect(dueReminders(odv, "2027-04-26", [21, 7], "s").map((r) => r.dagenVooraf)).toEqual([7]);
    expect(dueReminders(odv, "2027-05-03", [21, 7], "s").map((r) => r.dagenVooraf)).toEqual([7]);
    expect(dueReminders(odv, "2027-05-04", [21, 7], "s")).toEqual([]);
  });

  it("writes a Dutch reminder with the date and the article", () => {
    const [r] = dueReminders(odv, "2027-04-12", [21, 7], "s");
    expect(r!.tekst).toBe(
      "Herinnering: nog 21 dagen tot maandag 3 mei 2027, de uiterste datum voor de zienswijze op een ontwerpregeling (treffen, wijzigen, toetreden, uittreden) van Gemeenschappelijke regeling Omgevingsdienst Voorbeeldland (ODV); art. 1 lid 3 Wgr; art. 1 Algemene termijnenwet.",
    );
  });
});

describe("store migration 6", () => {
  it("a sent-log made before migration 6 (created on first use) is kept", async () => {
    const old = await (await pgliteBackend()).open();
    await old.query("CREATE TABLE termijn_herinneringen (sleutel TEXT PRIMARY KEY, verzonden_op TIMESTAMPTZ NOT NULL)");
    await old.query("INSERT INTO termijn_herinneringen VALUES ('slack:C0|ODV|x', now())");
    expect(await runMigrations(old)).toContain(6);
    let sent = false;
    expect(await createSqlReminderLog(old).claim("slack:C0|ODV|x", async () => void (sent = true))).toBe(false);
    expect(sent).toBe(false);
    await old.close();
  });
});

const backends: (() => Promise<Backend>)[] = [pgliteBackend];
if (process.env.DATABASE_URL) backends.push(() => postgresBackend(process.env.DATABASE_URL!));

for (const make of backends) {
  describe("the reminder job", async () => {
    const backend = await make();
    afterAll(() => backend.dispose());
    // The sent-log table comes from store migration 6; a second runMigrations (second instance) changes nothing.
    const client = await backend.open();
    await runMigrations(client);
    await runMigrations(await backend.open());

    it(`${backend.name}: posts once; a second run, a second instance and a restart do not`, async () => {
      let now = new Date("2027-04-12T05:00:00Z");
      const clock = () => now;
      const sink = new RecordingSink("slack:C0REMIND");
      const job = async () =>
        createReminderJob({
          termijnen: createTermijnService({ register, clock }),
          log: createSqlReminderLog(await backend.open(), clock), // a client of its own: another instance
          sinks: [sink],
          dagen: [21, 7],
          logger,
        });
      const a = await job();
      const b = await job();
      const [first, second] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(first.sent.length + second.sent.length).toBe(1);
      expect(sink.posted.map((r) => r.termijn.regeling.afkorting)).toEqual(["ODV"]);
      expect((await a.runOnce()).sent).toEqual([]);
      expect((await (await job()).runOnce()).sent).toEqual([]);

      // A week later the VRV deadline (21 May) reaches its 21-day reminder (30 April); ODV's 7-day one is 26 April.
      now = new Date("2027-04-30T05:00:00Z");
      await a.runOnce();
      expect(sink.posted.map((r) => `${r.termijn.regeling.afkorting}:${r.dagenVooraf}`)).toEqual([
        "ODV:21",
        "ODV:7",
        "VRV:21",
      ]);
      expect((await b.runOnce()).sent).toEqual([]);
    });

    it(`${backend.name}: a failed post is not recorded and is retried on the next run`, async () => {
      const clock = () => new Date("2027-06-14T05:00:00Z"); // BBV-Vl: deadline 5 July, 21 days before = 14 June
      const sink = new RecordingSink("slack:C0RETRY");
      sink.failNext = true;
      const job = createReminderJob({
        termijnen: createTermijnService({ register, clock }),
        log: createSqlReminderLog(client, clock),
        sinks: [sink],
        dagen: [21, 7],
        logger,
      });
      expect(await job.runOnce()).toMatchObject({ sent: [], failed: 1 });
      const second = await job.runOnce();
      expect(second.sent).toHaveLength(1);
      expect(sink.posted.map((r) => r.termijn.regeling.afkorting)).toEqual(["BBV-Vl"]);
    });
  });
}
