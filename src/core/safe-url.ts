// The one URL check every renderer uses (Slack mrkdwn and blocks, Teams cards, the preview page): only https and
// mailto links are ever shown as links. Anything else (javascript:, data:, vbscript:, http:, relative paths,
// " JaVaScRiPt:" with spaces or odd casing) is dropped by the caller, which shows the label as plain text.

const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(["https:", "mailto:"]);

/**
 * The normalised URL when it is an absolute https (with a host) or mailto URL, else null. Parsed with the WHATWG
 * URL parser, the same way browsers and chat clients read it (leading spaces and control characters ignored,
 * scheme case-folded), so what passes here is what a client would open.
 */
export function safeLinkUrl(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === "https:" && !url.hostname) return null;
  if (url.username || url.password) return null;
  return url.href;
}
