// GET /api/articles/:slug/export?file=article.md|facts.yaml - an article in the content/ file
// format, so a teacher's import can join the shipped content. For teachers who can see it.
import { z } from "zod";

import { articleMarkdown, factsYaml } from "@/lib/articles/export";
import { findArticleForExport } from "@/lib/articles/queries";
import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ slug: z.string() }),
    query: z.object({ file: z.enum(["article.md", "facts.yaml"]).catch("article.md") }),
  },
  async ({ user, params, query }) => {
    const article = await findArticleForExport(db, user, params.slug);
    if (!article) return notFoundResponse();
    return query.file === "facts.yaml"
      ? download(factsYaml(article), "facts.yaml", "application/yaml")
      : download(articleMarkdown(article), "article.md", "text/markdown");
  },
);
