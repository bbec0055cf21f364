// Feedback on an answer: one pure function from a stored response, its question and the
// assignment's feedback rule to what the student sees (or null while the rule hides it). The
// answer path (recordAnswer), a replayed answer and a reloaded quiz all build it here.
import { toGradable, type StoredQuestion } from "@/lib/attempts/grading";
import { anchorOfQuote, splitBody } from "@/lib/content/body";
import { kindOf, type GivenAnswer, type KindAnswer } from "@/lib/questions/kinds";
import type { AnswerMarks } from "@/lib/questions/kinds/kind";

export interface Feedback {
  isCorrect: boolean;
  score: number;
  /** The right answer, in words. */
  expected: string;
  /** What the student gave, in words. */
  given: string;
  explanation: string;
  /** The exact source sentence, and where it is in the article. */
  quote: string;
  articleSlug: string;
  anchor: string | null;
  /** Whether the quote is from an article to read (a question bank's question has none). */
  inArticle: boolean;
  /** The answer as given (to show it again after a reload), or null when it is not of the question's kind. */
  answer: KindAnswer | null;
  /** Where it was right, for the widget to mark each option or row in place. */
  marks: AnswerMarks | null;
}

/**
 * Response.answer: the answer as given, plus in words what it was and what the right answer
 * was at that version, so summaries and exports never depend on the question's later versions.
 */
export type StoredAnswer = (GivenAnswer | KindAnswer) & {
  display: string;
  expected: string;
  /** The options' stored positions in the order the student saw them (answers since per-attempt shuffling). */
  shown?: number[];
};

export function parseStoredAnswer(json: string): StoredAnswer {
  const value = JSON.parse(json) as Partial<StoredAnswer>;
  return { ...(value as StoredAnswer), display: value.display ?? "", expected: value.expected ?? "" };
}

/** An assignment's feedback rule; no assignment (practice, review) shows feedback at once. */
export interface FeedbackRule {
  dueAt: Date | null;
  feedbackPolicy: string;
}

/** The rule, from a row where no assignment reads as nulls (SQL's LEFT JOIN). */
export function feedbackRuleOf(row: { dueAt: Date | null; feedbackPolicy: string | null }): FeedbackRule | null {
  return row.feedbackPolicy === null ? null : { dueAt: row.dueAt, feedbackPolicy: row.feedbackPolicy };
}

/** Whether correctness may be shown now: at once, or after the due date. */
export function feedbackVisible(rule: FeedbackRule | null, now: Date): boolean {
  return !rule || rule.feedbackPolicy === "IMMEDIATE" || (rule.dueAt !== null && now >= rule.dueAt);
}

// Where each question's quote sits in its article: splitting the article is the slowest step
// of feedback, and cached questions (lib/attempts/mutations.ts) are the same objects each time.
const anchors = new WeakMap<StoredQuestion, string | null>();

function anchorOf(question: StoredQuestion): string | null {
  if (anchors.has(question)) return anchors.get(question)!;
  // The quote may span several sentences of a paragraph; link the paragraph of its first part.
  const firstPart = question.quote.split(" … ")[0] ?? question.quote;
  const anchor = anchorOfQuote(splitBody(question.article.body), firstPart) ?? null;
  anchors.set(question, anchor);
  return anchor;
}

/** A stored response: its answer (JSON as stored, or already parsed) and its grade. */
export interface GradedResponse {
  answer: string | StoredAnswer;
  isCorrect: boolean;
  score: number;
}

/**
 * The feedback on a response, or null while the rule hides correctness. The question is only
 * needed when the rule shows it: callers may skip loading it and pass null then.
 */
export function responseFeedback(
  response: GradedResponse,
  question: StoredQuestion | null,
  rule: FeedbackRule | null,
  now: Date,
): Feedback | null {
  if (!feedbackVisible(rule, now) || !question) return null;
  const stored = typeof response.answer === "string" ? parseStoredAnswer(response.answer) : response.answer;
  const { display: _display, expected: _expected, shown: _shown, ...given } = stored;
  const answer = given.type === question.type ? given : null;
  const kind = kindOf(question.type);
  return {
    isCorrect: response.isCorrect,
    score: response.score,
    expected: stored.expected,
    given: stored.display,
    explanation: question.explanation,
    quote: question.quote,
    articleSlug: question.article.slug,
    anchor: anchorOf(question),
    inArticle: question.article.body !== "",
    answer,
    marks: answer && kind.marks ? kind.marks(toGradable(question), answer) : null,
  };
}
