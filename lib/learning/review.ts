// Choosing the questions of a review session: the facts that are due (most overdue first),
// one question each, rotating question types, never the question the student saw last for
// that fact, and never two questions on the same fact in a row.
import type { QuestionTypeName } from "@/lib/questions/types";

export interface ReviewCandidate {
  id: string;
  type: QuestionTypeName;
  /** The facts this question tests. */
  factIds: string[];
}

export interface DueFact {
  factId: string;
  due: Date;
  /** The question the student answered last on this fact, if any. */
  lastQuestionId?: string;
}

export const REVIEW_SIZE = 12;

export function pickReviewQuestions(
  dueFacts: DueFact[],
  candidates: ReviewCandidate[],
  size = REVIEW_SIZE,
): ReviewCandidate[] {
  const byFact = new Map<string, ReviewCandidate[]>();
  // Single-fact questions only: a matching question would review several facts at once.
  for (const candidate of candidates) {
    if (candidate.factIds.length !== 1) continue;
    const factId = candidate.factIds[0]!;
    byFact.set(factId, [...(byFact.get(factId) ?? []), candidate]);
  }
  const typeCounts = new Map<QuestionTypeName, number>();
  const picked: ReviewCandidate[] = [];
  const ordered = [...dueFacts].sort((a, b) => a.due.getTime() - b.due.getTime() || a.factId.localeCompare(b.factId));
  for (const fact of ordered) {
    if (picked.length >= size) break;
    const options = (byFact.get(fact.factId) ?? []).filter((q) => q.id !== fact.lastQuestionId);
    if (options.length === 0) continue;
    // The type used least so far, then a stable order.
    const choice = [...options].sort(
      (a, b) =>
        (typeCounts.get(a.type) ?? 0) - (typeCounts.get(b.type) ?? 0) ||
        a.type.localeCompare(b.type) ||
        a.id.localeCompare(b.id),
    )[0]!;
    typeCounts.set(choice.type, (typeCounts.get(choice.type) ?? 0) + 1);
    picked.push(choice);
  }
  return picked;
}
