"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { moveQuestionAction, removeFromSetAction, renameSetAction, shareSetAction, shuffleSetAction } from "../actions";

export function SetOwnerControls({ setId, title, shared }: { setId: string; title: string; shared: boolean }) {
  const [renamed, rename] = useActionState(renameSetAction, null);
  const [, shuffle] = useActionState(shuffleSetAction, null);
  const [, share] = useActionState(shareSetAction, null);
  return (
    <div className="flex flex-col gap-3">
      <form action={rename} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="setId" value={setId} />
        <Input label="Title" {...field(renamed, "title", title)} className="flex-1" />
        <SubmitButton variant="secondary">Rename</SubmitButton>
      </form>
      <div className="flex flex-wrap gap-2">
        <form action={shuffle}>
          <input type="hidden" name="setId" value={setId} />
          <SubmitButton variant="secondary" pendingText="Shuffling…">
            Shuffle order
          </SubmitButton>
        </form>
        <form action={share}>
          <input type="hidden" name="setId" value={setId} />
          <input type="hidden" name="shared" value={shared ? "false" : "true"} />
          <SubmitButton variant="ghost">{shared ? "Stop sharing" : "Share with every teacher"}</SubmitButton>
        </form>
      </div>
    </div>
  );
}

export function SetItemControls({
  setId,
  questionId,
  first,
  last,
  removable,
}: {
  setId: string;
  questionId: string;
  first: boolean;
  last: boolean;
  /** Whether questions can still leave the set (no student has started it). */
  removable: boolean;
}) {
  const [moved, move] = useActionState(moveQuestionAction, null);
  const [removed, remove] = useActionState(removeFromSetAction, null);
  const error = [moved, removed].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {(["up", "down"] as const).map((direction) => (
        <form key={direction} action={move}>
          <input type="hidden" name="setId" value={setId} />
          <input type="hidden" name="questionId" value={questionId} />
          <input type="hidden" name="direction" value={direction} />
          <SubmitButton
            variant="ghost"
            className="px-3"
            disabled={direction === "up" ? first : last}
            ariaLabel={direction === "up" ? "Move up" : "Move down"}
          >
            {direction === "up" ? "↑" : "↓"}
          </SubmitButton>
        </form>
      ))}
      {removable && (
        <form action={remove}>
          <input type="hidden" name="setId" value={setId} />
          <input type="hidden" name="questionId" value={questionId} />
          <SubmitButton variant="ghost">Remove</SubmitButton>
        </form>
      )}
      {error && !error.ok && <FormMessage tone="error">{error.error}</FormMessage>}
    </div>
  );
}
