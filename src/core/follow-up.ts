// Follow-up questions: a short message that leans on the previous question in the same conversation ("en bij een
// BVO?", "wie beslist dat?", "en de termijn?") is read in the context of the entry answered last there.
//
// How (the engine is a black box: only ask(), entries and threshold are used):
//  1. The engine answers the message on its own first. Only a short message (at most `max_words`) that opens like
//     a follow-up ("en …", "maar …") or is a question that refers back ("dat", "die", "daarvan") or that the engine
//     cannot answer confidently on its own may lean on context (src/core/language/follow-up.yml) — unless the engine
//     says it is off-topic (no content word the base knows, and no reference back: "en wat eten we vanavond?",
//     "en hoe is het weer?"). Anything else,
//     above all a new, complete question, ignores the context, and the store is not even read.
//  2. For such a message the conversation's context (the entry answered last, kept in the store for FOLLOW_UP_MINUTES) is
//     read, and the engine is asked again with that entry's title as a context clause before the message.
//  3. That combined answer is used only when it is confident. When it just repeats the previous entry while the
//     message has a topic of its own (a confident answer on another entry: "en bij een BVO?" after a zienswijze;
//     or a best entry whose title it names: "en bij uittreden?"), the message's own reply wins. A reply answered from context carries `followUp` (the previous entry), and every
//     adapter says so above the answer ("Opgevat als vervolgvraag op …"). A confident combined reply on the previous
//     entry itself that the engine calls ambiguous only for a tie (its checklist just as strong) becomes an answer:
//     the conversation is about that entry.
// Every answer in a conversation becomes its new context; help and unknown replies leave the context as it was.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseWordLists } from "../engine/language.ts";
import type { Engine } from "../engine/types.ts";
import type { Logger } from "../log.ts";
import type { Reply } from "../reply.ts";
import type { Store } from "../store/port.ts";
import { MAX_QUESTION_CHARS } from "../limits.ts";

const word = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, "must be folded words (a-z, 0-9) separated by one space");

const cuesSchema = z.strictObject({
  version: z.literal(1),
  max_words: z.number().int().min(1).max(30),
  openers: z.array(word).min(1),
  question_words: z.array(word.regex(/^[a-z0-9]+$/, "must be one folded word")),
  references: z.array(word.regex(/^[a-z0-9]+$/, "must be one folded word")),
  final_references: z.array(word.regex(/^[a-z0-9]+$/, "must be one folded word")),
  aspects: z.array(word.regex(/^[a-z0-9]+$/, "must be one folded word")),
  small_words: z.array(word.regex(/^[a-z0-9]+$/, "must be one folded word")),
});

export interface FollowUpCues {
  maxWords: number;
  /** Each opener as its words ("hoe zit het met" → 4 words). */
  openers: readonly (readonly string[])[];
  questionWords: ReadonlySet<string>;
  references: ReadonlySet<string>;
  finalReferences: ReadonlySet<string>;
  /** Words that ask about a side of the previous topic ("termijn", "kosten"), not a topic of their own. */
  aspects: ReadonlySet<string>;
  /** Small words without a topic ("de", "bij", "een"). */
  smallWords: ReadonlySet<string>;
}

export const CUES_FILE = join(import.meta.dirname, "language", "follow-up.yml");

/** Parses and validates the cue lists; throws an Error naming the file and every problem (a word listed twice too). */
export function parseCues(raw: string, file = CUES_FILE): FollowUpCues {
  const d = parseWordLists(raw, cuesSchema, file);
  return {
    maxWords: d.max_words,
    openers: d.openers.map((o) => o.split(" ")),
    questionWords: new Set(d.question_words),
    references: new Set(d.references),
    finalReferences: new Set(d.final_references),
    aspects: new Set(d.aspects),
    smallWords: new Set(d.small_words),
  };
}

/** The cue lists, loaded once. */
export const followUpCues: FollowUpCues = parseCues(readFileSync(CUES_FILE, "utf8"));

/** Lower case, accents removed, split into words of a-z and 0-9 ("Wíe beslist dát?" → ["wie", "beslist", "dat"]). */
export function foldedWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The opener a message starts with ("en", "hoe zit het met"), as its words; undefined when it has none. */
function openerOf(words: readonly string[], cues: FollowUpCues): readonly string[] | undefined {
  return cues.openers.find((o) => o.every((w, i) => words[i] === w));
}

/** True when a message opens like a follow-up: "en …", "maar …", "hoe zit het met …". */
export function opensAsFollowUp(words: readonly string[], cues: FollowUpCues = followUpCues): boolean {
  return openerOf(words, cues) !== undefined;
}

/** True when a message refers back: "dat", "die", "daarvan" anywhere, or "het"/"er" at the end. */
export function refersBack(words: readonly string[], cues: FollowUpCues = followUpCues): boolean {
  if (words.some((w) => cues.references.has(w))) return true;
  const last = words[words.length - 1];
  return last !== undefined && cues.finalReferences.has(last);
}

/**
 * True when a message asks only about a side of what came before: after its opener, every word is a question word,
 * a reference, an aspect ("termijn", "kosten") or a small word ("en de termijn?", "hoe zit het met de kosten?").
 */
export function asksOnlyAnAspect(words: readonly string[], cues: FollowUpCues = followUpCues): boolean {
  const rest = words.slice(openerOf(words, cues)?.length ?? 0);
  const isAspect = (w: string) => cues.aspects.has(w);
  const carriesNoTopic = (w: string) =>
    isAspect(w) ||
    cues.smallWords.has(w) ||
    cues.questionWords.has(w) ||
    cues.references.has(w) ||
    cues.finalReferences.has(w);
  return rest.some(isAspect) && rest.every(carriesNoTopic);
}

/** A question: ends with a question mark or starts with a question word ("wie", "wat", "geldt", …). */
export function isQuestion(text: string, words: readonly string[], cues: FollowUpCues = followUpCues): boolean {
  return /\?\s*$/.test(text) || (words[0] !== undefined && cues.questionWords.has(words[0]));
}

/** An answer the engine stands behind: an entry with a confidence at or above the engine's answer threshold. */
export function isConfident(reply: Reply, threshold: number): boolean {
  return (
    reply.answer !== null &&
    (reply.status === "answer" || reply.status === "ambiguous") &&
    reply.confidence >= threshold
  );
}

/**
 * Whether a message may lean on the conversation's context (step 1): short, and either opening like a follow-up
 * ("en de termijn"), or a question that refers back ("wie beslist dat?") or that the engine cannot answer
 * confidently on its own and that has no word the base does not know ("de termijn?", not "wat kost een brood").
 * Help replies ("hallo", "dank u") and remarks ("ok") never do.
 */
export function mayBeFollowUp(
  text: string,
  own: Reply,
  threshold: number,
  cues: FollowUpCues = followUpCues,
  topic?: TopicWords,
): boolean {
  if (own.status === "help") return false;
  const words = foldedWords(text);
  if (words.length === 0 || words.length > cues.maxWords) return false;
  if (topic && isOffTopic(words, topic, cues)) return false;
  if (opensAsFollowUp(words, cues)) return true;
  if (!isQuestion(text, words, cues)) return false;
  if (refersBack(words, cues)) return true;
  // Neither "en …" nor a word pointing back: a question with a word the base does not know brings a topic of its
  // own ("wat kost een brood"), so it is a new question, not one about the previous answer.
  return !isConfident(own, threshold) && !(topic && topic.unknown > 0);
}

/** The engine's count of a message's own content words that the base knows and does not know (Engine.topicWords). */
export interface TopicWords {
  known: number;
  unknown: number;
}

/**
 * An off-topic message that only looks like a follow-up: none of its content words is known to the base ("en wat
 * eten we vanavond?", "en hoe is het weer?": only unknown or everyday words) and it does not refer back either
 * ("wie beslist dat?" does, whatever the base knows of "beslist"). The context would otherwise carry it to the
 * previous entry.
 */
export function isOffTopic(words: readonly string[], topic: TopicWords, cues: FollowUpCues = followUpCues): boolean {
  return topic.known === 0 && !refersBack(words, cues);
}

/** Shortest word that counts as naming a topic ("uittreden", "begroting"; not "raad", "voor", "een"). */
const MIN_TOPIC_WORD = 5;

/** True when the message names the title of its own best entry: "en bij uittreden?" → "Checklist uittreden …". */
export function namesTopicOf(text: string, title: string): boolean {
  const words = new Set(foldedWords(text).filter((w) => w.length >= MIN_TOPIC_WORD));
  return foldedWords(title).some((w) => words.has(w));
}

/** The question asked with the previous entry as context: "<title>. <message>". */
export const combinedQuestion = (previousTitle: string, text: string): string =>
  `${previousTitle.replace(/[.?!\s]+$/, "")}. ${text.trim()}`.slice(0, MAX_QUESTION_CHARS);

/** Steps 2 and 3 for a message that may be a follow-up and a known previous entry: the reply to give. */
export function resolveFollowUp(
  engine: Pick<Engine, "ask" | "threshold">,
  text: string,
  own: Reply,
  previous: { id: string; title: string },
  cues: FollowUpCues = followUpCues,
): Reply {
  const combined = engine.ask(combinedQuestion(previous.title, text));
  if (!isConfident(combined, engine.threshold)) return own;
  const ownAnswer = isConfident(own, engine.threshold) ? own.answer : null;
  // The context added nothing: the message is answered the same way on its own.
  if (ownAnswer && combined.answer!.id === ownAnswer.id) return own;
  // The context only repeats the previous entry, while the message has a topic of its own: a confident answer on
  // another entry ("en bij een BVO?"), or a best entry whose title it names ("en bij uittreden?"). A message that
  // asks only about a side of the previous topic ("en de termijn?") has no topic of its own.
  if (combined.answer!.id === previous.id && own.answer && own.answer.id !== previous.id) {
    const ownTopic = !asksOnlyAnAspect(foldedWords(text), cues);
    if (ownTopic && (ownAnswer || namesTopicOf(text, own.answer.title))) return own;
  }
  // The conversation is about the previous entry: a tie between it and a neighbour (its checklist) is no doubt.
  const status = combined.answer!.id === previous.id && combined.status === "ambiguous" ? "answer" : combined.status;
  return { ...combined, status, followUp: { entryId: previous.id, title: previous.title } };
}

export interface FollowUpDeps {
  engine: Pick<Engine, "ask" | "threshold" | "entries" | "topicWords">;
  store: Pick<Store, "getConversationContext" | "setConversationContext">;
  /** How long a conversation's context lives after its last answer. */
  ttlMs: number;
  log: Logger;
  cues?: FollowUpCues;
}

export interface FollowUps {
  /** The reply to a message in a conversation: its own, or one answered from the conversation's context. */
  resolve(text: string, own: Reply, conversation: string): Promise<Reply>;
  /** Makes an answer the conversation's new context (no-op for help and unknown replies). */
  remember(conversation: string, reply: Reply): Promise<void>;
}

/** Never the conversation key or text in a warning: only what kind of error it was. */
const errorKind = (err: unknown) => ({ name: (err as Error).name, code: (err as { code?: unknown }).code });

export function createFollowUps({ engine, store, ttlMs, log, cues = followUpCues }: FollowUpDeps): FollowUps {
  const byId = new Map(engine.entries.map((e) => [e.id, e]));
  return {
    async resolve(text, own, conversation) {
      if (!store.getConversationContext) return own;
      if (!mayBeFollowUp(text, own, engine.threshold, cues, engine.topicWords?.(text))) return own;
      let entryId: string | undefined;
      try {
        entryId = (await store.getConversationContext(conversation))?.entryId;
      } catch (err) {
        log.warn({ err: errorKind(err) }, "could not read a conversation context");
        return own;
      }
      // An entry removed by a knowledge reload since is no context any more.
      const previous = entryId === undefined ? undefined : byId.get(entryId);
      return previous ? resolveFollowUp(engine, text, own, previous, cues) : own;
    },

    async remember(conversation, reply) {
      if (!store.setConversationContext || !reply.answer) return;
      if (reply.status !== "answer" && reply.status !== "ambiguous") return;
      try {
        await store.setConversationContext(conversation, reply.answer.id, ttlMs);
      } catch (err) {
        log.warn({ err: errorKind(err) }, "could not store a conversation context");
      }
    },
  };
}
