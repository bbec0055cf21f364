"use client";

import { useActionState, useEffect, useRef, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions";
import { field as formField } from "@/lib/form-state";
import { leaveOutLabel, servedLabel, type FactPreview, type PreviewQuestion } from "@/lib/imports/preview";
import type { ReviewedFact } from "@/lib/imports/schemas";

import {
  addFactAction,
  deleteDraftAction,
  editFactAction,
  previewFactEditAction,
  publishDraftAction,
  setFactStatusAction,
} from "../actions";

/** How long typing pauses before the edit is previewed again. */
const PREVIEW_DELAY_MS = 400;

const TYPE_LABELS: Record<string, string> = {
  MULTIPLE_CHOICE: "Multiple choice",
  TRUE_FALSE: "True or false",
  FILL_BLANK: "Fill in the blank",
  NUMERIC: "Number",
  MATCHING: "Matching",
  ORDERING: "Ordering",
};

export function QuestionList({ label, questions }: { label: string; questions: PreviewQuestion[] }) {
  return (
    <ul aria-label={label} className="mt-1 flex flex-col gap-2 text-sm">
      {questions.map((q) => (
        <li key={q.key} className={cn("rounded-xl border p-2", q.heldBackReason ? "border-warn" : "border-line")}>
          <p>
            <span className="text-muted">{TYPE_LABELS[q.type] ?? q.type}:</span> {q.stem}
          </p>
          {q.options.length > 0 && <p className="text-muted">Options: {q.options.join(" · ")}</p>}
          <p>
            Right answer: <span className="font-semibold">{q.answer}</span>
          </p>
          {q.heldBackReason && <p className="font-medium text-warn">Held back: {q.heldBackReason}</p>}
        </li>
      ))}
    </ul>
  );
}

function NoneServed({ preview }: { preview: FactPreview }) {
  if (!preview.noneServed) return null;
  return <p className="font-medium text-warn">No question would be served: {preview.noneServed}</p>;
}

/**
 * The fact's questions as the edit form now stands, re-previewed whenever typing pauses (a
 * server action that generates and writes nothing); saving then updates the card itself.
 */
function useEditPreview() {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);
  const [result, setResult] = useState<ActionResult<FactPreview> | null>(null);
  const [previewing, setPreviewing] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  function schedule(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const request = ++latest.current;
      setPreviewing(true);
      const settle = (next: ActionResult<FactPreview>) => {
        // An answer to an older edit arriving late is dropped.
        if (request !== latest.current) return;
        setResult(next);
        setPreviewing(false);
      };
      void previewFactEditAction(null, new FormData(form)).then(settle, () =>
        settle({ ok: false, error: "The preview could not be made: save the fact to see its questions." }),
      );
    }, PREVIEW_DELAY_MS);
  }
  /** Saving supersedes the preview: drop the one waiting, so it does not queue behind the save. */
  function cancel() {
    clearTimeout(timer.current);
    latest.current++;
    setPreviewing(false);
  }
  return { schedule, cancel, result, previewing };
}

function EditPreview({ result, previewing }: { result: ActionResult<FactPreview> | null; previewing: boolean }) {
  return (
    <section
      aria-label="Preview of this edit"
      aria-live="polite"
      aria-busy={previewing}
      className="flex flex-col gap-1 rounded-xl bg-canvas p-3 text-sm"
    >
      {!result && (
        <p className="text-muted">
          {previewing ? "Previewing…" : "Change a field to see the questions this edit would give, before saving."}
        </p>
      )}
      {result && !result.ok && (
        // A field's error is said beside that field (FactFields); here, only that there is one.
        <p className="font-medium text-bad">
          {result.fieldErrors && Object.keys(result.fieldErrors).length > 0
            ? "Correct the fields marked above to see the questions this edit would give."
            : result.error}
        </p>
      )}
      {result?.ok && (
        <>
          <p className="font-medium">
            This edit: {servedLabel(result.data.questions)}
            {previewing && <span className="text-muted"> (previewing…)</span>}
          </p>
          <NoneServed preview={result.data} />
          <QuestionList label="Questions from this edit" questions={result.data.questions} />
        </>
      )}
    </section>
  );
}

const TYPES = ["person", "role", "number", "place", "organisation", "date", "phrase"] as const;

function FactFields({
  state,
  fact,
  supersedable,
  previewErrors,
}: {
  state: ActionResult<unknown> | null;
  fact?: ReviewedFact;
  supersedable: { ref: string; label: string }[];
  /** What the live preview found wrong with the fields as typed, said beside each. */
  previewErrors?: Record<string, string>;
}) {
  const field = (name: string, fallback?: string) => {
    const wired = formField(state, name, fallback);
    return { ...wired, error: wired.error ?? previewErrors?.[name] };
  };
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input label="Subject" {...field("subject", fact?.subject)} required />
      <Input label="Relation" {...field("relation", fact?.relation)} required />
      <Input label="Answer" {...field("answer", fact?.answer)} required />
      <label className="flex flex-col gap-1.5 font-medium">
        Answer type
        <select
          name="type"
          defaultValue={fact?.type ?? "phrase"}
          className="min-h-11 rounded-xl border border-line bg-canvas px-3"
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <Input label="Unit (numbers)" {...field("unit", fact?.unit)} />
      <Input label="Qualifier (numbers: over, about…)" {...field("qualifier", fact?.qualifier)} />
      <Input
        label="Other right answers, comma-separated"
        {...field("aliases", fact?.aliases.join(", "))}
        className="sm:col-span-2"
      />
      <label className="flex flex-col gap-1.5 font-medium sm:col-span-2">
        Replaces an earlier article&apos;s fact (optional)
        <select
          name="supersedes"
          defaultValue={fact?.supersedes ?? ""}
          className="min-h-11 rounded-xl border border-line bg-canvas px-3"
        >
          <option value="">No</option>
          {supersedable.map((s) => (
            <option key={s.ref} value={s.ref}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function FactCard({
  draftId,
  fact,
  preview,
  supersedable,
}: {
  draftId: string;
  fact: ReviewedFact;
  /** Null for a rejected fact: it gives nothing. */
  preview: FactPreview | null;
  supersedable: { ref: string; label: string }[];
}) {
  const [statusState, setStatus] = useActionState(setFactStatusAction, null);
  const [editState, edit] = useActionState(editFactAction, null);
  const { schedule: schedulePreview, cancel: cancelPreview, result: previewed, previewing } = useEditPreview();
  return (
    <article
      aria-label={`${fact.subject}: ${fact.answer}`}
      className={cn(
        "flex flex-col gap-2 rounded-2xl border-2 p-4",
        fact.status === "accepted"
          ? "border-good"
          : fact.status === "rejected"
            ? "border-line opacity-70"
            : "border-line",
      )}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <span>{fact.kind}</span>
        <Badge tone={fact.status === "accepted" ? "good" : fact.status === "rejected" ? "bad" : "neutral"}>
          {fact.status === "pending" ? "to review" : fact.status}
        </Badge>
        {fact.supersedes && <Badge tone="warn">replaces an earlier fact</Badge>}
      </p>
      <p>
        <span className="font-semibold">{fact.subject}</span> — {fact.relation}:{" "}
        <span className="font-semibold">{fact.answer}</span>
        {fact.unit && ` ${fact.unit}`}
      </p>
      {fact.status !== "rejected" && (
        <blockquote className="border-l-4 border-line pl-3 text-sm text-muted italic">“{fact.quote}”</blockquote>
      )}
      {preview && (
        <>
          <NoneServed preview={preview} />
          {preview.questions.length > 0 && (
            <details>
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand">
                Questions: {servedLabel(preview.questions)}
              </summary>
              <QuestionList label="Questions from this fact" questions={preview.questions} />
            </details>
          )}
        </>
      )}
      <div className="flex flex-wrap gap-1">
        {(["accepted", "rejected"] as const).map((status) => (
          <form key={status} action={setStatus}>
            <input type="hidden" name="draftId" value={draftId} />
            <input type="hidden" name="factId" value={fact.id} />
            <input type="hidden" name="status" value={fact.status === status ? "pending" : status} />
            <SubmitButton
              variant={status === "accepted" ? "secondary" : "ghost"}
              ariaLabel={`${fact.status === status ? "Undo" : status === "accepted" ? "Accept" : "Reject"}: ${fact.subject}`}
            >
              {fact.status === status ? "Undo" : status === "accepted" ? "Accept" : "Reject"}
            </SubmitButton>
          </form>
        ))}
      </div>
      {statusState && !statusState.ok && <FormMessage tone="error">{statusState.error}</FormMessage>}
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand">Edit</summary>
        <form
          action={edit}
          onChange={(event) => schedulePreview(event.currentTarget)}
          onSubmit={cancelPreview}
          className="mt-2 flex flex-col gap-3"
        >
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="factId" value={fact.id} />
          <input type="hidden" name="quote" value={fact.quote} />
          {editState && !editState.ok && <FormMessage tone="error">{editState.error}</FormMessage>}
          <FactFields
            state={editState}
            fact={fact}
            supersedable={supersedable}
            previewErrors={previewed && !previewed.ok ? previewed.fieldErrors : undefined}
          />
          <EditPreview result={previewed} previewing={previewing} />
          <SubmitButton variant="secondary" className="self-start">
            Save and accept
          </SubmitButton>
        </form>
      </details>
    </article>
  );
}

export function AddFactForm({ draftId, sentences }: { draftId: string; sentences: string[] }) {
  const [state, action] = useActionState(addFactAction, null);
  const [quote, setQuote] = useState("");
  return (
    <section aria-labelledby="add-heading" className="flex flex-col gap-3 rounded-2xl border border-line p-4">
      <h2 id="add-heading" className="text-lg font-semibold">
        Add a missing fact
      </h2>
      <form action={action} className="flex flex-col gap-3">
        {state?.ok && <FormMessage tone="success">Added and accepted.</FormMessage>}
        {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
        <input type="hidden" name="draftId" value={draftId} />
        <label className="flex flex-col gap-1.5 font-medium">
          The sentence it comes from
          <select
            name="quote"
            value={quote}
            onChange={(event) => setQuote(event.target.value)}
            required
            className="min-h-11 rounded-xl border border-line bg-canvas px-3"
          >
            <option value="">Choose a sentence…</option>
            {sentences.map((s) => (
              <option key={s} value={s}>
                {s.length > 140 ? `${s.slice(0, 137)}…` : s}
              </option>
            ))}
          </select>
        </label>
        <FactFields state={state} supersedable={[]} />
        <SubmitButton variant="secondary" className="self-start">
          Add fact
        </SubmitButton>
      </form>
    </section>
  );
}

export function DraftActions({ draftId, accepted, pending }: { draftId: string; accepted: number; pending: number }) {
  const [publishState, publish] = useActionState(publishDraftAction, null);
  const [, remove] = useActionState(deleteDraftAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={publish} className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <input type="hidden" name="draftId" value={draftId} />
        <SubmitButton pendingText="Publishing…" disabled={accepted === 0}>
          Publish {accepted} {accepted === 1 ? "fact" : "facts"}
        </SubmitButton>
        {pending > 0 && accepted > 0 && (
          // Publishing closes the draft: what is still to review would go with it unseen.
          <label className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="leaveOutUnreviewed" className="size-5" />
            {leaveOutLabel(pending)}
          </label>
        )}
      </form>
      <form
        action={remove}
        onSubmit={(event) => {
          if (!confirm("Delete this draft? The pasted text and your review go with it.")) event.preventDefault();
        }}
      >
        <input type="hidden" name="draftId" value={draftId} />
        <SubmitButton variant="ghost">Delete draft</SubmitButton>
      </form>
      {publishState && !publishState.ok && <FormMessage tone="error">{publishState.error}</FormMessage>}
    </div>
  );
}
