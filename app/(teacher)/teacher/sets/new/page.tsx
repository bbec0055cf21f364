import type { Metadata } from "next";
import Link from "next/link";

import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listArticlesForSets, listQuestionBank } from "@/lib/sets/queries";
import { PickerSearchSchema } from "@/lib/sets/schemas";

import { pickerPropsOf } from "../_components/picker-props";
import { QuestionPicker } from "../_components/question-picker";

export const metadata: Metadata = { title: "New question set" };

export default async function NewSetPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const teacher = await requireTeacher("/teacher/sets/new");
  const search = PickerSearchSchema.parse(await searchParams);
  // "Build a set from its questions" on an article's page opens the picker on that article alone.
  const all = await listArticlesForSets(db, teacher);
  const only = all.length > 1 ? all.find((a) => a.slug === search.article) : undefined;
  const bank = await listQuestionBank(db, teacher, { articleSlug: only?.slug });
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold tracking-tight">New question set</h1>
      {only && (
        <p className="text-muted">
          Questions of “{only.title}”.{" "}
          <Link href="/teacher/sets/new" className="text-brand underline">
            Show every article
          </Link>
        </p>
      )}
      <QuestionPicker
        {...pickerPropsOf(bank, search, {
          mode: { kind: "create", title: search.title ?? "", shared: search.shared === "on" },
          path: "/teacher/sets/new",
          article: only?.slug,
        })}
      />
    </div>
  );
}
