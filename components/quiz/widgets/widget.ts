// What a kind's input widget is: the part of the answer card that lets a student build an answer
// of that kind. The card owns the rest (stem, "Check answer", feedback, Enter to go on).
import type { ComponentType } from "react";

import type { Feedback } from "@/lib/attempts/feedback";
import type { QuestionView } from "@/lib/attempts/view";
import type { KindAnswer } from "@/lib/questions/kinds";

export interface WidgetProps<A extends KindAnswer = KindAnswer> {
  question: QuestionView;
  /** The question is answered: show the answer as given, take no input. */
  disabled: boolean;
  /** The answer as built so far, or null while it is not complete enough to send. */
  onChange: (answer: A | null) => void;
  /**
   * Once answered and feedback is shown: the answer as given (also after a reload) and where it
   * was right, to mark in place, where the student is looking, without scrolling.
   */
  feedback?: Feedback | null;
  /**
   * A mark before each choice, by its index in display order (a live game's shapes, the same
   * as the projector's); decorative, so the choice's name stays its text.
   */
  marker?: (index: number) => React.ReactNode;
}

/** The answer as given, of this widget's kind, from the feedback (null before it comes). */
export function givenAnswer<A extends KindAnswer>(feedback: Feedback | null | undefined, type: string): A | null {
  return feedback?.answer?.type === type ? (feedback.answer as A) : null;
}

/** The mark beside an option or row: a word and a sign, not colour alone. */
export const MARK_RIGHT = "✓";
export const MARK_WRONG = "✗";

export interface AnswerWidget<A extends KindAnswer = KindAnswer> {
  Input: ComponentType<WidgetProps<A>>;
  /** The answer before the student touches anything (ordering: the order shown); default null. */
  initialAnswer?: (question: QuestionView) => A | null;
}

/** Declares a widget for one kind's answer type (the registry holds widgets of any). */
export function defineWidget<A extends KindAnswer>(widget: AnswerWidget<A>): AnswerWidget {
  return widget as unknown as AnswerWidget;
}

/** Whether a key press lands in a field, where its keys are typing, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const tag = (target as HTMLElement | null)?.tagName;
  return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA";
}
