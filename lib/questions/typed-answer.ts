// Checking a typed answer: forgiving where a teacher would be (case, punctuation, accents, small
// typos scaled to the answer's length, any alias, any writing of a number or date, a list in any
// order) and strict where it matters (a typo that turns the answer into another name is wrong:
// the generator caps the tolerance).
import { parseDate } from "@/lib/questions/dates";
import { editDistance, listItems, normaliseAnswer, typoBudget } from "@/lib/questions/normalise";
import { isNumberText, parseNumber } from "@/lib/questions/numbers";

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
