// A teacher's import: the pasted article, and the draft facts under review (kept as JSON
// text in ArticleDraft.factsJson, validated here on the way in and out).
import { z } from "zod";

import { ANSWER_TYPES } from "@/lib/content/schemas";

export const ImportArticleSchema = z.object({
  title: z.string().trim().min(1, "Give the article its headline.").max(300),
  outlet: z.string().trim().min(1, "Name the outlet that published it.").max(120),
  url: z.union([z.literal(""), z.url("Enter the full address, starting with https://")]).optional(),
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date it was published."),
  body: z.string().max(200_000, "The text is over 100,000 characters: paste one article at a time."),
});
export type ImportArticleInput = z.infer<typeof ImportArticleSchema>;

export const ImportLinkSchema = z.object({
  url: z.string().trim().min(1, "Paste the article's address.").max(2000, "That address is too long."),
});

export const DRAFT_KINDS = ["person-role", "relation", "number", "place", "organisation", "date"] as const;

export const ReviewedFactSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum([...DRAFT_KINDS, "manual"]),
  subject: z.string().trim().min(1).max(300),
  relation: z.string().trim().min(1).max(120),
  answer: z.string().trim().min(1).max(300),
  type: z.enum(ANSWER_TYPES),
  unit: z.string().trim().max(120).optional(),
  qualifier: z.string().trim().max(60).optional(),
  aliases: z.array(z.string().trim().min(1).max(120)).default([]),
  quote: z.string().trim().min(1).max(2000),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  claimedBy: z.string().trim().max(200).optional(),
  /** "slug#fact-id" of an earlier article's fact this one replaces. */
  supersedes: z
    .string()
    .regex(/^[a-z0-9-]+#[a-z0-9-]+$/)
    .optional(),
  status: z.enum(["pending", "accepted", "rejected"]).default("pending"),
});
export type ReviewedFact = z.infer<typeof ReviewedFactSchema>;

export const ReviewedFactsSchema = z.array(ReviewedFactSchema);

/** The fields a teacher edits on one fact (form data; empty means "not given"). */
export const FactEditSchema = z.object({
  draftId: z.string().min(1),
  factId: z.string().min(1),
  subject: z.string().trim().min(1, "Say what the fact is about.").max(300),
  relation: z.string().trim().min(1, "Give the relation, e.g. 'headed by'.").max(120),
  answer: z.string().trim().min(1, "Give the answer.").max(300),
  type: z.enum(ANSWER_TYPES, { error: "Choose the answer's type." }),
  unit: z.string().trim().max(120).optional(),
  qualifier: z.string().trim().max(60).optional(),
  aliases: z.string().trim().max(500).optional(),
  quote: z.string().trim().min(1, "Give the sentence the fact comes from.").max(2000),
  supersedes: z.string().trim().max(200).optional(),
});
export type FactEdit = z.infer<typeof FactEditSchema>;
