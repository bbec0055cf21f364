"use client";

// The teacher's forms for a question's options and answer: editing those of a question, and
// writing a question of their own on the article's facts. The fields are kept in state (a form
// reset after a refused save keeps what the teacher typed); the server checks everything and its
// messages are shown next to the fields they name.
import { useActionState, useId, useState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions";
import type { AnswerFieldValues } from "@/lib/questions/authoring";
import { field } from "@/lib/form-state";

import { editAnswerAction, writeQuestionAction } from "./actions";

export type QuestionTypeOption = { type: string; label: string };

type State = ActionResult<unknown> | null;

const boxClass = "min-h-11 w-full rounded-xl border bg-canvas px-3 py-2 text-base text-ink";
const borderOf = (error: string | undefined) => (error ? "border-bad" : "border-line");

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="text-sm font-medium text-bad">
      {error}
    </p>
  );
}

/** A text input with its label and its own error (for rows: "Option 2", error of "options.1"). */
function TextField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  inputMode,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  inputMode?: "decimal" | "numeric";
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        value={value}
        inputMode={inputMode}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        className={`${boxClass} ${borderOf(error)}`}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The fields of one question type; `errorOf` reads the server's message for a field name. */
function AnswerFields({
  type,
  values,
  set,
  errorOf,
}: {
  type: string;
  values: AnswerFieldValues;
  set: (change: Partial<AnswerFieldValues>) => void;
  errorOf: (name: string) => string | undefined;
}) {
  const row = (list: string[], at: number, value: string) => list.map((v, i) => (i === at ? value : v));
  switch (type) {
    case "MULTIPLE_CHOICE":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium">Options (2 to {values.options.length}; mark the right one)</legend>
          <FieldError id="options-error" error={errorOf("options")} />
          {values.options.map((text, at) => (
            <div key={at} className="flex items-end gap-2">
              <TextField
                label={`Option ${at + 1}`}
                name="options"
                value={text}
                onChange={(value) => set({ options: row(values.options, at, value) })}
                error={errorOf(`options.${at}`)}
              />
              <label className="flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center gap-2 self-start pt-8">
                <input
                  type="radio"
                  name="correct"
                  value={String(at)}
                  checked={values.correct === String(at)}
                  onChange={() => set({ correct: String(at) })}
                  className="size-5"
                  aria-label={`Option ${at + 1} is right`}
                />
                <span aria-hidden className="text-sm">
                  right
                </span>
              </label>
            </div>
          ))}
          <FieldError id="correct-error" error={errorOf("correct")} />
        </fieldset>
      );
    case "TRUE_FALSE":
      return (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">The statement is</legend>
          <div className="flex gap-4">
            {["true", "false"].map((truth) => (
              <label key={truth} className="flex min-h-11 cursor-pointer items-center gap-2">
                <input
                  type="radio"
                  name="truth"
                  value={truth}
                  checked={values.truth === truth}
                  onChange={() => set({ truth })}
                  className="size-5"
                />
                {truth === "true" ? "True" : "False"}
              </label>
            ))}
          </div>
          <FieldError id="truth-error" error={errorOf("truth")} />
        </fieldset>
      );
    case "FILL_BLANK":
      return (
        <div className="flex flex-col gap-3">
          <TextField
            label="Answer that fills the blank"
            name="answerText"
            value={values.answerText}
            onChange={(answerText) => set({ answerText })}
            error={errorOf("answerText")}
          />
          <label className="flex flex-col gap-1 font-medium">
            Other writings that count as right (one a line)
            <textarea
              name="alternatives"
              rows={2}
              value={values.alternatives}
              onChange={(event) => set({ alternatives: event.target.value })}
              aria-invalid={errorOf("alternatives") ? true : undefined}
              className={`${boxClass} ${borderOf(errorOf("alternatives"))}`}
            />
          </label>
          <FieldError id="alternatives-error" error={errorOf("alternatives")} />
          <TextField
            label="Typing mistakes forgiven (0 to 3)"
            name="tolerance"
            value={values.tolerance}
            inputMode="numeric"
            onChange={(tolerance) => set({ tolerance })}
            error={errorOf("tolerance")}
            hint="The fact's other names always count too."
          />
        </div>
      );
    case "NUMERIC":
      return (
        <div className="flex flex-col gap-3 sm:flex-row">
          <TextField
            label="Answer (a number)"
            name="answerText"
            value={values.answerText}
            inputMode="decimal"
            onChange={(answerText) => set({ answerText })}
            error={errorOf("answerText")}
          />
          <TextField
            label="Tolerance (± how much counts as right)"
            name="tolerance"
            value={values.tolerance}
            inputMode="decimal"
            onChange={(tolerance) => set({ tolerance })}
            error={errorOf("tolerance")}
          />
        </div>
      );
    case "MATCHING":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium">Pairs (2 to {values.left.length}), each left item with its match</legend>
          <FieldError id="left-error" error={errorOf("left")} />
          {values.left.map((left, at) => (
            <div key={at} className="flex flex-col gap-2 sm:flex-row">
              <TextField
                label={`Left ${at + 1}`}
                name="left"
                value={left}
                onChange={(value) => set({ left: row(values.left, at, value) })}
                error={errorOf(`left.${at}`)}
              />
              <TextField
                label={`Its match ${at + 1}`}
                name="right"
                value={values.right[at] ?? ""}
                onChange={(value) => set({ right: row(values.right, at, value) })}
                error={errorOf(`right.${at}`)}
              />
            </div>
          ))}
        </fieldset>
      );
    case "ORDERING":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium">
            Items in the right order, first first (2 to {values.items.length})
          </legend>
          <FieldError id="items-error" error={errorOf("items")} />
          {values.items.map((text, at) => (
            <TextField
              key={at}
              label={`Item ${at + 1}`}
              name="items"
              value={text}
              onChange={(value) => set({ items: row(values.items, at, value) })}
              error={errorOf(`items.${at}`)}
            />
          ))}
        </fieldset>
      );
    default:
      return null;
  }
}

const errorReader = (state: State) => (name: string) => field(state, name).error;

/** Messages the form has no field for (the question's text, for an edit), under the form. */
function OtherErrors({ state, shown }: { state: State; shown: (name: string) => boolean }) {
  if (!state || state.ok) return null;
  const other = Object.entries(state.fieldErrors ?? {}).filter(([name]) => !shown(name));
  return (
    <FormMessage tone="error">
      {state.error}
      {other.map(([name, message]) => (
        <span key={name} className="block">
          {message}
        </span>
      ))}
    </FormMessage>
  );
}

const FIELDS_OF: Record<string, RegExp> = {
  MULTIPLE_CHOICE: /^(options|correct)/,
  TRUE_FALSE: /^truth$/,
  FILL_BLANK: /^(answerText|alternatives|tolerance)$/,
  NUMERIC: /^(answerText|tolerance)$/,
  MATCHING: /^(left|right)/,
  ORDERING: /^items/,
};

export function EditAnswerForm({
  slug,
  questionId,
  type,
  initial,
  forEveryone,
}: {
  slug: string;
  questionId: string;
  type: string;
  initial: AnswerFieldValues;
  forEveryone: boolean;
}) {
  const [state, save] = useActionState(editAnswerAction, null);
  const [values, setValues] = useState(initial);
  const errorOf = errorReader(state);
  return (
    <details className="w-full">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand">
        Edit options and answer
      </summary>
      <form action={save} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="questionId" value={questionId} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="type" value={type} />
        <AnswerFields
          type={type}
          values={values}
          set={(change) => setValues({ ...values, ...change })}
          errorOf={errorOf}
        />
        <OtherErrors state={state} shown={(name) => FIELDS_OF[type]?.test(name) ?? false} />
        <SubmitButton variant="secondary" className="self-start">
          {forEveryone ? "Save as a new version" : "Save as your own version"}
        </SubmitButton>
        {state?.ok && (
          <FormMessage tone="success">
            {(state.data as { message: string }).message} Earlier answers keep the version they answered, and their
            marks.
          </FormMessage>
        )}
      </form>
    </details>
  );
}

export interface WritableFact {
  key: string;
  label: string;
  quote: string;
}

const SEVERAL = new Set(["MATCHING", "ORDERING"]);

function WriteQuestionFields({
  slug,
  facts,
  types,
  empty,
  state,
  save,
}: {
  slug: string;
  facts: WritableFact[];
  types: QuestionTypeOption[];
  empty: AnswerFieldValues;
  state: State;
  save: (formData: FormData) => void;
}) {
  const failed = state && !state.ok ? state : null;
  const [type, setType] = useState("MULTIPLE_CHOICE");
  const [chosen, setChosen] = useState<string[]>([]);
  const [stem, setStem] = useState("");
  const [explanation, setExplanation] = useState("");
  const [values, setValues] = useState(empty);
  const errorOf = errorReader(state);
  const several = SEVERAL.has(type);
  const choose = (key: string, on: boolean) =>
    setChosen(several ? (on ? [...chosen, key] : chosen.filter((k) => k !== key)) : on ? [key] : []);
  const stemError = errorOf("stem");
  const explanationError = errorOf("explanation");
  return (
    <form action={save} className="flex flex-col gap-4">
      <input type="hidden" name="slug" value={slug} />
      <label className="flex flex-col gap-1 font-medium">
        Type of question
        <select
          name="type"
          value={type}
          onChange={(event) => {
            setType(event.target.value);
            if (!SEVERAL.has(event.target.value)) setChosen(chosen.slice(0, 1));
          }}
          className={`${boxClass} border-line`}
        >
          {types.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">{several ? "Facts it tests (two or more)" : "Fact it tests"}</legend>
        <FieldError id="factKeys-error" error={errorOf("factKeys")} />
        {facts.map((fact) => (
          <label key={fact.key} className="flex min-h-11 cursor-pointer items-start gap-3 py-1">
            <input
              type={several ? "checkbox" : "radio"}
              name="factKeys"
              value={fact.key}
              checked={chosen.includes(fact.key)}
              onChange={(event) => choose(fact.key, event.target.checked)}
              className="mt-1 size-5 shrink-0"
            />
            <span className="min-w-0 break-words">
              {fact.label}
              <span className="block text-sm text-muted">“{fact.quote}”</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 font-medium">
        Question
        <textarea
          name="stem"
          rows={2}
          value={stem}
          maxLength={500}
          onChange={(event) => setStem(event.target.value)}
          aria-invalid={stemError ? true : undefined}
          className={`${boxClass} ${borderOf(stemError)}`}
        />
      </label>
      {type === "FILL_BLANK" && <p className="text-sm text-muted">Write the sentence with one blank: _____</p>}
      {type === "TRUE_FALSE" && <p className="text-sm text-muted">Write a statement the student judges.</p>}
      <FieldError id="stem-error" error={stemError} />
      <AnswerFields
        type={type}
        values={values}
        set={(change) => setValues({ ...values, ...change })}
        errorOf={errorOf}
      />
      <label className="flex flex-col gap-1 font-medium">
        Explanation (shown after answering)
        <textarea
          name="explanation"
          rows={2}
          value={explanation}
          maxLength={1000}
          onChange={(event) => setExplanation(event.target.value)}
          aria-invalid={explanationError ? true : undefined}
          className={`${boxClass} ${borderOf(explanationError)}`}
        />
      </label>
      <FieldError id="explanation-error" error={explanationError} />
      {failed && <FormMessage tone="error">{failed.error}</FormMessage>}
      <SubmitButton className="self-start">Save question</SubmitButton>
    </form>
  );
}

export function WriteQuestionForm(props: {
  slug: string;
  facts: WritableFact[];
  types: QuestionTypeOption[];
  empty: AnswerFieldValues;
}) {
  // Each saved question starts a fresh form (a new generation); a refused one keeps what was typed.
  const [{ state, generation }, save] = useActionState<{ state: State; generation: number }, FormData>(
    async (previous, formData) => {
      const result = await writeQuestionAction(null, formData);
      return { state: result, generation: previous.generation + (result.ok ? 1 : 0) };
    },
    { state: null, generation: 0 },
  );
  return (
    <>
      <WriteQuestionFields key={generation} {...props} state={state?.ok ? null : state} save={save} />
      {state?.ok && <FormMessage tone="success">{(state.data as { message: string }).message}</FormMessage>}
    </>
  );
}
