"use client";

import Link from "next/link";
import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <FormMessage tone="success">
        Your password is changed and you are signed out everywhere.{" "}
        <Link href="/sign-in" className="underline">
          Sign in
        </Link>
      </FormMessage>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <input type="hidden" name="token" value={token} />
      <Input
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, not a common password."
        required
        error={state && !state.ok ? state.fieldErrors?.password : undefined}
      />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
