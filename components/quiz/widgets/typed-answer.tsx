"use client";

// Fill in the blank and numeric: one text field (a number pad for numbers).
import { useState } from "react";

import type { AnswerOf } from "@/lib/questions/kinds/kind";
import type { fillBlank } from "@/lib/questions/kinds/fill-blank";
import type { numeric } from "@/lib/questions/kinds/numeric";

import { defineWidget, type WidgetProps } from "./widget";

type TypedAnswer = AnswerOf<typeof fillBlank> | AnswerOf<typeof numeric>;

function TypedAnswerInput({ question, disabled, onChange }: WidgetProps<TypedAnswer>) {
  const [text, setText] = useState("");
  const type = question.type as TypedAnswer["type"];
  const isNumber = type === "NUMERIC";
  return (
    <label className="flex flex-col gap-1.5">
      <span className="font-medium">{isNumber ? "Your number" : "Your answer"}</span>
      <input
        name="text"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const typed = event.target.value.trim();
          onChange(typed ? { type, text: typed } : null);
        }}
        disabled={disabled}
        inputMode={isNumber ? "decimal" : "text"}
        autoComplete="off"
        autoCapitalize="off"
        className="min-h-12 rounded-xl border-2 border-line bg-canvas px-3 text-lg"
      />
    </label>
  );
}

export const typedAnswerWidget = defineWidget<TypedAnswer>({ Input: TypedAnswerInput });
