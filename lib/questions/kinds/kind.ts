// What a question kind is: the one module that knows a kind's answer shape, what a student sees
// of it before answering, how it is graded and how an answer to it reads in words. Plain data
// and functions (no database, no React): a kind's input widget is in components/quiz/widgets/,
// and the generator that writes questions of a kind from facts is generate.ts.
import type { z } from "zod";

/** Zod, handed to a kind's answerSchema by the server: the browser, which loads kinds to describe
 * answers, never loads Zod. */
export type Zod = typeof z;

import type { GradableQuestion, GradeResult } from "@/lib/questions/types";

/** Any kind's answer: `type` names the kind; the rest is the kind's own (its answerSchema). */
export interface KindAnswer {
  type: string;
}

/** A stored choice of a question, as the database keeps it. */
export interface KindOption {
  position: number;
  text: string;
  isCorrect: boolean;
  matchText: string | null;
  correctPosition: number | null;
}

/** What the browser may see of a question's choices before it is answered. */
export interface KindView {
  /** The choices in display order: their text, never which is right or where it belongs. */
  options: { position: number; text: string }[];
  /** Right-hand items of a matching question, in an order that says nothing about the pairs. */
  matchTargets: string[];
}

export interface QuestionKind<A extends KindAnswer = KindAnswer> {
  /** The question type as stored (Prisma enum QuestionType) and sent (`answer.type`). */
  type: A["type"];
  /** For teachers: "Multiple choice". */
  label: string;
  /** For narrow lists: "True/false". */
  shortLabel: string;
  /** The student types the answer (free text that can say anything), rather than choosing ours. */
  typed: boolean;
  /** The answer as the browser sends it; the answer API validates it with this (built with the Zod it is given). */
  answerSchema(zod: Zod): z.ZodType<A>;
  /** What the student sees before answering, from the stored choices in position order. */
  view(options: KindOption[]): KindView;
  /** Other writings that count as right, from the tested facts (typed kinds; default none). */
  acceptedAnswers?(facts: { aliases: string[] }[]): string[];
  /** Right or wrong, and the part marks. */
  grade(question: GradableQuestion, answer: A): Omit<GradeResult, "expected">;
  /** Where the answer was right, part by part (default: nothing to mark beyond right or wrong). */
  marks?(question: GradableQuestion, answer: A): AnswerMarks;
  /** The right answer in words: the feedback shows it, and teachers see it beside the question. */
  rightAnswer(question: GradableQuestion): string;
  /** The answer as the student gave it, in words, from the choices as the student saw them. */
  describe(answer: A, options: { position: number; text: string }[]): string;
}

/** Where an answer was right, for the widget to mark in place once feedback is shown. */
export interface AnswerMarks {
  /** Choice kinds: the positions of the right options. */
  rightOptions?: number[];
  /** Matching: each left-hand option in position order; ordering: each place of the student's order. */
  rows?: boolean[];
}

/** A kind with its answer type hidden, as the registry holds it. */
export type AnyQuestionKind = QuestionKind<KindAnswer>;

/** Declares a kind, inferring its answer type from its answerSchema. */
export function defineKind<A extends KindAnswer>(kind: QuestionKind<A>): QuestionKind<A> {
  return kind;
}

/** The answer type of a kind. */
export type AnswerOf<K> = K extends QuestionKind<infer A> ? A : never;

/** The text of the choice at `position`, or "?" for one that does not exist. */
export function textAt(options: { position: number; text: string }[], position: number): string {
  return options.find((o) => o.position === position)?.text ?? "?";
}

/** The choices' text in display order. */
export function choicesOf(options: KindOption[]): KindView["options"] {
  return options.map((o) => ({ position: o.position, text: o.text }));
}

/** The view of a kind that shows its choices and nothing else. */
export function showChoices(options: KindOption[]): KindView {
  return { options: choicesOf(options), matchTargets: [] };
}

/** Options sorted by position (answers refer to positions). */
export function inPositionOrder<T extends { position: number }>(options: T[]): T[] {
  return [...options].sort((a, b) => a.position - b.position);
}
