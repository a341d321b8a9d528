// The one normalisation of user text at the edge: every adapter, the preview page and the CLI pass what a person
// typed through normalizeUserText before it reaches the engine or the store.
//  - lone surrogates (half of an emoji, broken clients) become U+FFFD, so the text is valid UTF-8;
//  - CR/CRLF become LF; NUL, other C0 controls except tab and newline, DEL and the C1 controls are removed
//    (no terminal escapes, no NUL the database refuses);
//  - Unicode NFC, so "é" typed as e + combining accent is the same word as the precomposed one.

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Normalised user text; "" for anything that is not a string. Idempotent. */
export function normalizeUserText(input: unknown): string {
  if (typeof input !== "string") return "";
  return input.replace(LONE_SURROGATE, "\uFFFD").replace(/\r\n?/g, "\n").replace(CONTROL, "").normalize("NFC");
}

/** True when the text is already normalised (tests, assertions). */
export const isNormalizedUserText = (text: string): boolean => normalizeUserText(text) === text;
