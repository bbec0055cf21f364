"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { DISPLAY_NAME_MAX } from "@/lib/accounts/limits";
import { field } from "@/lib/form-state";

import { signUpAction } from "./actions";

export function SignUpForm({ invite }: { invite?: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const role = state && !state.ok ? state.values?.role : undefined;
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      {invite && <input type="hidden" name="invite" value={invite} />}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">I am</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="role"
            value="TEACHER"
            defaultChecked={role !== "LEARNER"}
            className="size-5 accent-brand"
          />
          a teacher
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="role"
            value="LEARNER"
            defaultChecked={role === "LEARNER"}
            className="size-5 accent-brand"
          />
          learning on my own
        </label>
        {errors?.role && <p className="text-sm font-medium text-bad">{errors.role}</p>}
      </fieldset>
      <Input
        label="Your name"
        {...field(state, "displayName")}
        autoComplete="name"
        maxLength={DISPLAY_NAME_MAX}
        required
      />
      <Input label="Email" {...field(state, "email")} type="email" autoComplete="email" required />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, not a common password."
        required
        error={errors?.password}
      />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
