"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";
import { NICKNAME_MAX } from "@/lib/live/nickname";

import { joinAsGuestAction } from "./actions";
import { useJsonJoin } from "./use-json-join";

/** A guest's join: the game's PIN and a nickname, no account. */
export function GuestJoinForm({ pin }: { pin: string }) {
  // Without script, a plain post to the server action (its state after the page comes back);
  // with it, the JSON join and a navigation on the client (its own result).
  const [actionState, action] = useActionState(joinAsGuestAction, null);
  const join = useJsonJoin();
  const state = join.result ?? actionState;
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} onSubmit={join.onSubmit} className="flex flex-col gap-4" aria-label="Join as a guest">
      <Input
        label="Game PIN"
        inputMode="numeric"
        autoComplete="off"
        maxLength={7}
        placeholder="123 456"
        {...field(state, "pin", pin)}
        required
      />
      <Input
        label="Nickname"
        hint={`The name the screen shows: up to ${NICKNAME_MAX} letters, digits or spaces. Not your full name.`}
        autoComplete="off"
        autoCapitalize="words"
        maxLength={40}
        {...field(state, "nickname", "")}
        required
      />
      {state && !state.ok && !fieldErrors?.pin && !fieldErrors?.nickname && (
        <FormMessage tone="error">{state.error}</FormMessage>
      )}
      <SubmitButton pending={join.pending} pendingText="Joining…" className="w-full sm:w-auto">
        Join as a guest
      </SubmitButton>
    </form>
  );
}
