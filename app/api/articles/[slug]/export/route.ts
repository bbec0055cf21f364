// GET /api/articles/:slug/export?file=article.md|facts.yaml - an article in the content/ file
// format, so a teacher's import can join the shipped content. For teachers who can see it.
import { stringify } from "yaml";

import { findArticleForExport } from "@/lib/articles/queries";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await getCurrentUser();
  const { slug } = await params;
  const article =
    user && (user.role === "TEACHER" || user.role === "ADMIN") ? await findArticleForExport(db, user, slug) : null;
  if (!article) return Response.json({ error: "not_found" }, { status: 404 });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (new URL(request.url).searchParams.get("file") === "facts.yaml") {
    const facts = article.facts.map((f) => ({
      id: f.key,
      subject: f.subject,
      relation: f.relation,
      answer: f.answer,
      type: f.answerType.toLowerCase(),
      ...(f.answerKind ? { kind: f.answerKind } : {}),
      ...(f.aliases.length ? { aliases: f.aliases.map((a) => a.alias) } : {}),
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.qualifier ? { qualifier: f.qualifier } : {}),
      quote: f.quote,
      asOf: day(f.asOf),
      ...(f.claimedBy ? { claimedBy: f.claimedBy } : {}),
      ...(f.supersedes[0] ? { supersedes: `${f.supersedes[0].article.slug}#${f.supersedes[0].key}` } : {}),
    }));
    return download(stringify({ facts }, { lineWidth: 0 }), "facts.yaml", "application/yaml");
  }
  const frontMatter = stringify({
    title: article.title,
    outlet: article.outlet,
    ...(article.url ? { url: article.url } : {}),
    published: day(article.publishedOn),
    ...(article.eventOn ? { eventDate: day(article.eventOn) } : {}),
  });
  return download(`---\n${frontMatter}---\n\n${article.body}\n`, "article.md", "text/markdown");
}
