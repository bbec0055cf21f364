// Choosing the questions of a review session: the facts that are due (most overdue first),
// one question each, rotating question types, never the question the student saw last for
// that fact, never two questions on the same fact in a row, and never two questions of which
// one gives the other's answer away (in its text, or in the feedback shown after it).
import { givesAway } from "@/lib/questions/gates";
import type { GeneratedQuestion, QuestionTypeName } from "@/lib/questions/types";

export interface ReviewCandidate {
  id: string;
  type: QuestionTypeName;
  /** The facts this question tests. */
  factIds: string[];
  /** What the student reads of it, before and after answering (for the give-away check). */
  content?: {
    stem: string;
    explanation: string;
    quote: string;
    answerText: string | null;
    options: { text: string; isCorrect: boolean; matchText: string | null }[];
  };
}

/** The candidate in the shape the quiz's give-away check reads. */
function asGenerated(candidate: ReviewCandidate): GeneratedQuestion | null {
  if (!candidate.content) return null;
  const { stem, explanation, quote, answerText, options } = candidate.content;
  return {
    key: candidate.id,
    type: candidate.type,
    factKeys: candidate.factIds,
    stem,
    explanation,
    quote,
    ...(answerText ? { answerText } : {}),
    options: options.map((o) => ({
      text: o.text,
      isCorrect: o.isCorrect,
      ...(o.matchText ? { matchText: o.matchText } : {}),
    })),
  };
}

function clash(a: ReviewCandidate, b: ReviewCandidate): boolean {
  const [ga, gb] = [asGenerated(a), asGenerated(b)];
  return ga !== null && gb !== null && (givesAway(ga, gb) || givesAway(gb, ga));
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
    const usable = (byFact.get(fact.factId) ?? []).filter((q) => !picked.some((p) => clash(p, q)));
    // Another question than the one seen last time, when the fact has one; else that one again,
    // as a flashcard comes back (a fact with one question is still reviewed, as home counts it).
    const fresh = usable.filter((q) => q.id !== fact.lastQuestionId);
    const options = fresh.length > 0 ? fresh : usable;
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
