// Answer checking. Choices are graded by option position; typed answers are forgiving where a
// teacher would be (case, punctuation, accents, small typos scaled to the answer's length, any
// alias, any writing of a number or date, a list in any order) and strict where it matters (a
// typo that turns the answer into another name is wrong: the generator caps the tolerance).
import { parseDate } from "@/lib/questions/dates";
import { editDistance, listItems, normaliseAnswer, typoBudget } from "@/lib/questions/normalise";
import { isNumberText, parseNumber } from "@/lib/questions/numbers";
import type { GivenAnswer, GradableQuestion, GradeResult } from "@/lib/questions/types";

function withinTypos(typed: string, accepted: string, tolerance: number): boolean {
  const budget = Math.min(typoBudget(accepted), tolerance);
  return editDistance(typed, accepted, budget) <= budget;
}

/** Each typed item matches a different accepted item, in any order. */
function sameItems(typed: string[], accepted: string[], tolerance: number): boolean {
  if (typed.length !== accepted.length) return false;
  const left = [...accepted];
  for (const item of typed) {
    const index = left.findIndex((candidate) => candidate === item || withinTypos(item, candidate, tolerance));
    if (index < 0) return false;
    left.splice(index, 1);
  }
  return true;
}

/** Whether `text` is an accepted writing of the answer. Exported for review and previews. */
export function matchesTypedAnswer(
  text: string,
  accepted: string[],
  tolerance = Number.POSITIVE_INFINITY,
  rejected: string[] = [],
): boolean {
  const typed = normaliseAnswer(text);
  if (!typed) return false;
  if (rejected.some((r) => normaliseAnswer(r) === typed)) return false;
  const typedItems = listItems(text);
  for (const answer of accepted) {
    const norm = normaliseAnswer(answer);
    if (!norm) continue;
    if (typed === norm) return true;
    if (isNumberText(answer)) {
      const value = parseNumber(text);
      if (value !== undefined && value === parseNumber(answer)) return true;
      continue;
    }
    const date = parseDate(answer);
    if (date) {
      if (parseDate(text, Number(date.slice(0, 4))) === date) return true;
      continue;
    }
    const items = listItems(answer);
    if (items && typedItems && sameItems(typedItems, items, tolerance)) return true;
    if (withinTypos(typed, norm, tolerance)) return true;
  }
  return false;
}

function assertType(question: GradableQuestion, answer: GivenAnswer): void {
  if (question.type !== answer.type) {
    throw new TypeError(`A ${answer.type} answer cannot grade a ${question.type} question`);
  }
}

export function gradeAnswer(question: GradableQuestion, answer: GivenAnswer): GradeResult {
  assertType(question, answer);
  const options = [...question.options].sort((a, b) => a.position - b.position);
  switch (answer.type) {
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE": {
      const chosen = options.find((o) => o.position === answer.position);
      const right = options.find((o) => o.isCorrect);
      const isCorrect = Boolean(chosen?.isCorrect);
      return { isCorrect, score: isCorrect ? 1 : 0, expected: right?.text ?? "" };
    }
    case "FILL_BLANK": {
      const expected = question.answerText ?? question.acceptedAnswers[0] ?? "";
      const accepted = [expected, ...question.acceptedAnswers].filter(Boolean);
      const rejected = options.filter((o) => !o.isCorrect).map((o) => o.text);
      const isCorrect = matchesTypedAnswer(
        answer.text,
        accepted,
        question.tolerance ?? Number.POSITIVE_INFINITY,
        rejected,
      );
      return { isCorrect, score: isCorrect ? 1 : 0, expected };
    }
    case "NUMERIC": {
      const target = question.answerNumber ?? undefined;
      const value = parseNumber(answer.text);
      const tolerance = question.tolerance ?? 0;
      const isCorrect =
        target !== undefined &&
        value !== undefined &&
        Math.abs(value - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
      return { isCorrect, score: isCorrect ? 1 : 0, expected: question.answerText ?? String(target ?? "") };
    }
    case "MATCHING": {
      const right = options.filter((option, index) => {
        const given = answer.matches[index];
        return given !== undefined && normaliseAnswer(given) === normaliseAnswer(option.matchText ?? "");
      }).length;
      const score = options.length ? right / options.length : 0;
      return {
        isCorrect: options.length > 0 && right === options.length,
        score,
        expected: options.map((o) => `${o.text} → ${o.matchText ?? ""}`).join("; "),
      };
    }
    case "ORDERING": {
      const seen = new Set<number>();
      const right = answer.order.filter((position, index) => {
        if (seen.has(position)) return false;
        seen.add(position);
        return options.find((o) => o.position === position)?.correctPosition === index;
      }).length;
      const score = options.length ? right / options.length : 0;
      const inOrder = [...options].sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0));
      return {
        isCorrect: options.length > 0 && right === options.length && answer.order.length === options.length,
        score,
        expected: inOrder.map((o) => o.text).join(" → "),
      };
    }
  }
}
