// Configuration from the environment (.env in development), validated once at start-up with zod.
import { availableParallelism } from "node:os";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

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
  /** Server processes sharing the port (node:cluster): a number, or "auto" for one per CPU core. */
  WORKERS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9][0-9]{0,2})$/, 'expected a number from 1 or "auto"')
    .default("1"),
  // Store
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: optional,
  STORE_HASH_KEY: optional,
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
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
  const workers = workerCount(config);
  if (workers > 1 && !config.DATABASE_URL) {
    problems.push(
      `WORKERS=${config.WORKERS} (${workers} processes) needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) can be opened by one process only. Set DATABASE_URL, or WORKERS=1`,
    );
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return config;
}

export const slackConfigured = (c: AppConfig): boolean => Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
export const previewEnabled = (c: AppConfig): boolean => c.PREVIEW === "1" || (c.PREVIEW !== "0" && c.NODE_ENV !== "production");
/** How many server processes WORKERS asks for ("auto": one per CPU core). */
export const workerCount = (c: Pick<AppConfig, "WORKERS">): number => (c.WORKERS === "auto" ? availableParallelism() : Number(c.WORKERS));
