// Bolt's receiver for HTTP mode, behind our request guard (./request-guard.ts) on POST /slack/events. The guard has
// read the body once, verified its signature and timestamp, and parsed it (req.body); this receiver only hands the
// parsed body to Bolt, as Bolt's own ExpressReceiver does after its (second) read, verification and parse:
// ssl_check → 200, url_verification → the challenge, everything else → App.processEvent with Bolt's ack
// (HTTPResponseAck: the ack's body is the HTTP response; no ack within ~3 s → Bolt's unhandled-request handler),
// the retry headers in the context, and Bolt's error handler for a failed dispatch. Built from Bolt's exported parts.
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Logger, type Receiver } from "@slack/bolt";
import type { Request, RequestHandler, Response } from "express";

export interface GuardedReceiverOptions {
  logger: Logger;
  /** Hold the HTTP response until the listeners finish (Bolt's processBeforeResponse); default false. */
  processBeforeResponse?: boolean;
}

export class GuardedReceiver implements Receiver {
  private bolt: App | undefined;

  constructor(private readonly opts: GuardedReceiverOptions) {}

  init(bolt: App): void {
    this.bolt = bolt;
  }

  // The HTTP server is ours (src/http/server.ts); nothing to start or stop here.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The Express handler after the guard: req.body is the verified, parsed Slack payload. */
  readonly handler: RequestHandler = (req, res) => void this.dispatch(req, res);

  private async dispatch(req: Request, res: Response): Promise<void> {
    const body = req.body as Record<string, unknown>;
    if (body.ssl_check) {
      res.send();
      return;
    }
    if (body.type === "url_verification") {
      res.json({ challenge: body.challenge });
      return;
    }
    const logger = this.opts.logger;
    const processBeforeResponse = this.opts.processBeforeResponse ?? false;
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.bolt?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      });
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      const acknowledgedByHandler = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledgedByHandler) ack.ack();
    }
  }
}
