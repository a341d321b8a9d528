// Teams adapter entry point: the Bot Framework endpoint (/api/messages) and the preview renderer.
// botbuilder stays inside adapters/teams/; a move to the Microsoft 365 Agents SDK touches this folder only.
import express, { type NextFunction, type Request, type Response } from "express";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { AdapterDeps } from "../../src/core/adapter.ts";
import type { AppConfig } from "../../src/config.ts";
import type { Mount } from "../../src/http/mount.ts";
import { messages } from "../../src/core/messages.ts";
import { RaadswijzerTeamsBot, cardActivity } from "./handler.ts";
import { renderMessageCard } from "./render.ts";

export { teamsPreviewRenderer } from "./render.ts";

export const TEAMS_PATH = "/api/messages";

export class TeamsConfigError extends Error {}

const JWT_BEARER = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function isActivity(body: unknown): boolean {
  return typeof body === "object" && body !== null && typeof (body as { type?: unknown }).type === "string";
}

/** Anonymous mode (no MicrosoftAppId) is for local use only; loadConfig checks this too. */
export function assertTeamsConfig(config: AppConfig): void {
  if (config.NODE_ENV === "production" && !config.MicrosoftAppId) {
    throw new TeamsConfigError("Teams: MicrosoftAppId is required in production (anonymous mode is for local use only)");
  }
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== "UserAssignedMSI") {
    throw new TeamsConfigError("Teams: MicrosoftAppId is set but MicrosoftAppPassword is missing");
  }
}

export function createCloudAdapter(config: AppConfig): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? "",
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
  });
  return new CloudAdapter(auth);
}

export async function createTeamsMount(deps: AdapterDeps): Promise<Mount | null> {
  const { bot, config } = deps;
  assertTeamsConfig(config);
  const logger = deps.logger.child({ adapter: "teams" });
  const adapter = createCloudAdapter(config);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: { name: error.name, message: error.message }, activityType: context.activity.type }, "teams turn failed");
    if (context.activity.type === "message") {
      try {
        await context.sendActivity(cardActivity(renderMessageCard(messages.errorGeneric)));
      } catch (sendError) {
        logger.warn({ err: (sendError as Error).message }, "teams error reply failed");
      }
    }
  };
  const handler = new RaadswijzerTeamsBot(bot, logger, deps.termijnen);

  const router = express.Router();
  const authRequired = Boolean(config.MicrosoftAppId);
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
    try {
      await adapter.process(req, res, (context) => handler.run(context));
    } catch (error) {
      logger.error({ err: (error as Error).message }, "teams request failed");
      if (!res.headersSent) res.status(500).end();
    }
  });
  router.all("/", (_req: Request, res: Response) => {
    res.status(405).set("Allow", "POST").end();
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = typeof error === "object" && error && "status" in error && typeof error.status === "number" ? error.status : 500;
    if (res.headersSent) return next(error);
    logger.warn({ status }, "teams request rejected");
    res.status(status).json({ error: status === 413 ? "payload too large" : "bad request" });
  });

  logger.info({ anonymous: !config.MicrosoftAppId }, "teams endpoint ready");
  return { name: "teams", path: TEAMS_PATH, router };
}
