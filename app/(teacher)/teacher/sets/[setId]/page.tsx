import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { listTeacherClasses } from "@/lib/classes/queries";
import { db } from "@/lib/db";
import { findVisibleSet } from "@/lib/sets/queries";

import { AssignForm } from "./assign-form";
import { SetItemControls, SetOwnerControls } from "./set-controls";

export const metadata: Metadata = { title: "Question set" };

export default async function SetPage({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  const teacher = await requireTeacher(`/teacher/sets/${setId}`);
  const [set, classes] = await Promise.all([findVisibleSet(db, teacher, setId), listTeacherClasses(db, teacher)]);
  if (!set) notFound();
  const mine = set.ownerId === teacher.id && set.kind === "CUSTOM";
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/teacher/sets"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Question sets
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{set.title}</h1>
      {mine && <SetOwnerControls setId={set.id} title={set.title} shared={set.shared} />}
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Assign to a class</h2>
        {classes.filter((c) => !c.archivedAt).length === 0 ? (
          <p className="text-muted">
            Create a class first on{" "}
            <Link href="/teacher" className="text-brand underline">
              your classes
            </Link>
            .
          </p>
        ) : (
          <AssignForm
            setId={set.id}
            title={set.title}
            classes={classes.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name }))}
          />
        )}
      </Card>
      <section aria-labelledby="questions-heading" className="flex flex-col gap-2">
        <h2 id="questions-heading" className="text-xl font-semibold">
          {set.items.length} questions
        </h2>
        <ol className="flex flex-col gap-2" aria-label="Questions in this set">
          {set.items.map(({ question }, i) => (
            <li
              key={question.id}
              className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <span>
                <span className="text-sm text-muted">
                  {i + 1}. {question.article.title} · {question.type.toLowerCase().replace("_", " ")}
                  {question.status !== "SERVED" && " · retired"}
                </span>
                <span className="block">{question.stem}</span>
              </span>
              {mine && (
                <SetItemControls
                  setId={set.id}
                  questionId={question.id}
                  first={i === 0}
                  last={i === set.items.length - 1}
                />
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
