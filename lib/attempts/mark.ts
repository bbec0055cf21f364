// How a graded answer is named wherever it is shown or exported: right, partly right (part
// marks on matching and ordering), or wrong. Pure and free of server code: the phone's answer
// card, the student's results page and the teacher's CSV all name marks this way.

export type Mark = "right" | "partly right" | "wrong";

export function markOf({ isCorrect, score }: { isCorrect: boolean; score: number }): Mark {
  if (isCorrect) return "right";
  return score > 0 ? "partly right" : "wrong";
}

/** A score of 0..1 as a whole percentage: 1/3 -> "33%". */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

/** A score of 0..1 rounded to two decimals, for spreadsheets: 1/3 -> "0.33". */
export const roundedScore = (score: number) => String(Math.round(score * 100) / 100);
