import Link from "next/link";

import { Card } from "@/components/ui/card";
import { listArticles } from "@/lib/articles/queries";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDay, isoDay } from "@/lib/dates";
import { db } from "@/lib/db";

// The library changes when content is loaded or an article imported: render per request.
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const articles = await listArticles(db, await getCurrentUser());
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Library</h1>
        <p className="mt-1 text-muted">Read an article, then test yourself on its facts.</p>
      </div>
      {articles.length === 0 ? (
        <Card>
          <p>No articles yet. Add one under content/articles/ and run npm run content.</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Articles">
          {articles.map((article) => (
            <li key={article.slug}>
              <Link
                href={`/articles/${article.slug}`}
                className="block rounded-2xl border border-line bg-surface p-4 transition hover:border-brand sm:p-5"
              >
                <h2 className="text-lg leading-snug font-semibold">{article.title}</h2>
                <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
                  <span>{article.outlet}</span>
                  <time dateTime={isoDay(article.publishedOn)}>{formatDay(article.publishedOn)}</time>
                  <span>
                    {article.factCount} {article.factCount === 1 ? "fact" : "facts"}
                  </span>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
