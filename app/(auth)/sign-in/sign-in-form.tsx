"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <input type="hidden" name="next" value={next ?? ""} />
      <Input
        label="Email or username"
        {...field(state, "identifier")}
        autoComplete="username"
        autoCapitalize="none"
        required
      />
      <Input
        label="Password or PIN"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state && !state.ok ? state.fieldErrors?.password : undefined}
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
