import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { listBanks } from "@/lib/banks/queries";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { warmDraftWorker } from "@/lib/drafting/draft-in-worker";
import { listDrafts, listImportedArticles } from "@/lib/imports/queries";

import { BankImportForm } from "./bank-import-form";
import { ImportForms, ShareArticleButton } from "./import-forms";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage() {
  const teacher = await requireTeacher("/teacher/import");
  warmDraftWorker();
  const [drafts, articles, banks] = await Promise.all([
    listDrafts(db, teacher),
    listImportedArticles(db, teacher),
    listBanks(db, teacher),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Import an article</h1>
        <p className="mt-1 text-muted">
          Give today&apos;s article by its link, or paste its text: Quizwire drafts its facts, you check them, and the
          questions follow. Nothing goes live until you publish.
        </p>
      </div>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading" className="flex flex-col gap-2">
          <h2 id="drafts-heading" className="text-xl font-semibold">
            Drafts in progress
          </h2>
          <ul className="flex flex-col gap-2" aria-label="Drafts">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link
                  href={`/teacher/import/${d.id}`}
                  className="block rounded-2xl border border-line p-3 hover:border-brand"
                >
                  <span className="block font-semibold">{d.title}</span>
                  <span className="text-sm text-muted">
                    {d.outlet} · {formatDay(d.publishedOn)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ImportForms />
      <Card className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">Import a question bank</h2>
        <p className="text-muted">
          Bring in questions from Moodle (GIFT) or a spreadsheet (CSV). They become a question set of your own; like an
          imported article, they are yours and your students&apos; until you share them.
        </p>
        <BankImportForm />
      </Card>
      {banks.length > 0 && (
        <section aria-labelledby="banks-heading" className="flex flex-col gap-2">
          <h2 id="banks-heading" className="text-xl font-semibold">
            Your question banks
          </h2>
          <ul className="flex flex-col gap-2">
            {banks.map((b) => (
              <li
                key={b.slug}
                className="flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-line p-3"
              >
                <span>
                  {b.setId ? (
                    <Link
                      href={`/teacher/sets/${b.setId}`}
                      className="font-semibold text-brand underline underline-offset-4"
                    >
                      {b.title}
                    </Link>
                  ) : (
                    <span className="font-semibold">{b.title}</span>
                  )}
                  <span className="block text-sm text-muted">
                    {b.outlet} · {b.questions} questions · imported {formatDay(b.createdAt)}
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  {b.shared && <Badge>shared</Badge>}
                  <ShareArticleButton slug={b.slug} shared={b.shared} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {articles.length > 0 && (
        <section aria-labelledby="imported-heading" className="flex flex-col gap-2">
          <h2 id="imported-heading" className="text-xl font-semibold">
            Your imported articles
          </h2>
          <ul className="flex flex-col gap-2">
            {articles.map((a) => (
              <li
                key={a.slug}
                className="flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-line p-3"
              >
                <span>
                  <Link
                    href={`/teacher/articles/${a.slug}`}
                    className="font-semibold text-brand underline underline-offset-4"
                  >
                    {a.title}
                  </Link>
                  <span className="block text-sm text-muted">
                    {a._count.facts} facts · {a._count.questions} questions · download{" "}
                    <a className="underline" href={`/api/articles/${a.slug}/export?file=article.md`}>
                      article.md
                    </a>{" "}
                    <a className="underline" href={`/api/articles/${a.slug}/export?file=facts.yaml`}>
                      facts.yaml
                    </a>
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  {a.shared && <Badge>shared</Badge>}
                  <ShareArticleButton slug={a.slug} shared={a.shared} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
