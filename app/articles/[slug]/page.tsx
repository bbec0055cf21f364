import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { findArticleBySlug } from "@/lib/articles/queries";
import { splitBody } from "@/lib/content/body";
import { formatDay, isoDay } from "@/lib/dates";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticleBySlug(db, (await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const article = await findArticleBySlug(db, (await params).slug);
  if (!article) notFound();
  const blocks = splitBody(article.body);
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
      </header>
      <div className="flex flex-col gap-4 text-[1.0625rem] leading-relaxed">
        {blocks.map((block) =>
          block.kind === "heading" ? (
            <h2 key={block.anchor} id={block.anchor} className="mt-2 text-xl font-semibold">
              {block.text}
            </h2>
          ) : (
            <p key={block.anchor} id={block.anchor} className="scroll-mt-4">
              {block.text}
            </p>
          ),
        )}
      </div>
    </article>
  );
}
