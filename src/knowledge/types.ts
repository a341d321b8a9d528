// The loaded, validated knowledge base. Produced by the loader (src/knowledge/load.ts).
import type { ChecklistItem, EntryKind, Link } from "../reply.ts";

/** A cited source; `url` is absent for a document without a public address. */
export interface Citation {
  title: string;
  url?: string;
}

export type Audience = "raad" | "ambtenaar" | "griffie" | "college";

export interface KnowledgeEntry {
  id: string;
  title: string;
  kind: EntryKind;
  summary: string;
  questions: string[];
  keywords: string[];
  audience: Audience[];
  related: string[];
  /** Sources with a public address (shown as links). */
  sources: Link[];
  /** Every source as cited, including documents cited by title only (no public address). */
  citations?: Citation[];
  /** Date the content was last checked (YYYY-MM-DD). */
  updated: string;
  /** Markdown body without the task list of a checklist. */
  body: string;
  /** Checklist items parsed from the body's task list ("- [ ] ..."); empty for other kinds. */
  items: ChecklistItem[];
  /** Path relative to the knowledge folder, for messages. */
  file: string;
}

/** Synonym groups: every term in a group is expanded to the others at query time. */
export type SynonymGroups = string[][];

/** A one-way mapping of everyday Dutch to the base's words (knowledge/spreektaal.yml): `from` → `to`. */
export interface ColloquialMapping {
  from: string[];
  to: string[];
}

export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  byId: Map<string, KnowledgeEntry>;
  synonyms: SynonymGroups;
  /** Colloquial lexicon (knowledge/spreektaal.yml); empty or absent when the file is missing. */
  colloquial?: ColloquialMapping[];
  /** Ids of the featured entries (knowledge/uitgelicht.yml), in order; absent when the file is missing. */
  featured?: string[];
}
