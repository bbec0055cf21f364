"use client";

// Matching: a list of right-hand items to choose from for each left-hand item.
import { useState } from "react";

import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { matching } from "@/lib/questions/kinds/matching";

import { defineWidget, type WidgetProps } from "./widget";

type MatchingAnswer = AnswerOf<typeof matching>;

function MatchingInput({ question, disabled, onChange }: WidgetProps<MatchingAnswer>) {
  const [matches, setMatches] = useState<string[]>(() => question.options.map(() => ""));
  const pick = (index: number, target: string) => {
    const next = matches.map((value, j) => (j === index ? target : value));
    setMatches(next);
    onChange(next.every(Boolean) ? { type: "MATCHING", matches: next } : null);
  };
  return (
    <div className="flex flex-col gap-3">
      {question.options.map((option, i) => (
        <label key={option.position} className="flex flex-col gap-1.5">
          <span className="font-medium">{option.text}</span>
          <select
            value={matches[i]}
            disabled={disabled}
            onChange={(event) => pick(i, event.target.value)}
            className="min-h-12 rounded-xl border-2 border-line bg-canvas px-3"
          >
            <option value="">Choose…</option>
            {question.matchTargets.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

export const matchingWidget = defineWidget<MatchingAnswer>({ Input: MatchingInput });
