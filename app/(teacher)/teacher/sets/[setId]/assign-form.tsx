"use client";

import { useActionState, useSyncExternalStore } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { createAssignmentAction } from "../actions";

const noSubscribe = () => () => undefined;

/** The browser's time zone: dates are typed and shown in it, and stored in UTC. */
function useTimeZone(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
}

/** Now, as a datetime-local value in the browser's zone. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function AssignForm({
  setId,
  title,
  classes,
}: {
  setId: string;
  title: string;
  classes: { id: string; name: string }[];
}) {
  const [state, action] = useActionState(createAssignmentAction, null);
  const timeZone = useTimeZone();
  const opens = useSyncExternalStore(noSubscribe, localNow, () => "");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      {state && !state.ok && (
        <FormMessage tone="error" className="sm:col-span-2">
          {state.error}
        </FormMessage>
      )}
      <input type="hidden" name="setId" value={setId} />
      <input type="hidden" name="timeZone" value={timeZone} />
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
      <Input label="Title students see" {...field(state, "title", title)} required />
      <Input
        label="Opens"
        type="datetime-local"
        {...field(state, "opensAt", opens)}
        required
        hint={`Your time zone: ${timeZone}`}
      />
      <Input label="Due (optional)" type="datetime-local" {...field(state, "dueAt")} />
      <Input
        label="Attempts that count"
        type="number"
        min={1}
        max={20}
        {...field(state, "maxAttempts", "1")}
        required
      />
      <Input
        label="Time limit per attempt (optional)"
        type="number"
        inputMode="numeric"
        min={1}
        max={180}
        {...field(state, "timeLimitMinutes")}
        hint="Minutes from when a student presses Start, 1 to 180. Leave empty for no limit."
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">Show right answers</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="feedbackPolicy" value="IMMEDIATE" defaultChecked className="size-5 accent-brand" />
          right after each answer
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="feedbackPolicy" value="AFTER_DUE" className="size-5 accent-brand" />
          only after the due date
        </label>
        {errors?.feedbackPolicy && <p className="text-sm text-bad">{errors.feedbackPolicy}</p>}
      </fieldset>
      <SubmitButton pendingText="Assigning…" className="sm:col-span-2 sm:justify-self-start">
        Assign
      </SubmitButton>
    </form>
  );
}
