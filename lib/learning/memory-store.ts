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
    `SELECT "factId", ${MEMORY_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "ReviewState"
     WHERE "userId" = ? AND "factId" IN (${placeholders(factIds.length)})`,
    [userId, ...factIds],
  );
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
