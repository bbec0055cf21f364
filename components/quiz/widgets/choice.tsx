"use client";

// Multiple choice and true/false: one radio per option; on a keyboard, 1-4 choose.
import { useEffect, useState } from "react";

import { cn } from "@/components/ui/cn";
import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { multipleChoice } from "@/lib/questions/kinds/multiple-choice";
import type { trueFalse } from "@/lib/questions/kinds/true-false";

import { defineWidget, isTypingTarget, type WidgetProps } from "./widget";

type ChoiceAnswer = AnswerOf<typeof multipleChoice> | AnswerOf<typeof trueFalse>;

function ChoiceInput({ question, disabled, onChange }: WidgetProps<ChoiceAnswer>) {
  const [choice, setChoice] = useState<number | null>(null);
  const type = question.type as ChoiceAnswer["type"];
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
      {question.options.map((option, i) => (
        <label
          key={option.position}
          className={cn(
            "flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 px-4 py-3 text-base",
            choice === option.position ? "border-brand bg-surface" : "border-line",
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
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  );
}

export const choiceWidget = defineWidget<ChoiceAnswer>({ Input: ChoiceInput });
