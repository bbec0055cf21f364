// A question set in the layout of Kahoot!'s quiz spreadsheet template, as a real .xlsx: one row a
// question under the template's header, with columns Question, Answer 1-4, Time limit (sec) and
// Correct answer(s). Kahoot! quiz questions are choices of up to four answers with limits on
// their length; true/false fits as two answers. Everything else is left out, listed on a second
// sheet ("Left out", which Kahoot! does not read) and on screen. Pure.
import { omissionLine, splitByFit, type BankQuestion, type Fits, type Omission } from "@/lib/banks/types";
import { writeXlsx, type Cell } from "@/lib/banks/xlsx";

export const KAHOOT_HEADER = [
  "#",
  "Question - max 120 characters",
  "Answer 1 - max 75 characters",
  "Answer 2 - max 75 characters",
  "Answer 3 - max 75 characters",
  "Answer 4 - max 75 characters",
  "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
  "Correct answer(s) - choose at least one",
] as const;

const MAX_QUESTION = 120;
const MAX_ANSWER = 75;
const MAX_ANSWERS = 4;
/** Seconds to answer: long enough to read a news question on a phone. */
export const KAHOOT_TIME_LIMIT = 30;

function answersOf(question: BankQuestion): { answers: string[]; correct: number } | undefined {
  const a = question.answer;
  if (a.type === "TRUE_FALSE") return { answers: ["True", "False"], correct: a.truth === "true" ? 1 : 2 };
  if (a.type !== "MULTIPLE_CHOICE") return undefined;
  const options = a.options.map((o, at) => ({ o: o.trim(), at })).filter((x) => x.o);
  return {
    answers: options.map((x) => x.o),
    correct: options.findIndex((x) => x.at === Number(a.correct)) + 1,
  };
}

export const kahootFits: Fits = (question) => {
  const fit = answersOf(question);
  if (!fit) return "Kahoot! quizzes take multiple-choice and true/false questions only";
  if (fit.answers.length > MAX_ANSWERS) return `Kahoot! takes at most ${MAX_ANSWERS} answers`;
  if (question.stem.length > MAX_QUESTION) return `Kahoot! questions are at most ${MAX_QUESTION} characters`;
  if (fit.answers.some((x) => x.length > MAX_ANSWER)) return `Kahoot! answers are at most ${MAX_ANSWER} characters`;
  return undefined;
};

/** The rows of the sheet: the header, then one row a question that fits. */
export function kahootRows(questions: readonly BankQuestion[]): { rows: Cell[][]; omitted: Omission[] } {
  const { kept, omitted } = splitByFit(questions, kahootFits);
  const rows: Cell[][] = [[...KAHOOT_HEADER]];
  kept.forEach((question, at) => {
    const { answers, correct } = answersOf(question)!;
    rows.push([
      at + 1,
      question.stem,
      ...Array.from({ length: MAX_ANSWERS }, (_, n) => answers[n] ?? null),
      KAHOOT_TIME_LIMIT,
      correct,
    ]);
  });
  return { rows, omitted };
}

/** The set as Kahoot!'s spreadsheet (.xlsx bytes), and what it leaves out. */
export function writeKahoot(
  title: string,
  questions: readonly BankQuestion[],
): { bytes: Uint8Array; omitted: Omission[] } {
  const { rows, omitted } = kahootRows(questions);
  const notes: Cell[][] = [
    [`${title}: exported from Quizwire, ${questions.length - omitted.length} of ${questions.length} questions.`],
    ...omitted.map((o): Cell[] => [`Left out: ${omissionLine(o)}.`]),
  ];
  const bytes = writeXlsx([{ name: "Quiz", rows }, ...(omitted.length > 0 ? [{ name: "Left out", rows: notes }] : [])]);
  return { bytes, omitted };
}
