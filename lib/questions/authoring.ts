// A teacher's options and answer for a question, checked before they are stored: the shape each
// kind needs (lib/questions/kinds/), and for multiple choice the article's own truth, through the
// generator's distractor check (exclusionReason): a wrong option that the article's facts make
// true of the subject too, or a place that holds or lies inside the right answer, is refused with
// the generator's reason. Pure: the caller loads the article (lib/sets/authoring.ts).
import type { FactRecord, GenerationContext } from "@/lib/questions/context";
import { exclusionReason, type Candidate } from "@/lib/questions/distractors";
import { BLANK, foundIn } from "@/lib/questions/gates";
import { containsWords, normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import { parseNumber } from "@/lib/questions/numbers";
import type { QuestionTypeName } from "@/lib/questions/types";

/** The most choices, pairs or items a teacher's question has (the widgets fit six on a phone). */
export const MAX_CHOICES = 6;
export const MIN_CHOICES = 2;
/** The most typing mistakes a teacher may forgive in a fill-in answer. */
export const MAX_TYPOS = 3;

/** What the teacher typed for the options and answer, by kind (every field a form string). */
export type AuthoredAnswer =
  | { type: "MULTIPLE_CHOICE"; options: string[]; correct: string }
  | { type: "TRUE_FALSE"; truth: string }
  | { type: "FILL_BLANK"; answerText: string; alternatives: string; tolerance: string }
  | { type: "NUMERIC"; answerText: string; tolerance: string }
  | { type: "MATCHING"; left: string[]; right: string[] }
  | { type: "ORDERING"; items: string[] };

/** A stored option (QuestionOption without its ids). */
export interface AuthoredOption {
  position: number;
  text: string;
  isCorrect: boolean;
  matchText: string | null;
  correctPosition: number | null;
}

/** The options and answer as a question stores them. */
export interface AuthoredContent {
  stem: string;
  answerText: string | null;
  answerNumber: number | null;
  tolerance: number | null;
  options: AuthoredOption[];
}

/** The article's facts, to check a multiple-choice question's wrong options against. */
export interface ArticleTruth {
  /** The fact the question tests. */
  record: FactRecord;
  ctx: GenerationContext;
}

export type AuthoringResult =
  { ok: true; content: AuthoredContent } | { ok: false; fieldErrors: Record<string, string> };

const option = (position: number, text: string, fields: Partial<AuthoredOption> = {}): AuthoredOption => ({
  position,
  text,
  isCorrect: false,
  matchText: null,
  correctPosition: null,
  ...fields,
});

/** The filled rows of a list of inputs, with the input each came from. */
function filled(values: string[]): { at: number; text: string }[] {
  return values.map((value, at) => ({ at, text: value.trim() })).filter((row) => row.text !== "");
}

/** "options.3": the first row whose text repeats an earlier one after normalising. */
function firstRepeat(field: string, rows: { at: number; text: string }[], what: string): Record<string, string> {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const norm = normaliseAnswer(row.text) || row.text.toLowerCase();
    const earlier = seen.get(norm);
    if (earlier !== undefined)
      return {
        [`${field}.${row.at}`]: `This ${what} reads the same as ${what} ${earlier + 1} (“${rows.find((r) => r.at === earlier)!.text}”).`,
      };
    seen.set(norm, row.at);
  }
  return {};
}

function countProblem(field: string, count: number, what: string): Record<string, string> {
  if (count < MIN_CHOICES) return { [field]: `Give at least ${MIN_CHOICES} ${what}s.` };
  if (count > MAX_CHOICES) return { [field]: `Give at most ${MAX_CHOICES} ${what}s.` };
  return {};
}

/** A teacher's option as a distractor candidate: the bank's entity or the article's facts it names, if any. */
function candidateOf(text: string, { record, ctx }: ArticleTruth): Candidate {
  const form = normaliseAnswer(text);
  const type = record.fact.type;
  const entity = (ctx.entityByForm.get(form) ?? []).find((e) => e.entity.type === type);
  const facts = ctx.facts.filter((r) => r.fact.type === type && r.answerForms.includes(form));
  const kind = entity?.entity.kind?.trim().toLowerCase() ?? facts[0]?.fact.kind?.trim().toLowerCase();
  return {
    text,
    forms: [...new Set([form, ...(entity?.forms ?? [])])],
    type,
    ...(kind ? { kind } : {}),
    ...(entity?.entity.country ? { country: entity.entity.country } : {}),
    ...(entity ? { entity } : {}),
    factKeys: facts.map((r) => r.fact.key),
    inArticle: containsWords(ctx.bodyNorm, form),
    source: facts.length > 0 ? "article" : entity ? "bank" : "generated",
  };
}

// The generator also refuses distractors that are merely implausible (a post of another field);
// a teacher may offer those. Only these say that an option could be as true as the answer.
const NOT_ABOUT_TRUTH = [/^is a post of another world/, /^is a post, and the answer/, /^describes a person without/];

/**
 * Why a teacher's wrong option must not be offered for the fact (it is also right, or may be), or
 * undefined. The stem is not held against it: a teacher may name an option in the question.
 */
export function wrongOptionReason(text: string, truth: ArticleTruth): string | undefined {
  const reason = exclusionReason(truth.record, candidateOf(text, truth), truth.ctx, "");
  if (!reason || NOT_ABOUT_TRUTH.some((pattern) => pattern.test(reason))) return undefined;
  return reason;
}

function checkChoice(
  answer: Extract<AuthoredAnswer, { type: "MULTIPLE_CHOICE" }>,
  truth?: ArticleTruth,
): AuthoringResult {
  const rows = filled(answer.options);
  const errors: Record<string, string> = { ...countProblem("options", rows.length, "option") };
  const correct = /^\d+$/.test(answer.correct) ? Number(answer.correct) : -1;
  const right = rows.find((row) => row.at === correct);
  if (!right)
    errors.correct = correct < 0 ? "Mark one option as the right answer." : "The option marked right is empty.";
  Object.assign(errors, firstRepeat("options", rows, "option"));
  if (right && truth) {
    for (const row of rows) {
      if (row === right || errors[`options.${row.at}`]) continue;
      const reason = wrongOptionReason(row.text, truth);
      if (reason) errors[`options.${row.at}`] = `“${row.text}” cannot be a wrong option: it ${reason}.`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    content: {
      stem: "",
      answerText: null,
      answerNumber: null,
      tolerance: null,
      options: rows.map((row, position) => option(position, row.text, { isCorrect: row === right })),
    },
  };
}

function checkFillBlank(answer: Extract<AuthoredAnswer, { type: "FILL_BLANK" }>): AuthoringResult {
  const errors: Record<string, string> = {};
  const answerText = answer.answerText.trim();
  if (!answerText) errors.answerText = "Type the answer that fills the blank.";
  const alternatives = filled(answer.alternatives.split(/\r?\n/));
  const all = [{ at: -1, text: answerText }, ...alternatives];
  const repeat = Object.entries(firstRepeat("alternatives", all, "writing"))[0];
  if (answerText && repeat)
    errors.alternatives = `“${alternatives.find((r) => `alternatives.${r.at}` === repeat[0])?.text}” is already accepted.`;
  const tolerance = Number(answer.tolerance);
  if (answer.tolerance.trim() === "" || !Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_TYPOS)
    errors.tolerance = `Forgive from 0 to ${MAX_TYPOS} typing mistakes.`;
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    content: {
      stem: "",
      answerText,
      answerNumber: null,
      tolerance,
      // Other writings that count as right (the fact's aliases count too: the kind adds them).
      options: alternatives.map((row, position) => option(position, row.text, { isCorrect: true })),
    },
  };
}

const FIGURES = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function checkNumeric(answer: Extract<AuthoredAnswer, { type: "NUMERIC" }>): AuthoringResult {
  const errors: Record<string, string> = {};
  const answerText = answer.answerText.trim();
  // In figures, so that what the teacher sees is what is compared ("1e3" is not read as 1,000).
  const value = FIGURES.test(answerText) ? parseNumber(answerText) : undefined;
  if (value === undefined || !Number.isFinite(value))
    errors.answerText = "The answer must be a number, such as 1,200 or 3.5.";
  const tolerance = answer.tolerance.trim() === "" ? 0 : Number(answer.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0)
    errors.tolerance = "The tolerance must be 0 (exact) or a positive number.";
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, content: { stem: "", answerText, answerNumber: value!, tolerance, options: [] } };
}

function checkMatching(answer: Extract<AuthoredAnswer, { type: "MATCHING" }>): AuthoringResult {
  const errors: Record<string, string> = {};
  const size = Math.max(answer.left.length, answer.right.length);
  const pairs: { at: number; left: string; right: string }[] = [];
  for (let at = 0; at < size; at++) {
    const left = (answer.left[at] ?? "").trim();
    const right = (answer.right[at] ?? "").trim();
    if (!left && !right) continue;
    if (!left) errors[`left.${at}`] = "Give this pair its left-hand item.";
    else if (!right) errors[`right.${at}`] = "Give this pair its right-hand item.";
    else pairs.push({ at, left, right });
  }
  Object.assign(errors, countProblem("left", pairs.length, "pair"));
  Object.assign(
    errors,
    firstRepeat(
      "left",
      pairs.map((p) => ({ at: p.at, text: p.left })),
      "item",
    ),
  );
  Object.assign(
    errors,
    firstRepeat(
      "right",
      pairs.map((p) => ({ at: p.at, text: p.right })),
      "item",
    ),
  );
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    content: {
      stem: "",
      answerText: null,
      answerNumber: null,
      tolerance: null,
      // Right-hand items are shown sorted (the kind's view), so the pairs may keep the teacher's order.
      options: pairs.map((pair, position) => option(position, pair.left, { matchText: pair.right })),
    },
  };
}

function checkOrdering(answer: Extract<AuthoredAnswer, { type: "ORDERING" }>): AuthoringResult {
  const rows = filled(answer.items);
  const errors: Record<string, string> = {
    ...countProblem("items", rows.length, "item"),
    ...firstRepeat("items", rows, "item"),
  };
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  // Shown turned by one place, so never already in the right order.
  const shown = [...rows.slice(1), rows[0]!];
  return {
    ok: true,
    content: {
      stem: "",
      answerText: null,
      answerNumber: null,
      tolerance: null,
      options: shown.map((row, position) => option(position, row.text, { correctPosition: rows.indexOf(row) })),
    },
  };
}

/** The question's text: a fill-in sentence shows exactly one blank (any run of 3 or more underscores). */
function checkStem(type: QuestionTypeName, stem: string, content: AuthoredContent): Record<string, string> {
  const text = stem.trim();
  if (type === "FILL_BLANK") {
    const blanks = text.match(/_{3,}/g)?.length ?? 0;
    if (blanks !== 1)
      return { stem: "Write the sentence with exactly one blank, as _____ (three or more underscores)." };
  }
  // The right answer written in the question gives it away (a true statement states it on purpose).
  const answers =
    type === "MULTIPLE_CHOICE"
      ? content.options.filter((o) => o.isCorrect).map((o) => o.text)
      : type === "FILL_BLANK"
        ? [content.answerText ?? "", ...content.options.map((o) => o.text)]
        : [];
  const shown = foundIn(
    normaliseText(text),
    answers.map(normaliseAnswer).filter((form) => form.length >= 2),
  );
  if (shown) return { stem: `The question shows its own answer (“${shown}”).` };
  return {};
}

/**
 * Checks a teacher's options and answer (and the stem they go with) and returns what to store, or
 * the problems, each under the name of the form field it is about.
 */
export function checkAuthoredAnswer(stem: string, answer: AuthoredAnswer, truth?: ArticleTruth): AuthoringResult {
  const checked =
    answer.type === "MULTIPLE_CHOICE"
      ? checkChoice(answer, truth)
      : answer.type === "TRUE_FALSE"
        ? checkTrueFalse(answer)
        : answer.type === "FILL_BLANK"
          ? checkFillBlank(answer)
          : answer.type === "NUMERIC"
            ? checkNumeric(answer)
            : answer.type === "MATCHING"
              ? checkMatching(answer)
              : checkOrdering(answer);
  if (!checked.ok) return checked;
  const stemErrors = checkStem(answer.type, stem, checked.content);
  if (Object.keys(stemErrors).length > 0) return { ok: false, fieldErrors: stemErrors };
  const text = stem.trim();
  return {
    ok: true,
    content: { ...checked.content, stem: answer.type === "FILL_BLANK" ? text.replace(/_{3,}/, BLANK) : text },
  };
}

function checkTrueFalse(answer: Extract<AuthoredAnswer, { type: "TRUE_FALSE" }>): AuthoringResult {
  if (answer.truth !== "true" && answer.truth !== "false")
    return { ok: false, fieldErrors: { truth: "Say whether the statement is true or false." } };
  const isTrue = answer.truth === "true";
  return {
    ok: true,
    content: {
      stem: "",
      answerText: null,
      answerNumber: null,
      tolerance: null,
      options: [option(0, "True", { isCorrect: isTrue }), option(1, "False", { isCorrect: !isTrue })],
    },
  };
}

/** The form's fields for a stored question's options and answer (what the edit form starts from). */
export function authoredAnswerOf(question: {
  type: string;
  answerText: string | null;
  answerNumber: number | null;
  tolerance: number | null;
  options: AuthoredOption[];
}): AuthoredAnswer {
  const options = [...question.options].sort((a, b) => a.position - b.position);
  switch (question.type) {
    case "MULTIPLE_CHOICE":
      return {
        type: "MULTIPLE_CHOICE",
        options: options.map((o) => o.text),
        correct: String(options.findIndex((o) => o.isCorrect)),
      };
    case "TRUE_FALSE":
      return { type: "TRUE_FALSE", truth: options.find((o) => o.isCorrect)?.text === "False" ? "false" : "true" };
    case "FILL_BLANK":
      return {
        type: "FILL_BLANK",
        answerText: question.answerText ?? "",
        alternatives: options
          .filter((o) => o.isCorrect)
          .map((o) => o.text)
          .join("\n"),
        tolerance: String(Math.min(question.tolerance ?? 0, MAX_TYPOS)),
      };
    case "NUMERIC":
      // The number itself: a generated answer is written with its words ("over 1,400 people").
      return {
        type: "NUMERIC",
        answerText: question.answerNumber === null ? (question.answerText ?? "") : String(question.answerNumber),
        tolerance: String(question.tolerance ?? 0),
      };
    case "MATCHING":
      return { type: "MATCHING", left: options.map((o) => o.text), right: options.map((o) => o.matchText ?? "") };
    default:
      return {
        type: "ORDERING",
        items: [...options].sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0)).map((o) => o.text),
      };
  }
}

/** Every kind's fields as the forms hold them: lists padded to the most rows allowed. */
export interface AnswerFieldValues {
  options: string[];
  correct: string;
  truth: string;
  answerText: string;
  alternatives: string;
  tolerance: string;
  left: string[];
  right: string[];
  items: string[];
}

/** The forms' fields for an answer (empty ones for a new question). */
export function formValuesOf(answer?: AuthoredAnswer): AnswerFieldValues {
  const rows = (list: string[] = []) => [...list, ...Array<string>(Math.max(0, MAX_CHOICES - list.length)).fill("")];
  const a = answer as Partial<Record<string, unknown>> | undefined;
  const text = (name: string, fallback = "") => (typeof a?.[name] === "string" ? (a[name] as string) : fallback);
  const list = (name: string) => (Array.isArray(a?.[name]) ? (a[name] as string[]) : []);
  return {
    options: rows(list("options")),
    correct: text("correct"),
    truth: text("truth"),
    answerText: text("answerText"),
    alternatives: text("alternatives"),
    tolerance: text("tolerance", answer?.type === "NUMERIC" ? "0" : "1"),
    left: rows(list("left")),
    right: rows(list("right")),
    items: rows(list("items")),
  };
}
