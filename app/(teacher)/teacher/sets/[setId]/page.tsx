import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireTeacher } from "@/lib/auth/session";
import { findSetForExport } from "@/lib/banks/queries";
import { listTeacherClasses } from "@/lib/classes/queries";
import { db } from "@/lib/db";
import { kindOf } from "@/lib/questions/kinds";
import { ANSWERED_SET_MESSAGE } from "@/lib/sets/mutations";
import { previewOf } from "@/lib/sets/picker";
import { findVisibleSet } from "@/lib/sets/queries";

import { QuestionChoices } from "../_components/question-preview";

import { AssignForm } from "./assign-form";
import { BankDownloads } from "./bank-downloads";
import { HostGameForm } from "./host-game-form";
import { SetItemControls, SetOwnerControls } from "./set-controls";

export const metadata: Metadata = { title: "Question set" };

export default async function SetPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: Promise<{ added?: string; imported?: string }>;
}) {
  const { setId } = await params;
  const query = await searchParams;
  const added = Number(query.added);
  const imported = Number(query.imported);
  const teacher = await requireTeacher(`/teacher/sets/${setId}`);
  const [set, classes, bank] = await Promise.all([
    findVisibleSet(db, teacher, setId),
    listTeacherClasses(db, teacher),
    findSetForExport(db, teacher, setId),
  ]);
  if (!set || !bank) notFound();
  const mine = set.ownerId === teacher.id && set.kind === "CUSTOM";
  // Once a student has started it, a set keeps the questions they saw.
  const answered = set._count.attempts > 0;
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/teacher/sets"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Question sets
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{set.title}</h1>
      {Number.isInteger(imported) && imported > 0 && (
        <FormMessage tone="success">
          Imported {imported} {imported === 1 ? "question" : "questions"}: assign the set below.
        </FormMessage>
      )}
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
      {classes.some((c) => !c.archivedAt) && set.items.length > 0 && (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">Host a live game</h2>
          <p className="text-muted">
            Play this set with a class on the projector: students answer on their phones, and their answers count in the
            class&apos;s results.
          </p>
          <HostGameForm
            setId={set.id}
            classes={classes.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name }))}
          />
        </Card>
      )}
      <section aria-labelledby="questions-heading" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="questions-heading" className="text-xl font-semibold">
            {set.items.length} questions
          </h2>
          {mine && !answered && (
            <Link href={`/teacher/sets/${set.id}/add`} className={buttonClasses("secondary")}>
              Add questions
            </Link>
          )}
        </div>
        {Number.isInteger(added) && added >= 0 && (
          <FormMessage tone="success">
            {added === 0
              ? "Nothing added: those questions were already in the set."
              : `Added ${added} ${added === 1 ? "question" : "questions"} at the end of the set.`}
          </FormMessage>
        )}
        {mine && answered && <p className="text-muted">{ANSWERED_SET_MESSAGE}</p>}
        <ol className="flex flex-col gap-2" aria-label="Questions in this set">
          {set.items.map(({ question }, i) => (
            <li
              key={question.id}
              data-testid="set-question"
              className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="flex min-w-0 flex-col gap-1.5">
                <span className="text-sm text-muted">
                  {i + 1}. {question.article.title} · {kindOf(question.type).label}
                  {question.status !== "SERVED" && " · retired"}
                </span>
                <span className="block">{question.stem}</span>
                <QuestionChoices preview={previewOf(question)} />
              </div>
              {mine && (
                <SetItemControls
                  setId={set.id}
                  questionId={question.id}
                  first={i === 0}
                  last={i === set.items.length - 1}
                  removable={!answered}
                />
              )}
            </li>
          ))}
        </ol>
      </section>
      {set.items.length > 0 && <BankDownloads setId={set.id} questions={bank.questions} />}
    </div>
  );
}
