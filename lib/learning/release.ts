// Results kept hidden until an assignment's due date reach the student's memory only then.
// While they are hidden, an answer is stored with memoryPending set and changes nothing a
// student can see (review, mastery, progress): those would tell right from wrong early. Once
// the results are shown (the due date passed, or the teacher chose feedback at once), the
// answers are applied to memory in the order they were given, each exactly once, however many
// app servers release them at the same moment.
//
// Releasing is done where memory is read (a student's home, progress, review and export; a
// teacher's results), so no background job is needed and nothing waits longer than a page load.
import "server-only";

import { sqlOf, type Db } from "@/lib/db/client";
import { asDate, SqlConflict } from "@/lib/db/sql";
import { ratingFor } from "@/lib/learning/memory";
import { memoryWrites } from "@/lib/learning/memory-store";

export type ReleaseScope = { userId: string } | { assignmentId: string };

interface PendingRow {
  id: string;
  userId: string;
  questionId: string;
  score: number;
  responseMs: number | null;
  answeredAt: unknown;
}

/** How often one answer is tried again after another writer changed the same memory first. */
const RETRIES = 3;

/**
 * Applies every pending answer in scope whose results are shown now. Returns how many this
 * call applied (answers another server applied first are not counted).
 */
export async function releaseResults(db: Db, scope: ReleaseScope, now = new Date()): Promise<number> {
  const sql = sqlOf(db);
  const [column, id] = "userId" in scope ? ["userId", scope.userId] : ["assignmentId", scope.assignmentId];
  const pending = await sql.all<PendingRow>(
    `SELECT r."id", a."userId", r."questionId", r."score", r."responseMs", r."answeredAt"
     FROM "Attempt" a
     JOIN "Response" r ON r."attemptId" = a."id"
     LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
     WHERE a."${column}" = ? AND r."memoryPending" = ?
       AND (s."id" IS NULL OR s."feedbackPolicy" = 'IMMEDIATE' OR (s."dueAt" IS NOT NULL AND s."dueAt" <= ?))
     ORDER BY r."answeredAt", r."id"`,
    [id, true, now],
  );
  let applied = 0;
  for (const response of pending) {
    const facts = await sql.all<{ factId: string }>(`SELECT "factId" FROM "QuestionFact" WHERE "questionId" = ?`, [
      response.questionId,
    ]);
    const rating = ratingFor({ score: response.score, responseMs: response.responseMs });
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const writes = await memoryWrites(
        sql,
        response.userId,
        facts.map((f) => f.factId),
        rating,
        asDate(response.answeredAt),
        now,
      );
      try {
        await sql.batch([
          {
            // The claim: whoever turns the flag off applies the answer; anyone else finds no row.
            text: `UPDATE "Response" SET "memoryPending" = ? WHERE "id" = ? AND "memoryPending" = ?`,
            params: [false, response.id, true],
            expectChanges: 1,
          },
          ...writes,
        ]);
        applied++;
        break;
      } catch (error) {
        if (!(error instanceof SqlConflict)) throw error;
        const still = await sql.one<{ id: string }>(
          `SELECT "id" FROM "Response" WHERE "id" = ? AND "memoryPending" = ?`,
          [response.id, true],
        );
        // Released by another server; or the memory changed under us: read it again.
        if (!still) break;
        if (attempt === RETRIES) throw error;
      }
    }
  }
  return applied;
}
