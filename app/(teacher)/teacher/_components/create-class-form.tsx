"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { createClassAction } from "../actions";

export function CreateClassForm() {
  const [state, action] = useActionState(createClassAction, null);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Input
        label="Class name"
        {...field(state, "name")}
        placeholder="Year 10 Current Affairs"
        required
        className="flex-1"
      />
      <SubmitButton pendingText="Creating…">Create class</SubmitButton>
      {state && !state.ok && !state.fieldErrors?.name && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}
