"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { createDraftAction, shareArticleAction } from "./actions";

export function ImportForm() {
  const [state, action] = useActionState(createDraftAction, null);
  const body = field(state, "body");
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Input label="Headline" {...field(state, "title")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Outlet" {...field(state, "outlet")} placeholder="Reuters" required />
        <Input label="Published on" type="date" {...field(state, "publishedOn")} required />
      </div>
      <Input label="Address (optional)" type="url" {...field(state, "url")} placeholder="https://" />
      <label className="flex flex-col gap-1.5 font-medium">
        The article&apos;s text
        <span className="text-sm font-normal text-muted">
          Plain text, one paragraph per line. Up to 100,000 characters.
        </span>
        <textarea
          name="body"
          defaultValue={body.defaultValue}
          rows={14}
          required
          aria-invalid={body.error ? true : undefined}
          className="rounded-xl border border-line bg-canvas p-3 font-normal"
        />
      </label>
      {body.error && <p className="text-sm font-medium text-bad">{body.error}</p>}
      <SubmitButton pendingText="Drafting facts…" className="self-start">
        Draft the facts
      </SubmitButton>
    </form>
  );
}

export function ShareArticleButton({ slug, shared }: { slug: string; shared: boolean }) {
  const [state, action] = useActionState(shareArticleAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="shared" value={shared ? "false" : "true"} />
      <SubmitButton variant="ghost">{shared ? "Stop sharing" : "Share with every teacher"}</SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}
