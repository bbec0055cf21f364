// A learner's assignments, review queue and progress, always for the acting user.
import { startOrResumeAttempt } from "@/lib/attempts/mutations";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { mastery, memorySelect } from "@/lib/learning/memory";
import { releaseResults } from "@/lib/learning/release";
import { pickReviewQuestions, REVIEW_SIZE } from "@/lib/learning/review";
import { masteryTimeline, type TimelineDay } from "@/lib/learning/timeline";

type Actor = Pick<CurrentUser, "id">;
type QuizTaker = Pick<CurrentUser, "id" | "role">;

export type AssignmentStatus = "new" | "in progress" | "done" | "late";

/** Live facts: not retired, not replaced by a later article's fact. */
const liveFact = { retiredAt: null, supersededById: null } as const;

/** The questions a review session may ask: served, and shared (not a teacher's own version or question). */
const reviewQuestion = { status: "SERVED", copyOfId: null, ownerId: null } as const;

/**
 * Facts due for review: live, with a question review may ask (so home counts what Start review
 * serves), and with no answer of the user's still waiting for its hidden results (reviewing it
 * would show the right answer before the due date).
 */
function dueFactsWhere(user: Actor, now: Date) {
  return {
    userId: user.id,
    due: { lte: now },
    reps: { gt: 0 },
    fact: {
      ...liveFact,
      questions: {
        some: { question: reviewQuestion },
        none: { question: { responses: { some: { memoryPending: true, attempt: { userId: user.id } } } } },
      },
    },
  };
}

export async function listStudentAssignments(db: Db, student: Actor, now = new Date()) {
  const assignments = await db.assignment.findMany({
    where: {
      opensAt: { lte: now },
      closedAt: null,
      // A live game's assignment is joined from its game (the home's "Live game now").
      live: false,
      class: { archivedAt: null, enrolments: { some: { studentId: student.id, removedAt: null } } },
    },
    select: {
      id: true,
      title: true,
      dueAt: true,
      maxAttempts: true,
      class: { select: { name: true } },
      set: { select: { _count: { select: { items: true } } } },
      attempts: {
        where: { userId: student.id },
        select: { finishedAt: true, _count: { select: { responses: true } } },
      },
    },
  });
  return assignments
    .map((a) => {
      const done = a.attempts.some((t) => t.finishedAt);
      const started = a.attempts.some((t) => t._count.responses > 0);
      const status: AssignmentStatus = done
        ? "done"
        : a.dueAt && a.dueAt < now
          ? "late"
          : started
            ? "in progress"
            : "new";
      return {
        id: a.id,
        title: a.title,
        className: a.class.name,
        dueAt: a.dueAt,
        status,
        questionCount: a.set._count.items,
      };
    })
    .sort(
      (a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.title.localeCompare(b.title),
    );
}

export async function countDueFacts(db: Db, user: Actor, now = new Date()): Promise<number> {
  return db.reviewState.count({ where: dueFactsWhere(user, now) });
}

export interface ArticleProgress {
  slug: string;
  title: string;
  mastery: number;
  studied: number;
  facts: number;
}

export async function findProgress(
  db: Db,
  user: Actor,
  now = new Date(),
): Promise<{ articles: ArticleProgress[]; timeline: TimelineDay[]; dueCount: number }> {
  await releaseResults(db, { userId: user.id }, now);
  const [states, responses, dueCount] = await Promise.all([
    db.reviewState.findMany({
      where: { userId: user.id, fact: liveFact },
      select: { ...memorySelect, fact: { select: { articleId: true } } },
    }),
    db.response.findMany({
      // Answers whose results are still hidden are not drawn: right and wrong would show.
      where: { attempt: { userId: user.id }, memoryPending: false },
      select: {
        answeredAt: true,
        score: true,
        isCorrect: true,
        responseMs: true,
        question: { select: { facts: { select: { factId: true } } } },
      },
    }),
    countDueFacts(db, user, now),
  ]);
  const articleIds = [...new Set(states.map((s) => s.fact.articleId))];
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: { id: true, slug: true, title: true, _count: { select: { facts: { where: liveFact } } } },
  });
  const progress = articles
    .map((article) => {
      const memories = states.filter((s) => s.fact.articleId === article.id);
      // Facts never answered count as not known: mastery of the article, not of what was tried.
      const padded = [
        ...memories,
        ...Array.from({ length: Math.max(0, article._count.facts - memories.length) }, () => null),
      ];
      return {
        slug: article.slug,
        title: article.title,
        mastery: mastery(padded, now),
        studied: memories.length,
        facts: article._count.facts,
      };
    })
    .sort((a, b) => a.mastery - b.mastery);
  const timeline = masteryTimeline(
    responses.map((r) => ({ ...r, factIds: r.question.facts.map((f) => f.factId) })),
    { now, days: 30 },
  );
  return { articles: progress, timeline, dueCount };
}

/**
 * The review session in progress, and whether it is stale: shorter than a full session and
 * leaving out facts that fell due after it started (a leftover from an earlier day). Read only.
 */
async function openReviewSession(db: Db, user: Actor, now: Date) {
  const open = await db.attempt.findFirst({
    where: { userId: user.id, finishedAt: null, set: { kind: "REVIEW", ownerId: user.id } },
    select: {
      id: true,
      setId: true,
      startedAt: true,
      responses: { select: { score: true } },
      set: { select: { items: { select: { question: { select: { facts: { select: { factId: true } } } } } } } },
    },
  });
  if (!open) return null;
  const items = open.set.items.length;
  const score = open.responses.reduce((sum, r) => sum + r.score, 0) / Math.max(1, items);
  const session = { attemptId: open.id, setId: open.setId, score, stale: false };
  if (items >= REVIEW_SIZE) return session;
  const inSession = new Set(open.set.items.flatMap((i) => i.question.facts.map((f) => f.factId)));
  const dueSince = await db.reviewState.findMany({
    where: { ...dueFactsWhere(user, now), due: { gt: open.startedAt, lte: now } },
    select: { factId: true },
  });
  return { ...session, stale: !dueSince.every((d) => inSession.has(d.factId)) };
}

/**
 * The review session to resume (its set id), or null: none is open, or the open one is stale
 * and Start review will close it and build one of what is due. Read only: the review page
 * calls it while it renders.
 */
export async function findOpenReviewSetId(db: Db, user: Actor, now = new Date()): Promise<string | null> {
  const session = await openReviewSession(db, user, now);
  return session && !session.stale ? session.setId : null;
}

/**
 * "Start review": resumes the session in progress, or builds one of the facts that are due and
 * starts its attempt. Returns its set id, or null when nothing is due. Never called while a
 * page renders (a prefetch of /review must build nothing).
 */
export async function startReview(db: Db, user: QuizTaker, now = new Date()): Promise<string | null> {
  const setId = await prepareReviewSet(db, user, now);
  if (setId) await startOrResumeAttempt(db, user, { setId }, now);
  return setId;
}

/** Builds (or resumes) a review session of the facts that are due. Returns its set id, or null when nothing is due. */
export async function prepareReviewSet(db: Db, user: Actor, now = new Date()): Promise<string | null> {
  await releaseResults(db, { userId: user.id }, now);
  const session = await openReviewSession(db, user, now);
  if (session && !session.stale) return session.setId;
  // A stale session is closed with what was answered, so the new one reviews what home counts.
  if (session)
    await db.attempt.updateMany({
      where: { id: session.attemptId, finishedAt: null },
      data: { finishedAt: now, score: session.score },
    });
  const due = await db.reviewState.findMany({
    where: dueFactsWhere(user, now),
    orderBy: { due: "asc" },
    take: 50,
    select: { factId: true, due: true },
  });
  if (due.length === 0) return null;
  const factIds = due.map((d) => d.factId);
  const [candidates, lastSeen] = await Promise.all([
    db.question.findMany({
      // Shared questions only: a teacher's own version of one, or their own question, is for that teacher's sets.
      where: { ...reviewQuestion, facts: { some: { factId: { in: factIds } } } },
      select: {
        id: true,
        type: true,
        stem: true,
        explanation: true,
        quote: true,
        answerText: true,
        options: { orderBy: { position: "asc" }, select: { text: true, isCorrect: true, matchText: true } },
        facts: { select: { factId: true } },
      },
    }),
    db.response.findMany({
      where: { attempt: { userId: user.id }, question: { facts: { some: { factId: { in: factIds } } } } },
      orderBy: { answeredAt: "desc" },
      select: { questionId: true, question: { select: { facts: { select: { factId: true } } } } },
    }),
  ]);
  const last = new Map<string, string>();
  for (const r of lastSeen) for (const f of r.question.facts) if (!last.has(f.factId)) last.set(f.factId, r.questionId);
  const picked = pickReviewQuestions(
    due.map((d) => ({ factId: d.factId, due: d.due, lastQuestionId: last.get(d.factId) })),
    candidates.map(({ id, type, facts, ...content }) => ({ id, type, factIds: facts.map((f) => f.factId), content })),
  );
  if (picked.length === 0) return null;
  const set = await db.questionSet.create({
    data: {
      title: "Review",
      kind: "REVIEW",
      ownerId: user.id,
      items: { create: picked.map((q, position) => ({ questionId: q.id, position })) },
    },
    select: { id: true },
  });
  return set.id;
}
