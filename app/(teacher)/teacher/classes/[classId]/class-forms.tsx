"use client";

import { useActionState } from "react";

import { DISPLAY_NAME_MAX } from "@/lib/accounts/limits";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { OneTimePassword } from "@/components/ui/one-time-password";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import {
  archiveClassAction,
  deleteStudentAction,
  removeStudentAction,
  renameClassAction,
  renameStudentAction,
  resetStudentPasswordAction,
  rotateCodeAction,
  unarchiveClassAction,
} from "../../actions";

export function RenameClassForm({ classId, name }: { classId: string; name: string }) {
  const [state, action] = useActionState(renameClassAction, null);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="classId" value={classId} />
      <Input label="Class name" {...field(state, "name", name)} required className="flex-1" />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Rename
      </SubmitButton>
      {state?.ok && <FormMessage tone="success">Renamed.</FormMessage>}
    </form>
  );
}

export function RotateCodeButton({ classId }: { classId: string }) {
  const [state, action] = useActionState(rotateCodeAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm("Make a new code? The current code stops working at once.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <SubmitButton variant="ghost" pendingText="Making a new code…">
        New code
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

export function ArchiveButton({ classId, archived }: { classId: string; archived: boolean }) {
  // Archiving redirects to the class list, so its result type is never; both render the same.
  const [state, action] = useActionState(
    archived ? unarchiveClassAction : (archiveClassAction as typeof unarchiveClassAction),
    null,
  );
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="classId" value={classId} />
      <p className="text-sm text-muted">
        {archived
          ? "Archived classes take no new students. Their student data is deleted after the retention period."
          : "Archive a class at the end of the course: the code stops working and it leaves your list."}
      </p>
      <SubmitButton variant="secondary">{archived ? "Restore class" : "Archive class"}</SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

/** Rename behind a disclosure: the roster row stays short, and the student's username stays the same. */
function RenameStudentForm({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const [state, action] = useActionState(renameStudentAction, null);
  return (
    <details className="w-full sm:w-auto" open={state !== null && !state.ok}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center px-3 font-semibold text-brand">
        Rename<span className="sr-only"> {name}</span>
      </summary>
      <form action={action} className="flex flex-col gap-2 pt-2 sm:flex-row sm:items-end">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="studentId" value={studentId} />
        <Input
          label={`New name for ${name}`}
          {...field(state, "displayName", name)}
          maxLength={DISPLAY_NAME_MAX}
          required
          className="flex-1"
        />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save name
        </SubmitButton>
      </form>
      {state?.ok && <FormMessage tone="success">Renamed to {state.data.displayName}.</FormMessage>}
    </details>
  );
}

export function RosterActions({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const [reset, resetAction] = useActionState(resetStudentPasswordAction, null);
  const [removed, removeAction] = useActionState(removeStudentAction, null);
  const [deleted, deleteAction] = useActionState(deleteStudentAction, null);
  const error = [reset, removed, deleted].find((s) => s && !s.ok);
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div className="flex flex-wrap gap-1">
        <a
          href={`/api/students/${studentId}/export?format=json`}
          className="inline-flex min-h-11 items-center px-3 font-semibold text-brand"
        >
          Export<span className="sr-only"> data of {name}</span>
        </a>
        <form action={resetAction}>
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <SubmitButton variant="ghost" pendingText="Resetting…">
            Reset password<span className="sr-only"> for {name}</span>
          </SubmitButton>
        </form>
        <form
          action={removeAction}
          onSubmit={(event) => {
            if (!confirm(`Remove ${name} from this class? Their answers are kept.`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <SubmitButton variant="ghost" pendingText="Removing…">
            Remove<span className="sr-only"> {name}</span>
          </SubmitButton>
        </form>
        <form
          action={deleteAction}
          onSubmit={(event) => {
            if (!confirm(`Delete ${name} and all their answers for good? This cannot be undone.`))
              event.preventDefault();
          }}
        >
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="studentId" value={studentId} />
          <SubmitButton variant="ghost" pendingText="Deleting…">
            Delete data<span className="sr-only"> of {name}</span>
          </SubmitButton>
        </form>
      </div>
      <RenameStudentForm classId={classId} studentId={studentId} name={name} />
      {reset?.ok && <OneTimePassword name={name} password={reset.data.password} />}
      {error && !error.ok && <FormMessage tone="error">{error.error}</FormMessage>}
    </div>
  );
}
