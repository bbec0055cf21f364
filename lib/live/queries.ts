// Reading a live game: one snapshot per change (every viewer's view is built from it, in
// lib/live/views.ts), and who may see which game.
import "server-only";

import { parseStoredAnswer } from "@/lib/attempts/feedback";
import { toGradable } from "@/lib/attempts/grading";
import { loadQuestionUnscoped } from "@/lib/attempts/mutations";
import { toQuestionView } from "@/lib/attempts/view";
import type { CurrentUser } from "@/lib/auth/session";
import { sqlOf, type Db } from "@/lib/db/client";
import { asBoolean, asDate, type Sql } from "@/lib/db/sql";
import { readGame, type GameRow } from "@/lib/live/store";
import {
  playerView,
  scopedPlayerView,
  type GameSnapshot,
  type PlayerSnapshot,
  type PlayerView,
  type Reveal,
  type SnapshotPlayer,
} from "@/lib/live/views";
import { kindOf } from "@/lib/questions/kinds";

type Actor = Pick<CurrentUser, "id" | "role">;

const CHOICE_TYPES = new Set(["MULTIPLE_CHOICE", "TRUE_FALSE"]);

/** The question on screen at `position` (none in the lobby), with whether it has closed or was skipped. */
async function readCurrentQuestion(db: Db, gameId: string, position: number) {
  if (position < 0) return null;
  return db.gameQuestion.findUnique({
    where: { gameId_position: { gameId, position } },
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
  });
}

// A player's row with their answer to the question on screen and its points, as every snapshot reads it.
const PLAYER_COLUMNS = `p."id", p."userId", p."nickname", p."score", p."streak", p."correct", p."rightMs", p."joinedAt",
            p."removedAt", r."answer", r."isCorrect", r."score" AS "mark", ga."points"`;
const PLAYER_ANSWERS = `FROM "GamePlayer" p
     LEFT JOIN "Response" r ON r."attemptId" = p."attemptId" AND r."questionId" = ?
     LEFT JOIN "GameAnswer" ga ON ga."playerId" = p."id" AND ga."position" = ?`;

interface PlayerRow {
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
}

function snapshotPlayer(row: PlayerRow): SnapshotPlayer {
  return {
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
  };
}

/** The game's fields every view carries, as read from its row. */
function gameFields(game: GameRow) {
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
  };
}

/** The game as every screen needs it now, or null if there is no such game. Unscoped: check the viewer first. */
export async function loadSnapshotUnscoped(db: Db, gameId: string): Promise<GameSnapshot | null> {
  const sql = sqlOf(db);
  const game = await readGame(sql, gameId);
  if (!game) return null;
  const current = await readCurrentQuestion(db, gameId, game.position);
  const questionId = current?.question.id ?? "";
  const rows = await sql.all<PlayerRow>(`SELECT ${PLAYER_COLUMNS} ${PLAYER_ANSWERS} WHERE p."gameId" = ?`, [
    questionId,
    game.position,
    gameId,
  ]);
  const players = rows.map(snapshotPlayer);

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
    ...gameFields(game),
    question: current ? toQuestionView(current.question) : null,
    skipped: current?.skipped ?? false,
    reveal,
    players,
  };
}

/**
 * One player's view of the game now, or null when they are not in it (or there is no such game).
 * Unscoped: check the viewer first. Read for the player alone (a phone's page, rendered at every
 * join and reload): the game, the question and the player's own row, with their rank and the
 * number of players counted by the database, so a class of 2,000 joining reads 2,000 rows, not
 * 2,000 each. Once the question on screen has closed the view carries its reveal, which counts
 * every answer: that is read from the whole game, unless `latest` (this process's live hub's
 * snapshot) is the game as it is now.
 */
export async function loadPlayerViewUnscoped(
  db: Db,
  gameId: string,
  userId: string,
  now: Date,
  latest?: GameSnapshot | null,
): Promise<PlayerView | null> {
  const sql = sqlOf(db);
  const game = await readGame(sql, gameId);
  if (!game) return null;
  if (game.state !== "LOBBY" && game.state !== "QUESTION") {
    const snapshot = latest?.revision === game.revision ? latest : await loadSnapshotUnscoped(db, gameId);
    return snapshot && playerView(snapshot, userId, now);
  }
  const current = await readCurrentQuestion(db, gameId, game.position);
  const snapshot = await readPlayerSnapshot(sql, game, current?.question.id ?? "", userId);
  if (!snapshot) return null;
  return scopedPlayerView(
    {
      ...gameFields(game),
      question: current ? toQuestionView(current.question) : null,
      skipped: current?.skipped ?? false,
      reveal: null,
      ...snapshot,
    },
    now,
  );
}

// The active players ranked ahead of p (lib/live/scoring.ts compareStandings, but for the last
// tie-break, the player's id, which the code compares as JavaScript does), and those tied with p
// on everything before it. Ahead is counted as four disjoint ranges of the standing index
// (gameId, score, correct, rightMs, joinedAt, removedAt), each read in the index alone: one
// condition of ORs made SQLite read every player of the game with p's score (in the lobby, all
// of them) from the table, twice for each phone that joined.
const AHEAD_RANGES = [
  `o."score" > p."score"`,
  `o."score" = p."score" AND o."correct" > p."correct"`,
  `o."score" = p."score" AND o."correct" = p."correct" AND o."rightMs" < p."rightMs"`,
  `o."score" = p."score" AND o."correct" = p."correct" AND o."rightMs" = p."rightMs" AND o."joinedAt" < p."joinedAt"`,
];
const TIED = `o."score" = p."score" AND o."correct" = p."correct" AND o."rightMs" = p."rightMs" AND o."joinedAt" = p."joinedAt"
  AND o."id" <> p."id"`;

/** A player's own row and standing: two counts beside it, whatever the number of players. */
async function readPlayerSnapshot(
  sql: Sql,
  game: GameRow,
  questionId: string,
  userId: string,
): Promise<Pick<PlayerSnapshot, "player" | "standing"> | null> {
  const active = `FROM "GamePlayer" o WHERE o."gameId" = p."gameId" AND o."removedAt" IS NULL`;
  const row = await sql.one<PlayerRow & { players: unknown; ahead: unknown; tied: unknown }>(
    `SELECT ${PLAYER_COLUMNS},
            (SELECT COUNT(*) ${active}) AS "players",
            ${AHEAD_RANGES.map((range) => `(SELECT COUNT(*) ${active} AND ${range})`).join(" + ")} AS "ahead",
            (SELECT COUNT(*) ${active} AND ${TIED}) AS "tied"
     ${PLAYER_ANSWERS} WHERE p."gameId" = ? AND p."userId" = ?`,
    [questionId, game.position, game.id, userId],
  );
  if (!row) return null;
  const player = snapshotPlayer(row);
  const players = Number(row.players);
  if (player.removed) return { player, standing: { rank: players + 1, players } };
  let ahead = Number(row.ahead);
  if (Number(row.tied) > 0) {
    // Tied to the millisecond on everything else: the ids decide, compared as the code compares them.
    const tied = await sql.all<{ id: string }>(
      `SELECT o."id" FROM "GamePlayer" p JOIN "GamePlayer" o ON o."gameId" = p."gameId" AND o."removedAt" IS NULL
       WHERE p."id" = ? AND ${TIED}`,
      [player.id],
    );
    ahead += tied.filter((o) => o.id < player.id).length;
  }
  return { player, standing: { rank: ahead + 1, players } };
}

/** Who is watching a game, and as what: its host (or its class's teacher), or one of its players. */
export type GameViewer = { kind: "host" } | { kind: "player"; userId: string };

/** How this user may watch the game, or null when they may not (as if it did not exist). */
export async function findGameViewer(db: Db, user: Actor, gameId: string): Promise<GameViewer | null> {
  if (user.role === "STUDENT" || user.role === "GUEST") {
    // Asked by each phone's page and stream as a class joins: hand-written SQL, not Prisma.
    const player = await sqlOf(db).one<{ id: string }>(
      `SELECT "id" FROM "GamePlayer" WHERE "gameId" = ? AND "userId" = ?`,
      [gameId, user.id],
    );
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
