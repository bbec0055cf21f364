import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { findArticleBySlug } from "@/lib/articles/queries";
import { getCurrentUser } from "@/lib/auth/session";
import { splitBody } from "@/lib/content/body";
import { formatDay, isoDay } from "@/lib/dates";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ highlight?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticleBySlug(db, (await params).slug, await getCurrentUser());
  return { title: article?.title ?? "Article not found" };
}

/** The paragraph's text with the quoted sentence marked, when it contains it. */
function withHighlight(text: string, quote: string | undefined): React.ReactNode {
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at === -1) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded bg-warn-soft px-0.5 text-ink">{quote}</mark>
      {text.slice(at + quote.length)}
    </>
  );
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const viewer = await getCurrentUser();
  const article = await findArticleBySlug(db, (await params).slug, viewer);
  if (!article) notFound();
  const { highlight } = await searchParams;
  const blocks = splitBody(article.body);
  const quiz = article.questionSets[0];
  return (
    <article className="flex flex-col gap-5">
      <Link
        href="/"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Library
      </Link>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl leading-tight font-bold tracking-tight sm:text-3xl">{article.title}</h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted">
          <span>{article.outlet}</span>
          <time dateTime={isoDay(article.publishedOn)}>{formatDay(article.publishedOn)}</time>
          <Badge>{article._count.facts} facts</Badge>
        </p>
        {article.url && (
          <a href={article.url} className="text-brand underline underline-offset-4" rel="noreferrer">
            Original article
          </a>
        )}
        {quiz && quiz._count.items > 0 && (
          <Link href={`/quiz/${quiz.id}`} className={buttonClasses("primary", "mt-2 self-start")}>
            Take the quiz ({quiz._count.items} questions)
          </Link>
        )}
      </header>
      <div className="flex flex-col gap-4 text-[1.0625rem] leading-relaxed">
        {blocks.map((block) =>
          block.kind === "heading" ? (
            <h2 key={block.anchor} id={block.anchor} className="mt-2 text-xl font-semibold">
              {block.text}
            </h2>
          ) : (
            <p key={block.anchor} id={block.anchor} className="scroll-mt-4">
              {withHighlight(block.text, highlight)}
            </p>
          ),
        )}
      </div>
    </article>
  );
}
