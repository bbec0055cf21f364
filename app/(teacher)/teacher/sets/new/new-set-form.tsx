"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { createSetAction } from "../actions";

export function NewSetForm({
  articles,
}: {
  articles: { slug: string; title: string; questions: { id: string; typeLabel: string; stem: string }[] }[];
}) {
  const [state, action] = useActionState(createSetAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.fieldErrors?.questionIds ?? state.error}</FormMessage>}
      <Input label="Title" {...field(state, "title")} placeholder="Istanbul talks: key facts" required />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="shared" className="size-5 accent-brand" />
        Share with every teacher on this server
      </label>
      {articles.map((article) => (
        <fieldset key={article.slug} className="flex flex-col gap-2 rounded-2xl border border-line p-4">
          <legend className="px-1 font-semibold">{article.title}</legend>
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" name="articleSlugs" value={article.slug} className="size-5 accent-brand" />
            All {article.questions.length} served questions of this article
          </label>
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand">
              …or pick questions one by one
            </summary>
            <ul className="mt-2 flex flex-col gap-1">
              {article.questions.map((q) => (
                <li key={q.id}>
                  <label className="flex min-h-11 items-start gap-3 py-1">
                    <input
                      type="checkbox"
                      name="questionIds"
                      value={q.id}
                      className="mt-1 size-5 shrink-0 accent-brand"
                    />
                    <span>
                      <span className="text-sm text-muted">{q.typeLabel}</span> {q.stem}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        </fieldset>
      ))}
      <SubmitButton pendingText="Creating…" className="self-start">
        Create set
      </SubmitButton>
    </form>
  );
}
