import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

type Actor = Pick<CurrentUser, "id">;

/** What a teacher set on an assignment: its dates, attempts and feedback rule. */
const assignmentSettings = {
  id: true,
  title: true,
  opensAt: true,
  dueAt: true,
  closedAt: true,
  maxAttempts: true,
  feedbackPolicy: true,
  timeLimitMinutes: true,
} as const;

export async function listClassAssignments(db: Db, teacher: Actor, classId: string) {
  return db.assignment.findMany({
    where: { classId, class: { teacherId: teacher.id } },
    orderBy: [{ closedAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }],
    select: {
      ...assignmentSettings,
      set: { select: { title: true, _count: { select: { items: true } } } },
    },
  });
}

export async function findTeacherAssignment(db: Db, teacher: Actor, assignmentId: string) {
  return db.assignment.findFirst({
    where: { id: assignmentId, class: { teacherId: teacher.id } },
    select: {
      ...assignmentSettings,
      classId: true,
      setId: true,
      class: { select: { name: true } },
      set: { select: { title: true } },
      // Whether anyone has started: the time limit is fixed from then on.
      _count: { select: { attempts: true } },
    },
  });
}
