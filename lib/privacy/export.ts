// A student's data, or a class's, as the student or their teacher may take it away:
// JSON (everything) and CSV (one row per answer). Only what Quizwire stores about them.
import "server-only";

import { stringify } from "csv-stringify/sync";

import { feedbackVisible, parseStoredAnswer } from "@/lib/attempts/feedback";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { releaseResults } from "@/lib/learning/release";

type Actor = Pick<CurrentUser, "id" | "role">;

const responseSelect = {
  answeredAt: true,
  answer: true,
  isCorrect: true,
  score: true,
  late: true,
  question: { select: { stem: true, type: true, article: { select: { slug: true } } } },
} as const;

async function studentRecord(db: Db, studentId: string, classIds?: string[]) {
  const student = await db.user.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      displayName: true,
      username: true,
      createdAt: true,
      lastActiveAt: true,
      enrolments: {
        where: classIds ? { classId: { in: classIds } } : {},
        select: { joinedAt: true, removedAt: true, class: { select: { name: true } } },
      },
      attempts: {
        where: classIds ? { assignment: { classId: { in: classIds } } } : {},
        orderBy: { startedAt: "asc" },
        select: {
          startedAt: true,
          finishedAt: true,
          score: true,
          set: { select: { title: true } },
          assignment: { select: { dueAt: true, feedbackPolicy: true } },
          responses: { orderBy: { answeredAt: "asc" }, select: responseSelect },
        },
      },
      // Live games played: the name shown, points, right answers and each answer's points.
      gamePlayers: {
        where: classIds ? { game: { classId: { in: classIds } } } : {},
        orderBy: { joinedAt: "asc" },
        select: {
          joinedAt: true,
          nickname: true,
          score: true,
          correct: true,
          removedAt: true,
          game: { select: { title: true, startedAt: true, endedAt: true } },
          answers: { orderBy: { position: "asc" }, select: { position: true, points: true, elapsedMs: true } },
        },
      },
      reviewStates: classIds
        ? false
        : {
            select: {
              due: true,
              reps: true,
              lapses: true,
              fact: { select: { key: true, article: { select: { slug: true } } } },
            },
          },
    },
  });
  return student;
}

type StudentRecord = Awaited<ReturnType<typeof studentRecord>>;

/**
 * The student's own copy keeps what the assignment still hides: until the due date it says
 * what they answered, not whether it was right, the score or the expected answer.
 */
function withHiddenResults(record: StudentRecord, now: Date) {
  return {
    ...record,
    attempts: record.attempts.map((attempt) => {
      if (feedbackVisible(attempt.assignment, now)) return attempt;
      const shownFrom = attempt.assignment?.dueAt?.toISOString() ?? "when your teacher shows them";
      return {
        ...attempt,
        score: null,
        resultsShownFrom: shownFrom,
        responses: attempt.responses.map((r) => {
          const { expected: _expected, ...answer } = parseStoredAnswer(r.answer);
          return { ...r, answer: JSON.stringify(answer), isCorrect: null, score: null };
        }),
      };
    }),
  };
}

function csvRows(students: ReturnType<typeof withHiddenResults>[]): string {
  const rows: (string | number | boolean | null)[][] = [];
  for (const student of students) {
    for (const attempt of student.attempts) {
      for (const r of attempt.responses) {
        rows.push([
          student.displayName,
          student.username,
          attempt.set.title,
          r.question.article.slug,
          r.question.type,
          r.question.stem,
          r.answer,
          r.isCorrect ?? "hidden until the due date",
          r.score ?? "",
          r.late,
          r.answeredAt.toISOString(),
        ]);
      }
    }
  }
  return stringify(rows, {
    header: true,
    columns: [
      "student",
      "username",
      "question set",
      "article",
      "question type",
      "question",
      "answer",
      "correct",
      "score",
      "late",
      "answered at (UTC)",
    ],
    bom: true,
    // A name or typed answer starting with = never runs as a spreadsheet formula.
    escape_formulas: true,
    cast: { boolean: (value) => (value ? "yes" : "no"), date: (value) => value.toISOString() },
  });
}

/** A student's own data, for the student or for a teacher who has them on a roster. */
export async function exportStudent(
  db: Db,
  actor: Actor,
  studentId: string,
  format: "json" | "csv",
  now = new Date(),
): Promise<string> {
  let classIds: string[] | undefined;
  if (actor.id !== studentId) {
    const classes = await db.class.findMany({
      where: { teacherId: actor.id, enrolments: { some: { studentId } } },
      select: { id: true },
    });
    if (classes.length === 0) throw notFound("That student");
    // A teacher sees the student's work in their own classes only.
    classIds = classes.map((c) => c.id);
  }
  await releaseResults(db, { userId: studentId }, now);
  const stored = await studentRecord(db, studentId, classIds);
  // Teachers see their class's results as they come in; the student, as the assignment allows.
  const record = actor.id === studentId ? withHiddenResults(stored, now) : stored;
  return format === "json"
    ? JSON.stringify({ exportedAt: now.toISOString(), student: record }, null, 2)
    : csvRows([record]);
}

/** A class's roster and every answer given in it, for its teacher. */
export async function exportClass(
  db: Db,
  teacher: Actor,
  classId: string,
  format: "json" | "csv",
): Promise<{ name: string; body: string }> {
  const classroom = await db.class.findFirst({
    where: { id: classId, teacherId: teacher.id },
    select: { name: true, enrolments: { select: { studentId: true } } },
  });
  if (!classroom) throw notFound("That class");
  const students = await Promise.all(classroom.enrolments.map((e) => studentRecord(db, e.studentId, [classId])));
  const body =
    format === "json"
      ? JSON.stringify({ exportedAt: new Date().toISOString(), class: classroom.name, students }, null, 2)
      : csvRows(students);
  return { name: classroom.name, body };
}
