// Every question read from a bank file passes the checks a teacher's own question passes
// (lib/questions/authoring.ts: the shape each type needs, no answer shown in its text) and the
// form's lengths, each problem named by the line the question starts on. Pure.
import type { BankProblem, ReadQuestion } from "@/lib/banks/types";
import { checkAuthoredAnswer, type AuthoredContent } from "@/lib/questions/authoring";

export const MAX_STEM = 500;
export const MAX_EXPLANATION = 1000;
export const MAX_LINE = 200;
/** The most questions one file brings in. */
export const MAX_QUESTIONS = 500;

export interface CheckedQuestion {
  question: ReadQuestion;
  content: AuthoredContent;
}

/**
 * A matching question's pairs in an order its screen cannot give away: students see the
 * right-hand items alphabetically (the kind's view), so pairs kept in the file's order would
 * line up with them whenever the file lists them alphabetically. Sorted by right-hand item and
 * turned by one place, no row starts beside its own match; the order depends only on the pairs,
 * so a bank exported and imported again keeps it.
 */
export function unrevealingPairs(content: AuthoredContent): AuthoredContent {
  const sorted = [...content.options].sort((a, b) => (a.matchText ?? "").localeCompare(b.matchText ?? ""));
  const turned = [...sorted.slice(1), sorted[0]!];
  return { ...content, options: turned.map((option, position) => ({ ...option, position })) };
}

function lengthProblem(question: ReadQuestion): string | undefined {
  if (question.stem.trim().length < 5) return "The question needs at least 5 characters of text.";
  if (question.stem.length > MAX_STEM) return `The question is longer than ${MAX_STEM} characters.`;
  if (question.explanation.length > MAX_EXPLANATION)
    return `The feedback is longer than ${MAX_EXPLANATION} characters.`;
  const answer = question.answer;
  const lines =
    answer.type === "MULTIPLE_CHOICE"
      ? answer.options
      : answer.type === "MATCHING"
        ? [...answer.left, ...answer.right]
        : answer.type === "ORDERING"
          ? answer.items
          : answer.type === "FILL_BLANK"
            ? [answer.answerText, ...answer.alternatives.split("\n")]
            : [];
  const long = lines.find((l) => l.length > MAX_LINE);
  return long ? `“${long.slice(0, 40)}…” is longer than ${MAX_LINE} characters.` : undefined;
}

/** Checks each question; returns what to store, and the problems by line. */
export function checkBankQuestions(questions: readonly ReadQuestion[]): {
  checked: CheckedQuestion[];
  problems: BankProblem[];
} {
  const checked: CheckedQuestion[] = [];
  const problems: BankProblem[] = [];
  if (questions.length > MAX_QUESTIONS)
    problems.push({
      line: questions[MAX_QUESTIONS]!.line,
      message: `A file brings in at most ${MAX_QUESTIONS} questions: split it in two.`,
    });
  for (const question of questions) {
    const long = lengthProblem(question);
    if (long) {
      problems.push({ line: question.line, message: long });
      continue;
    }
    const result = checkAuthoredAnswer(question.stem, question.answer);
    if (!result.ok) {
      for (const message of new Set(Object.values(result.fieldErrors))) problems.push({ line: question.line, message });
      continue;
    }
    const content = question.type === "MATCHING" ? unrevealingPairs(result.content) : result.content;
    checked.push({ question, content });
  }
  return { checked, problems: problems.sort((a, b) => a.line - b.line) };
}
