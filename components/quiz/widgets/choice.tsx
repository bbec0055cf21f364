"use client";

// Multiple choice and true/false: one radio per option; on a keyboard, 1-4 choose.
import { useEffect, useState } from "react";

import { cn } from "@/components/ui/cn";
import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { multipleChoice } from "@/lib/questions/kinds/multiple-choice";
import type { trueFalse } from "@/lib/questions/kinds/true-false";

import { defineWidget, givenAnswer, isTypingTarget, MARK_RIGHT, MARK_WRONG, type WidgetProps } from "./widget";

type ChoiceAnswer = AnswerOf<typeof multipleChoice> | AnswerOf<typeof trueFalse>;

function ChoiceInput({ question, disabled, onChange, feedback, marker }: WidgetProps<ChoiceAnswer>) {
  const [picked, setChoice] = useState<number | null>(null);
  const type = question.type as ChoiceAnswer["type"];
  const choice = givenAnswer<ChoiceAnswer>(feedback, type)?.position ?? picked;
  const right = feedback?.marks?.rightOptions;
  const choose = (position: number) => {
    setChoice(position);
    onChange({ type, position });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (disabled || isTypingTarget(event.target)) return;
      const n = Number(event.key);
      if (n >= 1 && n <= question.options.length) choose(question.options[n - 1]!.position);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="sr-only">Choose one answer</legend>
      {question.options.map((option, i) => {
        const chosen = choice === option.position;
        const isRight = right?.includes(option.position);
        const mark =
          right === undefined
            ? null
            : isRight
              ? chosen
                ? "Your answer: right"
                : "Right answer"
              : chosen
                ? "Your answer: wrong"
                : null;
        return (
          <label
            key={option.position}
            data-mark={mark ? (isRight ? "right" : "wrong") : undefined}
            className={cn(
              "flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 px-4 py-3 text-base",
              mark && isRight
                ? "border-good bg-good-soft"
                : mark
                  ? "border-bad bg-bad-soft"
                  : chosen
                    ? "border-brand bg-surface"
                    : "border-line",
              disabled && "cursor-default",
            )}
          >
            <input
              type="radio"
              name="choice"
              value={option.position}
              checked={choice === option.position}
              onChange={() => choose(option.position)}
              className="size-5 shrink-0 accent-brand"
            />
            <span className="hidden w-5 shrink-0 text-sm text-muted sm:inline" aria-hidden>
              {i + 1}
            </span>
            {marker?.(i)}
            <span className="flex-1">{option.text}</span>
            {mark && (
              <span className={cn("shrink-0 text-sm font-semibold", isRight ? "text-good" : "text-bad")}>
                <span aria-hidden>{isRight ? MARK_RIGHT : MARK_WRONG} </span>
                {mark}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

export const choiceWidget = defineWidget<ChoiceAnswer>({ Input: ChoiceInput });
