// The one place the HTML report makes text inert: control characters removed (line breaks become spaces), then
// & < > " ' escaped, so user text is safe in element content and in quoted attribute values alike.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(CONTROL, "")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
