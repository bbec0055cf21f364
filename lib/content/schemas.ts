// The shapes of the files under content/. One schema per file kind; the loader reports every
// problem with the file (and fact) it is in.
import { z } from "zod";

export const ANSWER_TYPES = ["person", "role", "number", "place", "organisation", "date", "phrase"] as const;
export type AnswerTypeName = (typeof ANSWER_TYPES)[number];

/** "is required" when a field is missing, else `message`. */
const requiredOr = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);

const isoDate = z
  .string({ error: requiredOr("must be a date written YYYY-MM-DD") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a real date");

const kebabId = z
  .string({ error: requiredOr("must be text") })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case: lower-case letters, digits and hyphens");

const text = (what = "text") => z.string({ error: requiredOr(`must be ${what}`) }).trim().min(1, "must not be empty");

export const ArticleFrontMatterSchema = z.strictObject({
  title: text(),
  outlet: text(),
  url: z.url("must be a full URL").optional(),
  published: isoDate,
  eventDate: isoDate.optional(),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>;

const NUMBER_WORDS = new Set(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion".split(
    " ",
  ),
);

/** A number as an article writes it: "1,000", "2.5", "47", or a few words ("two", "one thousand"). */
export function isWrittenNumber(value: string): boolean {
  if (/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(value)) return true;
  const words = value.toLowerCase().split(/[\s-]+/);
  return words.length > 0 && words.every((word) => NUMBER_WORDS.has(word) || word === "and");
}

export const FactSchema = z
  .strictObject({
    id: kebabId,
    subject: text(),
    relation: text(),
    answer: z.union([z.string(), z.number()], { error: requiredOr("must be text") }).transform(String).pipe(text()),
    type: z.enum(ANSWER_TYPES, { error: requiredOr(`must be one of: ${ANSWER_TYPES.join(", ")}`) }),
    kind: text().optional(),
    aliases: z.array(z.union([z.string(), z.number()]).transform(String).pipe(text()), { error: "must be a list" }).default([]),
    unit: text().optional(),
    qualifier: text().optional(),
    quote: text(),
    asOf: isoDate,
    claimedBy: text().optional(),
    /** "other-article-slug#fact-id": the earlier fact this one replaces. */
    supersedes: z
      .string()
      .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, "must be written article-slug#fact-id")
      .optional(),
  })
  .superRefine((fact, ctx) => {
    if (fact.type === "number" && !isWrittenNumber(fact.answer)) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: `"${fact.answer}" is not a number (write 1,000 or one thousand)` });
    }
    if (fact.type === "date" && !isoDate.safeParse(fact.answer).success) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "a date answer must be written YYYY-MM-DD" });
    }
    if (fact.type !== "number" && (fact.unit || fact.qualifier)) {
      ctx.addIssue({ code: "custom", path: [fact.unit ? "unit" : "qualifier"], message: "only number facts have a unit or qualifier" });
    }
    const lowerAnswer = fact.answer.toLowerCase();
    if (fact.aliases.some((alias) => alias.toLowerCase() === lowerAnswer)) {
      ctx.addIssue({ code: "custom", path: ["aliases"], message: "repeats the answer" });
    }
  });
export type FactInput = z.infer<typeof FactSchema>;

export const FactsFileSchema = z.strictObject({
  facts: z.array(z.unknown(), { error: "must be a list of facts" }).min(1, "must list at least one fact"),
});

export const ENTITY_TYPES = ["person", "role", "place", "organisation"] as const;

/** The field a post, person or organisation belongs to: a role's wrong options come from its own world. */
export const WORLDS = [
  "politics",
  "local-government",
  "law",
  "police",
  "military",
  "emergency",
  "health",
  "science",
  "space",
  "education",
  "economy",
  "sport",
  "media",
  "arts",
  "religion",
] as const;
export type World = (typeof WORLDS)[number];

export const EntitySchema = z.strictObject({
  id: kebabId,
  name: text(),
  type: z.enum(ENTITY_TYPES, { error: requiredOr(`must be one of: ${ENTITY_TYPES.join(", ")}`) }),
  kind: text().optional(),
  role: text().optional(),
  country: text().optional(),
  within: kebabId.optional(),
  world: z.enum(WORLDS, { error: `must be one of: ${WORLDS.join(", ")}` }).optional(),
  aliases: z.array(text(), { error: "must be a list" }).default([]),
});
export type EntityInput = z.infer<typeof EntitySchema>;

export const EntitiesFileSchema = z.strictObject({
  entities: z.array(z.unknown(), { error: "must be a list of entities" }),
});
