// Loads what an assignment's results are computed from, scoped to the class's teacher.
// The database is the source of truth, so any app server can answer the live results poll.
import "server-only";

import { parseStoredAnswer } from "@/lib/attempts/feedback";
import { finishExpiredAttempts } from "@/lib/attempts/store";
import type { CurrentUser } from "@/lib/auth/session";
import { sqlOf, type Db } from "@/lib/db/client";
import { memorySelect } from "@/lib/learning/memory";
import { releaseResults } from "@/lib/learning/release";
import {
  analyseAssignment,
  csvRows,
  gradebookRows,
  type AssignmentResults,
  type AssignmentResultsInput,
} from "@/lib/results/analysis";

type Actor = Pick<CurrentUser, "id">;

export async function loadAssignmentResultsInput(
  db: Db,
  teacher: Actor,
  assignmentId: string,
  now = new Date(),
): Promise<{ title: string; className: string; input: AssignmentResultsInput } | null> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, class: { teacherId: teacher.id } },
    select: {
      title: true,
      dueAt: true,
      maxAttempts: true,
      timeLimitMinutes: true,
      setId: true,
      class: {
        select: {
          name: true,
          enrolments: {
            where: { removedAt: null },
            select: { student: { select: { id: true, displayName: true, username: true } } },
          },
        },
      },
    },
  });
  if (!assignment) return null;
  // Answers whose results were hidden reach the class's fact mastery once the due date passes.
  await releaseResults(db, { assignmentId }, now);
  // Attempts whose time ran out are finished at their deadline, whether or not the student came back.
  if (assignment.timeLimitMinutes) await finishExpiredAttempts(sqlOf(db), { assignmentId }, now);
  const studentIds = assignment.class.enrolments.map((e) => e.student.id);
  const [items, attempts] = await Promise.all([
    db.questionSetItem.findMany({
      where: { setId: assignment.setId },
      orderBy: { position: "asc" },
      select: {
        position: true,
        question: {
          select: {
            id: true,
            type: true,
            stem: true,
            quote: true,
            article: { select: { slug: true } },
            facts: {
              select: {
                fact: {
                  select: {
                    id: true,
                    subject: true,
                    relation: true,
                    answer: true,
                    article: { select: { slug: true } },
                  },
                },
              },
            },
          },
        },
      },
    }),
    db.attempt.findMany({
      where: { assignmentId, userId: { in: studentIds } },
      select: {
        id: true,
        userId: true,
        number: true,
        startedAt: true,
        finishedAt: true,
        score: true,
        responses: {
          select: { questionId: true, isCorrect: true, score: true, late: true, answeredAt: true, answer: true },
        },
      },
    }),
  ]);
  const facts = new Map(items.flatMap((i) => i.question.facts.map((f) => [f.fact.id, f.fact] as const)));
  const memories = await db.reviewState.findMany({
    where: { userId: { in: studentIds }, factId: { in: [...facts.keys()] } },
    select: { userId: true, factId: true, ...memorySelect },
  });
  return {
    title: assignment.title,
    className: assignment.class.name,
    input: {
      students: assignment.class.enrolments.map((e) => e.student),
      questions: items.map((item) => ({
        id: item.question.id,
        position: item.position,
        type: item.question.type,
        stem: item.question.stem,
        quote: item.question.quote,
        articleSlug: item.question.article.slug,
        factIds: item.question.facts.map((f) => f.fact.id),
      })),
      attempts: attempts.map((a) => ({
        id: a.id,
        studentId: a.userId,
        number: a.number,
        startedAt: a.startedAt,
        finishedAt: a.finishedAt,
        score: a.score,
      })),
      responses: attempts.flatMap((a) =>
        a.responses.map((r) => {
          const stored = parseStoredAnswer(r.answer);
          return {
            attemptId: a.id,
            questionId: r.questionId,
            isCorrect: r.isCorrect,
            score: r.score,
            late: r.late,
            answeredAt: r.answeredAt,
            display: stored.display,
            expected: stored.expected,
          };
        }),
      ),
      memories: memories.map(({ userId, factId, ...memory }) => ({ studentId: userId, factId, memory })),
      facts: [...facts.values()].map((f) => ({
        id: f.id,
        subject: f.subject,
        relation: f.relation,
        answer: f.answer,
        articleSlug: f.article.slug,
      })),
      assignment: {
        dueAt: assignment.dueAt,
        maxAttempts: assignment.maxAttempts,
        timeLimitMinutes: assignment.timeLimitMinutes,
      },
      now,
    },
  };
}

export async function findAssignmentResults(
  db: Db,
  teacher: Actor,
  assignmentId: string,
  now = new Date(),
): Promise<(AssignmentResults & { title: string; className: string }) | null> {
  const loaded = await loadAssignmentResultsInput(db, teacher, assignmentId, now);
  return loaded ? { title: loaded.title, className: loaded.className, ...analyseAssignment(loaded.input) } : null;
}

/** The results as CSV rows: one per student per question ("answers"), or one per student ("gradebook"). */
export async function assignmentCsvRows(
  db: Db,
  teacher: Actor,
  assignmentId: string,
  layout: "answers" | "gradebook" = "answers",
): Promise<{ title: string; rows: string[][] } | null> {
  const loaded = await loadAssignmentResultsInput(db, teacher, assignmentId);
  if (!loaded) return null;
  const rows = layout === "gradebook" ? gradebookRows(loaded.input) : csvRows(loaded.input);
  return { title: `${loaded.className} - ${loaded.title}`, rows };
}
