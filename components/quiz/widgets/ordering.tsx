"use client";

// Ordering: the items in a list, each with buttons to move it earlier or later.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { ordering } from "@/lib/questions/kinds/ordering";

import { cn } from "@/components/ui/cn";

import { RowMark } from "./matching";
import { defineWidget, givenAnswer, type WidgetProps } from "./widget";

type OrderingAnswer = AnswerOf<typeof ordering>;

function OrderingInput({ question, disabled, onChange, feedback }: WidgetProps<OrderingAnswer>) {
  const [arranged, setOrder] = useState<number[]>(() => question.options.map((o) => o.position));
  const order = givenAnswer<OrderingAnswer>(feedback, "ORDERING")?.order ?? arranged;
  const rows = feedback?.marks?.rows;
  const move = (i: number, delta: number) => {
    const next = [...order];
    const j = i + delta;
    [next[i], next[j]] = [next[j]!, next[i]!];
    setOrder(next);
    onChange({ type: "ORDERING", order: next });
  };
  return (
    <ol className="flex flex-col gap-2" aria-label="Put these in order, earliest first">
      {order.map((position, i) => {
        const option = question.options.find((o) => o.position === position);
        if (!option) return null;
        return (
          <li
            key={position}
            data-mark={rows?.[i] === undefined ? undefined : rows[i] ? "right" : "wrong"}
            className={cn(
              "flex items-center gap-2 rounded-xl border-2 p-2",
              rows?.[i] === undefined ? "border-line" : rows[i] ? "border-good bg-good-soft" : "border-bad bg-bad-soft",
            )}
          >
            <span className="w-6 text-center font-semibold text-muted">{i + 1}</span>
            <span className="flex-1">{option.text}</span>
            <RowMark right={rows?.[i]} />
            <Button
              variant="ghost"
              className="px-3"
              disabled={disabled || i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move "${option.text}" earlier`}
            >
              ↑
            </Button>
            <Button
              variant="ghost"
              className="px-3"
              disabled={disabled || i === order.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move "${option.text}" later`}
            >
              ↓
            </Button>
          </li>
        );
      })}
    </ol>
  );
}

export const orderingWidget = defineWidget<OrderingAnswer>({
  Input: OrderingInput,
  // The order shown is an answer already: the student may send it as it is.
  initialAnswer: (question) => ({ type: "ORDERING", order: question.options.map((o) => o.position) }),
});
