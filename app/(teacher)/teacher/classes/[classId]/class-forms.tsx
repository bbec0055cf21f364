"use client";

import { useActionState } from "react";

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
      {reset?.ok && <OneTimePassword name={name} password={reset.data.password} />}
      {error && !error.ok && <FormMessage tone="error">{error.error}</FormMessage>}
    </div>
  );
}
