// GET /privacy and /voorwaarden: the pages the Teams app manifest links to. Served in every environment
// (also in production, unlike the preview page); built once from configuration.
import { Router } from "express";
import type { AppConfig } from "../../config.ts";
import { type LegalInfo, privacyPage, termsPage } from "./content.ts";
import { renderLegalPage } from "./page.ts";

/** No scripts, no external resources; only the inline style block. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const legalInfoOf = (config: AppConfig): LegalInfo => ({
  operatorName: config.OPERATOR_NAME,
  operatorContact: config.OPERATOR_CONTACT,
  retentionDays: config.RETENTION_DAYS,
  followUpMinutes: config.FOLLOW_UP_MINUTES,
});

export function legalRouter(config: AppConfig): Router {
  const info = legalInfoOf(config);
  const pages = [privacyPage(info), termsPage(info)];
  const router = Router();
  for (const page of pages) {
    const others = pages.filter((p) => p !== page).map((p) => ({ path: p.path, title: p.title }));
    const html = renderLegalPage(page, others);
    router.get(page.path, (_req, res) => {
      res.set({
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "public, max-age=3600",
      });
      res.status(200).send(html);
    });
  }
  return router;
}
