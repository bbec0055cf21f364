// A live game's points: more for a right answer given fast, and a bonus for right answers in a
// row. Computed on the server, from the server's clock, when a question closes; the same
// answers always give the same points and the same order. Pure.
//
//   speed points  = round(1000 × (1 − ½ × elapsed / limit) × score)   500..1000 for a right answer
//   streak bonus  = 100 × min(streak − 1, 5)                         a right answer in a row of `streak`
//   points        = speed points + streak bonus (the bonus only for a right answer)
//
// `elapsed` runs from the question opening to the answer, pauses taken out, at most the limit;
// `score` is the answer's mark, 0..1 (matching and ordering may be partly right: their points
// scale, but only a right answer keeps a streak). A wrong answer, or none, scores 0 and ends the
// streak. Ties on points are broken by more right answers, then less time spent on them, then
// who joined first, then the player's id: never by chance.

export const MAX_SPEED_POINTS = 1000;
export const STREAK_STEP = 100;
export const MAX_STREAK_BONUS_STEPS = 5;

export interface AnswerToScore {
  isCorrect: boolean;
  /** The answer's mark, 0..1. */
  score: number;
  elapsedMs: number;
}

export interface ScoredAnswer {
  points: number;
  /** The streak after this answer. */
  streak: number;
}

/** The points of one answer (null: none given) to a question open for `limitMs`, after a streak of `streakBefore`. */
export function scoreAnswer(answer: AnswerToScore | null, limitMs: number, streakBefore: number): ScoredAnswer {
  if (!answer || answer.score <= 0) return { points: 0, streak: 0 };
  const share = limitMs > 0 ? Math.min(1, Math.max(0, answer.elapsedMs / limitMs)) : 0;
  const speed = Math.round(MAX_SPEED_POINTS * (1 - share / 2) * Math.min(1, answer.score));
  if (!answer.isCorrect) return { points: speed, streak: 0 };
  const streak = streakBefore + 1;
  return { points: speed + STREAK_STEP * Math.min(streak - 1, MAX_STREAK_BONUS_STEPS), streak };
}

export interface Standing {
  id: string;
  score: number;
  correct: number;
  /** Time spent on the right answers, ms. */
  rightMs: number;
  joinedAt: Date;
}

/** Orders players best first, every tie broken the same way each time. */
export function compareStandings(a: Standing, b: Standing): number {
  return (
    b.score - a.score ||
    b.correct - a.correct ||
    a.rightMs - b.rightMs ||
    a.joinedAt.getTime() - b.joinedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Players best first, each with their rank (1 for the first; no two share one). */
export function rankStandings<S extends Standing>(players: readonly S[]): (S & { rank: number })[] {
  return [...players].sort(compareStandings).map((player, i) => ({ ...player, rank: i + 1 }));
}
