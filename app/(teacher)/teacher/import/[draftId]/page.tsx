import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireTeacher } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { previewDraftQuestions } from "@/lib/imports/mutations";
import { findDraft, listSupersedableFacts } from "@/lib/imports/queries";

import { AddFactForm, DraftActions, FactCard } from "./review-forms";

export const metadata: Metadata = { title: "Review draft facts" };

/** The article's sentences, for adding a fact the drafting missed. */
function sentencesOf(body: string): string[] {
  return body
    .split(/\n\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?]["”]?)\s+(?=[A-Z“"])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && !s.startsWith("## "));
}

export default async function DraftReviewPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const teacher = await requireTeacher(`/teacher/import/${draftId}`);
  const draft = await findDraft(db, teacher, draftId);
  if (!draft) notFound();
  let preview: Awaited<ReturnType<typeof previewDraftQuestions>> = [];
  let previewProblem: string | undefined;
  try {
    preview = await previewDraftQuestions(db, teacher, draftId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    previewProblem = error.message;
  }
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
      </div>
      <DraftActions draftId={draft.id} accepted={accepted} />
      {previewProblem && <p className="text-bad">{previewProblem}</p>}
      <ol className="flex flex-col gap-3" aria-label="Draft facts">
        {draft.facts.map((fact) => (
          <li key={fact.id}>
            <FactCard
              draftId={draft.id}
              fact={fact}
              questions={preview
                .filter((q) => q.factKeys.includes(fact.id))
                .map((q) => ({ key: q.key, type: q.type, stem: q.stem, heldBackReason: q.heldBackReason ?? null }))}
              supersedable={supersedable}
            />
          </li>
        ))}
      </ol>
      <AddFactForm draftId={draft.id} sentences={sentencesOf(draft.body)} />
    </div>
  );
}
