// Teams adapter entry point: the Bot Framework endpoint (/api/messages) and the preview renderer.
// botbuilder stays inside adapters/teams/; a move to the Microsoft 365 Agents SDK touches this folder only.
import express, { type NextFunction, type Request, type Response } from "express";
import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { AdapterDeps } from "../../src/core/adapter.ts";
import type { AppConfig } from "../../src/config.ts";
import type { Mount } from "../../src/http/mount.ts";
import { messages } from "../../src/core/messages.ts";
import { RaadswijzerTeamsBot, cardActivity } from "./handler.ts";
import { renderMessageCard } from "./render.ts";
import { withSdkConsoleCaught } from "./sdk-console.ts";

export { teamsPreviewRenderer } from "./follow-up.ts";

export const TEAMS_PATH = "/api/messages";

const JWT_BEARER = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function isActivity(body: unknown): boolean {
  return typeof body === "object" && body !== null && typeof (body as { type?: unknown }).type === "string";
}

/** Settings of ConfigurationBotFrameworkAuthentication that tests point at loopback (OpenID metadata URLs). */
export interface TeamsAuthOverrides {
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
}

/**
 * The public-cloud settings botframework-connector uses by default. Once one of them is given (an override),
 * the SDK expects all of them, so an override is applied on top of this full set.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromChannelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: true,
};

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter with authentication and the turn as two steps, so that a token that cannot be validated is
 * answered by us (401/503, generic body, one structured log line) instead of by CloudAdapter.process, which
 * prints the error with console.error and sends its message (internal host names and all) as the body.
 * The SDK keeps the OpenID metadata and signing keys cached per metadata URL (refreshed every 24 hours, and
 * at most hourly for an unknown key id).
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /** What the SDK printed while checking the token ends up in `sdkNotes`, not on stderr (see sdk-console.ts). */
  authenticate(activity: Activity, authHeader: string, sdkNotes: string[] = []): Promise<AuthResult> {
    return withSdkConsoleCaught(sdkNotes, () =>
      this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
    );
  }

  runTurn(auth: AuthResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createCloudAdapter(config: AppConfig, overrides: TeamsAuthOverrides = {}): TeamsCloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? "",
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
    ...(Object.keys(overrides).length ? { ...PUBLIC_CLOUD, ...overrides } : {}),
  });
  return new TeamsCloudAdapter(auth);
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * Why a token could not be validated: "unavailable" when the identity metadata (OpenID configuration or signing
 * keys) could not be fetched or read, "invalid" for everything else (bad, expired or foreign token).
 */
export function classifyAuthFailure(err: unknown): "unavailable" | "invalid" {
  const e = err as { name?: unknown; code?: unknown; type?: unknown; message?: unknown } | null;
  if (!e || typeof e !== "object") return "invalid";
  const message = typeof e.message === "string" ? e.message : "";
  if (e.name === "FetchError") return "unavailable";
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return "unavailable";
  if (/^Failed to load (openID config|Keys)/.test(message)) return "unavailable";
  if (e.name === "SyntaxError" && /JSON/.test(message)) return "unavailable";
  return "invalid";
}

/** After the metadata was unreachable, answer 503 at once for this long instead of fetching it per request. */
const METADATA_BACKOFF_MS = 10_000;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Anonymous (local) mode only talks back to a connector on this machine (the Emulator, a test fake). */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== "string") return false;
  try {
    const u = new URL(serviceUrl);
    return (
      (u.protocol === "http:" || u.protocol === "https:") &&
      !u.username &&
      !u.password &&
      LOOPBACK_HOSTS.has(u.hostname)
    );
  } catch {
    return false;
  }
}

/** The timestamps as Date objects, as CloudAdapter.process does before a turn. */
function fixActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ["timestamp", "rawTimestamp"],
    ["expiration", "rawExpiration"],
    ["localTimestamp", "rawLocalTimestamp"],
  ] as const) {
    const value = activity[field];
    if (typeof value === "string") {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

export async function createTeamsMount(
  deps: AdapterDeps,
  opts: { auth?: TeamsAuthOverrides } = {},
): Promise<Mount | null> {
  // loadConfig (src/config.ts) has refused anonymous mode in production and an app id without its password.
  const { bot, config } = deps;
  const logger = deps.logger.child({ adapter: "teams" });
  const adapter = createCloudAdapter(config, opts.auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: { name: error.name, message: error.message }, activityType: context.activity.type },
      "teams turn failed",
    );
    if (context.activity.type === "message") {
      try {
        await context.sendActivity(cardActivity(renderMessageCard(messages.errorGeneric)));
      } catch (sendError) {
        logger.warn({ err: (sendError as Error).message }, "teams error reply failed");
      }
    }
  };
  const handler = new RaadswijzerTeamsBot(bot, logger, deps.termijnen, {
    handoffs: deps.handoffs,
    admins: config.GRIFFIE_TEAMS_ADMINS,
  });

  const router = express.Router();
  const authRequired = Boolean(config.MicrosoftAppId);
  let metadataDownUntil = 0;
  router.post("/", express.json({ limit: config.BODY_LIMIT_BYTES }), async (req: Request, res: Response) => {
    // Cheap rejections first, answered with our own structured logs (botbuilder prints these with console.*).
    // A well-formed token is still fully validated by the CloudAdapter.
    if (authRequired && !JWT_BEARER.test(req.headers.authorization ?? "")) {
      logger.warn("teams request without a bearer token rejected");
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    if (!isActivity(req.body)) {
      res.status(400).json({ error: "bad request: not a Bot Framework activity" });
      return;
    }
    const activity = fixActivity(req.body as Record<string, unknown>);
    if (!authRequired && !isLoopbackServiceUrl(activity.serviceUrl)) {
      // Anonymous mode must not post replies to whatever address a caller names.
      logger.warn("teams: anonymous mode accepts only a loopback serviceUrl; request rejected");
      res.status(403).json({ error: "forbidden: anonymous mode answers only a local serviceUrl" });
      return;
    }
    let auth: AuthResult;
    const sdkNotes: string[] = [];
    try {
      if (authRequired && Date.now() < metadataDownUntil)
        throw Object.assign(new Error("identity metadata unreachable (backing off)"), { code: "EBACKOFF" });
      auth = await adapter.authenticate(activity, req.headers.authorization ?? "", sdkNotes);
    } catch (error) {
      const kind = (error as { code?: unknown }).code === "EBACKOFF" ? "unavailable" : classifyAuthFailure(error);
      if (kind === "unavailable" && (error as { code?: unknown }).code !== "EBACKOFF")
        metadataDownUntil = Date.now() + METADATA_BACKOFF_MS;
      const e = error as { name?: unknown; code?: unknown; message?: unknown };
      logger.warn(
        {
          reason: kind === "unavailable" ? "identity metadata unreachable" : "token not valid",
          err: { name: e.name, code: e.code, message: e.message },
          ...(sdkNotes.length ? { sdk: sdkNotes } : {}),
        },
        "teams request not authenticated",
      );
      if (kind === "unavailable") res.status(503).set("Retry-After", "10").json({ error: "service unavailable" });
      else res.status(401).json({ error: "unauthorized" });
      return;
    }
    try {
      const invoke = await adapter.runTurn(auth, activity, (context) => handler.run(context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.send(invoke.body);
      else res.end();
    } catch (error) {
      const e = error as { name?: unknown; message?: unknown };
      logger.error({ err: { name: e.name, message: e.message } }, "teams request failed");
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  });
  router.all("/", (_req: Request, res: Response) => {
    res.status(405).set("Allow", "POST").end();
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status =
      typeof error === "object" && error && "status" in error && typeof error.status === "number" ? error.status : 500;
    if (res.headersSent) return next(error);
    logger.warn({ status }, "teams request rejected");
    res.status(status).json({ error: status === 413 ? "payload too large" : "bad request" });
  });

  logger.info({ anonymous: !config.MicrosoftAppId }, "teams endpoint ready");
  return { name: "teams", path: TEAMS_PATH, router };
}
