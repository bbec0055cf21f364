"use client";

import { useActionState, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions";
import { field } from "@/lib/form-state";
import type { ReviewedFact } from "@/lib/imports/schemas";

import { addFactAction, deleteDraftAction, editFactAction, publishDraftAction, setFactStatusAction } from "../actions";

const TYPES = ["person", "role", "number", "place", "organisation", "date", "phrase"] as const;

function FactFields({
  state,
  fact,
  supersedable,
}: {
  state: ActionResult<unknown> | null;
  fact?: ReviewedFact;
  supersedable: { ref: string; label: string }[];
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input label="Subject" {...field(state, "subject", fact?.subject)} required />
      <Input label="Relation" {...field(state, "relation", fact?.relation)} required />
      <Input label="Answer" {...field(state, "answer", fact?.answer)} required />
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
      <Input label="Unit (numbers)" {...field(state, "unit", fact?.unit)} />
      <Input label="Qualifier (numbers: over, about…)" {...field(state, "qualifier", fact?.qualifier)} />
      <Input
        label="Other right answers, comma-separated"
        {...field(state, "aliases", fact?.aliases.join(", "))}
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
  questions,
  supersedable,
}: {
  draftId: string;
  fact: ReviewedFact;
  questions: { key: string; type: string; stem: string; heldBackReason: string | null }[];
  supersedable: { ref: string; label: string }[];
}) {
  const [statusState, setStatus] = useActionState(setFactStatusAction, null);
  const [editState, edit] = useActionState(editFactAction, null);
  const served = questions.filter((q) => !q.heldBackReason);
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
      <blockquote className="border-l-4 border-line pl-3 text-sm text-muted italic">“{fact.quote}”</blockquote>
      {fact.status === "accepted" && (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand">
            {served.length} questions from this fact
            {questions.length > served.length ? `, ${questions.length - served.length} held back` : ""}
          </summary>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {questions.map((q) => (
              <li key={q.key}>
                {q.stem} {q.heldBackReason && <span className="text-warn">(held back: {q.heldBackReason})</span>}
              </li>
            ))}
          </ul>
        </details>
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
        <form action={edit} className="mt-2 flex flex-col gap-3">
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="factId" value={fact.id} />
          <input type="hidden" name="quote" value={fact.quote} />
          {editState && !editState.ok && <FormMessage tone="error">{editState.error}</FormMessage>}
          <FactFields state={editState} fact={fact} supersedable={supersedable} />
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

export function DraftActions({ draftId, accepted }: { draftId: string; accepted: number }) {
  const [publishState, publish] = useActionState(publishDraftAction, null);
  const [, remove] = useActionState(deleteDraftAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={publish}>
        <input type="hidden" name="draftId" value={draftId} />
        <SubmitButton pendingText="Publishing…" disabled={accepted === 0}>
          Publish {accepted} {accepted === 1 ? "fact" : "facts"}
        </SubmitButton>
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
