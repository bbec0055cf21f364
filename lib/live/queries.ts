// Reading a live game: one snapshot per change (every viewer's view is built from it, in
// lib/live/views.ts), and who may see which game.
import "server-only";

import { parseStoredAnswer } from "@/lib/attempts/feedback";
import { toGradable } from "@/lib/attempts/grading";
import { loadQuestionUnscoped } from "@/lib/attempts/mutations";
import { toQuestionView } from "@/lib/attempts/view";
import type { CurrentUser } from "@/lib/auth/session";
import { sqlOf, type Db } from "@/lib/db/client";
import { asBoolean, asDate } from "@/lib/db/sql";
import { readGame } from "@/lib/live/store";
import type { GameSnapshot, Reveal, SnapshotPlayer } from "@/lib/live/views";
import { kindOf } from "@/lib/questions/kinds";

type Actor = Pick<CurrentUser, "id" | "role">;

const CHOICE_TYPES = new Set(["MULTIPLE_CHOICE", "TRUE_FALSE"]);

/** The game as every screen needs it now, or null if there is no such game. Unscoped: check the viewer first. */
export async function loadSnapshotUnscoped(db: Db, gameId: string): Promise<GameSnapshot | null> {
  const sql = sqlOf(db);
  const game = await readGame(sql, gameId);
  if (!game) return null;
  const current =
    game.position >= 0
      ? await db.gameQuestion.findUnique({
          where: { gameId_position: { gameId, position: game.position } },
          select: {
            closedAt: true,
            skipped: true,
            question: {
              select: {
                id: true,
                type: true,
                stem: true,
                asOf: true,
                options: {
                  orderBy: { position: "asc" },
                  select: { position: true, text: true, isCorrect: true, matchText: true, correctPosition: true },
                },
              },
            },
          },
        })
      : null;
  const questionId = current?.question.id ?? "";
  const rows = await sql.all<{
    id: string;
    userId: string;
    nickname: string;
    score: number;
    streak: number;
    correct: number;
    rightMs: number;
    joinedAt: unknown;
    removedAt: unknown;
    answer: string | null;
    isCorrect: unknown;
    mark: number | null;
    points: number | null;
  }>(
    `SELECT p."id", p."userId", p."nickname", p."score", p."streak", p."correct", p."rightMs", p."joinedAt", p."removedAt",
            r."answer", r."isCorrect", r."score" AS "mark", ga."points"
     FROM "GamePlayer" p
     LEFT JOIN "Response" r ON r."attemptId" = p."attemptId" AND r."questionId" = ?
     LEFT JOIN "GameAnswer" ga ON ga."playerId" = p."id" AND ga."position" = ?
     WHERE p."gameId" = ?`,
    [questionId, game.position, gameId],
  );
  const players: SnapshotPlayer[] = rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    nickname: row.nickname,
    score: Number(row.score),
    streak: Number(row.streak),
    correct: Number(row.correct),
    rightMs: Number(row.rightMs),
    joinedAt: asDate(row.joinedAt),
    removed: row.removedAt !== null,
    answered: row.answer !== null,
    last:
      row.answer !== null && row.points !== null
        ? { isCorrect: asBoolean(row.isCorrect), points: Number(row.points) }
        : null,
  }));

  let reveal: Reveal | null = null;
  if (current?.closedAt && !current.skipped) {
    const stored = await loadQuestionUnscoped(db, current.question.id);
    if (stored) {
      const answers = rows.filter((r) => r.answer !== null && r.removedAt === null);
      const choice = CHOICE_TYPES.has(stored.type);
      const distribution = choice
        ? current.question.options.map((option) => ({
            label: option.text,
            right: option.isCorrect,
            count: answers.filter(
              (r) => (parseStoredAnswer(r.answer!) as { position?: number }).position === option.position,
            ).length,
          }))
        : [
            { label: "Right", right: true, count: answers.filter((r) => asBoolean(r.isCorrect)).length },
            {
              label: "Partly right",
              right: false,
              count: answers.filter((r) => !asBoolean(r.isCorrect) && Number(r.mark) > 0).length,
            },
            { label: "Wrong", right: false, count: answers.filter((r) => Number(r.mark) <= 0).length },
          ];
      reveal = {
        expected: kindOf(stored.type).rightAnswer(toGradable(stored)),
        explanation: stored.explanation,
        quote: stored.quote,
        articleSlug: stored.article.slug,
        distribution,
      };
    }
  }
  return {
    id: game.id,
    title: game.title,
    pin: game.pin,
    state: game.state,
    revision: game.revision,
    position: game.position,
    questionCount: game.questionCount,
    questionSeconds: game.questionSeconds,
    openedAt: game.openedAt,
    closesAt: game.closesAt,
    pausedAt: game.pausedAt,
    hideNames: game.hideNames,
    allowLateJoin: game.allowLateJoin,
    openToGuests: game.openToGuests,
    question: current ? toQuestionView(current.question) : null,
    skipped: current?.skipped ?? false,
    reveal,
    players,
  };
}

/** Who is watching a game, and as what: its host (or its class's teacher), or one of its players. */
export type GameViewer = { kind: "host" } | { kind: "player"; userId: string };

/** How this user may watch the game, or null when they may not (as if it did not exist). */
export async function findGameViewer(db: Db, user: Actor, gameId: string): Promise<GameViewer | null> {
  if (user.role === "STUDENT" || user.role === "GUEST") {
    const player = await db.gamePlayer.findUnique({
      where: { gameId_userId: { gameId, userId: user.id } },
      select: { id: true },
    });
    return player ? { kind: "player", userId: user.id } : null;
  }
  if (user.role !== "TEACHER" && user.role !== "ADMIN") return null;
  const game = await db.game.findFirst({
    where: { id: gameId, OR: [{ hostId: user.id }, { class: { teacherId: user.id } }] },
    select: { id: true },
  });
  return game ? { kind: "host" } : null;
}

/** The games a teacher hosts, newest first, for their list. */
export async function listHostedGames(db: Db, teacher: Actor) {
  return db.game.findMany({
    where: { OR: [{ hostId: teacher.id }, { class: { teacherId: teacher.id } }] },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      title: true,
      state: true,
      pin: true,
      createdAt: true,
      assignmentId: true,
      class: { select: { id: true, name: true } },
      _count: { select: { players: true } },
    },
  });
}

/** The running games of a student's classes (their home shows a "Join" for each). */
export async function listJoinableGames(db: Db, student: Actor) {
  if (student.role !== "STUDENT") return [];
  return db.game.findMany({
    where: {
      state: { not: "ENDED" },
      class: { archivedAt: null, enrolments: { some: { studentId: student.id, removedAt: null } } },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, pin: true, class: { select: { name: true } } },
  });
}
