"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";
import type { ExtractedArticle } from "@/lib/links/extract";

import { createDraftAction, readLinkAction, shareArticleAction } from "./actions";

/**
 * Import by link or by pasting: a link is read by the server and its extracted text fills
 * the paste form, for the teacher to check before drafting; an address already imported
 * links to what exists instead.
 */
export function ImportForms() {
  const [link, linkAction] = useActionState(readLinkAction, null);
  const read = link?.ok ? link.data : undefined;
  const article = read && "article" in read ? read.article : undefined;
  const existing = read && "existing" in read ? read.existing : undefined;
  return (
    <>
      <Card>
        <form action={linkAction} className="flex flex-col gap-4" aria-labelledby="link-heading">
          <h2 id="link-heading" className="text-lg font-semibold">
            From a link
          </h2>
          <Input
            label="The article's address"
            hint="Quizwire reads the page and shows you its text to check before drafting."
            type="url"
            inputMode="url"
            placeholder="https://"
            {...field(link, "url")}
            required
          />
          {link && !link.ok && !link.fieldErrors?.url && <FormMessage tone="error">{link.error}</FormMessage>}
          {existing && (
            <p role="status" className="rounded-xl bg-good-soft px-4 py-3 font-medium text-good">
              {existing.kind === "article" ? "Already in Quizwire: " : "You already have a draft of it: "}
              <Link href={existing.href} className="underline underline-offset-4">
                {existing.title}
              </Link>
            </p>
          )}
          <SubmitButton pendingText="Reading the page…" className="self-start">
            Read the article
          </SubmitButton>
        </form>
      </Card>
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">{article ? "Check the text" : "Or paste the text"}</h2>
        {article && (
          <p role="status" className="text-muted">
            Read from {new URL(article.url).hostname}: {article.words.toLocaleString("en-GB")} words
            {article.author ? `, by ${article.author}` : ""}. Check the headline, outlet, date and text below, remove
            anything that is not part of the article, then draft the facts.
            {!article.publishedOn && " The page gives no date: enter the day it was published."}
          </p>
        )}
        <ImportForm key={article?.url ?? "paste"} initial={article} />
      </Card>
    </>
  );
}

export function ImportForm({ initial }: { initial?: ExtractedArticle }) {
  const [state, action] = useActionState(createDraftAction, null);
  const body = field(state, "body", initial?.body);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Input label="Headline" {...field(state, "title", initial?.title)} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Outlet" {...field(state, "outlet", initial?.outlet)} placeholder="Reuters" required />
        <Input label="Published on" type="date" {...field(state, "publishedOn", initial?.publishedOn)} required />
      </div>
      <Input
        label={initial ? "Address" : "Address (optional)"}
        type="url"
        {...field(state, "url", initial?.url)}
        placeholder="https://"
      />
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
