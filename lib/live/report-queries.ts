// Loading a game's report, for its host or its class's teacher only (who may watch it as host,
// lib/live/queries.ts findGameViewer; an admin sees the games they host, as with class results).
import "server-only";

import { parseStoredAnswer } from "@/lib/attempts/feedback";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { GameStateName } from "@/lib/live/machine";
import { buildGameReport, type GameReport } from "@/lib/live/report";
import type { QuestionTypeName } from "@/lib/questions/types";

type Actor = Pick<CurrentUser, "id" | "role">;

export interface LoadedGameReport {
  id: string;
  title: string;
  className: string;
  state: GameStateName;
  assignmentId: string;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Null until the game has ended: the report is of a finished game. */
  report: GameReport | null;
}

/** The game's report, or null when there is no such game or this user may not see it. */
export async function findGameReport(db: Db, user: Actor, gameId: string): Promise<LoadedGameReport | null> {
  if (user.role !== "TEACHER" && user.role !== "ADMIN") return null;
  const game = await db.game.findFirst({
    where: { id: gameId, OR: [{ hostId: user.id }, { class: { teacherId: user.id } }] },
    select: {
      id: true,
      title: true,
      state: true,
      assignmentId: true,
      startedAt: true,
      endedAt: true,
      class: { select: { name: true } },
    },
  });
  if (!game) return null;
  const loaded = {
    id: game.id,
    title: game.title,
    className: game.class.name,
    state: game.state,
    assignmentId: game.assignmentId,
    startedAt: game.startedAt,
    endedAt: game.endedAt,
  };
  if (game.state !== "ENDED") return { ...loaded, report: null };

  const [questions, players] = await Promise.all([
    db.gameQuestion.findMany({
      where: { gameId },
      orderBy: { position: "asc" },
      select: {
        position: true,
        openedAt: true,
        skipped: true,
        question: {
          select: {
            id: true,
            type: true,
            stem: true,
            options: { orderBy: { position: "asc" }, select: { position: true, text: true, isCorrect: true } },
          },
        },
      },
    }),
    db.gamePlayer.findMany({
      where: { gameId },
      select: {
        id: true,
        nickname: true,
        score: true,
        correct: true,
        rightMs: true,
        joinedAt: true,
        removedAt: true,
        attemptId: true,
        answers: { select: { responseId: true, points: true, elapsedMs: true } },
      },
    }),
  ]);
  const questionIds = questions.map((q) => q.question.id);
  const responses = await db.response.findMany({
    where: { attemptId: { in: players.map((p) => p.attemptId) }, questionId: { in: questionIds } },
    select: { id: true, attemptId: true, questionId: true, answer: true, isCorrect: true, score: true },
  });
  const playerOfAttempt = new Map(players.map((p) => [p.attemptId, p]));
  const scoredOf = new Map(players.flatMap((p) => p.answers.map((a) => [a.responseId, a] as const)));

  const report = buildGameReport({
    questions: questions.map((q) => ({
      position: q.position,
      questionId: q.question.id,
      type: q.question.type as QuestionTypeName,
      stem: q.question.stem,
      opened: q.openedAt !== null,
      skipped: q.skipped,
      options: q.question.options,
    })),
    players: players.map((p) => ({
      id: p.id,
      nickname: p.nickname,
      score: p.score,
      correct: p.correct,
      rightMs: p.rightMs,
      joinedAt: p.joinedAt,
      removed: p.removedAt !== null,
    })),
    answers: responses.map((r) => {
      const stored = parseStoredAnswer(r.answer) as { display: string; position?: number };
      const scored = scoredOf.get(r.id);
      return {
        playerId: playerOfAttempt.get(r.attemptId)!.id,
        questionId: r.questionId,
        display: stored.display,
        choice: typeof stored.position === "number" ? stored.position : null,
        isCorrect: r.isCorrect,
        mark: r.score,
        points: scored?.points ?? null,
        elapsedMs: scored?.elapsedMs ?? null,
      };
    }),
  });
  return { ...loaded, report };
}
