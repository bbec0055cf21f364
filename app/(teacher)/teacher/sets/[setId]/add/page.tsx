import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ANSWERED_SET_MESSAGE } from "@/lib/sets/mutations";
import { findVisibleSet, listQuestionBank } from "@/lib/sets/queries";
import { PickerSearchSchema } from "@/lib/sets/schemas";

import { pickerPropsOf } from "../../_components/picker-props";
import { QuestionPicker } from "../../_components/question-picker";

export const metadata: Metadata = { title: "Add questions" };

export default async function AddToSetPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { setId } = await params;
  const path = `/teacher/sets/${setId}/add`;
  const teacher = await requireTeacher(path);
  const set = await findVisibleSet(db, teacher, setId);
  if (!set || set.ownerId !== teacher.id || set.kind !== "CUSTOM") notFound();
  const search = PickerSearchSchema.parse(await searchParams);
  const answered = set._count.attempts > 0;
  const bank = answered ? null : await listQuestionBank(db, teacher);
  return (
    <div className="flex flex-col gap-5">
      <Link
        href={`/teacher/sets/${set.id}`}
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← {set.title}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">Add questions to “{set.title}”</h1>
      {bank ? (
        <>
          <p className="text-muted">
            The {set.items.length} questions already in the set are marked “In this set”. New questions go at the end.
          </p>
          <QuestionPicker
            {...pickerPropsOf(bank, search, {
              mode: { kind: "add", setId: set.id, inSet: set.items.map((i) => i.question.id) },
              path,
            })}
          />
        </>
      ) : (
        <Card>
          <p>{ANSWERED_SET_MESSAGE}</p>
        </Card>
      )}
    </div>
  );
}
