// Reading and writing a student's memory of facts (ReviewState) in hand-written SQL
// (lib/db/sql.ts): the answer path writes it with every answer, and releasing an assignment's
// hidden results writes it later. Each write is checked: an UPDATE changes the row only if
// nobody reviewed the fact since it was read (reps counts reviews), else the batch rolls back.
import "server-only";

import { randomUUID } from "node:crypto";

import { asDate, asNullableDate, placeholders, type Sql, type SqlStatement } from "@/lib/db/sql";
import { memorySelect, newMemory, review, type MemoryState } from "@/lib/learning/memory";
import type { Grade } from "ts-fsrs";

/** A ReviewState row as read: dates as the engine returns them. */
type MemoryRow = Omit<MemoryState, "due" | "lastReview"> & { factId: string; due: unknown; lastReview: unknown };

const MEMORY_COLUMNS = Object.keys(memorySelect) as (keyof MemoryState)[];

const memoryValues = (memory: MemoryState) => MEMORY_COLUMNS.map((column) => memory[column]);

/** A student's memory rows of some facts, as read: what memoryWrites plans from. */
export type MemoryRows = readonly MemoryRow[];

const MEMORY_SELECT = `SELECT rs."factId", ${MEMORY_COLUMNS.map((c) => `rs."${c}"`).join(", ")} FROM "ReviewState" rs`;

/** The student's memory rows of the facts a question tests (read beside the answer's other reads). */
export function readQuestionMemory(sql: Sql, userId: string, questionId: string): Promise<MemoryRow[]> {
  return sql.all<MemoryRow>(
    `${MEMORY_SELECT} JOIN "QuestionFact" qf ON qf."factId" = rs."factId"
     WHERE rs."userId" = ? AND qf."questionId" = ?`,
    [userId, questionId],
  );
}

/** The statements that record one answer, rated `rating` at `answeredAt`, in the memory of each fact. */
export async function memoryWrites(
  sql: Sql,
  userId: string,
  factIds: readonly string[],
  rating: Grade,
  answeredAt: Date,
  now: Date,
): Promise<SqlStatement[]> {
  if (factIds.length === 0) return [];
  const states = await sql.all<MemoryRow>(
    `${MEMORY_SELECT} WHERE rs."userId" = ? AND rs."factId" IN (${placeholders(factIds.length)})`,
    [userId, ...factIds],
  );
  return plannedMemoryWrites(states, userId, factIds, rating, answeredAt, now);
}

/**
 * The same from rows read already: a fact with no row gets one, a fact with one is updated only
 * if its review count is still the one read.
 */
export function plannedMemoryWrites(
  states: MemoryRows,
  userId: string,
  factIds: readonly string[],
  rating: Grade,
  answeredAt: Date,
  now: Date,
): SqlStatement[] {
  return factIds.map((factId) => {
    const row = states.find((s) => s.factId === factId);
    const current: MemoryState = row
      ? { ...row, due: asDate(row.due), lastReview: asNullableDate(row.lastReview) }
      : newMemory(answeredAt);
    const next = review(current, rating, answeredAt);
    return row
      ? {
          text: `UPDATE "ReviewState" SET ${MEMORY_COLUMNS.map((c) => `"${c}" = ?`).join(", ")}, "updatedAt" = ?
                 WHERE "userId" = ? AND "factId" = ? AND "reps" = ?`,
          params: [...memoryValues(next), now, userId, factId, row.reps],
          expectChanges: 1,
        }
      : {
          text: `INSERT INTO "ReviewState" ("id", "userId", "factId", ${MEMORY_COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt")
                 VALUES (?, ?, ?, ${placeholders(MEMORY_COLUMNS.length)}, ?)`,
          params: [randomUUID(), userId, factId, ...memoryValues(next), now],
        };
  });
}
