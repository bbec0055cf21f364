// The article's default quiz: 10 to 15 served questions, one per fact, mixed types (none over
// 40%), none giving another's answer away, in its text or in the feedback shown after it.
// Deterministic: the article's main facts (earliest in its facts file) first, types taken in
// turns, ties broken by each question's key; when that leaves the quiz short, the largest quiz
// the same rules allow (a bounded search).
import { revealingOf, reveals } from "@/lib/questions/gates";
import { hash32 } from "@/lib/questions/hash";
import type { GeneratedQuestion, QuestionTypeName } from "@/lib/questions/types";

export const MIN_QUIZ_SIZE = 10;
export const MAX_QUIZ_SIZE = 15;
export const DEFAULT_QUIZ_SIZE = 12;

/** The order in which each round takes one question of each type: the most constrained (several facts) first. */
const TURNS: QuestionTypeName[] = ["MATCHING", "ORDERING", "MULTIPLE_CHOICE", "FILL_BLANK", "TRUE_FALSE", "NUMERIC"];

/** Long questions that test several facts: one of each is enough for a quiz. */
const PER_QUIZ_LIMIT: Partial<Record<QuestionTypeName, number>> = { MATCHING: 1, ORDERING: 1, NUMERIC: 2 };

export interface SelectOptions {
  /** How many questions (clamped to 10..15); 12 when not given. */
  size?: number;
  /**
   * false: keep only one question per fact and the type mix, letting questions give each other's
   * answers away (never served: the corpus bench measures what the give-away rule costs).
   */
  giveaways?: boolean;
}

export function selectQuiz(questions: GeneratedQuestion[], options: SelectOptions = {}): GeneratedQuestion[] {
  const size = Math.min(MAX_QUIZ_SIZE, Math.max(MIN_QUIZ_SIZE, Math.round(options.size ?? DEFAULT_QUIZ_SIZE)));

  // The position of a fact's first question stands for how central the fact is (generation
  // follows the facts file, main points first).
  const factRank = new Map<string, number>();
  questions.forEach((q, index) => {
    for (const key of q.factKeys) if (!factRank.has(key)) factRank.set(key, index);
  });
  const rank = (q: GeneratedQuestion) => Math.min(...q.factKeys.map((key) => factRank.get(key) ?? 0));
  const served = questions.filter((q) => !q.heldBackReason);

  // Which questions cannot share a quiz, computed once.
  // Feedback shows the explanation and the source quote once a question is answered: a later
  // question's answer there would be given away (and teachers may shuffle the order).
  const shown = served.map(revealingOf);
  const conflicts = served.map(() => new Set<number>());
  for (let i = 0; i < served.length; i++) {
    for (let j = i + 1; j < served.length; j++) {
      const sameFact = served[i]!.factKeys.some((key) => served[j]!.factKeys.includes(key));
      const clash =
        options.giveaways === false ? sameFact : reveals(shown[i]!, shown[j]!) || reveals(shown[j]!, shown[i]!);
      if (clash) {
        conflicts[i]!.add(j);
        conflicts[j]!.add(i);
      }
    }
  }
  const tieBreak = (a: number, b: number) =>
    hash32(served[a]!.key) - hash32(served[b]!.key) || (served[a]!.key < served[b]!.key ? -1 : 1);

  // First the article's main facts; if that leaves the quiz short, the questions that rule out
  // the fewest others.
  const byRank = (a: number, b: number) => rank(served[a]!) - rank(served[b]!) || tieBreak(a, b);
  const cost = (i: number) =>
    [...conflicts[i]!].filter((j) => !served[j]!.factKeys.some((k) => served[i]!.factKeys.includes(k))).length;
  const byCost = (a: number, b: number) => cost(a) - cost(b) || byRank(a, b);
  let best: number[] = [];
  for (const order of [byRank, byCost]) {
    const picked = pick(served, conflicts, order, size);
    if (picked.length > best.length) best = picked;
    if (best.length >= size) break;
  }
  // Taking questions in turns can take a fact's question of the wrong type or a question that
  // rules out two others: if the quiz is still short, look for the largest one the same rules allow.
  if (best.length < size) {
    const found = largest(served, conflicts, byRank, size, best.length);
    if (found.length > best.length) best = inTurns(found, served);
  }
  return best.map((i) => served[i]!);
}

/** The most of a quiz one type may fill ("mixed types"). */
const MIX_SHARE = 0.4;

/** How many questions of each type a quiz of `size` may hold. */
function typeLimit(type: QuestionTypeName, size: number): number {
  const typeCap = Math.max(1, Math.floor(size * MIX_SHARE));
  return Math.min(typeCap, PER_QUIZ_LIMIT[type] ?? typeCap);
}

/** Steps the search may take: enough for an article's few dozen questions, bounded for any. */
const SEARCH_STEPS = 5_000;

/**
 * The largest set of questions (up to `size`, more than `floor`) with no two in conflict and no
 * type over its limit, searched in `order` (so that, of equally large quizzes, the main facts'
 * come first); empty when none beats `floor` within the step budget.
 */
function largest(
  served: GeneratedQuestion[],
  conflicts: Set<number>[],
  order: (a: number, b: number) => number,
  size: number,
  floor: number,
): number[] {
  const candidates = served.map((_, i) => i).sort(order);
  const count = new Map<QuestionTypeName, number>();
  const chosen: number[] = [];
  let best: number[] = [];
  let steps = 0;
  const fits = (i: number) =>
    (count.get(served[i]!.type) ?? 0) < typeLimit(served[i]!.type, size) && chosen.every((j) => !conflicts[i]!.has(j));
  const visit = (from: number) => {
    if (chosen.length > Math.max(floor, best.length)) best = [...chosen];
    if (best.length >= size || ++steps > SEARCH_STEPS) return;
    // At most one question per fact is left to take: a quiz cannot grow by more facts than remain.
    const open = new Set<string>();
    for (let c = from; c < candidates.length; c++)
      if (fits(candidates[c]!)) open.add(served[candidates[c]!]!.factKeys[0]!);
    if (chosen.length + open.size <= Math.max(floor, best.length)) return;
    for (let c = from; c < candidates.length; c++) {
      const i = candidates[c]!;
      if (!fits(i)) continue;
      const type = served[i]!.type;
      chosen.push(i);
      count.set(type, (count.get(type) ?? 0) + 1);
      visit(c + 1);
      chosen.pop();
      count.set(type, count.get(type)! - 1);
      if (best.length >= size || steps > SEARCH_STEPS) return;
    }
  };
  visit(0);
  return best;
}

/** The chosen questions in the order taking turns gives: one of each type per round. */
function inTurns(chosen: number[], served: GeneratedQuestion[]): number[] {
  const queues = TURNS.map((type) => chosen.filter((i) => served[i]!.type === type));
  const ordered: number[] = [];
  while (ordered.length < chosen.length) for (const queue of queues) if (queue.length) ordered.push(queue.shift()!);
  return ordered;
}

function pick(
  served: GeneratedQuestion[],
  conflicts: Set<number>[],
  order: (a: number, b: number) => number,
  size: number,
): number[] {
  const byType = new Map<QuestionTypeName, number[]>();
  served.forEach((q, i) => byType.set(q.type, [...(byType.get(q.type) ?? []), i]));
  for (const list of byType.values()) list.sort(order);

  const chosen: number[] = [];
  const count = new Map<QuestionTypeName, number>();
  const fits = (i: number) => chosen.every((j) => j !== i && !conflicts[i]!.has(j));
  // Alternate true and false statements so that "True" is not always the answer.
  let wantTrue = true;
  let progress = true;
  while (chosen.length < size && progress) {
    progress = false;
    for (const type of TURNS) {
      if (chosen.length >= size) break;
      const taken = count.get(type) ?? 0;
      if (taken >= typeLimit(type, size)) continue;
      const list = byType.get(type) ?? [];
      const isTrue = (i: number) => served[i]!.options[0]?.isCorrect === true;
      const preferred =
        type === "TRUE_FALSE"
          ? [...list.filter((i) => isTrue(i) === wantTrue), ...list.filter((i) => isTrue(i) !== wantTrue)]
          : list;
      const next = preferred.find(fits);
      if (next === undefined) continue;
      chosen.push(next);
      count.set(type, taken + 1);
      if (type === "TRUE_FALSE") wantTrue = !wantTrue;
      progress = true;
    }
  }
  return chosen;
}

/**
 * Why an article's default quiz has fewer than MIN_QUIZ_SIZE questions, for the teacher; none
 * when it has enough. factsWithQuestions: the article's facts with at least one served question.
 */
export function shortQuizReason(size: number, factsWithQuestions: number): string | undefined {
  if (size >= MIN_QUIZ_SIZE) return undefined;
  const questions = `${size} ${size === 1 ? "question" : "questions"}`;
  if (factsWithQuestions < MIN_QUIZ_SIZE) {
    const facts = `${factsWithQuestions} ${factsWithQuestions === 1 ? "fact has" : "facts have"}`;
    return `Its quiz has ${questions}, not ${MIN_QUIZ_SIZE}-${MAX_QUIZ_SIZE}: a quiz asks one question per fact, and only ${facts} a question that can be served. Build a set with more questions of a fact, or import an article with more facts.`;
  }
  return `Its quiz has ${questions}, not ${MIN_QUIZ_SIZE}-${MAX_QUIZ_SIZE}: a quiz asks one question per fact and leaves out any question whose answer another question or its source sentence would give away, and many of this article's facts share a sentence. Build a set to choose the questions yourself.`;
}
