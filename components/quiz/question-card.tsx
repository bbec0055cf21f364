"use client";

// One question, whatever carries its answer: the stem, the kind's widget, "Check answer", then
// the answer's state and feedback. The card knows no transport: it gets the question view and
// the answer's state from outside and hands the built answer to onAnswer (the quiz player sends
// it through useAnswerQueue; a live game can send it another way).
import Link from "next/link";
import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Feedback } from "@/lib/attempts/feedback";
import { markOf, percent } from "@/lib/attempts/mark";
import type { QuestionView } from "@/lib/attempts/view";
import type { KindAnswer } from "@/lib/questions/kinds";

import { ReportButtons } from "./report-buttons";
import { isTypingTarget, widgetFor } from "./widgets";

/** Where an answer is: confirmed by the server, kept on the device until sent, or refused. */
export type AnswerStatus = "saved" | "waiting" | "rejected";

export interface AnswerState {
  /** The answer in words. */
  given: string;
  status: AnswerStatus;
  feedback: Feedback | null;
  /** Why it was refused. */
  message?: string;
}

const asOfFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
function formatAsOf(isoDay: string): string {
  return asOfFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

export function QuestionCard({
  question,
  number,
  total,
  answer,
  feedbackVisible,
  onAnswer,
  onNext,
  isLast,
}: {
  question: QuestionView;
  number: number;
  total: number;
  /** This question's answer, once given. */
  answer: AnswerState | undefined;
  /** False while the assignment hides correctness until its due date. */
  feedbackVisible: boolean;
  onAnswer: (answer: KindAnswer) => void;
  onNext: () => void;
  isLast: boolean;
}) {
  const widget = widgetFor(question.type);
  const [draft, setDraft] = useState<KindAnswer | null>(() => widget.initialAnswer?.(question) ?? null);
  const answered = Boolean(answer);
  const ready = draft !== null;
  const confirm = () => {
    if (draft && !answered) onAnswer(draft);
  };

  // Desktop keys: Enter confirms (and moves on after feedback); the widget may add its own.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName;
      if (event.key === "Enter" && !isTypingTarget(event.target) && tag !== "BUTTON" && tag !== "A") {
        if (answered) onNext();
        else if (ready) confirm();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const stemId = `stem-${question.id}`;
  return (
    <section aria-labelledby={stemId} className="flex flex-col gap-4">
      <p className="text-sm font-medium text-muted">
        Question {number} of {total}
        {question.asOf && <span> · as of {formatAsOf(question.asOf)}</span>}
      </p>
      <h2 id={stemId} className="text-xl leading-snug font-semibold">
        {question.stem}
      </h2>

      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
        className="flex flex-col gap-3"
      >
        <widget.Input question={question} disabled={answered} onChange={setDraft} feedback={answer?.feedback} />

        {!answered && (
          <Button type="submit" disabled={!ready} className="w-full sm:w-auto">
            Check answer
          </Button>
        )}
      </form>

      {answer && <AnswerPanel questionId={question.id} answer={answer} feedbackVisible={feedbackVisible} />}
      {answered && (
        <Button onClick={onNext} className="w-full sm:w-auto">
          {isLast ? "Finish" : "Next question"}
        </Button>
      )}
    </section>
  );
}

function AnswerPanel({
  questionId,
  answer,
  feedbackVisible,
}: {
  questionId: string;
  answer: AnswerState;
  feedbackVisible: boolean;
}) {
  const feedback = answer.feedback;
  return (
    <div aria-live="polite" className="flex flex-col gap-3">
      {answer.status === "rejected" ? (
        <p role="alert" className="rounded-xl bg-bad-soft px-4 py-3 font-medium text-bad">
          {answer.message}
        </p>
      ) : feedback ? (
        <FeedbackPanel feedback={feedback} />
      ) : (
        <p role="status" className="rounded-xl bg-surface px-4 py-3">
          {answer.status === "waiting"
            ? "Your answer is kept on this phone and will be sent when the network is back."
            : feedbackVisible
              ? "Saved."
              : "Saved. Your teacher shows the results after the due date."}
        </p>
      )}
      {answer.status === "saved" && <ReportButtons questionId={questionId} />}
    </div>
  );
}

function FeedbackPanel({ feedback }: { feedback: Feedback }) {
  return (
    <div className={cn("flex flex-col gap-2 rounded-2xl p-4", feedback.isCorrect ? "bg-good-soft" : "bg-bad-soft")}>
      <p className={cn("text-lg font-bold", feedback.isCorrect ? "text-good" : "text-bad")}>
        {feedback.isCorrect
          ? "Right!"
          : markOf(feedback) === "partly right"
            ? `Partly right (${percent(feedback.score)})`
            : "Not quite"}
      </p>
      {!feedback.isCorrect && (
        <p>
          <span className="font-semibold">Right answer:</span> {feedback.expected}
        </p>
      )}
      <p>{feedback.explanation}</p>
      {feedback.quote && (
        <blockquote className="border-l-4 border-brand pl-3 italic">
          <mark className="bg-transparent text-ink">“{feedback.quote}”</mark>
        </blockquote>
      )}
      {feedback.inArticle && (
        <Link
          href={`/articles/${feedback.articleSlug}?highlight=${encodeURIComponent(feedback.quote)}${feedback.anchor ? `#${feedback.anchor}` : ""}`}
          className="inline-flex min-h-11 items-center self-start font-semibold text-brand underline underline-offset-4"
        >
          Read it in the article
        </Link>
      )}
    </div>
  );
}
