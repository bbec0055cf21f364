// Importing a teacher's question bank (GIFT or CSV). The bank is an article of source BANK with
// no text: one fact per question (the question's answer as the fact's value, the file's name as
// its source, no article sentence), so answers to its questions reach review, mastery, results
// and item analysis as any question's do. Like an imported article it is its teacher's (and
// their students') until shared. Its questions come in as a set of the teacher's own, in the
// file's order. A file with any problem stores nothing. See docs/decisions/0010-question-banks.md.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import { answerInWords, problemLine, readBankFile, type BankFile } from "@/lib/banks/read";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { slugFor } from "@/lib/imports/mutations";
import { stableKey } from "@/lib/questions/hash";
import { GENERATOR_VERSION } from "@/lib/questions/types";

type Actor = Pick<CurrentUser, "id" | "role">;

/** The most problems listed at once (a broken file can have one on every line). */
const LISTED_PROBLEMS = 20;

export interface ImportBankInput {
  fileName: string;
  text: string;
}

/** The file read and checked, or an AppError listing its problems by line. */
export function readOrRefuse({ fileName, text }: ImportBankInput): BankFile {
  const file = readBankFile(fileName, text);
  if (!("format" in file) || file.problems.length > 0) {
    const { problems } = file;
    const listed = problems.slice(0, LISTED_PROBLEMS).map(problemLine);
    if (problems.length > LISTED_PROBLEMS) listed.push(`… and ${problems.length - LISTED_PROBLEMS} more.`);
    throw new AppError(
      "invalid_input",
      `${problems.length === 1 ? "The file has a problem" : `The file has ${problems.length} problems`}; nothing was imported. ${listed.join(" ")}`,
      { file: listed.join("\n") },
    );
  }
  return file;
}

/** The bank's name: the file's name without its extension. */
export const bankTitleOf = (fileName: string) =>
  fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.(gift|txt|csv)$/i, "")
    .trim()
    .slice(0, 200) || "Question bank";

/**
 * Stores the bank, its facts and questions, and a set of them owned by the teacher, in one
 * transaction. Returns the set, to assign at once.
 */
export async function importBank(
  db: Db,
  teacher: Actor,
  input: ImportBankInput,
  now = new Date(),
): Promise<{ setId: string; slug: string; imported: number; skipped: number }> {
  const file = readOrRefuse(input);
  const title = bankTitleOf(input.fileName);
  const day = now.toISOString().slice(0, 10);
  let slug = `bank-${slugFor(title, day)}`;
  for (let n = 2; await db.article.findUnique({ where: { slug }, select: { id: true } }); n++)
    slug = `bank-${slugFor(title, day)}-${n}`;
  const fileName = input.fileName.replace(/^.*[\\/]/, "").slice(0, 200);
  const setId = await db.$transaction(
    async (tx) => {
      const article = await tx.article.create({
        data: {
          slug,
          title,
          outlet: fileName,
          publishedOn: new Date(`${day}T00:00:00.000Z`),
          body: "",
          source: "BANK",
          ownerId: teacher.id,
          shared: false,
        },
        select: { id: true },
      });
      const questionIds: string[] = [];
      for (const [at, { question, content }] of file.checked.entries()) {
        const key = `q${at + 1}`;
        const answer = answerInWords(question.type, content);
        const fact = await tx.fact.create({
          data: {
            articleId: article.id,
            key,
            subject: question.stem,
            relation: "answer",
            answer,
            answerType: question.type === "NUMERIC" ? "NUMBER" : "PHRASE",
            quote: "",
            asOf: now,
            contentHash: stableKey([question.stem, answer]),
          },
          select: { id: true },
        });
        const quote = question.source ?? "";
        const snapshot = JSON.stringify({
          key: `bank~${slug}~${key}`,
          type: question.type,
          factKeys: [key],
          quote,
          stem: content.stem,
          explanation: question.explanation,
          options: content.options,
          answerText: content.answerText ?? undefined,
          answerNumber: content.answerNumber ?? undefined,
          tolerance: content.tolerance ?? undefined,
        });
        const created = await tx.question.create({
          data: {
            articleId: article.id,
            type: question.type,
            key: `bank~${slug}~${key}`,
            generatorVersion: GENERATOR_VERSION,
            status: "SERVED",
            stem: content.stem,
            explanation: question.explanation,
            quote,
            asOf: now,
            answerText: content.answerText,
            answerNumber: content.answerNumber,
            tolerance: content.tolerance,
            options: { create: content.options },
            facts: { create: { factId: fact.id } },
            versions: {
              create: {
                version: 1,
                stem: content.stem,
                explanation: question.explanation,
                snapshot,
                editedById: teacher.id,
              },
            },
          },
          select: { id: true },
        });
        questionIds.push(created.id);
      }
      const set = await tx.questionSet.create({
        data: {
          title,
          kind: "CUSTOM",
          ownerId: teacher.id,
          items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
        },
        select: { id: true },
      });
      return set.id;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { setId, slug, imported: file.checked.length, skipped: file.skipped.length };
}
