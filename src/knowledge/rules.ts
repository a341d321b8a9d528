// Content rules for text that users see (title, summary, questions, body and checklist items).
// Safety rules always apply (the bot never loads an entry that breaks them): links only to https or mailto,
// no raw HTML, no chat mentions such as <!channel> or <@U123>. Editorial rules apply in kb:check (the editors'
// contract in knowledge/README.md): at least 6 questions, no notes to editors, topic bodies of at most 300
// words, checklist items phrased as checks.
import { readFileSync } from "node:fs";

export const MIN_QUESTIONS = 6;
export const MAX_TOPIC_WORDS = 300;

/** A text field to check: its field name for messages, and the line of each character offset. */
export interface TextField {
  field: string;
  text: string;
  /** Line in the file of the character at `offset` in `text`. */
  lineAt: (offset: number) => number;
}

export interface RuleProblem {
  line: number;
  field: string;
  message: string;
}

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const phrases: string[] = (
  JSON.parse(readFileSync(new URL("./editor-phrases.json", import.meta.url), "utf8")) as { phrases: string[] }
).phrases.map(fold);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const EDITOR_PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(escapeRe).join("|")})(?![\\p{L}\\p{N}])`, "gu");

// Chat mentions and broadcasts (<!channel>, <!here>, <@U123>, <#C123>); also catches HTML comments and doctypes.
const MENTION = /<[!@#]/g;
// An HTML tag: <name ...>, </name>, <name/>. Markdown autolinks (<https://...>) have a ':' after the name.
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
// Link destinations: inline [text](dest), images ![alt](dest), reference definitions [id]: dest, autolinks <scheme:...>.
const INLINE_LINK = /\]\(\s*<?([^)>\s]*)/g;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*<?(\S*)/gm;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>/gi;
const SAFE_DEST = /^(?:https:\/\/[^\s/]|mailto:\S)/i;

/** Problems that make an entry unsafe to show anywhere. */
export function safetyProblems(fields: readonly TextField[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const f of fields) {
    const add = (offset: number, message: string) => out.push({ line: f.lineAt(offset), field: f.field, message });
    for (const re of [INLINE_LINK, REF_DEF, AUTOLINK]) {
      for (const m of f.text.matchAll(re)) {
        const dest = (m[1] ?? "").trim();
        if (!SAFE_DEST.test(dest)) add(m.index, `link to "${dest.slice(0, 60)}": only https:// and mailto: links are allowed`);
      }
    }
    for (const m of f.text.matchAll(MENTION)) add(m.index, `chat mention or markup "${f.text.slice(m.index, m.index + 12)}" is not allowed in entries`);
    for (const m of f.text.matchAll(HTML_TAG)) add(m.index, `raw HTML "${m[0].slice(0, 40)}" is not allowed; use markdown`);
  }
  return out;
}

/** Notes to editors that leaked into user text. */
export function editorPhraseProblems(fields: readonly TextField[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const f of fields) {
    // Folding keeps character offsets unless the text itself holds combining marks (then report its first line).
    const folded = fold(f.text);
    const precomposed = !/\p{M}/u.test(f.text);
    for (const m of folded.matchAll(EDITOR_PHRASE)) {
      out.push({
        line: f.lineAt(precomposed ? m.index : 0),
        field: f.field,
        message: `"${m[0]}" reads as a note to editors; move it to the 'redactie' field or look the fact up`,
      });
    }
  }
  return out;
}

export const wordCount = (markdown: string): number =>
  markdown
    .replace(/\]\([^)]*\)/g, "]")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Sites that copy documents from elsewhere; cite the original instead. */
export const MIRROR_SITES = ["5dok.net", "5dok.org", "expydoc.com", "docslib.org", "docplayer.nl", "docplayer.net", "adoc.pub", "studeersnel.nl", "yumpu.com"];

/** Sites that copy law texts; cite the article on wetten.overheid.nl instead. */
export const LAW_MIRROR_SITES = ["wetten.legaltools.nl", "wetboek-online.nl", "mijnwetten.nl", "st-ab.nl"];

/** Why a source URL is not fit to cite (a homepage as a stand-in, or a mirror site), or null. */
export function sourceUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null; // the schema reports it
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const on = (sites: string[]) => sites.some((m) => host === m || host.endsWith(`.${m}`));
  if (on(MIRROR_SITES)) return `${host} copies documents from elsewhere; cite the original (or the title only)`;
  if (on(LAW_MIRROR_SITES)) return `${host} copies law texts; link the article on wetten.overheid.nl`;
  if ((u.pathname === "/" || u.pathname === "") && !u.search && !u.hash) return "is a homepage; link the specific page or article (or cite the title only)";
  return null;
}
