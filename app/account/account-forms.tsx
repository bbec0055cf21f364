"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { clearDevice } from "@/lib/client/device-data";

import { changePasswordAction, deleteAccountAction } from "./actions";

export function ChangePasswordForm({ student }: { student: boolean }) {
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4">
      {state?.ok && <FormMessage tone="success">Changed. You are signed out on your other devices.</FormMessage>}
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Input
        label={student ? "Current password or PIN" : "Current password"}
        name="current"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.current}
      />
      <Input
        label={student ? "New password or PIN" : "New password"}
        name="next"
        type="password"
        autoComplete="new-password"
        hint={
          student
            ? "A PIN of at least 6 digits, or a password of at least 10 characters."
            : "At least 10 characters, not a common password."
        }
        required
        error={errors?.next}
      />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Change
      </SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, null);
  // Everything of the account goes, from this browser too (answers not yet sent included).
  const forgetOnThisDevice = (event: React.FormEvent<HTMLFormElement>) => {
    if (new FormData(event.currentTarget).get("confirm") !== "DELETE") return;
    const caches = "caches" in window ? window.caches : null;
    void clearDevice(window.localStorage, caches, { keepUnsent: false }).catch(() => undefined);
  };
  return (
    <form action={action} onSubmit={forgetOnThisDevice} className="flex flex-col gap-3">
      <p className="text-muted">Deletes your account, your answers and your progress for good.</p>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Input
        label="Type DELETE to confirm"
        name="confirm"
        autoComplete="off"
        required
        error={state && !state.ok ? state.fieldErrors?.confirm : undefined}
      />
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
