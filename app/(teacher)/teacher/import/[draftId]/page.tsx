import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { previewDraft } from "@/lib/imports/mutations";
import { servedLabel } from "@/lib/imports/preview";
import { splitSentences } from "@/lib/drafting/text";
import { findDraft, listSupersedableFacts } from "@/lib/imports/queries";

import { AddFactForm, DraftActions, FactCard, QuestionList } from "./review-forms";

export const metadata: Metadata = { title: "Review draft facts" };

/**
 * The article's sentences, for adding a fact the drafting missed: split as the drafting splits
 * them, so "Dr. Samuel Okafor" or "Calif. (AP)" does not cut a sentence in two.
 */
function sentencesOf(body: string): string[] {
  return splitSentences(body)
    .map((s) => s.text)
    .filter((s) => s.length > 20);
}

export default async function DraftReviewPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const teacher = await requireTeacher(`/teacher/import/${draftId}`);
  const draft = await findDraft(db, teacher, draftId);
  if (!draft) notFound();
  // Every fact not rejected, with the questions it would give among the draft's other facts.
  const preview = await previewDraft(db, teacher, draftId);
  const previewOf = new Map(preview.facts.map((f) => [f.factId, f]));
  const unserved = preview.facts.filter((f) => f.noneServed).length;
  const supersedable = await listSupersedableFacts(db, teacher, draft.publishedOn);
  const accepted = draft.facts.filter((f) => f.status === "accepted").length;
  const pending = draft.facts.filter((f) => f.status === "pending").length;
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/teacher/import"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Import
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{draft.title}</h1>
        <p className="mt-1 text-muted">
          {draft.outlet} · {formatDay(draft.publishedOn)} · {draft.facts.length} draft facts: {accepted} accepted,{" "}
          {pending} to review
        </p>
        <p className="mt-1 text-sm text-muted">
          Each fact shows the questions it would give if published with the facts you have not rejected.
          {unserved > 0 && (
            <span className="font-medium text-warn">
              {" "}
              {unserved} {unserved === 1 ? "fact gives" : "facts give"} no question: fix or reject{" "}
              {unserved === 1 ? "it" : "them"}.
            </span>
          )}
        </p>
      </div>
      <DraftActions draftId={draft.id} accepted={accepted} pending={pending} />
      <ol className="flex flex-col gap-3" aria-label="Draft facts">
        {draft.facts.map((fact) => (
          <li key={fact.id}>
            <FactCard
              draftId={draft.id}
              fact={fact}
              preview={previewOf.get(fact.id) ?? null}
              supersedable={supersedable}
            />
          </li>
        ))}
      </ol>
      {preview.across.length > 0 && (
        <details className="rounded-2xl border border-line p-4">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand">
            Questions across facts: {servedLabel(preview.across)}
          </summary>
          <QuestionList label="Questions across facts" questions={preview.across} />
        </details>
      )}
      <AddFactForm draftId={draft.id} sentences={sentencesOf(draft.body)} />
    </div>
  );
}
