// Reading classes, always scoped to the acting user.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

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

/** The class with its roster, or null when it is not this teacher's. */
export async function findTeacherClass(db: Db, teacher: Actor, classId: string) {
  return db.class.findFirst({
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
          student: { select: { id: true, displayName: true, username: true, lastActiveAt: true } },
        },
      },
    },
  });
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
