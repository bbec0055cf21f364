// Importing an article: the pasted text becomes a draft with proposed facts; the teacher
// accepts, edits, rejects or adds facts; publishing stores the article, its facts and its
// generated questions in one transaction. Nothing is live before publishing.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { ArticleContent } from "@/lib/content/load";
import { normaliseSpace } from "@/lib/content/load";
import { FactSchema, type EntityInput, type FactInput } from "@/lib/content/schemas";
import { syncArticleQuestions } from "@/lib/content/questions-sync";
import { emptyReport, supersededInDatabase, syncArticle } from "@/lib/content/sync";
import type { Db } from "@/lib/db/client";
import { draftFactsInWorker, generateDraftQuestions } from "@/lib/drafting/draft-in-worker";
import { normaliseBody } from "@/lib/drafting/text";
import { articleTextProblems } from "@/lib/drafting/validate-text";
import { AppError, notFound } from "@/lib/errors";
import { alreadyImported, findImportOfUrl, linkOf } from "@/lib/imports/links";
import { draftPreviewOf, leaveOutLabel, type DraftPreview, type FactPreview } from "@/lib/imports/preview";
import { ReviewedFactsSchema, type FactEdit, type ImportArticleInput, type ReviewedFact } from "@/lib/imports/schemas";

type Actor = Pick<CurrentUser, "id" | "role">;

export function slugFor(title: string, publishedOn: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "article";
  return `${base}-${publishedOn}`;
}

export async function createDraft(db: Db, teacher: Actor, input: ImportArticleInput, now = new Date()) {
  const body = normaliseBody(input.body);
  const problems = articleTextProblems({ ...input, url: input.url || undefined, body }, now);
  if (problems.length > 0) {
    throw new AppError(
      "invalid_input",
      problems[0]!.message,
      Object.fromEntries(problems.map((p) => [p.field, p.message])),
    );
  }
  // One import per address among what the teacher can see: the same link again finds it.
  const url = input.url ? linkOf(input.url) : null;
  const existing = url ? await findImportOfUrl(db, teacher, url) : undefined;
  if (existing) throw new AppError("conflict", alreadyImported(existing), { url: alreadyImported(existing) });
  const drafted = await draftFactsInWorker(teacher.id, { title: input.title, body, publishedOn: input.publishedOn });
  const facts: ReviewedFact[] = drafted.map((draft) => ({
    ...draft,
    aliases: draft.aliases ?? [],
    status: "pending" as const,
  }));
  return db.articleDraft.create({
    data: {
      ownerId: teacher.id,
      title: input.title,
      outlet: input.outlet,
      url,
      publishedOn: new Date(`${input.publishedOn}T00:00:00.000Z`),
      body,
      factsJson: JSON.stringify(ReviewedFactsSchema.parse(facts)),
    },
    select: { id: true },
  });
}

async function requireDraft(db: Db, teacher: Actor, draftId: string) {
  const draft = await db.articleDraft.findFirst({ where: { id: draftId, ownerId: teacher.id, publishedAt: null } });
  if (!draft) throw notFound("That draft");
  return { ...draft, facts: ReviewedFactsSchema.parse(JSON.parse(draft.factsJson)) };
}

async function saveFacts(db: Db, draftId: string, facts: ReviewedFact[]): Promise<void> {
  await db.articleDraft.update({
    where: { id: draftId },
    data: { factsJson: JSON.stringify(ReviewedFactsSchema.parse(facts)) },
  });
}

export async function setFactStatus(
  db: Db,
  teacher: Actor,
  draftId: string,
  factId: string,
  status: ReviewedFact["status"],
): Promise<void> {
  const draft = await requireDraft(db, teacher, draftId);
  if (!draft.facts.some((f) => f.id === factId)) throw notFound("That fact");
  await saveFacts(
    db,
    draftId,
    draft.facts.map((f) => (f.id === factId ? { ...f, status } : f)),
  );
}

/** Checks one fact as the content loader would: its shape, and its quote in the body. */
function checkFact(fact: ReviewedFact, body: string): FactInput {
  const parsed = FactSchema.safeParse(factInputOf(fact));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "answer");
    throw new AppError("invalid_input", `${field}: ${issue.message}`, { [field]: issue.message });
  }
  if (!normaliseSpace(body).includes(normaliseSpace(fact.quote))) {
    throw new AppError("invalid_input", "The quote must be copied exactly from the article.", {
      quote: "Not found in the article: copy it exactly.",
    });
  }
  return parsed.data;
}

function factInputOf(fact: ReviewedFact) {
  return {
    id: fact.id,
    subject: fact.subject,
    relation: fact.relation,
    answer: fact.answer,
    type: fact.type,
    ...(fact.unit ? { unit: fact.unit } : {}),
    ...(fact.qualifier ? { qualifier: fact.qualifier } : {}),
    aliases: fact.aliases,
    quote: fact.quote,
    asOf: fact.asOf,
    ...(fact.claimedBy ? { claimedBy: fact.claimedBy } : {}),
    ...(fact.supersedes ? { supersedes: fact.supersedes } : {}),
  };
}

function editedFact(
  base: Omit<ReviewedFact, "subject" | "relation" | "answer" | "type" | "quote">,
  edit: FactEdit,
): ReviewedFact {
  return {
    ...base,
    subject: edit.subject,
    relation: edit.relation,
    answer: edit.answer,
    type: edit.type,
    unit: edit.type === "number" ? edit.unit || undefined : undefined,
    qualifier: edit.type === "number" ? edit.qualifier || undefined : undefined,
    aliases: (edit.aliases ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a && a.toLowerCase() !== edit.answer.toLowerCase()),
    quote: edit.quote,
    supersedes: edit.supersedes || undefined,
  };
}

/** Saves a teacher's edit of one fact; an edited fact counts as accepted. */
export async function editDraftFact(db: Db, teacher: Actor, edit: FactEdit): Promise<void> {
  const draft = await requireDraft(db, teacher, edit.draftId);
  const current = draft.facts.find((f) => f.id === edit.factId);
  if (!current) throw notFound("That fact");
  const next = editedFact({ ...current, status: "accepted" }, edit);
  checkFact(next, draft.body);
  await saveFacts(
    db,
    draft.id,
    draft.facts.map((f) => (f.id === edit.factId ? next : f)),
  );
}

/** A fact the drafting missed, from a sentence the teacher selected. */
export async function addDraftFact(db: Db, teacher: Actor, edit: Omit<FactEdit, "factId">): Promise<void> {
  const draft = await requireDraft(db, teacher, edit.draftId);
  let n = draft.facts.length + 1;
  while (draft.facts.some((f) => f.id === `fact-${n}`)) n++;
  const fact = editedFact(
    {
      id: `fact-${n}`,
      kind: "manual",
      aliases: [],
      asOf: draft.publishedOn.toISOString().slice(0, 10),
      status: "accepted",
    },
    { ...edit, factId: `fact-${n}` },
  );
  checkFact(fact, draft.body);
  await saveFacts(db, draft.id, [...draft.facts, fact]);
}

/** The entity bank as content gives it (generation reads it so). */
export async function entityInputs(db: Db): Promise<EntityInput[]> {
  const entities = await db.entity.findMany({
    where: { retiredAt: null },
    select: {
      key: true,
      name: true,
      type: true,
      kind: true,
      role: true,
      country: true,
      within: { select: { key: true } },
      aliases: { select: { alias: true } },
    },
  });
  return entities
    .filter((e) => e.type === "PERSON" || e.type === "ROLE" || e.type === "PLACE" || e.type === "ORGANISATION")
    .map((e) => ({
      id: e.key,
      name: e.name,
      type: e.type.toLowerCase() as EntityInput["type"],
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.role ? { role: e.role } : {}),
      ...(e.country ? { country: e.country } : {}),
      ...(e.within ? { within: e.within.key } : {}),
      aliases: e.aliases.map((a) => a.alias),
    }));
}

function contentOf(
  draft: { title: string; outlet: string; url: string | null; publishedOn: Date; body: string },
  facts: FactInput[],
  slug: string,
): ArticleContent {
  return {
    slug,
    frontMatter: {
      title: draft.title,
      outlet: draft.outlet,
      ...(draft.url ? { url: draft.url } : {}),
      published: draft.publishedOn.toISOString().slice(0, 10),
    },
    body: draft.body,
    facts,
  };
}

/** The draft as content: the same shape as content/articles/<slug>/ (accepted facts only). */
export function draftAsContent(
  draft: { title: string; outlet: string; url: string | null; publishedOn: Date; body: string },
  facts: ReviewedFact[],
  slug: string,
): ArticleContent {
  return contentOf(
    draft,
    facts.filter((f) => f.status === "accepted").map((f) => checkFact(f, draft.body)),
    slug,
  );
}

/**
 * What each fact not rejected would become, generated together as publishing would (the other
 * facts supply distractors and repeats), pending facts as if accepted. A fact that cannot be
 * published as it stands is left out of generation and carries its problem instead.
 */
async function previewFacts(
  db: Db,
  draft: Awaited<ReturnType<typeof requireDraft>>,
  facts: ReviewedFact[],
): Promise<DraftPreview> {
  const live = facts.filter((f) => f.status !== "rejected");
  const problems = new Map<string, string>();
  const checked: FactInput[] = [];
  for (const fact of live) {
    try {
      checked.push(checkFact(fact, draft.body));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.set(fact.id, error.message);
    }
  }
  const slug = slugFor(draft.title, draft.publishedOn.toISOString().slice(0, 10));
  const questions =
    checked.length === 0
      ? []
      : (
          await generateDraftQuestions(
            { articles: [contentOf(draft, checked, slug)], entities: await entityInputs(db) },
            slug,
          )
        ).questions;
  return draftPreviewOf(
    live.map((f) => f.id),
    questions,
    problems,
  );
}

/** The questions each fact of the draft would give, before anything is stored. */
export async function previewDraft(db: Db, teacher: Actor, draftId: string): Promise<DraftPreview> {
  const draft = await requireDraft(db, teacher, draftId);
  return previewFacts(db, draft, draft.facts);
}

/**
 * The questions one fact would give with this edit, among the draft's other facts. Writes
 * nothing: the review re-previews while the teacher types. An edit that could not be saved
 * is refused with the same message saving would give.
 */
export async function previewFactEdit(db: Db, teacher: Actor, edit: FactEdit): Promise<FactPreview> {
  const draft = await requireDraft(db, teacher, edit.draftId);
  const current = draft.facts.find((f) => f.id === edit.factId);
  if (!current) throw notFound("That fact");
  const next = editedFact({ ...current, status: "accepted" }, edit);
  checkFact(next, draft.body);
  const preview = await previewFacts(
    db,
    draft,
    draft.facts.map((f) => (f.id === edit.factId ? next : f)),
  );
  return preview.facts.find((f) => f.factId === edit.factId)!;
}

/**
 * Publishes the accepted facts: the article, its facts, questions and quiz, in one transaction.
 * Facts still to review are not published, and the draft closes with them: so they are left out
 * only when the teacher says so (`leaveOutUnreviewed`), never by surprise.
 */
export async function publishDraft(
  db: Db,
  teacher: Actor,
  draftId: string,
  { leaveOutUnreviewed = false, now = new Date() }: { leaveOutUnreviewed?: boolean; now?: Date } = {},
): Promise<{ slug: string }> {
  const draft = await requireDraft(db, teacher, draftId);
  if (!draft.facts.some((f) => f.status === "accepted"))
    throw new AppError("invalid_input", "Accept at least one fact before publishing.");
  const pending = draft.facts.filter((f) => f.status === "pending").length;
  if (pending > 0 && !leaveOutUnreviewed)
    throw new AppError(
      "invalid_input",
      `${pending} ${pending === 1 ? "fact is" : "facts are"} still to review. Accept or reject ${pending === 1 ? "it" : "them"}, or tick “${leaveOutLabel(pending)}” to publish without ${pending === 1 ? "it" : "them"}.`,
    );
  const published = draft.publishedOn.toISOString().slice(0, 10);
  let slug = slugFor(draft.title, published);
  for (let n = 2; await db.article.findUnique({ where: { slug }, select: { id: true } }); n++)
    slug = `${slugFor(draft.title, published)}-${n}`;
  const article = draftAsContent(draft, draft.facts, slug);
  const entities = await entityInputs(db);
  const superseded = await supersededInDatabase(db);
  // A long article's questions and quiz are most of a second of CPU: off the event loop.
  const { questions, quiz } = await generateDraftQuestions({ articles: [article], entities }, slug, {
    superseded,
    withQuiz: true,
  });
  await db.$transaction(
    async (tx) => {
      const report = emptyReport();
      const { articleId, factIds } = await syncArticle(tx, article, report, { source: "IMPORT", ownerId: teacher.id });
      await syncArticleQuestions(
        tx,
        { id: articleId, title: article.frontMatter.title },
        factIds,
        questions,
        quiz,
        report.questions,
      );
      for (const fact of article.facts) {
        if (!fact.supersedes) continue;
        const [olderSlug, olderKey] = fact.supersedes.split("#") as [string, string];
        // Only a fact of the teacher's own articles: superseding takes a fact out of every quiz
        // and review, so another teacher's facts are theirs to replace, and shipped ones change
        // through the content/ files. (One message for both: a private fact's existence stays private.)
        const older = await tx.fact.findFirst({
          where: { key: olderKey, article: { slug: olderSlug, ownerId: teacher.id, retiredAt: null } },
          select: { id: true },
        });
        if (!older)
          throw new AppError(
            "invalid_input",
            `Fact ${fact.id} replaces "${fact.supersedes}", which is not a fact of an article you imported: a fact can replace only your own imports' facts (shipped articles change through their content files).`,
          );
        await tx.fact.update({ where: { id: older.id }, data: { supersededById: factIds.get(fact.id)! } });
        // A superseded fact leaves the quizzes (its questions stay on record for past answers).
        await tx.questionSetItem.deleteMany({
          where: { set: { kind: "ARTICLE" }, question: { facts: { some: { factId: older.id } } } },
        });
      }
      await tx.articleDraft.update({ where: { id: draft.id }, data: { publishedAt: now } });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { slug };
}

export async function deleteDraft(db: Db, teacher: Actor, draftId: string): Promise<void> {
  const deleted = await db.articleDraft.deleteMany({ where: { id: draftId, ownerId: teacher.id, publishedAt: null } });
  if (deleted.count !== 1) throw notFound("That draft");
}

/** Shares a teacher's imported article or question bank with every teacher (and their students), or stops. */
export async function setArticleShared(db: Db, teacher: Actor, slug: string, shared: boolean): Promise<void> {
  const updated = await db.article.updateMany({
    where: { slug, ownerId: teacher.id, source: { in: ["IMPORT", "BANK"] } },
    data: { shared },
  });
  if (updated.count !== 1) throw notFound("That article");
}
