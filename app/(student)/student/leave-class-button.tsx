"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { leaveClassAction } from "./actions";

export function LeaveClassButton({ classId, name }: { classId: string; name: string }) {
  const [state, action] = useActionState(leaveClassAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm(`Leave ${name}? You can join again with its code.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <SubmitButton variant="ghost" pendingText="Leaving…">
        Leave<span className="sr-only"> {name}</span>
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}
