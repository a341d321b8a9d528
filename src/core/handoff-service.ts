// "Vraag het de griffie": a user's question forwarded, after they confirmed it, to the griffie's chat (a Slack
// channel and/or a Teams conversation) and stored as a hand-off with status open/answered. The service is
// platform-neutral: delivery goes through sinks that the adapters provide (adapters/*/handoff.ts); the
// composition root (app/start.ts) wires them. Without an available sink the button is not shown.
import type { Logger } from "../log.ts";
import type { HandoffRow, Platform, Store } from "../store/port.ts";
import { normalizeUserText } from "./user-text.ts";
import { MAX_QUESTION_CHARS } from "../limits.ts";

/** What a griffie chat receives: the question, the bot's best guess and where to answer. */
export interface HandoffMessage {
  id: string;
  question: string;
  bestGuess: { id: string; title: string } | null;
  platform: Platform;
  /** https link to the user's thread ("Beantwoord"), when the platform has one. */
  link: string | null;
  /** The asking user's platform id (Slack "U…" or a Teams id), for a mention where the griffie's chat allows it. */
  askedBy: string | null;
  /** The asking user's display name where the platform gives one (Teams); shown, never stored. */
  askedByName?: string | null;
  at: Date;
}

/** A place the griffie reads (one Slack channel, one Teams conversation). */
export interface HandoffSink {
  readonly name: string;
  /** Whether this sink can deliver now (configured; the Teams conversation set). */
  available(): Promise<boolean>;
  deliver(message: HandoffMessage): Promise<void>;
}

export interface ForwardInput {
  question: string;
  /** Entry id of the bot's best guess or of the answer that got a 👎. */
  bestGuess: string | null;
  platform: Platform;
  userId?: string;
  /** Display name (Teams), shown to the griffie so they know whom to answer; not stored. */
  askedByName?: string;
  link?: string | null;
}

export interface ForwardResult {
  handoff: HandoffRow;
  /** Names of the sinks that received it. */
  delivered: string[];
}

export interface HandoffService {
  /** True when at least one sink can deliver: only then do the adapters show the button. */
  enabled(): Promise<boolean>;
  /** Stores the hand-off and delivers it to every available sink; throws when none received it. */
  forward(input: ForwardInput): Promise<ForwardResult>;
  /** Marks a hand-off answered (idempotent); null for an unknown id. */
  markAnswered(id: string, userId: string): Promise<HandoffRow | null>;
  /** A shared setting of a sink (the Teams conversation reference), kept in the store. */
  getTarget(name: string): Promise<string | null>;
  setTarget(name: string, value: string): Promise<void>;
  /** Adds a sink (the composition root, after the adapters are created). */
  addSink(sink: HandoffSink): void;
}

export class HandoffNotDeliveredError extends Error {
  constructor(readonly handoffId: string) {
    super("The hand-off reached no griffie chat");
    this.name = "HandoffNotDeliveredError";
  }
}

const SETTING_PREFIX = "griffie.";
/**
 * How long a target read from the store is reused. enabled() runs for every unknown reply, so it must not cost a
 * store read each time; a target set on another instance is seen within this time (on this one at once).
 */
const TARGET_CACHE_MS = 30_000;

export interface HandoffServiceOptions {
  store: Store;
  logger: Logger;
  /** The title of an entry (for the best guess), or null when unknown. */
  titleOf: (entryId: string) => string | null;
  sinks?: HandoffSink[];
}

export function createHandoffService(opts: HandoffServiceOptions): HandoffService {
  const { store } = opts;
  const log = opts.logger.child({ component: "handoff" });
  const sinks: HandoffSink[] = [...(opts.sinks ?? [])];
  const targets = new Map<string, { value: string | null; until: number }>();
  const supported = Boolean(store.recordHandoff && store.markHandoffAnswered);

  const availableSinks = async (): Promise<HandoffSink[]> => {
    const out: HandoffSink[] = [];
    for (const sink of sinks) {
      try {
        if (await sink.available()) out.push(sink);
      } catch (err) {
        log.warn({ sink: sink.name, err: { name: (err as Error).name } }, "handoff: sink availability check failed");
      }
    }
    return out;
  };

  return {
    async enabled() {
      return supported && (await availableSinks()).length > 0;
    },

    async forward(input) {
      if (!store.recordHandoff) throw new Error("This store does not keep hand-offs");
      const question = normalizeUserText(input.question).replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION_CHARS);
      if (!question) throw new Error("A hand-off needs a question");
      const title = input.bestGuess ? opts.titleOf(input.bestGuess) : null;
      const bestGuess = input.bestGuess && title ? input.bestGuess : null;
      const handoff = await store.recordHandoff({
        question,
        bestGuess,
        platform: input.platform,
        ...(input.userId ? { userId: input.userId } : {}),
        link: input.link ?? null,
      });
      const message: HandoffMessage = {
        id: handoff.id,
        question: handoff.question,
        bestGuess: bestGuess && title ? { id: bestGuess, title } : null,
        platform: handoff.platform,
        link: handoff.link,
        askedBy: input.userId ?? null,
        askedByName: input.askedByName ?? null,
        at: handoff.at,
      };
      const delivered: string[] = [];
      for (const sink of await availableSinks()) {
        try {
          await sink.deliver(message);
          delivered.push(sink.name);
        } catch (err) {
          // Never the question itself in the log.
          log.error(
            { sink: sink.name, err: { name: (err as Error).name, message: (err as Error).message } },
            "handoff: delivery failed",
          );
        }
      }
      if (!delivered.length) throw new HandoffNotDeliveredError(handoff.id);
      log.info({ id: handoff.id, platform: handoff.platform, delivered }, "handoff forwarded to the griffie");
      return { handoff, delivered };
    },

    async markAnswered(id, userId) {
      if (!store.markHandoffAnswered) return null;
      const row = await store.markHandoffAnswered(id, userId);
      if (row) log.info({ id }, "handoff marked answered");
      return row;
    },

    async getTarget(name) {
      const cached = targets.get(name);
      if (cached && cached.until > Date.now()) return cached.value;
      const value = (await store.getSetting?.(SETTING_PREFIX + name)) ?? null;
      targets.set(name, { value, until: Date.now() + TARGET_CACHE_MS });
      return value;
    },

    async setTarget(name, value) {
      if (!store.setSetting) throw new Error("This store does not keep settings");
      await store.setSetting(SETTING_PREFIX + name, value);
      targets.set(name, { value, until: Date.now() + TARGET_CACHE_MS });
    },

    addSink(sink) {
      sinks.push(sink);
    },
  };
}
