// Reminders: a job posts upcoming deadlines from the register into the configured chats, a set number of days
// before (REMINDER_DAYS, e.g. 21 and 7). Exactly once per deadline, reminder and chat, also with several
// instances on one PostgreSQL: each post is claimed in the sent-log table inside a transaction (the row's unique
// key is the lock; a second instance waits for it and then sees it is taken); a failed post rolls the claim back
// so the next run retries. The clock is injectable for tests.
import type { Logger } from "../log.ts";
import type { SqlClient } from "../store/sql-client.ts";
import { addDays, daysBetween, formatDatumMetDag, type IsoDate } from "./datum.ts";
import type { RegisterTermijn } from "./register.ts";
import type { TermijnService } from "./service.ts";

/** Where reminders go (a Slack channel, a Teams conversation). */
export interface ReminderSink {
  /** Stable name, part of the sent-log key ("slack:C123"). */
  readonly name: string;
  post(reminder: Reminder): Promise<void>;
}

export interface Reminder {
  key: string;
  /** Days before the deadline this reminder is for (21, 7, …). */
  dagenVooraf: number;
  termijn: RegisterTermijn;
  /** Dutch text. */
  tekst: string;
}

/** The sent-log: `claim` runs `send` only when the key was not sent before, and records it only when send succeeds. */
export interface ReminderLog {
  claim(key: string, send: () => Promise<void>): Promise<boolean>;
}

/** The sent-log in the store's database (PGlite or PostgreSQL); its table comes from store migration 6. */
export function createSqlReminderLog(client: SqlClient, clock: () => Date = () => new Date()): ReminderLog {
  return {
    claim: (key, send) =>
      client.transaction(async (tx) => {
        const rows = await tx.query(
          "INSERT INTO termijn_herinneringen (sleutel, verzonden_op) VALUES ($1, $2) ON CONFLICT (sleutel) DO NOTHING RETURNING sleutel",
          [key, clock()],
        );
        if (rows.length === 0) return false;
        await send();
        return true;
      }),
  };
}

export const reminderText = (t: RegisterTermijn, dagen: number): string =>
  `Herinnering: nog ${dagen === 1 ? "1 dag" : `${dagen} dagen`} tot ${formatDatumMetDag(t.uitkomst.einde)}, de uiterste datum voor de ${t.uitkomst.titel} van ${t.regeling.naam} (${t.regeling.afkorting}); ${t.uitkomst.artikel}.`;

/**
 * The reminders due today: per deadline the smallest reminder day that has been reached (a deadline entered late
 * gets one reminder, not all of them at once), until the deadline itself.
 */
export function dueReminders(
  termijnen: RegisterTermijn[],
  vandaag: IsoDate,
  dagen: readonly number[],
  sink: string,
): Reminder[] {
  const sorted = [...new Set(dagen)].filter((d) => d >= 0).sort((a, b) => a - b);
  const out: Reminder[] = [];
  for (const t of termijnen) {
    const over = daysBetween(vandaag, t.uitkomst.einde);
    if (over < 0) continue;
    const n = sorted.find((d) => addDays(t.uitkomst.einde, -d) <= vandaag);
    if (n === undefined) continue;
    const key = [sink, t.regeling.afkorting, t.uitkomst.soort, t.uitkomst.vanaf, t.uitkomst.einde, n].join("|");
    out.push({ key, dagenVooraf: n, termijn: t, tekst: reminderText(t, over) });
  }
  return out;
}

export interface ReminderJobOptions {
  termijnen: TermijnService;
  log: ReminderLog;
  sinks: ReminderSink[];
  dagen: readonly number[];
  logger: Logger;
  /** How often the job looks (default hourly; a reminder is due on its day and sent once). */
  intervalMs?: number;
}

export interface RunResult {
  sent: string[];
  skipped: number;
  failed: number;
}

export interface ReminderJob {
  runOnce(): Promise<RunResult>;
  start(): void;
  stop(): void;
}

export function createReminderJob({
  termijnen,
  log,
  sinks,
  dagen,
  logger,
  intervalMs = 3_600_000,
}: ReminderJobOptions): ReminderJob {
  const l = logger.child({ component: "reminders" });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunResult> | null = null;

  const run = async (): Promise<RunResult> => {
    const result: RunResult = { sent: [], skipped: 0, failed: 0 };
    const upcoming = termijnen.komend();
    for (const sink of sinks) {
      for (const reminder of dueReminders(upcoming, termijnen.vandaag(), dagen, sink.name)) {
        try {
          if (await log.claim(reminder.key, () => sink.post(reminder))) result.sent.push(reminder.key);
          else result.skipped++;
        } catch (err) {
          result.failed++;
          l.warn(
            { err: { message: (err as Error).message }, key: reminder.key },
            "reminder not sent; retried on the next run",
          );
        }
      }
    }
    if (result.sent.length || result.failed)
      l.info({ sent: result.sent.length, failed: result.failed }, "reminders run");
    return result;
  };

  const runOnce = (): Promise<RunResult> => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    runOnce,
    start() {
      void runOnce().catch((err: unknown) => l.error({ err }, "reminders run failed"));
      timer = setInterval(
        () => void runOnce().catch((err: unknown) => l.error({ err }, "reminders run failed")),
        intervalMs,
      );
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
