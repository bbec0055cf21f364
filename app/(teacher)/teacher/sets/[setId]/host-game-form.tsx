"use client";

import { useActionState, useState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { createGameAction } from "../../live/actions";

export function HostGameForm({ setId, classes }: { setId: string; classes: { id: string; name: string }[] }) {
  const [state, action] = useActionState(createGameAction, null);
  // Visiting strangers see the projector: letting guests in ticks "Hide names" (the teacher may untick it).
  const [hideNames, setHideNames] = useState(false);
  const [openToGuests, setOpenToGuests] = useState(false);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      {state && !state.ok && (
        <FormMessage tone="error" className="sm:col-span-2">
          {state.error}
        </FormMessage>
      )}
      <input type="hidden" name="setId" value={setId} />
      <label className="flex flex-col gap-1.5 font-medium">
        Class
        <select name="classId" className="min-h-11 rounded-xl border border-line bg-canvas px-3">
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <Input
        label="Seconds per question"
        type="number"
        min={5}
        max={240}
        {...field(state, "questionSeconds", "20")}
        required
      />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="allowLateJoin" defaultChecked className="size-5 accent-brand" />
        Let students join after the start
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="hideNames"
          checked={hideNames}
          onChange={(event) => setHideNames(event.target.checked)}
          className="size-5 accent-brand"
        />
        Hide names on the projector
      </label>
      <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
        <input
          type="checkbox"
          name="openToGuests"
          checked={openToGuests}
          onChange={(event) => {
            setOpenToGuests(event.target.checked);
            if (event.target.checked) setHideNames(true);
          }}
          className="size-5 accent-brand"
        />
        Let guests join with the PIN and a nickname, without an account (a visitor day, a club); names are then kept off
        the projector unless you untick that
      </label>
      <SubmitButton pendingText="Opening…" className="sm:col-span-2 sm:justify-self-start">
        Open the game
      </SubmitButton>
    </form>
  );
}
