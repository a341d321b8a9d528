// Configuration from the environment (.env in development), validated once at start-up with zod.
import { z } from "zod";

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
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  /** Preview page at "/": on outside production, or forced with PREVIEW=1. */
  PREVIEW: optional,
  /** Max request body in bytes (413 above). */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  // Store
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: optional,
  STORE_HASH_KEY: optional,
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
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
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is");
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
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return config;
}

export const slackConfigured = (c: AppConfig): boolean => Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
export const previewEnabled = (c: AppConfig): boolean => c.PREVIEW === "1" || (c.PREVIEW !== "0" && c.NODE_ENV !== "production");
