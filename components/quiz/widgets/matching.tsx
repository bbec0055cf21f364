"use client";

// Matching: a list of right-hand items to choose from for each left-hand item.
import { useState } from "react";

import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { matching } from "@/lib/questions/kinds/matching";

import { cn } from "@/components/ui/cn";

import { defineWidget, givenAnswer, MARK_RIGHT, MARK_WRONG, type WidgetProps } from "./widget";

type MatchingAnswer = AnswerOf<typeof matching>;

function MatchingInput({ question, disabled, onChange, feedback }: WidgetProps<MatchingAnswer>) {
  const [picked, setMatches] = useState<string[]>(() => question.options.map(() => ""));
  const matches = givenAnswer<MatchingAnswer>(feedback, "MATCHING")?.matches ?? picked;
  const rows = feedback?.marks?.rows;
  const pick = (index: number, target: string) => {
    const next = matches.map((value, j) => (j === index ? target : value));
    setMatches(next);
    onChange(next.every(Boolean) ? { type: "MATCHING", matches: next } : null);
  };
  return (
    <div className="flex flex-col gap-3">
      {question.options.map((option, i) => (
        <label key={option.position} className="flex flex-col gap-1.5" data-mark={rowMark(rows?.[i])}>
          <span className="flex items-baseline justify-between gap-2 font-medium">
            {option.text}
            <RowMark right={rows?.[i]} />
          </span>
          <select
            value={matches[i] ?? ""}
            disabled={disabled}
            onChange={(event) => pick(i, event.target.value)}
            className={cn(
              "min-h-12 rounded-xl border-2 bg-canvas px-3",
              rows?.[i] === undefined ? "border-line" : rows[i] ? "border-good" : "border-bad",
            )}
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

const rowMark = (right: boolean | undefined) => (right === undefined ? undefined : right ? "right" : "wrong");

/** Right or wrong beside a row once feedback is shown: a sign and a word, not colour alone. */
export function RowMark({ right }: { right: boolean | undefined }) {
  if (right === undefined) return null;
  return (
    <span className={cn("shrink-0 text-sm font-semibold", right ? "text-good" : "text-bad")}>
      <span aria-hidden>{right ? MARK_RIGHT : MARK_WRONG} </span>
      {right ? "right" : "wrong"}
    </span>
  );
}

export const matchingWidget = defineWidget<MatchingAnswer>({ Input: MatchingInput });
