import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listArticlesForSets, listTeacherSets } from "@/lib/sets/queries";

export const metadata: Metadata = { title: "Question sets" };

export default async function SetsPage() {
  const teacher = await requireTeacher("/teacher/sets");
  const [sets, articles] = await Promise.all([listTeacherSets(db, teacher), listArticlesForSets(db, teacher)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Question sets</h1>
        <Link href="/teacher/sets/new" className={buttonClasses()}>
          New set
        </Link>
      </div>
      <ul className="flex flex-col gap-2" aria-label="Question sets">
        {sets.map((set) => (
          <li key={set.id}>
            <Link
              href={`/teacher/sets/${set.id}`}
              className="flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-line p-4 hover:border-brand"
            >
              <span>
                <span className="block font-semibold">{set.title}</span>
                <span className="text-sm text-muted">
                  {set.questionCount} questions
                  {set.kind === "ARTICLE" ? " · the article's quiz" : set.mine ? "" : ` · shared by ${set.ownerName}`}
                </span>
              </span>
              <span className="flex gap-1">
                {set.mine && <Badge tone="brand">yours</Badge>}
                {set.mine && set.shared && <Badge>shared</Badge>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="bank-heading" className="flex flex-col gap-2">
        <h2 id="bank-heading" className="text-xl font-semibold">
          Every question, by article
        </h2>
        <p className="text-muted">
          See each article&apos;s generated questions, including the ones held back and why; reword or retire them.
        </p>
        <ul className="flex flex-col gap-1">
          {articles.map((a) => (
            <li key={a.slug}>
              <Link
                href={`/teacher/articles/${a.slug}`}
                className="inline-flex min-h-11 items-center text-brand underline underline-offset-4"
              >
                {a.title} ({a._count.questions} served)
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
