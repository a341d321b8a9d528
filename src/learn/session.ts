// The interactive part of `npm run kb:learn`: what to walk through (grouped unanswered questions, most asked
// first, then the entries with 👎), the engine's best candidates for each, and the editor's choice per item.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isSeq, parseDocument } from "yaml";
import type { Engine } from "../engine/types.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import type { FeedbackReport, GriffieReport } from "../report/build.ts";
import type { HandoffRow } from "../store/port.ts";
import { cleanQuestion, normalizeQuestion } from "./add-question.ts";

/** Phrasings the griffie marked "not our topic", kept in the knowledge folder so the decision is reviewed in git. */
export const NOT_OUR_TOPIC_FILE = "niet-ons-onderwerp.yml";

export interface Candidate {
  id: string;
  title: string;
  /** 0..1 for engine candidates; null for the stored best guess. */
  score: number | null;
}

export type LearnItem =
  | { kind: "unanswered"; count: number; question: string; variants: string[]; candidates: Candidate[] }
  | {
      kind: "negative";
      feedback: FeedbackReport;
      /** Questions this answer was given to, as far as known: those sent on to the griffie after the 👎. */
      asked: string[];
      /** The engine's best entries for the first of those questions. */
      candidates: Candidate[];
    };

export interface LearnIo {
  print(line: string): void;
  ask(prompt: string): Promise<string>;
}

export interface LearnActions {
  apply(entryId: string, question: string): Promise<void>;
  dismiss(question: string): Promise<void>;
}

export const MAX_CANDIDATES = 3;

/** The engine's best entries for a question, then the stored best guess; at most MAX_CANDIDATES, no doubles. */
export function candidatesFor(
  question: string,
  engine: Engine,
  kb: KnowledgeBase,
  storedGuess: string | null,
): Candidate[] {
  const reply = engine.ask(question);
  const out: Candidate[] = [];
  const push = (id: string, score: number | null) => {
    const e = kb.byId.get(id);
    if (e && !out.some((c) => c.id === id)) out.push({ id, title: e.title, score });
  };
  if (reply.answer) push(reply.answer.id, reply.confidence);
  for (const a of reply.alternatives) if (a.score > 0) push(a.id, a.score);
  if (storedGuess) push(storedGuess, null);
  return out.slice(0, MAX_CANDIDATES);
}

/**
 * Whether a group was marked "not our topic": by any phrasing shown for it (its most asked one can change as people
 * keep asking, and the one marked may since have become a variant).
 */
export function isDismissedGroup(
  group: Pick<GriffieReport["unanswered"][number], "example" | "variants">,
  dismissed: ReadonlySet<string>,
): boolean {
  return [group.example, ...group.variants].some((q) => dismissed.has(normalizeQuestion(q)));
}

const questionIndexes = new WeakMap<KnowledgeBase, Map<string, { id: string; title: string }>>();

/**
 * The entry a group was already attached to: one whose `questions` hold a phrasing shown for the group (the stored
 * questions stay in the report until the retention period ends, also after kb:learn added them to an entry).
 */
export function attachedEntry(
  group: Pick<GriffieReport["unanswered"][number], "example" | "variants">,
  kb: KnowledgeBase,
): { id: string; title: string } | null {
  let index = questionIndexes.get(kb);
  if (!index) {
    index = new Map();
    for (const e of kb.entries)
      for (const q of e.questions) if (!index.has(normalizeQuestion(q))) index.set(normalizeQuestion(q), e);
    questionIndexes.set(kb, index);
  }
  for (const q of [group.example, ...group.variants]) {
    const e = index.get(normalizeQuestion(q));
    if (e) return { id: e.id, title: e.title };
  }
  return null;
}

/** Most phrasings shown for a 👎 answer. */
export const MAX_ASKED = 3;

export function learnItems(
  report: GriffieReport,
  engine: Engine,
  kb: KnowledgeBase,
  dismissed: ReadonlySet<string>,
  /** Hand-offs of the period: after a 👎 they hold the question the answer was given to (best guess = the entry). */
  handoffs: readonly Pick<HandoffRow, "question" | "bestGuess">[] = [],
): LearnItem[] {
  const items: LearnItem[] = [];
  for (const g of report.unanswered) {
    if (isDismissedGroup(g, dismissed) || attachedEntry(g, kb)) continue;
    items.push({
      kind: "unanswered",
      count: g.count,
      question: g.example,
      variants: g.variants,
      candidates: candidatesFor(g.example, engine, kb, g.bestGuess?.id ?? null),
    });
  }
  for (const f of report.negativeFeedback) {
    const asked: string[] = [];
    for (const h of handoffs) {
      const q = cleanQuestion(h.question);
      if (h.bestGuess !== f.entryId || !q || asked.some((a) => normalizeQuestion(a) === normalizeQuestion(q))) continue;
      if (asked.push(q) >= MAX_ASKED) break;
    }
    const candidates = asked[0] ? candidatesFor(asked[0], engine, kb, null) : [];
    items.push({ kind: "negative", feedback: f, asked, candidates });
  }
  return items;
}

export async function readDismissed(dir: string): Promise<Set<string>> {
  const text = await readFile(join(dir, NOT_OUR_TOPIC_FILE), "utf8").catch(() => null);
  if (text === null) return new Set();
  const doc = parseDocument(text);
  const seq = doc.get("questions", true);
  return new Set(
    isSeq(seq) ? seq.items.map((i) => normalizeQuestion(String((i as { value?: unknown }).value ?? ""))) : [],
  );
}

/** Appends a phrasing to niet-ons-onderwerp.yml (created with an explanation when missing). */
export async function writeDismissed(dir: string, question: string): Promise<void> {
  const file = join(dir, NOT_OUR_TOPIC_FILE);
  const text =
    (await readFile(file, "utf8").catch(() => null)) ??
    "# Vragen die de griffie heeft beoordeeld als 'niet ons onderwerp' (npm run kb:learn slaat ze voortaan over).\nquestions: []\n";
  const doc = parseDocument(text);
  let seq = doc.get("questions", true);
  if (!isSeq(seq)) {
    doc.set("questions", doc.createNode([]));
    seq = doc.get("questions", true);
  }
  if (!isSeq(seq)) return;
  if (
    seq.items.some(
      (i) => normalizeQuestion(String((i as { value?: unknown }).value ?? "")) === normalizeQuestion(question),
    )
  )
    return;
  seq.flow = false;
  seq.add(doc.createNode(cleanQuestion(question)));
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}

const pct = (n: number | null): string =>
  n === null ? "beste gok bij het stellen" : `zekerheid ${Math.round(n * 100)}%`;
const oneLine = (s: string): string => cleanQuestion(s);

const HELP_UNANSWERED =
  "Keuze: 1-3 = koppel aan die kandidaat · k <id> = koppel aan een ander onderwerp · a <tekst> = andere formulering · n = niet ons onderwerp · s = overslaan · q = stoppen";
const HELP_NEGATIVE =
  "Keuze: k <id> <vraag> = voeg een formulering toe aan een onderwerp · s = overslaan · q = stoppen";
const HELP_NEGATIVE_ASKED =
  "Keuze: 1-3 = koppel de eerste vraag aan die kandidaat · k <id> = koppel haar aan een ander onderwerp · k <id> <vraag> = voeg een andere formulering toe · s = overslaan · q = stoppen";

/** Walks the items; returns how many changes were made. Unknown input asks again. */
export async function runLearnSession(
  items: readonly LearnItem[],
  kb: KnowledgeBase,
  io: LearnIo,
  actions: LearnActions,
): Promise<number> {
  let changes = 0;
  if (items.length === 0) {
    io.print("Er zijn geen onbeantwoorde vragen of 👎-reacties om te bekijken.");
    return 0;
  }
  for (const [n, item] of items.entries()) {
    io.print("");
    if (item.kind === "unanswered") {
      let question = item.question;
      io.print(`[${n + 1}/${items.length}] ${item.count}× "${oneLine(question)}"`);
      if (item.variants.length)
        io.print(`    Ook gesteld als: ${item.variants.map((v) => `"${oneLine(v)}"`).join(", ")}`);
      if (item.candidates.length === 0) io.print("    Geen kandidaten gevonden.");
      item.candidates.forEach((c, i) => io.print(`    ${i + 1}) ${oneLine(c.title)} [${c.id}] (${pct(c.score)})`));
      for (;;) {
        const answer = (await io.ask(`${HELP_UNANSWERED}\n> `)).trim();
        if (answer === "q") return changes;
        if (answer === "s" || answer === "") break;
        if (answer === "n") {
          // The phrasing people asked marks the group, also when the editor typed another one (a <tekst>).
          await actions.dismiss(item.question);
          changes++;
          io.print("    Gemarkeerd als 'niet ons onderwerp'.");
          break;
        }
        if (answer.startsWith("a ")) {
          question = answer.slice(2).trim();
          io.print(`    Formulering: "${oneLine(question)}"`);
          continue;
        }
        const pick = /^[1-9]$/.test(answer) ? item.candidates[Number(answer) - 1]?.id : /^k\s+(\S+)$/.exec(answer)?.[1];
        if (pick && kb.byId.has(pick)) {
          await actions.apply(pick, question);
          changes++;
          break;
        }
        io.print(pick ? `    Geen onderwerp met id "${pick}".` : "    Dat begrijp ik niet.");
      }
    } else {
      const f = item.feedback;
      io.print(
        `[${n + 1}/${items.length}] 👎 ${f.negative}× / 👍 ${f.positive}× bij "${oneLine(f.title)}" [${f.entryId}]`,
      );
      for (const c of f.comments.slice(0, 5)) io.print(`    ${c.helpful ? "👍" : "👎"} "${oneLine(c.comment)}"`);
      const asked = item.asked[0];
      if (asked) {
        io.print(`    Gevraagd als: ${item.asked.map((q) => `"${oneLine(q)}"`).join(", ")}`);
        item.candidates.forEach((c, i) => io.print(`    ${i + 1}) ${oneLine(c.title)} [${c.id}] (${pct(c.score)})`));
      }
      for (;;) {
        const answer = (await io.ask(`${asked ? HELP_NEGATIVE_ASKED : HELP_NEGATIVE}\n> `)).trim();
        if (answer === "q") return changes;
        if (answer === "s" || answer === "") break;
        const m = /^k\s+(\S+)(?:\s+(.+))?$/.exec(answer);
        const pick = asked && /^[1-9]$/.test(answer) ? item.candidates[Number(answer) - 1]?.id : m?.[1];
        const question = m?.[2] ?? asked;
        if (pick && question && kb.byId.has(pick)) {
          await actions.apply(pick, question);
          changes++;
          break;
        }
        io.print(pick && question ? `    Geen onderwerp met id "${pick}".` : "    Dat begrijp ik niet.");
      }
    }
  }
  return changes;
}
