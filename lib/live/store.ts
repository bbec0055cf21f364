// A live game's SQL: reading a game's clock, writing a change of state once (compare-and-set
// on the revision), scoring a closed question once, and the guard that keeps an answer out of
// a question that has closed. Hand-written (lib/db/sql.ts) because every player's answer and
// every event read them; the same text runs on SQLite and PostgreSQL.
import "server-only";

import { randomUUID } from "node:crypto";

import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/client";
import { asBoolean, asNullableDate, SqlConflict, type Sql, type SqlStatement, type SqlValue } from "@/lib/db/sql";
import type { GameChange, GameClock, GameStateName, Transition } from "@/lib/live/machine";
import { scoreAnswer } from "@/lib/live/scoring";

/** The channel PostgreSQL's NOTIFY carries game changes on (lib/live/hub.ts listens). */
export const LIVE_CHANNEL = "quizwire_live";

export interface GameRow extends GameClock {
  id: string;
  revision: number;
  hostId: string;
  classId: string;
  setId: string;
  assignmentId: string;
  pin: string | null;
  title: string;
  hideNames: boolean;
  allowLateJoin: boolean;
  openToGuests: boolean;
}

export async function readGame(sql: Sql, gameId: string): Promise<GameRow | null> {
  const row = await sql.one<{
    id: string;
    revision: number;
    hostId: string;
    classId: string;
    setId: string;
    assignmentId: string;
    pin: string | null;
    title: string;
    state: GameStateName;
    position: number;
    questionSeconds: number;
    openedAt: unknown;
    closesAt: unknown;
    pausedAt: unknown;
    pausedMs: number;
    hideNames: unknown;
    allowLateJoin: unknown;
    openToGuests: unknown;
    questionCount: number;
  }>(
    `SELECT g."id", g."revision", g."hostId", g."classId", g."setId", g."assignmentId", g."pin", g."title", g."state",
            g."position", g."questionSeconds", g."openedAt", g."closesAt", g."pausedAt", g."pausedMs", g."hideNames",
            g."allowLateJoin", g."openToGuests",
            CAST((SELECT COUNT(*) FROM "GameQuestion" q WHERE q."gameId" = g."id") AS INTEGER) AS "questionCount"
     FROM "Game" g WHERE g."id" = ?`,
    [gameId],
  );
  if (!row) return null;
  return {
    ...row,
    revision: Number(row.revision),
    position: Number(row.position),
    questionSeconds: Number(row.questionSeconds),
    pausedMs: Number(row.pausedMs),
    questionCount: Number(row.questionCount),
    openedAt: asNullableDate(row.openedAt),
    closesAt: asNullableDate(row.closesAt),
    pausedAt: asNullableDate(row.pausedAt),
    hideNames: asBoolean(row.hideNames),
    allowLateJoin: asBoolean(row.allowLateJoin),
    openToGuests: asBoolean(row.openToGuests),
  };
}

/** The games' revisions now (the hub's poll): one indexed read for all of them. */
export async function readRevisions(sql: Sql, gameIds: readonly string[]): Promise<Map<string, number>> {
  if (gameIds.length === 0) return new Map();
  const rows = await sql.all<{ id: string; revision: number }>(
    `SELECT "id", "revision" FROM "Game" WHERE "id" IN (${gameIds.map(() => "?").join(", ")})`,
    gameIds,
  );
  return new Map(rows.map((r) => [r.id, Number(r.revision)]));
}

/** The statement that tells every server's processes the game changed (PostgreSQL; on commit). */
export function notifyChange(gameId: string): SqlStatement {
  return { text: `SELECT pg_notify('${LIVE_CHANNEL}', ?)`, params: [gameId], postgresOnly: true };
}

const COLUMNS: Record<keyof GameChange, string> = {
  state: "state",
  position: "position",
  openedAt: "openedAt",
  closesAt: "closesAt",
  pausedAt: "pausedAt",
  pausedMs: "pausedMs",
  startedAt: "startedAt",
  endedAt: "endedAt",
};

/** Sets fields of the game and raises its revision, if it is still at `revision`. */
export function updateGame(
  gameId: string,
  revision: number | null,
  change: Record<string, SqlValue>,
  now: Date,
): SqlStatement {
  const sets = Object.keys(change).map((column) => `"${column}" = ?`);
  return {
    text: `UPDATE "Game" SET ${[...sets, `"revision" = "revision" + 1`, `"updatedAt" = ?`].join(", ")}
           WHERE "id" = ?${revision === null ? "" : ` AND "revision" = ?`}`,
    params: [...Object.values(change), now, gameId, ...(revision === null ? [] : [revision])],
    expectChanges: 1,
  };
}

/**
 * Writes a transition of the game read at `game.revision`: the game's fields, the questions that
 * close and open, and at the end the assignment's close (its results shown from now on) and its
 * attempts finished. Throws SqlConflict when the game changed since it was read.
 */
export async function writeTransition(db: Db, game: GameRow, transition: Transition, now: Date): Promise<void> {
  const change: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(transition.change)) {
    if (value !== undefined) change[COLUMNS[key as keyof GameChange]] = value as SqlValue;
  }
  const ending = transition.change.state === "ENDED";
  if (ending) change.pin = null;
  // On PostgreSQL the game's lock, exclusive: it waits for the answers being written (each holds
  // it shared, openQuestionGuards) and the answers that come after wait for it.
  const statements: SqlStatement[] = [gameLock(game.id, "exclusive"), updateGame(game.id, game.revision, change, now)];
  if (transition.closes)
    statements.push({
      text: `UPDATE "GameQuestion" SET "closedAt" = ?, "skipped" = ? WHERE "gameId" = ? AND "position" = ?`,
      params: [transition.closes.at, transition.closes.skipped, game.id, transition.closes.position],
    });
  if (transition.opens)
    statements.push({
      text: `UPDATE "GameQuestion" SET "openedAt" = ? WHERE "gameId" = ? AND "position" = ?`,
      params: [transition.opens.at, game.id, transition.opens.position],
    });
  if (ending) {
    // The results show from now on (results were hidden while the game ran), and no more answers.
    statements.push({
      text: `UPDATE "Assignment" SET "closedAt" = ?, "dueAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
      params: [now, now, now, game.assignmentId],
    });
    statements.push({
      text: `UPDATE "Attempt" SET "finishedAt" = ?,
               "score" = (SELECT COALESCE(SUM(r."score"), 0) FROM "Response" r WHERE r."attemptId" = "Attempt"."id") * 1.0 / ?
             WHERE "assignmentId" = ? AND "finishedAt" IS NULL`,
      params: [now, Math.max(1, game.questionCount), game.assignmentId],
    });
  }
  statements.push(notifyChange(game.id));
  await sqlOf(db).batch(statements);
}

/**
 * The most rows in one of scoring's multi-row statements (8 values each at most: 2,048
 * parameters, well under SQLite's and PostgreSQL's limits).
 */
const ROWS_PER_STATEMENT = 256;

/**
 * Rows in chunks of ROWS_PER_STATEMENT, then of halves of it for the rest (256, 128, ... 1):
 * a statement's text, prepared once per connection, is one of nine whatever the class's size.
 */
export function inChunks<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let at = 0;
  for (let size = ROWS_PER_STATEMENT; at < rows.length;) {
    if (rows.length - at >= size) {
      chunks.push(rows.slice(at, at + size));
      at += size;
    } else size /= 2;
  }
  return chunks;
}

interface PlayerAnswerRow {
  playerId: string;
  streak: number;
  responseId: string | null;
  isCorrect: unknown;
  mark: number | null;
  responseMs: number | null;
}

/**
 * Writes the points of every closed, unskipped question of the game not scored yet (normally the
 * one that just closed), in order. Each question is scored once, however many servers try.
 * Returns whether this call scored any.
 */
export async function scoreClosedQuestions(db: Db, gameId: string, now = new Date()): Promise<boolean> {
  const sql = sqlOf(db);
  const pending = await sql.all<{ id: string; position: number; questionId: string; questionSeconds: number }>(
    `SELECT q."id", q."position", q."questionId", g."questionSeconds"
     FROM "GameQuestion" q JOIN "Game" g ON g."id" = q."gameId"
     WHERE q."gameId" = ? AND q."closedAt" IS NOT NULL AND q."skipped" = ? AND q."scoredAt" IS NULL
     ORDER BY q."position"`,
    [gameId, false],
  );
  let scored = false;
  for (const question of pending) {
    const rows = await sql.all<PlayerAnswerRow>(
      `SELECT p."id" AS "playerId", p."streak", r."id" AS "responseId", r."isCorrect", r."score" AS "mark", r."responseMs"
       FROM "GamePlayer" p
       LEFT JOIN "Response" r ON r."attemptId" = p."attemptId" AND r."questionId" = ?
       WHERE p."gameId" = ? AND p."removedAt" IS NULL`,
      [question.questionId, gameId],
    );
    const limitMs = Number(question.questionSeconds) * 1000;
    const answers: SqlValue[][] = [];
    const players: SqlValue[][] = [];
    for (const row of rows) {
      const answered = row.responseId !== null;
      const isCorrect = answered && asBoolean(row.isCorrect);
      const elapsedMs = Math.min(limitMs, Math.max(0, Number(row.responseMs ?? limitMs)));
      const result = scoreAnswer(
        answered ? { isCorrect, score: Number(row.mark ?? 0), elapsedMs } : null,
        limitMs,
        Number(row.streak),
      );
      if (answered)
        answers.push([
          randomUUID(),
          gameId,
          row.playerId,
          question.position,
          row.responseId,
          elapsedMs,
          result.points,
          result.streak,
        ]);
      players.push([row.playerId, result.points, result.streak, isCorrect ? 1 : 0, isCorrect ? elapsedMs : 0]);
    }
    // A class's points in a few statements of many rows each, not two statements a player (a
    // class of 2,000 was 4,000 statements, parsed and run one by one, between the close and the
    // phones' results).
    const statements: SqlStatement[] = [
      {
        text: `UPDATE "GameQuestion" SET "scoredAt" = ? WHERE "id" = ? AND "scoredAt" IS NULL`,
        params: [now, question.id],
        expectChanges: 1,
      },
      ...inChunks(answers).map((chunk) => ({
        text: `INSERT INTO "GameAnswer" ("id", "gameId", "playerId", "position", "responseId", "elapsedMs", "points", "streak")
               VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        params: chunk.flat(),
      })),
      ...inChunks(players).map((chunk) => ({
        text: `WITH "v" ("playerId", "points", "streak", "correct", "rightMs") AS (VALUES ${chunk
          .map(() => "(?, CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER))")
          .join(", ")})
               UPDATE "GamePlayer" SET "score" = "GamePlayer"."score" + "v"."points", "streak" = "v"."streak",
                 "correct" = "GamePlayer"."correct" + "v"."correct", "rightMs" = "GamePlayer"."rightMs" + "v"."rightMs"
               FROM "v" WHERE "GamePlayer"."id" = "v"."playerId"`,
        params: chunk.flat(),
      })),
    ];
    statements.push(updateGame(gameId, null, {}, now), notifyChange(gameId));
    try {
      await sql.batch(statements);
      scored = true;
    } catch (error) {
      // Another server scored it first.
      if (!(error instanceof SqlConflict)) throw error;
    }
  }
  return scored;
}

/**
 * A game's lock on PostgreSQL (a transaction-level advisory lock on a hash of its id; SQLite
 * skips it: it writes one transaction at a time). Answers hold it shared, a change of the
 * game's state exclusive. PostgreSQL queues these in order: once a close waits for it, answers
 * that come after wait behind the close, where a row's FOR SHARE lock let each new answer's
 * lock in ahead of a waiting UPDATE of the row, so that a class answering from two servers
 * could hold the teacher's close (and the clock's) back for as long as its answers kept coming.
 */
export function gameLock(gameId: string, mode: "shared" | "exclusive"): SqlStatement {
  return {
    text: `SELECT ${mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock"}(hashtextextended(?, 0))`,
    params: [`quizwire-game:${gameId}`],
    postgresOnly: true,
  };
}

/**
 * The statements that, in a live answer's transaction, fail it (SqlConflict) unless the game's
 * question at `position` is still open and the player is still in the game. On PostgreSQL the
 * game's lock, shared (gameLock), then the check: answers do not wait for each other, and a
 * close waits for the answers being written, so every answer it sees is scored and no later one
 * is stored (READ COMMITTED: the check, a statement after the lock, sees a close committed
 * meanwhile). SQLite writes one transaction at a time.
 */
export function openQuestionGuards(gameId: string, position: number, attemptId: string): SqlStatement[] {
  const where = `"id" = ? AND "state" = 'QUESTION' AND "position" = ?
    AND EXISTS (SELECT 1 FROM "GamePlayer" p WHERE p."gameId" = "Game"."id" AND p."attemptId" = ? AND p."removedAt" IS NULL)`;
  return [
    gameLock(gameId, "shared"),
    {
      text: `SELECT 1 FROM "Game" WHERE ${where}`,
      params: [gameId, position, attemptId],
      expectChanges: 1,
      postgresOnly: true,
    },
    {
      text: `UPDATE "Game" SET "revision" = "revision" WHERE ${where}`,
      params: [gameId, position, attemptId],
      expectChanges: 1,
      sqliteOnly: true,
    },
  ];
}
