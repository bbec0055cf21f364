"use client";

// The test-only PICK_TWO kind's widget (pick-two.ts): a checkbox per option; two make an answer.
import { useState } from "react";

import { defineWidget, type WidgetProps } from "@/components/quiz/widgets/widget";
import type { AnswerOf } from "@/lib/questions/kinds/kind";

import type { pickTwo } from "./pick-two";

type PickTwoAnswer = AnswerOf<typeof pickTwo>;

function PickTwoInput({ question, disabled, onChange }: WidgetProps<PickTwoAnswer>) {
  const [picked, setPicked] = useState<number[]>([]);
  const toggle = (position: number) => {
    const next = picked.includes(position) ? picked.filter((p) => p !== position) : [...picked, position];
    setPicked(next);
    onChange(next.length === 2 ? { type: "PICK_TWO", positions: next } : null);
  };
  return (
    <fieldset disabled={disabled}>
      <legend>Pick two answers</legend>
      {question.options.map((option) => (
        <label key={option.position}>
          <input type="checkbox" checked={picked.includes(option.position)} onChange={() => toggle(option.position)} />
          {option.text}
        </label>
      ))}
    </fieldset>
  );
}

export const pickTwoWidget = defineWidget<PickTwoAnswer>({ Input: PickTwoInput });
