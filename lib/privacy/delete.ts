// Deleting a student and everything linked to them (enrolments, attempts, answers, review
// state, reports), by the student themself or by a teacher who alone has them on a roster
// now: a student who left or was removed is no longer that teacher's to delete.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

type Actor = Pick<CurrentUser, "id" | "role">;

export async function deleteStudent(db: Db, actor: Actor, studentId: string): Promise<void> {
  const student = await db.user.findUnique({
    where: { id: studentId },
    select: {
      role: true,
      enrolments: { where: { removedAt: null }, select: { class: { select: { teacherId: true } } } },
    },
  });
  if (!student) throw notFound("That student");
  if (actor.id !== studentId) {
    const teachers = new Set(student.enrolments.map((e) => e.class.teacherId));
    if (student.role !== "STUDENT" || !teachers.has(actor.id)) throw notFound("That student");
    if (teachers.size > 1) {
      throw new AppError(
        "forbidden",
        "This student is also in another teacher's class: remove them from yours instead.",
      );
    }
  } else if (actor.role !== "STUDENT" && actor.role !== "LEARNER") {
    throw new AppError("forbidden", "Teacher and admin accounts are deleted by an admin.");
  }
  // Attempts (and their responses), enrolments, review states and reports go with the user.
  await db.user.delete({ where: { id: studentId } });
}
