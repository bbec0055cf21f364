"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { StartAttempt } from "@/lib/attempts/entry";

import { startAttemptAction } from "../quiz/actions";

/** The big Start (or Try again) button of a quiz page: a form, so a GET never starts anything. */
export function StartAttemptForm({ target, label }: { target: StartAttempt; label: string }) {
  const [state, action] = useActionState(startAttemptAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      {"setId" in target ? (
        <input type="hidden" name="setId" value={target.setId} />
      ) : (
        <input type="hidden" name="assignmentId" value={target.assignmentId} />
      )}
      <SubmitButton pendingText="Starting…" className="min-h-14 w-full text-lg sm:w-auto sm:min-w-48">
        {label}
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}
