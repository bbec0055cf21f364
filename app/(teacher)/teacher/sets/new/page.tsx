import type { Metadata } from "next";
import Link from "next/link";

import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { QuestionType } from "@/lib/generated/sqlite/enums";
import { kindOf, SHIPPED_KINDS } from "@/lib/questions/kinds";
import { listArticleQuestions, listArticlesForSets } from "@/lib/sets/queries";

import { NewSetForm } from "./new-set-form";

export const metadata: Metadata = { title: "New question set" };

const TYPES = SHIPPED_KINDS.map((kind) => ({ value: kind.type as QuestionType, label: kind.label }));

export default async function NewSetPage({
  searchParams,
}: {
  searchParams: Promise<{ type?: string; article?: string }>;
}) {
  const teacher = await requireTeacher("/teacher/sets/new");
  const { type, article } = await searchParams;
  const filter = TYPES.find((t) => t.value === type)?.value;
  // "Build a set from its questions" on an article's page opens the picker on that article alone.
  const all = await listArticlesForSets(db, teacher);
  const articles = all.some((a) => a.slug === article) ? all.filter((a) => a.slug === article) : all;
  const only = articles.length === 1 && all.length > 1 ? articles[0] : undefined;
  const query = (next: { type?: string }) => {
    const params = new URLSearchParams();
    if (only) params.set("article", only.slug);
    if (next.type) params.set("type", next.type);
    const text = params.toString();
    return text ? `/teacher/sets/new?${text}` : "/teacher/sets/new";
  };
  const banks = (await Promise.all(articles.map((a) => listArticleQuestions(db, teacher, a.slug, filter)))).filter(
    (b) => b !== null,
  );
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold tracking-tight">New question set</h1>
      {only && (
        <p className="text-muted">
          Questions of “{only.title}”.{" "}
          <Link
            href={filter ? `/teacher/sets/new?type=${filter}` : "/teacher/sets/new"}
            className="text-brand underline"
          >
            Show every article
          </Link>
        </p>
      )}
      <nav aria-label="Filter by question type" className="flex flex-wrap gap-1">
        <Link
          href={query({})}
          className={`inline-flex min-h-11 items-center rounded-lg px-3 ${!filter ? "bg-brand text-brand-ink" : "text-brand underline"}`}
        >
          All types
        </Link>
        {TYPES.map((t) => (
          <Link
            key={t.value}
            href={query({ type: t.value })}
            className={`inline-flex min-h-11 items-center rounded-lg px-3 ${filter === t.value ? "bg-brand text-brand-ink" : "text-brand underline"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <NewSetForm
        articles={banks.map((b) => ({
          slug: b.article.slug,
          title: b.article.title,
          questions: b.questions
            .filter((q) => q.status === "SERVED")
            .map((q) => ({ id: q.id, typeLabel: kindOf(q.type).shortLabel, stem: q.stem })),
        }))}
      />
    </div>
  );
}
