"use client";

import { useActionState, useSyncExternalStore } from "react";

import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { utcToZonedInput } from "@/lib/dates";
import { field } from "@/lib/form-state";

import { closeAssignmentAction, updateAssignmentAction } from "../actions";

const noSubscribe = () => () => undefined;

export function AssignmentSettings({
  assignmentId,
  closed,
  values,
  classId,
  setId,
  started,
}: {
  assignmentId: string;
  closed: boolean;
  values: {
    title: string;
    maxAttempts: string;
    feedbackPolicy: string;
    opensAt: string;
    dueAt: string;
    timeLimitMinutes: string;
  };
  /** A student has started an attempt: the time limit stays as it is. */
  started: boolean;
  classId: string;
  setId: string;
}) {
  const [state, action] = useActionState(updateAssignmentAction, null);
  const [closeState, close] = useActionState(closeAssignmentAction, null);
  const timeZone = useSyncExternalStore(
    noSubscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  const local = (iso: string) => (iso ? utcToZonedInput(new Date(iso), timeZone) : "");
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">Change the assignment</h2>
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        {state?.ok && (
          <FormMessage tone="success" className="sm:col-span-2">
            Saved.
          </FormMessage>
        )}
        {state && !state.ok && (
          <FormMessage tone="error" className="sm:col-span-2">
            {state.error}
          </FormMessage>
        )}
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="setId" value={setId} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <Input label="Title" {...field(state, "title", values.title)} required />
        <Input
          label="Attempts that count"
          type="number"
          min={1}
          max={20}
          {...field(state, "maxAttempts", values.maxAttempts)}
          required
        />
        <Input
          label="Opens"
          type="datetime-local"
          {...field(state, "opensAt", local(values.opensAt))}
          hint={`Your time zone: ${timeZone}`}
          required
        />
        <Input label="Due (optional)" type="datetime-local" {...field(state, "dueAt", local(values.dueAt))} />
        <Input
          label="Time limit per attempt (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          max={180}
          {...field(state, "timeLimitMinutes", values.timeLimitMinutes)}
          readOnly={started}
          hint={
            started
              ? "Minutes per attempt. Fixed: a student has started."
              : "Minutes from when a student presses Start, 1 to 180. Empty for no limit."
          }
        />
        <label className="flex flex-col gap-1.5 font-medium">
          Show right answers
          <select
            name="feedbackPolicy"
            defaultValue={values.feedbackPolicy}
            className="min-h-11 rounded-xl border border-line bg-canvas px-3"
          >
            <option value="IMMEDIATE">right after each answer</option>
            <option value="AFTER_DUE">only after the due date</option>
          </select>
        </label>
        <SubmitButton variant="secondary" className="sm:col-span-2 sm:justify-self-start">
          Save changes
        </SubmitButton>
      </form>
      {!closed && (
        <form
          action={close}
          onSubmit={(event) => {
            if (!confirm("Close this assignment? Students will no longer see it; their answers stay."))
              event.preventDefault();
          }}
        >
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <SubmitButton variant="ghost">Close assignment</SubmitButton>
          {closeState && !closeState.ok && <FormMessage tone="error">{closeState.error}</FormMessage>}
        </form>
      )}
    </Card>
  );
}
