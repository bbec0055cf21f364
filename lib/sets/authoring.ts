// A teacher's options and answers: editing those of a question (a new version, for everyone or
// as their own version, by the same rule as rewording: lib/sets/mutations.ts changeQuestion), and
// writing a question of their own on facts of an article they can see. What they typed is
// checked first (lib/questions/authoring.ts), against the article's facts and the entity bank
// for a multiple-choice question's wrong options.
//
// A question a teacher writes is always theirs alone (ownerId, no copyOfId), even on an article
// they own: it is in their view and their sets only, and the generator never touches it (a
// regeneration of the article keeps it as it is). It is graded, and its answers update memory
// of the facts it tests, as any question.
import "server-only";

import { randomUUID } from "node:crypto";

import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { entityInputs } from "@/lib/imports/mutations";
import {
  checkAuthoredAnswer,
  type ArticleTruth,
  type AuthoredAnswer,
  type AuthoredContent,
} from "@/lib/questions/authoring";
import { buildContext } from "@/lib/questions/context";
import { toGeneratorEntity } from "@/lib/questions/from-content";
import { GENERATOR_VERSION, type GeneratorFact } from "@/lib/questions/types";
import { changeQuestion, describeChange } from "@/lib/sets/mutations";
import { questionInViewOf } from "@/lib/sets/queries";

type Actor = Pick<CurrentUser, "id" | "role">;
type Reader = Db | Prisma.TransactionClient;

const MESSAGE = "Please correct the fields marked below.";

/** The article's facts and the entity bank, as the generator reads them, to check options against. */
async function articleTruth(
  db: Reader,
  articleId: string,
  factKey: string | undefined,
): Promise<ArticleTruth | undefined> {
  if (!factKey) return undefined;
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      slug: true,
      title: true,
      outlet: true,
      publishedOn: true,
      body: true,
      facts: {
        where: { retiredAt: null },
        select: {
          key: true,
          subject: true,
          relation: true,
          answer: true,
          answerType: true,
          answerKind: true,
          unit: true,
          qualifier: true,
          quote: true,
          asOf: true,
          claimedBy: true,
          supersededById: true,
          aliases: { select: { alias: true } },
        },
      },
    },
  });
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const facts: GeneratorFact[] = article.facts.map((f) => ({
    key: f.key,
    subject: f.subject,
    relation: f.relation,
    answer: f.answer,
    type: f.answerType.toLowerCase() as GeneratorFact["type"],
    ...(f.answerKind ? { kind: f.answerKind } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.qualifier ? { qualifier: f.qualifier } : {}),
    aliases: f.aliases.map((a) => a.alias),
    quote: f.quote,
    asOf: day(f.asOf),
    ...(f.claimedBy ? { claimedBy: f.claimedBy } : {}),
    ...(f.supersededById ? { superseded: true } : {}),
  }));
  const entities = (await entityInputs(db as Db)).map(toGeneratorEntity);
  const ctx = buildContext(
    {
      slug: article.slug,
      title: article.title,
      outlet: article.outlet,
      publishedOn: day(article.publishedOn),
      body: article.body,
    },
    facts,
    entities,
  );
  const record = ctx.factByKey.get(factKey);
  return record ? { record, ctx } : undefined;
}

/** Checks what the teacher typed, or throws the problems under their fields. */
function checked(stem: string, answer: AuthoredAnswer, truth: ArticleTruth | undefined): AuthoredContent {
  const result = checkAuthoredAnswer(stem, answer, truth);
  if (!result.ok) throw new AppError("invalid_input", MESSAGE, result.fieldErrors);
  return result.content;
}

/** The whole question as a version keeps it (QuestionVersion.snapshot), in the generator's shape. */
function snapshotOf(
  previous: string | undefined,
  fields: { stem: string; explanation: string } & Omit<AuthoredContent, "stem">,
): string {
  return JSON.stringify({
    ...(JSON.parse(previous ?? "{}") as object),
    stem: fields.stem,
    explanation: fields.explanation,
    options: fields.options.map(({ text, isCorrect, matchText, correctPosition }) => ({
      text,
      isCorrect,
      ...(matchText !== null ? { matchText } : {}),
      ...(correctPosition !== null ? { correctPosition } : {}),
    })),
    answerText: fields.answerText ?? undefined,
    answerNumber: fields.answerNumber ?? undefined,
    tolerance: fields.tolerance ?? undefined,
  });
}

const sameContent = (a: Omit<AuthoredContent, "stem">, b: Omit<AuthoredContent, "stem">): boolean =>
  JSON.stringify([a.answerText, a.answerNumber, a.tolerance, a.options]) ===
  JSON.stringify([b.answerText, b.answerNumber, b.tolerance, b.options]);

const optionSelect = {
  orderBy: { position: "asc" as const },
  select: { position: true, text: true, isCorrect: true, matchText: true, correctPosition: true },
};

/**
 * New options and answer for a question: a new version (answers given earlier keep the version
 * they answered, and their marks), for everyone when the teacher may change it for everyone,
 * otherwise of the teacher's own version. A question the teacher wrote changes in place.
 */
export async function editQuestionAnswer(db: Db, teacher: Actor, questionId: string, answer: AuthoredAnswer) {
  // Checked before the transaction (the article's facts and the bank are read and indexed), on the
  // question the teacher sees: their own version of it if they have one.
  const seen = await db.question.findFirst({
    where: {
      AND: [questionInViewOf(teacher), { OR: [{ id: questionId }, { copyOfId: questionId, ownerId: teacher.id }] }],
    },
    select: {
      type: true,
      stem: true,
      articleId: true,
      answerText: true,
      answerNumber: true,
      tolerance: true,
      options: optionSelect,
      facts: { select: { fact: { select: { key: true } } } },
    },
  });
  if (!seen) throw notFound("That question");
  if (seen.type !== answer.type)
    throw new AppError("invalid_input", "That question is of another type: reload the page.");
  const truth =
    answer.type === "MULTIPLE_CHOICE" ? await articleTruth(db, seen.articleId, seen.facts[0]?.fact.key) : undefined;
  const { stem: _stem, ...content } = checked(seen.stem, answer, truth);
  if (sameContent(seen, content))
    throw new AppError("invalid_input", "Nothing changed: change an option or the answer.");

  const change = await changeQuestion(
    db,
    teacher,
    questionId,
    async (tx, target) => {
      const current = await tx.question.findUniqueOrThrow({
        where: { id: target.id },
        select: { type: true, answerText: true, answerNumber: true, tolerance: true, options: optionSelect },
      });
      if (current.type !== answer.type) throw notFound("That question");
      if (sameContent(current, content)) return target.version;
      const version = target.version + 1;
      const snapshot = snapshotOf(target.versions[0]?.snapshot, {
        stem: target.stem,
        explanation: target.explanation,
        ...content,
      });
      await tx.questionOption.deleteMany({ where: { questionId: target.id } });
      await tx.question.update({
        where: { id: target.id },
        data: {
          answerText: content.answerText,
          answerNumber: content.answerNumber,
          tolerance: content.tolerance,
          version,
          editedById: teacher.id,
          options: { create: content.options },
          versions: {
            create: { version, stem: target.stem, explanation: target.explanation, snapshot, editedById: teacher.id },
          },
        },
      });
      return version;
    },
    (target) => ({ stem: target.stem, explanation: target.explanation, retire: false }),
    { changeCopy: true },
  );
  return describeChange(change);
}

const SEVERAL = new Set(["MATCHING", "ORDERING"]);

/**
 * A question the teacher writes on facts of an article they can see: theirs alone, served and
 * graded as any question, its source sentence the facts' quotes. Returns its id.
 */
export async function writeQuestion(
  db: Db,
  teacher: Actor,
  input: { slug: string; factKeys: string[]; stem: string; explanation: string } & AuthoredAnswer,
): Promise<{ id: string; message: string }> {
  const { slug, factKeys, stem, explanation, ...answer } = input;
  const article = await db.article.findFirst({ where: { slug, ...articleVisibleTo(teacher) }, select: { id: true } });
  if (!article) throw notFound("That article");
  const keys = [...new Set(factKeys)];
  const several = SEVERAL.has(answer.type);
  if (several ? keys.length < 2 : keys.length !== 1)
    throw new AppError("invalid_input", MESSAGE, {
      factKeys: several ? "Choose at least two facts: this question tests several." : "Choose the one fact it tests.",
    });
  const facts = await db.fact.findMany({
    where: { articleId: article.id, key: { in: keys }, retiredAt: null, supersededById: null },
    select: { id: true, key: true, quote: true, asOf: true },
  });
  if (facts.length !== keys.length)
    throw new AppError("invalid_input", MESSAGE, {
      factKeys: "Choose facts of this article that are still current.",
    });
  const inOrder = keys.map((key) => facts.find((f) => f.key === key)!);
  const truth = answer.type === "MULTIPLE_CHOICE" ? await articleTruth(db, article.id, keys[0]) : undefined;
  const content = checked(stem, answer, truth);
  const quote = inOrder.map((f) => f.quote).join(" … ");
  const asOf = inOrder.map((f) => f.asOf).sort((a, b) => b.getTime() - a.getTime())[0]!;
  const key = `own~${teacher.id}~${randomUUID()}`;
  const snapshot = snapshotOf(JSON.stringify({ key, type: answer.type, factKeys: keys, quote }), {
    ...content,
    explanation,
  });
  const created = await db.question.create({
    data: {
      articleId: article.id,
      type: answer.type,
      key,
      generatorVersion: GENERATOR_VERSION,
      status: "SERVED",
      stem: content.stem,
      explanation,
      quote,
      asOf,
      answerText: content.answerText,
      answerNumber: content.answerNumber,
      tolerance: content.tolerance,
      ownerId: teacher.id,
      editedById: teacher.id,
      options: { create: content.options },
      facts: { create: inOrder.map((f) => ({ factId: f.id })) },
      versions: { create: { version: 1, stem: content.stem, explanation, snapshot, editedById: teacher.id } },
    },
    select: { id: true },
  });
  return {
    id: created.id,
    message: "Saved as your own question: it is in your view and your sets only. Add it to a set to assign it.",
  };
}

/** The facts of an article the teacher can see that a question may test (current ones), in file order. */
export async function listWritableFacts(db: Db, teacher: Pick<CurrentUser, "id">, slug: string) {
  const facts = await db.fact.findMany({
    where: { article: { slug, ...articleVisibleTo(teacher) }, retiredAt: null, supersededById: null },
    orderBy: [{ createdAt: "asc" }, { key: "asc" }],
    select: { key: true, subject: true, relation: true, answer: true, quote: true },
  });
  return facts.map((f) => ({ key: f.key, label: `${f.subject}, ${f.relation}: ${f.answer}`, quote: f.quote }));
}
