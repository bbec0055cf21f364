"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { joinGameAction } from "./actions";
import { useJsonJoin } from "./use-json-join";

/** The PIN form; `compact`: a game already named, joined with one tap. */
export function JoinGameForm({ pin, compact = false }: { pin: string; compact?: boolean }) {
  // Without script, a plain post to the server action (its state after the page comes back);
  // with it, the JSON join and a navigation on the client (its own result).
  const [actionState, action] = useActionState(joinGameAction, null);
  const join = useJsonJoin();
  const state = join.result ?? actionState;
  return (
    <form action={action} onSubmit={join.onSubmit} className="flex flex-col gap-3">
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
      <SubmitButton pending={join.pending} pendingText="Joining…" className="w-full sm:w-auto">
        Join
      </SubmitButton>
    </form>
  );
}
