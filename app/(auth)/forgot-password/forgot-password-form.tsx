"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestResetAction, null);
  if (state?.ok) {
    return (
      <FormMessage tone="success">
        If an account has that email, a reset link is on its way. It works for an hour, and only the newest link works.
      </FormMessage>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Input label="Email" {...field(state, "email")} type="email" autoComplete="email" required />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
