// Writes validated content into the database in one transaction, touching only what
// changed: a second run changes nothing, an edited fact is updated, a removed fact or
// article is retired (never deleted: responses may point at it).
import "server-only";

import { createHash } from "node:crypto";

import type { Db } from "@/lib/db/client";
import type { AnswerType, Prisma } from "@/lib/generated/sqlite/client";
import type { Content, ArticleContent } from "@/lib/content/load";
import { syncArticleQuestions } from "@/lib/content/questions-sync";
import { generateArticleQuestions } from "@/lib/questions/from-content";
import { selectQuiz } from "@/lib/questions/select";
import type { EntityInput, FactInput } from "@/lib/content/schemas";

export interface SyncCounts {
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface SyncReport {
  articles: SyncCounts;
  facts: SyncCounts;
  entities: SyncCounts;
  questions: SyncCounts;
}

export const emptyCounts = (): SyncCounts => ({ created: 0, updated: 0, retired: 0, unchanged: 0 });

export const CONTENT_FINGERPRINT_KEY = "content.fingerprint";

export function toAnswerType(type: FactInput["type"] | EntityInput["type"]): AnswerType {
  return type.toUpperCase() as AnswerType;
}

export function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

function fingerprintOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("\0") === [...b].sort().join("\0");
}

type Tx = Prisma.TransactionClient;

async function syncEntities(tx: Tx, entities: EntityInput[], counts: SyncCounts): Promise<void> {
  const existing = await tx.entity.findMany({ include: { aliases: { select: { alias: true } } } });
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const ids = new Map<string, string>(existing.map((e) => [e.key, e.id]));
  for (const entity of entities) {
    const data = {
      name: entity.name,
      type: toAnswerType(entity.type),
      kind: entity.kind ?? null,
      role: entity.role ?? null,
      country: entity.country ?? null,
      retiredAt: null,
    };
    const current = byKey.get(entity.id);
    if (!current) {
      const created = await tx.entity.create({
        data: { key: entity.id, ...data, aliases: { create: entity.aliases.map((alias) => ({ alias })) } },
      });
      ids.set(entity.id, created.id);
      counts.created++;
      continue;
    }
    const changed =
      current.name !== data.name ||
      current.type !== data.type ||
      current.kind !== data.kind ||
      current.role !== data.role ||
      current.country !== data.country ||
      current.retiredAt !== null ||
      !sameSet(
        current.aliases.map((a) => a.alias),
        entity.aliases,
      );
    if (changed) {
      await tx.entityAlias.deleteMany({ where: { entityId: current.id } });
      await tx.entity.update({
        where: { id: current.id },
        data: { ...data, aliases: { create: entity.aliases.map((alias) => ({ alias })) } },
      });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  // Containment ("within") once every entity has an id.
  for (const entity of entities) {
    const withinId = entity.within ? (ids.get(entity.within) ?? null) : null;
    const current = byKey.get(entity.id);
    if (current && current.withinId === withinId) continue;
    if (!current && withinId === null) continue;
    await tx.entity.update({ where: { key: entity.id }, data: { withinId } });
  }
  const keep = new Set(entities.map((e) => e.id));
  const gone = existing.filter((e) => !keep.has(e.key) && e.retiredAt === null);
  if (gone.length > 0) {
    await tx.entity.updateMany({ where: { id: { in: gone.map((e) => e.id) } }, data: { retiredAt: new Date() } });
    counts.retired += gone.length;
  }
}

function factData(fact: FactInput) {
  const data = {
    subject: fact.subject,
    relation: fact.relation,
    answer: fact.answer,
    answerType: toAnswerType(fact.type),
    answerKind: fact.kind ?? null,
    unit: fact.unit ?? null,
    qualifier: fact.qualifier ?? null,
    quote: fact.quote,
    asOf: utcDate(fact.asOf),
    claimedBy: fact.claimedBy ?? null,
  };
  return { data, contentHash: fingerprintOf({ ...data, aliases: [...fact.aliases].sort() }) };
}

/** Where an article comes from: a content file, or a teacher's import (theirs until shared). */
export type ArticleOrigin = { source: "CONTENT" } | { source: "IMPORT"; ownerId: string };

export async function syncArticle(
  tx: Tx,
  article: ArticleContent,
  report: SyncReport,
  origin: ArticleOrigin = { source: "CONTENT" },
): Promise<{ articleId: string; factIds: Map<string, string> }> {
  const data = {
    title: article.frontMatter.title,
    outlet: article.frontMatter.outlet,
    url: article.frontMatter.url ?? null,
    publishedOn: utcDate(article.frontMatter.published),
    eventOn: article.frontMatter.eventDate ? utcDate(article.frontMatter.eventDate) : null,
    body: article.body,
    retiredAt: null,
  };
  const current = await tx.article.findUnique({ where: { slug: article.slug } });
  let articleId: string;
  if (!current) {
    articleId = (
      await tx.article.create({
        data: { slug: article.slug, ...data, ...(origin.source === "IMPORT" ? { source: "IMPORT", ownerId: origin.ownerId, shared: false } : { source: "CONTENT" }) },
      })
    ).id;
    report.articles.created++;
  } else {
    articleId = current.id;
    const changed =
      current.title !== data.title ||
      current.outlet !== data.outlet ||
      current.url !== data.url ||
      current.publishedOn.getTime() !== data.publishedOn.getTime() ||
      (current.eventOn?.getTime() ?? null) !== (data.eventOn?.getTime() ?? null) ||
      current.body !== data.body ||
      current.retiredAt !== null;
    if (changed) {
      await tx.article.update({ where: { id: articleId }, data });
      report.articles.updated++;
    } else {
      report.articles.unchanged++;
    }
  }

  const existing = await tx.fact.findMany({
    where: { articleId },
    select: { id: true, key: true, contentHash: true, retiredAt: true },
  });
  const byKey = new Map(existing.map((f) => [f.key, f]));
  const ids = new Map<string, string>();
  for (const fact of article.facts) {
    const { data: fields, contentHash } = factData(fact);
    const current = byKey.get(fact.id);
    if (!current) {
      const created = await tx.fact.create({
        data: {
          articleId,
          key: fact.id,
          ...fields,
          contentHash,
          aliases: { create: fact.aliases.map((alias) => ({ alias })) },
        },
      });
      ids.set(fact.id, created.id);
      report.facts.created++;
      continue;
    }
    ids.set(fact.id, current.id);
    if (current.contentHash === contentHash && current.retiredAt === null) {
      report.facts.unchanged++;
      continue;
    }
    await tx.factAlias.deleteMany({ where: { factId: current.id } });
    await tx.fact.update({
      where: { id: current.id },
      data: { ...fields, contentHash, retiredAt: null, aliases: { create: fact.aliases.map((alias) => ({ alias })) } },
    });
    report.facts.updated++;
  }
  const keep = new Set(article.facts.map((f) => f.id));
  const gone = existing.filter((f) => !keep.has(f.key) && f.retiredAt === null);
  if (gone.length > 0) {
    await tx.fact.updateMany({ where: { id: { in: gone.map((f) => f.id) } }, data: { retiredAt: new Date() } });
    report.facts.retired += gone.length;
  }
  return { articleId, factIds: ids };
}

/** Loads the content into the database. All or nothing: on any error nothing is written. */
export function emptyReport(): SyncReport {
  return { articles: emptyCounts(), facts: emptyCounts(), entities: emptyCounts(), questions: emptyCounts() };
}

/** "slug#key" of facts a teacher's imported article superseded (content files do not say so). */
export async function supersededInDatabase(db: Db | Tx): Promise<Set<string>> {
  const facts = await db.fact.findMany({ where: { supersededById: { not: null } }, select: { key: true, article: { select: { slug: true } } } });
  return new Set(facts.map((f) => `${f.article.slug}#${f.key}`));
}

export async function syncContent(db: Db, content: Content): Promise<SyncReport> {
  const report = emptyReport();
  const superseded = await supersededInDatabase(db);
  // Generation is pure and deterministic: done before the transaction, so it stays short.
  const generated = new Map(
    content.articles.map((article) => {
      const questions = generateArticleQuestions(content, article.slug, superseded);
      return [article.slug, { questions, quiz: selectQuiz(questions) }] as const;
    }),
  );
  await db.$transaction(
    async (tx) => {
      await syncEntities(tx, content.entities, report.entities);
      const factIds = new Map<string, string>();
      const stored: { article: ArticleContent; articleId: string; factIds: Map<string, string> }[] = [];
      for (const article of content.articles) {
        const ids = await syncArticle(tx, article, report);
        stored.push({ article, ...ids });
        for (const [key, id] of ids.factIds) factIds.set(`${article.slug}#${key}`, id);
      }

      // supersedes: the earlier fact points at the one that replaces it.
      for (const article of content.articles) {
        for (const fact of article.facts) {
          if (!fact.supersedes) continue;
          const newer = factIds.get(`${article.slug}#${fact.id}`);
          const older = factIds.get(fact.supersedes);
          if (newer && older) await tx.fact.updateMany({ where: { id: older, NOT: { supersededById: newer } }, data: { supersededById: newer } });
        }
      }

      for (const { article, articleId, factIds: ids } of stored) {
        const { questions, quiz } = generated.get(article.slug)!;
        await syncArticleQuestions(tx, { id: articleId, title: article.frontMatter.title }, ids, questions, quiz, report.questions);
      }

      const keep = content.articles.map((a) => a.slug);
      const retired = await tx.article.updateMany({
        where: { source: "CONTENT", slug: { notIn: keep }, retiredAt: null },
        data: { retiredAt: new Date() },
      });
      report.articles.retired += retired.count;
      await tx.setting.upsert({
        where: { key: CONTENT_FINGERPRINT_KEY },
        create: { key: CONTENT_FINGERPRINT_KEY, value: content.fingerprint },
        update: { value: content.fingerprint },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}

/** Whether the database already holds exactly this content (a fast start skips the sync). */
export async function isContentCurrent(db: Db, content: Content): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: CONTENT_FINGERPRINT_KEY } });
  return setting?.value === content.fingerprint;
}
