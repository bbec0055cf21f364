// A finished game's report: per player (rank, points, right answers, each answer with its points
// and time) and per question (share right, how the answers fell, average time), and the same as
// CSV rows. Pure: the caller loads the rows (scoped to the host, lib/live/report-queries.ts).
// Points and ranks are the game's own: the points written when each question closed
// (GameAnswer) and the leaderboard's order (rankStandings), so the report, the CSV and the
// leaderboard agree.
import { markOf, percent, type Mark } from "@/lib/attempts/mark";
import { rankStandings } from "@/lib/live/scoring";
import type { QuestionTypeName } from "@/lib/questions/types";
import { normaliseAnswer } from "@/lib/results/analysis";

// ---------------------------------------------------------------- input

export interface ReportQuestion {
  /** GameQuestion.position: the game's order, from 0. */
  position: number;
  questionId: string;
  type: QuestionTypeName;
  stem: string;
  /** The question was shown (the game reached it). */
  opened: boolean;
  skipped: boolean;
  /** Choice questions: the options, to count each one's answers. */
  options: { position: number; text: string; isCorrect: boolean }[];
}

export interface ReportPlayer {
  id: string;
  nickname: string;
  score: number;
  correct: number;
  rightMs: number;
  joinedAt: Date;
  removed: boolean;
}

export interface ReportAnswer {
  playerId: string;
  questionId: string;
  /** What the player answered, in words. */
  display: string;
  /** The option chosen, for choice questions. */
  choice: number | null;
  isCorrect: boolean;
  /** The answer's mark, 0..1. */
  mark: number;
  /** Written when the question closed; null when it was not scored (skipped, or the player was removed first). */
  points: number | null;
  /** From the question opening (pauses left out) to the answer, ms; null when not scored. */
  elapsedMs: number | null;
}

export interface GameReportInput {
  questions: ReportQuestion[];
  players: ReportPlayer[];
  answers: ReportAnswer[];
}

// ---------------------------------------------------------------- output

export interface ReportCell {
  answer: string;
  mark: Mark;
  /** Null when the answer was not scored. */
  points: number | null;
  elapsedMs: number | null;
}

export interface PlayerReport {
  id: string;
  /** Null for a removed player (the leaderboard leaves them out). */
  rank: number | null;
  nickname: string;
  removed: boolean;
  points: number;
  right: number;
  answered: number;
  /** Time spent on their scored answers, ms. */
  timeMs: number;
  /** One per question, in the game's order; null when not answered. */
  cells: (ReportCell | null)[];
}

export interface AnswerGroup {
  label: string;
  count: number;
  right: boolean;
}

export interface QuestionReport {
  number: number;
  stem: string;
  type: QuestionTypeName;
  status: "played" | "skipped" | "not reached";
  /** Players in the game at the end (removed ones are left out of every figure). */
  players: number;
  answered: number;
  right: number;
  /** Right answers over answers given; null when nobody answered. */
  shareRight: number | null;
  /** Mean time to answer over scored answers, ms; null when none. */
  averageMs: number | null;
  /** Choice questions: every option in order; others: each distinct answer, most given first. */
  distribution: AnswerGroup[];
  noAnswer: number;
}

export interface GameReport {
  players: PlayerReport[];
  questions: QuestionReport[];
}

const CHOICE_TYPES = new Set<QuestionTypeName>(["MULTIPLE_CHOICE", "TRUE_FALSE"]);

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function distributionOf(question: ReportQuestion, answers: ReportAnswer[]): AnswerGroup[] {
  if (CHOICE_TYPES.has(question.type))
    return question.options.map((option) => ({
      label: option.text,
      right: option.isCorrect,
      count: answers.filter((a) => a.choice === option.position).length,
    }));
  // Grouped as the class results group typed answers (case and spaces aside), each group named
  // by its most common spelling (ties: the first by code point, capitals first).
  const groups = new Map<string, { spellings: Map<string, number>; count: number; right: boolean }>();
  for (const answer of answers) {
    const key = normaliseAnswer(answer.display);
    const spelling = answer.display.trim().replace(/\s+/g, " ");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), count: 0, right: false }));
    group.count += 1;
    group.right ||= answer.isCorrect;
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  }
  return [...groups.values()]
    .map((group) => ({
      label: [...group.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      count: group.count,
      right: group.right,
    }))
    .sort((a, b) => b.count - a.count || Number(b.right) - Number(a.right) || a.label.localeCompare(b.label, "en"));
}

export function buildGameReport(input: GameReportInput): GameReport {
  const questions = [...input.questions].sort((a, b) => a.position - b.position);
  const answersOf = new Map<string, Map<string, ReportAnswer>>();
  for (const answer of input.answers) {
    let own = answersOf.get(answer.playerId);
    if (!own) answersOf.set(answer.playerId, (own = new Map()));
    own.set(answer.questionId, answer);
  }
  const active = rankStandings(input.players.filter((p) => !p.removed));
  const removed = input.players
    .filter((p) => p.removed)
    .sort((a, b) => a.nickname.localeCompare(b.nickname, "en") || (a.id < b.id ? -1 : 1))
    .map((p) => ({ ...p, rank: null }));

  const players: PlayerReport[] = [...active, ...removed].map((player) => {
    const own = answersOf.get(player.id) ?? new Map<string, ReportAnswer>();
    const cells = questions.map((question): ReportCell | null => {
      const answer = own.get(question.questionId);
      return answer
        ? {
            answer: answer.display,
            mark: markOf({ isCorrect: answer.isCorrect, score: answer.mark }),
            points: answer.points,
            elapsedMs: answer.elapsedMs,
          }
        : null;
    });
    const scored = cells.filter((c): c is ReportCell => c !== null && c.points !== null);
    return {
      id: player.id,
      rank: player.rank,
      nickname: player.nickname,
      removed: player.removed,
      points: player.score,
      right: player.correct,
      answered: cells.filter((c) => c !== null).length,
      timeMs: scored.reduce((sum, c) => sum + (c.elapsedMs ?? 0), 0),
      cells,
    };
  });

  const inGame = input.players.filter((p) => !p.removed);
  const report = questions.map((question, index): QuestionReport => {
    const answers = inGame.flatMap((p) => {
      const answer = answersOf.get(p.id)?.get(question.questionId);
      return answer ? [answer] : [];
    });
    const right = answers.filter((a) => a.isCorrect).length;
    return {
      number: index + 1,
      stem: question.stem,
      type: question.type,
      status: question.skipped ? "skipped" : question.opened ? "played" : "not reached",
      players: inGame.length,
      answered: answers.length,
      right,
      shareRight: answers.length === 0 ? null : right / answers.length,
      averageMs: mean(answers.flatMap((a) => (a.elapsedMs === null ? [] : [a.elapsedMs]))),
      distribution: distributionOf(question, answers),
      noAnswer: question.opened ? inGame.length - answers.length : 0,
    };
  });
  return { players, questions: report };
}

// ---------------------------------------------------------------- CSV

/** Seconds with one decimal, as a CSV cell ("" for none). */
export const secondsCell = (ms: number | null) => (ms === null ? "" : (Math.round(ms / 100) / 10).toFixed(1));

export const PLAYER_CSV_HEADER = [
  "rank",
  "nickname",
  "total points",
  "right answers",
  "question",
  "question text",
  "answer",
  "correct",
  "points",
  "time (s)",
] as const;

/**
 * One row per player (in the leaderboard's order, removed players last with "removed" as their
 * rank) per question (in the game's order). Unanswered questions have empty answer, correct,
 * points and time cells; a skipped question's answer has "skipped" in points. Serialise with
 * csv-stringify and `escape_formulas: true`: nicknames and typed answers come from players.
 */
export function gameReportPlayerRows(report: GameReport): string[][] {
  const rows: string[][] = [[...PLAYER_CSV_HEADER]];
  for (const player of report.players) {
    report.questions.forEach((question, index) => {
      const cell = player.cells[index] ?? null;
      rows.push([
        player.rank === null ? "removed" : String(player.rank),
        player.nickname,
        String(player.points),
        String(player.right),
        String(question.number),
        question.stem,
        cell?.answer ?? "",
        cell ? (cell.mark === "right" ? "yes" : cell.mark === "wrong" ? "no" : "partly") : "",
        cell
          ? cell.points === null
            ? question.status === "skipped"
              ? "skipped"
              : "not scored"
            : String(cell.points)
          : "",
        cell ? secondsCell(cell.elapsedMs) : "",
      ]);
    });
  }
  return rows;
}

export const QUESTION_CSV_HEADER = [
  "question",
  "question text",
  "status",
  "players",
  "answered",
  "right",
  "share right",
  "average time (s)",
  "answers",
] as const;

/** The distribution in one cell: "Rome (right): 3; Paris: 1; no answer: 1". */
export function distributionCell(question: QuestionReport): string {
  const parts = question.distribution.map((g) => `${g.label}${g.right ? " (right)" : ""}: ${g.count}`);
  if (question.noAnswer > 0) parts.push(`no answer: ${question.noAnswer}`);
  return parts.join("; ");
}

/** One row per question, in the game's order. Serialise as gameReportPlayerRows. */
export function gameReportQuestionRows(report: GameReport): string[][] {
  return [
    [...QUESTION_CSV_HEADER],
    ...report.questions.map((q) => [
      String(q.number),
      q.stem,
      q.status,
      String(q.players),
      String(q.answered),
      String(q.right),
      q.shareRight === null ? "" : percent(q.shareRight),
      secondsCell(q.averageMs),
      distributionCell(q),
    ]),
  ];
}
