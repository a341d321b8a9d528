// The knowledge-file frontmatter contract (docs/architecture.md, "The knowledge base"), validated with zod.
import { z } from "zod";

export const KINDS = ["topic", "term", "checklist"] as const;
export const AUDIENCES = ["raad", "ambtenaar", "griffie", "college"] as const;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const text = (min: number, what: string) =>
  z.string({ error: `must be text (${what})` }).trim().min(min, `must be at least ${min} characters (${what})`);

export const sourceSchema = z.strictObject({
  title: text(3, "the source's name"),
  // Optional: a document without a public address (e.g. a VNG presentation) is cited by its title only.
  url: z
    .string({ error: "must be a URL" })
    .trim()
    .refine((u) => {
      try {
        return new URL(u).protocol === "https:";
      } catch {
        return false;
      }
    }, "must be an https URL")
    .optional(),
});

export const frontmatterSchema = z.strictObject({
  id: z.string({ error: "must be text" }).regex(kebab, "must be kebab-case (a-z, 0-9 and -)").optional(),
  title: text(3, "the entry's title"),
  kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(", ")}` }),
  summary: text(10, "one or two sentences that answer on their own"),
  questions: z
    .array(text(3, "a question"), { error: "must be a list of questions" })
    .min(3, "needs at least 3 ways people ask it"),
  keywords: z
    .array(z.union([text(1, "a keyword"), z.number().transform(String)], { error: "must be text (a keyword)" }), { error: "must be a list" })
    .default([]),
  audience: z.array(z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(", ")}` })).default([]),
  related: z.array(z.string({ error: "must be an entry id" }), { error: "must be a list of ids" }).default([]),
  updated: z
    .union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))], {
      error: "must be a date YYYY-MM-DD (when the content was last checked)",
    })
    .refine((d) => isoDate.test(d) && !Number.isNaN(Date.parse(d)), "must be a date YYYY-MM-DD (when the content was last checked)"),
  sources: z.array(sourceSchema, { error: "must be a list of {title, url}" }).min(1, "needs at least one source"),
  /** Notes for editors (open questions, what was checked). Never shown to users. */
  redactie: z.string({ error: "must be text (notes for editors)" }).optional(),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export const synonymsSchema = z.strictObject({
  groups: z
    .array(
      z.array(z.string().trim().min(1, "must not be empty")).min(2, "a group needs at least two terms"),
      { error: "must be a list of groups (lists of terms)" },
    )
    .default([]),
});
