// Hosting, joining and playing a live game. Every change goes through the state machine
// (lib/live/machine.ts) and is written once (lib/live/store.ts); then this process's viewers hear
// of it at once and the others through the hub (lib/live/hub.ts).
import "server-only";

import { randomInt, randomUUID } from "node:crypto";

import { requireAssignable } from "@/lib/assignments/mutations";
import { recordAnswer } from "@/lib/attempts/mutations";
import type { CurrentUser } from "@/lib/auth/session";
import { isUniqueViolation, sqlOf, type Db } from "@/lib/db/client";
import { asBoolean, SqlConflict, type SqlStatement } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors";
import { releaseResults } from "@/lib/learning/release";
import { announce } from "@/lib/live/hub";
import {
  applyCommand,
  CLOSED_QUESTION_MESSAGE,
  dueTransition,
  type HostCommand,
  joinRefusal,
  judgeLiveAnswer,
} from "@/lib/live/machine";
import { nicknameKey, tidyNickname } from "@/lib/live/nickname";
import type { CreateGameInput, LiveAnswer } from "@/lib/live/schemas";
import {
  openQuestionGuards,
  readGame,
  scoreClosedQuestions,
  updateGame,
  writeTransition,
  notifyChange,
  type GameRow,
} from "@/lib/live/store";

type Actor = Pick<CurrentUser, "id" | "role">;

/**
 * A player's record and their attempt at the game's assignment, made together (a student's and a
 * guest's alike; a guest's user is made with it), and the game's revision raised so that every
 * screen hears of the arrival: one batch of hand-written SQL (lib/db/sql.ts), so a class typing
 * the PIN at once shares its commits (SQLite's group commit) and its round trips (PostgreSQL),
 * where an interactive transaction per join held a connection (and on SQLite the write lock and
 * the event loop) for each. A whole school typing the PIN at once queues for the database's
 * connections rather than being turned away. A nickname another player holds (or a second join
 * of the same student) fails it on the game's unique keys (isUniqueViolation), making nothing.
 * The caller announces the change.
 */
export async function createPlayer(
  db: Db,
  game: { id: string; setId: string; assignmentId: string },
  player: { userId?: string; nickname: string; nicknameKey: string; guestTokenHash?: string },
  now = new Date(),
): Promise<void> {
  const userId = player.userId ?? randomUUID();
  const attemptId = randomUUID();
  const statements: SqlStatement[] = [];
  if (!player.userId)
    statements.push({
      text: `INSERT INTO "User" ("id", "role", "displayName", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
      params: [userId, "GUEST", player.nickname, now, now],
    });
  statements.push(
    {
      text: `INSERT INTO "Attempt" ("id", "userId", "setId", "assignmentId", "number", "startedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      params: [attemptId, userId, game.setId, game.assignmentId, 1, now],
    },
    {
      text: `INSERT INTO "GamePlayer" ("id", "gameId", "userId", "attemptId", "nickname", "nicknameKey", "guestTokenHash", "joinedAt")
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        randomUUID(),
        game.id,
        userId,
        attemptId,
        player.nickname,
        player.nicknameKey,
        player.guestTokenHash ?? null,
        now,
      ],
    },
    updateGame(game.id, null, {}, now),
    notifyChange(game.id),
  );
  await sqlOf(db).batch(statements);
}

export const REMOVED_MESSAGE = "Your teacher has removed you from this game.";

function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Makes a game of a question set for one of the teacher's classes: its live assignment (results
 * hidden until the game ends), its questions in the set's order, and a PIN no running game has.
 */
export async function createGame(
  db: Db,
  teacher: Actor,
  input: Omit<CreateGameInput, "openToGuests"> & { openToGuests?: boolean },
): Promise<{ gameId: string }> {
  await requireAssignable(db, teacher, input.classId, input.setId);
  const set = await db.questionSet.findUniqueOrThrow({
    where: { id: input.setId },
    select: { title: true, items: { orderBy: { position: "asc" }, select: { questionId: true } } },
  });
  const title = `Live: ${set.title}`;
  for (let tries = 0; ; tries++) {
    try {
      const game = await db.$transaction(async (tx) => {
        const assignment = await tx.assignment.create({
          data: {
            classId: input.classId,
            setId: input.setId,
            title,
            opensAt: new Date(),
            maxAttempts: 1,
            feedbackPolicy: "AFTER_DUE",
            live: true,
            createdById: teacher.id,
          },
          select: { id: true },
        });
        return tx.game.create({
          data: {
            hostId: teacher.id,
            classId: input.classId,
            setId: input.setId,
            assignmentId: assignment.id,
            pin: newPin(),
            title,
            questionSeconds: input.questionSeconds,
            allowLateJoin: input.allowLateJoin,
            hideNames: input.hideNames,
            openToGuests: input.openToGuests ?? false,
            questions: {
              create: set.items.map((item, position) => ({ position, questionId: item.questionId })),
            },
          },
          select: { id: true },
        });
      });
      return { gameId: game.id };
    } catch (error) {
      // Another running game has this PIN: draw again.
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

/** A game the teacher hosts (or teaches the class of), or not found. */
async function hostedGame(db: Db, teacher: Actor, gameId: string): Promise<GameRow> {
  const game = await readGame(sqlOf(db), gameId);
  if (!game) throw notFound("That game");
  if (game.hostId !== teacher.id) {
    const teaches = await db.class.findFirst({
      where: { id: game.classId, teacherId: teacher.id },
      select: { id: true },
    });
    if (!teaches) throw notFound("That game");
  }
  return game;
}

/** After a change: the points of a question that closed, memory at the end, and every viewer told. */
async function afterChange(db: Db, game: GameRow, ended: boolean, now: Date): Promise<void> {
  await scoreClosedQuestions(db, game.id, now);
  if (ended) await releaseResults(db, { assignmentId: game.assignmentId }, now);
  announce(game.id);
}

/** One of the host's commands, applied to the game as it is now. */
export async function commandGame(
  db: Db,
  teacher: Actor,
  gameId: string,
  command: HostCommand,
  now = new Date(),
): Promise<void> {
  for (let tries = 0; ; tries++) {
    const game = await hostedGame(db, teacher, gameId);
    const result = applyCommand(game, command, now);
    if (!result.ok) throw new AppError("conflict", result.message);
    try {
      await writeTransition(db, game, result.transition, now);
    } catch (error) {
      // The clock or another click changed the game first: decide again on what it is now.
      if (error instanceof SqlConflict && tries < 3) continue;
      throw error;
    }
    await afterChange(db, game, result.transition.change.state === "ENDED", now);
    return;
  }
}

/**
 * Makes whatever change the clock has made due (an open question whose time ran out closes).
 * Anyone may call it, any number of times: the change is written once. Returns whether this
 * call changed the game.
 */
export async function tickGame(db: Db, gameId: string, now = new Date()): Promise<boolean> {
  const game = await readGame(sqlOf(db), gameId);
  if (!game) return false;
  const due = dueTransition(game, now);
  if (!due) {
    // A question closed but not scored (its server stopped in between) is scored now.
    if (await scoreClosedQuestions(db, gameId, now)) {
      announce(gameId);
      return true;
    }
    return false;
  }
  try {
    await writeTransition(db, game, due, now);
  } catch (error) {
    if (error instanceof SqlConflict) return false;
    throw error;
  }
  await afterChange(db, game, false, now);
  return true;
}

/** Shows or hides students' names on the projector. */
export async function setHideNames(db: Db, teacher: Actor, gameId: string, hideNames: boolean, now = new Date()) {
  const game = await hostedGame(db, teacher, gameId);
  await sqlOf(db).batch([updateGame(game.id, null, { hideNames }, now), notifyChange(game.id)]);
  announce(game.id);
}

/** Removes a player: their answers stay, they score no more and cannot join again. */
export async function removePlayer(db: Db, teacher: Actor, gameId: string, playerId: string, now = new Date()) {
  const game = await hostedGame(db, teacher, gameId);
  const removed = await db.gamePlayer.updateMany({
    where: { id: playerId, gameId: game.id, removedAt: null },
    data: { removedAt: now },
  });
  if (removed.count !== 1) throw notFound("That player");
  await sqlOf(db).batch([updateGame(game.id, null, {}, now), notifyChange(game.id)]);
  announce(game.id);
}

/**
 * The running game a PIN names, for a student on its class's roster (null otherwise), with the
 * student's display name and their player in it if they joined before: one read, in
 * hand-written SQL, as a whole class types the PIN at once (four Prisma queries before).
 */
async function findGameByPin(db: Db, student: Actor, pin: string) {
  if (student.role !== "STUDENT") return null;
  const row = await sqlOf(db).one<{
    id: string;
    state: string;
    allowLateJoin: unknown;
    setId: string;
    assignmentId: string;
    displayName: string;
    playerId: string | null;
    removedAt: unknown;
  }>(
    `SELECT g."id", g."state", g."allowLateJoin", g."setId", g."assignmentId", u."displayName",
            p."id" AS "playerId", p."removedAt"
     FROM "Game" g
     JOIN "Class" c ON c."id" = g."classId" AND c."archivedAt" IS NULL
     JOIN "Enrolment" e ON e."classId" = g."classId" AND e."studentId" = ? AND e."removedAt" IS NULL
     JOIN "User" u ON u."id" = e."studentId"
     LEFT JOIN "GamePlayer" p ON p."gameId" = g."id" AND p."userId" = e."studentId"
     WHERE g."pin" = ?`,
    [student.id, pin],
  );
  if (!row) return null;
  return {
    game: {
      id: row.id,
      state: row.state as GameRow["state"],
      allowLateJoin: asBoolean(row.allowLateJoin),
      setId: row.setId,
      assignmentId: row.assignmentId,
    },
    displayName: row.displayName,
    existing: row.playerId === null ? null : { removed: row.removedAt !== null },
  };
}

/**
 * Joins the game a PIN names, as a student of its class: their attempt at the game's assignment
 * and their player record. Joining again (another tab, a reload) finds the same player.
 */
export async function joinGame(db: Db, student: Actor, pin: string): Promise<{ gameId: string }> {
  const found = await findGameByPin(db, student, pin);
  if (!found)
    throw new AppError("not_found", "No game of your classes has that PIN. Check the PIN on the screen.", {
      pin: "No game of your classes has that PIN.",
    });
  const { game, existing } = found;
  if (existing?.removed) throw new AppError("forbidden", REMOVED_MESSAGE);
  if (existing) return { gameId: game.id };
  const refusal = joinRefusal(game);
  if (refusal) throw new AppError("forbidden", refusal);
  // One unique index on the look-alike key covers students and guests: a student whose name a
  // guest (or a namesake in the class) already holds in the game joins as "Sam Student (2)".
  for (let tries = 0; ; tries++) {
    const nickname = await freeNickname(db, game.id, found.displayName);
    try {
      await createPlayer(db, game, { userId: student.id, nickname, nicknameKey: nicknameKey(nickname) });
      break;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another tab joined at the same moment, or another player took the name: look again.
      const joined = await db.gamePlayer.findUnique({
        where: { gameId_userId: { gameId: game.id, userId: student.id } },
        select: { id: true },
      });
      if (joined) return { gameId: game.id };
      if (tries >= 5) throw error;
    }
  }
  announce(game.id);
  return { gameId: game.id };
}

/**
 * The display name, or with the first free " (2)", " (3)"... when a player of the game has its
 * key. Reads only the players whose key is the name's or the name's with a number after it (and
 * rows older than the key), not the whole class: every join asks.
 */
async function freeNickname(db: Db, gameId: string, displayName: string): Promise<string> {
  const name = tidyNickname(displayName);
  const key = nicknameKey(name);
  const prefix = `${key} (`;
  // substr counts characters (code points) on both databases, as the spread string does.
  const players = await sqlOf(db).all<{ nickname: string; nicknameKey: string | null }>(
    `SELECT "nickname", "nicknameKey" FROM "GamePlayer"
     WHERE "gameId" = ? AND ("nicknameKey" = ? OR substr("nicknameKey", 1, ?) = ? OR "nicknameKey" IS NULL)`,
    [gameId, key, [...prefix].length, prefix],
  );
  const keys = new Set(players.map((p) => p.nicknameKey ?? nicknameKey(p.nickname)));
  for (let n = 1; ; n++) {
    const nickname = n === 1 ? name : `${name} (${n})`;
    if (!keys.has(nicknameKey(nickname))) return nickname;
  }
}

export interface LiveAnswerOutcome {
  status: "received";
  /** This answer (or another to the same question) was stored earlier. */
  duplicate: boolean;
}

/**
 * A player's answer to the open question: judged by the game's clock, then recorded through the
 * quiz's own answer path (idempotent by clientId, one answer per question, results hidden until
 * the game ends). Nothing about right or wrong comes back: that waits for the question to close.
 */
export async function recordLiveAnswer(
  db: Db,
  student: Actor,
  gameId: string,
  answer: LiveAnswer,
  now = new Date(),
): Promise<LiveAnswerOutcome> {
  const sql = sqlOf(db);
  // The game's clock, and the player with the game's question at that position: two reads side
  // by side (one round trip on PostgreSQL), in hand-written SQL as every answer of a class asks.
  const [game, player] = await Promise.all([
    readGame(sql, gameId),
    sql.one<{ attemptId: string; removedAt: unknown; questionId: string | null }>(
      `SELECT p."attemptId", p."removedAt", q."questionId"
       FROM "GamePlayer" p LEFT JOIN "GameQuestion" q ON q."gameId" = p."gameId" AND q."position" = ?
       WHERE p."gameId" = ? AND p."userId" = ?`,
      [answer.position, gameId, student.id],
    ),
  ]);
  if (!game || !player) throw notFound("That game");
  if (player.removedAt !== null) throw new AppError("forbidden", REMOVED_MESSAGE);
  const request = {
    clientId: answer.clientId,
    attemptId: player.attemptId,
    questionId: answer.questionId,
    answer: answer.answer,
    answeredAt: answer.answeredAt,
  };
  if (player.questionId !== answer.questionId) throw notFound("That question");
  const judged = judgeLiveAnswer(game, { position: answer.position, claimedAt: answer.answeredAt, receivedAt: now });
  if (!judged.ok) {
    // A retry of an answer stored before the question closed is still "received".
    const stored = await db.response.findUnique({ where: { clientId: answer.clientId }, select: { attemptId: true } });
    if (stored?.attemptId === player.attemptId) return { status: "received", duplicate: true };
    throw new AppError("forbidden", judged.message);
  }
  try {
    const outcome = await recordAnswer(db, student, request, now, {
      live: {
        answeredAt: judged.answeredAt,
        elapsedMs: judged.elapsedMs,
        guards: openQuestionGuards(gameId, answer.position, player.attemptId),
        noMemory: student.role === "GUEST",
      },
    });
    return { status: "received", duplicate: outcome.duplicate };
  } catch (error) {
    // The question closed while the answer was being stored: it was not.
    if (error instanceof SqlConflict) throw new AppError("forbidden", CLOSED_QUESTION_MESSAGE);
    throw error;
  }
}
