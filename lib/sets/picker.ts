// The question picker's rules, shared by the server (which filters for a browser without
// JavaScript, and for tests) and the browser (which filters as the teacher types): what a
// question shows of itself, how hard it has proved, and whether it matches a search.
// Plain data and functions: no database, no React.
import { foldAccents } from "@/lib/questions/normalise";
import { kindOf } from "@/lib/questions/kinds";

/**
 * How hard a question has proved: the share of right answers (part marks count in part) over
 * every answer given to it so far, once it has DIFFICULTY_MIN_ANSWERS of them. Questions carry
 * no difficulty of their own (the generator has no honest signal for it), so below that
 * number it is "not yet answered".
 */
export type Difficulty = "easy" | "medium" | "hard" | "unanswered";

export const DIFFICULTY_MIN_ANSWERS = 5;
const EASY_FROM = 0.8;
const HARD_BELOW = 0.5;

export const DIFFICULTIES: readonly { value: Difficulty; label: string; meaning: string }[] = [
  { value: "easy", label: "Easy", meaning: "80% or more of answers right" },
  { value: "medium", label: "Medium", meaning: "50-79% of answers right" },
  { value: "hard", label: "Hard", meaning: "under 50% of answers right" },
  { value: "unanswered", label: "Not yet answered", meaning: `fewer than ${DIFFICULTY_MIN_ANSWERS} answers so far` },
];

export function difficultyOf(answered: number, shareRight: number | null): Difficulty {
  if (answered < DIFFICULTY_MIN_ANSWERS || shareRight === null) return "unanswered";
  if (shareRight >= EASY_FROM) return "easy";
  return shareRight < HARD_BELOW ? "hard" : "medium";
}

/** A question as the picker and the set page show it: its choices, and its right answer in words. */
export interface QuestionPreview {
  /** The choices a student sees, in display order, the right ones marked (none for typed answers). */
  options: { text: string; right: boolean }[];
  /** The right answer as the question's kind writes it ("A → B; C → D" for matching). */
  answer: string;
}

export function previewOf(question: {
  type: string;
  answerText: string | null;
  answerNumber?: number | null;
  tolerance?: number | null;
  options: { text: string; isCorrect: boolean; matchText: string | null; correctPosition: number | null }[];
}): QuestionPreview {
  const kind = kindOf(question.type);
  // The options come in position order.
  const options = question.options.map((option, position) => ({ ...option, position }));
  const answer = kind.rightAnswer({
    type: question.type,
    options,
    answerText: question.answerText,
    answerNumber: question.answerNumber ?? null,
    tolerance: question.tolerance ?? null,
    acceptedAnswers: [],
  });
  const tolerance = question.type === "NUMERIC" && question.tolerance ? ` (± ${question.tolerance})` : "";
  return {
    // Typed kinds keep their rejected writings as options, which a student never sees; a
    // matching question's pairs are its answer. Ordering shows its items as students get them.
    options:
      kind.typed || question.type === "MATCHING"
        ? []
        : options.map((o) => ({ text: o.text, right: question.type === "ORDERING" ? false : o.isCorrect })),
    answer: answer + tolerance,
  };
}

export interface PickerFact {
  id: string;
  articleSlug: string;
  subject: string;
  relation: string;
  answer: string;
  quote: string;
}

/** A fact as a teacher reads it: "the vote · held in: the town hall". */
export function factLabel(fact: Pick<PickerFact, "subject" | "relation" | "answer">): string {
  return `${fact.subject} · ${fact.relation}: ${fact.answer}`;
}

export interface PickerQuestion extends QuestionPreview {
  id: string;
  articleSlug: string;
  type: string;
  stem: string;
  factIds: string[];
  answered: number;
  shareRight: number | null;
  difficulty: Difficulty;
}

export interface PickerFilter {
  /** Words that must all occur in the stem, answer, options or the fact's text. */
  q?: string;
  type?: string;
  fact?: string;
  difficulty?: Difficulty;
}

/** Lower case, accents folded, runs of space and punctuation as one space. */
export function normaliseSearch(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/[^\p{L}\p{N}%.]+/gu, " ")
    .trim();
}

/** The text a search looks in: the question's own words and its facts'. */
export function searchTextOf(question: PickerQuestion, factsById: ReadonlyMap<string, PickerFact>): string {
  const facts = question.factIds.flatMap((id) => {
    const fact = factsById.get(id);
    return fact ? [fact.subject, fact.relation, fact.answer, fact.quote] : [];
  });
  return ` ${normaliseSearch([question.stem, question.answer, ...question.options.map((o) => o.text), ...facts].join(" "))} `;
}

/** Whether a question matches every part of the filter (searchText from searchTextOf). */
export function matchesFilter(question: PickerQuestion, searchText: string, filter: PickerFilter): boolean {
  if (filter.type && question.type !== filter.type) return false;
  if (filter.fact && !question.factIds.includes(filter.fact)) return false;
  if (filter.difficulty && question.difficulty !== filter.difficulty) return false;
  const words = normaliseSearch(filter.q ?? "")
    .split(" ")
    .filter(Boolean);
  return words.every((word) => searchText.includes(word));
}

export interface FactGroup {
  /** The fact, or null for questions on several facts (matching, ordering). */
  fact: PickerFact | null;
  questions: PickerQuestion[];
}

/**
 * Questions grouped by the fact they test, facts in the order given (the article's order);
 * questions on several facts come last, in a group of their own.
 */
export function groupByFact(facts: readonly PickerFact[], questions: readonly PickerQuestion[]): FactGroup[] {
  const byFact = new Map<string, PickerQuestion[]>();
  const several: PickerQuestion[] = [];
  for (const question of questions) {
    if (question.factIds.length !== 1) several.push(question);
    else byFact.set(question.factIds[0]!, [...(byFact.get(question.factIds[0]!) ?? []), question]);
  }
  const groups: FactGroup[] = facts.flatMap((fact) => {
    const list = byFact.get(fact.id);
    return list ? [{ fact, questions: list }] : [];
  });
  return several.length ? [...groups, { fact: null, questions: several }] : groups;
}

/**
 * What a browser without JavaScript has picked after a GET of the picker: the questions it
 * carried, plus, for "select all on this fact", the fact's questions that match the filter
 * (`several:<article>` for that article's questions on several facts); never one in `exclude`
 * (already in the set) nor one not in the bank.
 */
export function pickedAfter(
  questions: readonly PickerQuestion[],
  facts: readonly PickerFact[],
  filter: PickerFilter,
  { picked, selectFact, exclude = new Set() }: { picked: string[]; selectFact?: string; exclude?: ReadonlySet<string> },
): string[] {
  const known = new Set(questions.map((q) => q.id));
  const chosen = new Set(picked.filter((id) => known.has(id)));
  if (selectFact) {
    const factsById = new Map(facts.map((f) => [f.id, f]));
    const several = selectFact.startsWith("several:") ? selectFact.slice("several:".length) : undefined;
    for (const q of questions) {
      const onIt = several
        ? q.articleSlug === several && q.factIds.length !== 1
        : q.factIds.length === 1 && q.factIds[0] === selectFact;
      if (onIt && matchesFilter(q, searchTextOf(q, factsById), filter)) chosen.add(q.id);
    }
  }
  return [...chosen].filter((id) => !exclude.has(id));
}
