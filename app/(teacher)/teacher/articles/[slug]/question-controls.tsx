"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { editQuestionAction, retireQuestionAction } from "../../sets/actions";

export function QuestionControls({
  slug,
  questionId,
  stem,
  explanation,
  forEveryone,
}: {
  slug: string;
  questionId: string;
  stem: string;
  explanation: string;
  /** The teacher's changes reach everyone (their own import, or shipped content for an admin). */
  forEveryone: boolean;
}) {
  const [edited, edit] = useActionState(editQuestionAction, null);
  const [retired, retire] = useActionState(retireQuestionAction, null);
  const stemField = field(edited, "stem", stem);
  const explanationField = field(edited, "explanation", explanation);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <details className="w-full">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand">Reword</summary>
        <form action={edit} className="mt-2 flex flex-col gap-3">
          <input type="hidden" name="questionId" value={questionId} />
          <input type="hidden" name="slug" value={slug} />
          <label className="flex flex-col gap-1.5 font-medium">
            Question
            <textarea
              name="stem"
              defaultValue={stemField.defaultValue}
              rows={2}
              className="rounded-xl border border-line bg-canvas p-3"
            />
          </label>
          {stemField.error && <p className="text-sm text-bad">{stemField.error}</p>}
          <label className="flex flex-col gap-1.5 font-medium">
            Explanation
            <textarea
              name="explanation"
              defaultValue={explanationField.defaultValue}
              rows={3}
              className="rounded-xl border border-line bg-canvas p-3"
            />
          </label>
          {explanationField.error && <p className="text-sm text-bad">{explanationField.error}</p>}
          <SubmitButton variant="secondary" className="self-start">
            {forEveryone ? "Save as a new version" : "Save as your own version"}
          </SubmitButton>
          {edited?.ok && (
            <FormMessage tone="success">
              {edited.data.message} Earlier answers keep the version they answered.
            </FormMessage>
          )}
        </form>
      </details>
      <form
        action={retire}
        onSubmit={(event) => {
          const question = forEveryone
            ? "Retire this question for every teacher? Past answers keep it on record."
            : "Take this question out of your sets? Other teachers keep it.";
          if (!confirm(question)) event.preventDefault();
        }}
      >
        <input type="hidden" name="questionId" value={questionId} />
        <input type="hidden" name="slug" value={slug} />
        <SubmitButton variant="ghost">{forEveryone ? "Retire" : "Retire from your sets"}</SubmitButton>
      </form>
      {retired && !retired.ok && <FormMessage tone="error">{retired.error}</FormMessage>}
    </div>
  );
}
