// Answer checking: each kind grades its own answers (lib/questions/kinds/); this checks that the
// answer is for the question's kind and hands it over.
import { kindOf, type GivenAnswer, type KindAnswer } from "@/lib/questions/kinds";
import type { GradableQuestion, GradeResult } from "@/lib/questions/types";

/** `answer` is one of the shipped kinds' answers, or a registered kind's own. */
export function gradeAnswer(question: GradableQuestion, answer: GivenAnswer | KindAnswer): GradeResult {
  if (question.type !== answer.type) {
    throw new TypeError(`A ${answer.type} answer cannot grade a ${question.type} question`);
  }
  const kind = kindOf(question.type);
  return { ...kind.grade(question, answer), expected: kind.rightAnswer(question) };
}
