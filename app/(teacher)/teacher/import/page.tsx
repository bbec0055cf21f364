import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { requireTeacher } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { warmDraftWorker } from "@/lib/drafting/draft-in-worker";
import { listDrafts, listImportedArticles } from "@/lib/imports/queries";

import { ImportForms, ShareArticleButton } from "./import-forms";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage() {
  const teacher = await requireTeacher("/teacher/import");
  warmDraftWorker();
  const [drafts, articles] = await Promise.all([listDrafts(db, teacher), listImportedArticles(db, teacher)]);
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
