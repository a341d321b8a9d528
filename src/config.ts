// Configuration from the environment (.env in development), validated once at start-up with zod.
import { availableParallelism } from "node:os";
import { z } from "zod";
import { ConfigError } from "./errors.ts";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** An e-mail address or an https URL: something a privacy page can link to. */
const isContact = (v: string): boolean =>
  z.email().safeParse(v).success || z.url({ protocol: /^https$/ }).safeParse(v).success;

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface to listen on; default 127.0.0.1 outside production, 0.0.0.0 in production (see defaultHost). */
  HOST: optional,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  /** Preview page at "/": on outside production, or forced with PREVIEW=1. */
  PREVIEW: optional,
  /** Max request body in bytes (413 above). */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Server processes sharing the port (node:cluster): a number, or "auto" for one per CPU core. */
  WORKERS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9][0-9]{0,2})$/, 'expected a number from 1 or "auto"')
    .default("1"),
  /** With WORKERS>1: a worker that dies within this many seconds of starting is a failed start (all stop). */
  WORKER_STARTUP_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  // Store
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: optional,
  STORE_HASH_KEY: optional,
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
  /** Minutes a conversation remembers its last answered entry for follow-up questions; 0 = off (at most a day). */
  FOLLOW_UP_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  // Privacy and terms pages (/privacy, /voorwaarden)
  /** Who runs this installation (shown on /privacy and /voorwaarden); default "de griffie van uw gemeente". */
  OPERATOR_NAME: optional.pipe(z.string().max(200).optional()),
  /** Where users ask about their data or for removal: an e-mail address or an https:// URL. */
  OPERATOR_CONTACT: optional.refine((v) => v === undefined || isContact(v), {
    message: "must be an e-mail address or an https:// URL",
  }),
  // Slack
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  // Teams (Bot Framework)
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MicrosoftAppTenantId: optional,
  // Hand-off to the griffie (README "Feedback and hand-off to the griffie")
  /** Slack channel id (C…/G…) that receives "Vraag het de griffie"; needs Slack configured. */
  GRIFFIE_SLACK_CHANNEL: optional.refine((v) => v === undefined || /^[CG][A-Z0-9]{2,30}$/.test(v), {
    message: "must be a Slack channel id such as C0123ABCD (not a #name)",
  }),
  /** Teams users (Entra object ids, comma-separated) who may set the griffie's Teams conversation ("griffie hier"). */
  GRIFFIE_TEAMS_ADMINS: z
    .string()
    .trim()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    ),
  // Termijnen (README "Termijnen"): the gemeente's register and the reminders
  REGISTER_FILE: optional,
  REMINDER_DAYS: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\s*,\s*\d{1,3})*$/, { message: "a comma-separated list of days, e.g. 21,7" })
    .default("21,7")
    .transform((v) => [...new Set(v.split(",").map((d) => Number(d.trim())))].sort((a, b) => b - a)),
  REMINDER_SLACK_CHANNEL: optional,
  REMINDER_TEAMS_CONVERSATION: optional,
  REMINDER_TEAMS_SERVICE_URL: optional,
  // Editors' loop (live reload, stale warnings, metrics)
  /** Watch KNOWLEDGE_DIR and reload on changes: on unless "0" (SIGHUP always reloads). */
  KNOWLEDGE_WATCH: z.enum(["0", "1"]).default("1"),
  /** Quiet time after the last change before a reload starts. */
  KNOWLEDGE_WATCH_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(300),
  /** Entries whose `updated` date is older than this many months are stale (kb:check warns, answers say so). */
  STALE_MONTHS: z.coerce.number().int().positive().default(12),
  /** Prometheus metrics at /metrics: off unless "1". */
  METRICS: z.enum(["0", "1"]).default("0"),
  /** Optional bearer token /metrics requires (Authorization: Bearer <token>). */
  METRICS_TOKEN: optional,
});

export type AppConfig = Omit<z.infer<typeof configSchema>, "HOST"> & { HOST: string };

/**
 * Outside production the server listens on loopback only, so a development machine does not offer the preview
 * page and the anonymous Teams endpoint to its network; in production (a container behind a proxy) on all interfaces.
 */
export const defaultHost = (nodeEnv: AppConfig["NODE_ENV"]): string =>
  nodeEnv === "production" ? "0.0.0.0" : "127.0.0.1";

/**
 * Parses and validates the environment; throws ConfigError with every problem listed. This is the only place that
 * checks configuration: the store, the adapters and the CLIs take the AppConfig it returns as valid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const config: AppConfig = { ...parsed.data, HOST: parsed.data.HOST ?? defaultHost(parsed.data.NODE_ENV) };
  const problems: string[] = [];
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push(
      "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is",
    );
  }
  if ((config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) && !config.SLACK_BOT_TOKEN) {
    problems.push("Slack is partly configured: SLACK_BOT_TOKEN is missing");
  }
  if (config.NODE_ENV === "production" && !config.MicrosoftAppId) {
    problems.push("MicrosoftAppId is required in production (anonymous Teams mode is for local use only)");
  }
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== "UserAssignedMSI") {
    problems.push("MicrosoftAppId is set but MicrosoftAppPassword is missing");
  }
  if (config.NODE_ENV === "production" && !config.STORE_HASH_KEY) {
    problems.push("STORE_HASH_KEY is required in production (user ids are stored as a keyed hash)");
  } else if (config.DATABASE_URL && !config.STORE_HASH_KEY) {
    problems.push(
      "STORE_HASH_KEY is required when DATABASE_URL is set: every instance must hash user ids with the same secret key (e.g. `openssl rand -hex 32`)",
    );
  }
  if (config.STORE_HASH_KEY !== undefined && config.STORE_HASH_KEY.length < 16) {
    problems.push("STORE_HASH_KEY is too short: use at least 16 random characters (e.g. `openssl rand -hex 32`)");
  }
  if (Boolean(config.REMINDER_TEAMS_CONVERSATION) !== Boolean(config.REMINDER_TEAMS_SERVICE_URL)) {
    problems.push("REMINDER_TEAMS_CONVERSATION and REMINDER_TEAMS_SERVICE_URL go together (Teams reminders need both)");
  }
  const workers = workerCount(config);
  if (workers > 1 && !config.DATABASE_URL) {
    problems.push(
      `WORKERS=${config.WORKERS} (${workers} processes) needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) can be opened by one process only. Set DATABASE_URL, or WORKERS=1`,
    );
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return config;
}

export const slackConfigured = (c: AppConfig): boolean =>
  Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
export const previewEnabled = (c: AppConfig): boolean =>
  c.PREVIEW === "1" || (c.PREVIEW !== "0" && c.NODE_ENV !== "production");
/** How many server processes WORKERS asks for ("auto": one per CPU core). */
export const workerCount = (c: Pick<AppConfig, "WORKERS">): number =>
  c.WORKERS === "auto" ? availableParallelism() : Number(c.WORKERS);
