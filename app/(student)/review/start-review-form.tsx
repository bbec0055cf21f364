"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { startReviewAction } from "./actions";

/** "Start review": a form, so opening (or prefetching) /review builds nothing. */
export function StartReviewForm() {
  const [state, action] = useActionState(startReviewAction, null);
  return (
    <form action={action} className="flex w-full flex-col gap-3 sm:w-auto">
      <SubmitButton pendingText="Starting…" className="min-h-14 w-full text-lg sm:w-auto sm:min-w-48">
        Start review
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}
