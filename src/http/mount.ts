// How a platform adapter plugs into the one HTTP server (src/http/server.ts) without the core importing it.
import type { Router } from "express";
import type { Reply } from "../reply.ts";

/** Renders a Reply the way one platform shows it; used by the preview page. */
export interface PreviewRenderer {
  /** "slack" | "teams" */
  id: string;
  label: string;
  render(reply: Reply): unknown;
  /** The same reply with its full text open (after "Lees meer"), when the platform shows it as another message. */
  renderFull?(reply: Reply): unknown;
}

export interface Mount {
  /** Name for logs, e.g. "slack". */
  name: string;
  /** Path prefix, e.g. "/slack" or "/api/messages". */
  path: string;
  router: Router;
  /** Called once after the server listens (e.g. Socket Mode connects). */
  start?(): Promise<void>;
  /** Called on shutdown. */
  stop?(): Promise<void>;
}
