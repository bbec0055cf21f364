"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { joinGameAction } from "./actions";

/** The PIN form; `compact`: a game already named, joined with one tap. */
export function JoinGameForm({ pin, compact = false }: { pin: string; compact?: boolean }) {
  const [state, action] = useActionState(joinGameAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      {compact ? (
        <input type="hidden" name="pin" value={pin} />
      ) : (
        <Input
          label="Game PIN"
          inputMode="numeric"
          autoComplete="off"
          maxLength={7}
          placeholder="123 456"
          {...field(state, "pin", pin)}
          required
        />
      )}
      {state && !state.ok && !state.fieldErrors?.pin && <FormMessage tone="error">{state.error}</FormMessage>}
      <SubmitButton pendingText="Joining…" className="w-full sm:w-auto">
        Join
      </SubmitButton>
    </form>
  );
}
