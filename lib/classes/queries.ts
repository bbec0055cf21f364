// Reading classes, always scoped to the acting user.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import { sqlOf, type Db } from "@/lib/db/client";
import { asDate, placeholders } from "@/lib/db/sql";

type Actor = Pick<CurrentUser, "id">;

export async function listTeacherClasses(db: Db, teacher: Actor) {
  const classes = await db.class.findMany({
    where: { teacherId: teacher.id },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      createdAt: true,
      _count: { select: { enrolments: { where: { removedAt: null } } } },
    },
  });
  return classes.map(({ _count, ...c }) => ({ ...c, studentCount: _count.enrolments }));
}

/** The class with its roster (each student with their last answer's time), or null when it is not this teacher's. */
export async function findTeacherClass(db: Db, teacher: Actor, classId: string) {
  const classroom = await db.class.findFirst({
    where: { id: classId, teacherId: teacher.id },
    select: {
      id: true,
      name: true,
      joinCode: true,
      joinCodeRotatedAt: true,
      archivedAt: true,
      enrolments: {
        where: { removedAt: null },
        orderBy: { student: { displayName: "asc" } },
        select: {
          joinedAt: true,
          student: { select: { id: true, displayName: true, username: true } },
        },
      },
    },
  });
  if (!classroom) return null;
  const lastAnswered = await lastAnswerTimes(
    db,
    classroom.enrolments.map((e) => e.student.id),
  );
  return {
    ...classroom,
    enrolments: classroom.enrolments.map((e) => ({
      ...e,
      student: { ...e.student, lastAnsweredAt: lastAnswered.get(e.student.id) ?? null },
    })),
  };
}

// When each student last answered a question (any quiz): what a teacher reads "last active" as.
// (User.lastActiveAt moves with any page a student loads, at most every few minutes.)
async function lastAnswerTimes(db: Db, studentIds: string[]): Promise<Map<string, Date>> {
  if (studentIds.length === 0) return new Map();
  const rows = await sqlOf(db).all<{ userId: string; at: unknown }>(
    `SELECT a."userId", MAX(r."answeredAt") AS "at" FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId"
     WHERE a."userId" IN (${placeholders(studentIds.length)}) GROUP BY a."userId"`,
    studentIds,
  );
  return new Map(rows.map((row) => [row.userId, asDate(row.at)]));
}

export async function listStudentClasses(db: Db, student: Actor) {
  const enrolments = await db.enrolment.findMany({
    where: { studentId: student.id, removedAt: null, class: { archivedAt: null } },
    orderBy: { joinedAt: "asc" },
    select: { joinedAt: true, class: { select: { id: true, name: true, teacher: { select: { displayName: true } } } } },
  });
  return enrolments.map((e) => ({
    id: e.class.id,
    name: e.class.name,
    teacherName: e.class.teacher.displayName,
    joinedAt: e.joinedAt,
  }));
}
