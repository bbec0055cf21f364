// The six kinds of user the authorization matrices try every cell as: pages and route handlers
// in e2e/ops/authorization.spec.ts, server actions in e2e/ops/actions.spec.ts. Kept outside
// e2e/ops/ so Playwright does not take it for a spec.
import type { Db } from "@/lib/db/client";

import type { Factory } from "./fixtures";

export type Role = "anonymous" | "student" | "otherStudent" | "teacher" | "otherTeacher" | "admin";
export const ROLES: Role[] = ["anonymous", "student", "otherStudent", "teacher", "otherTeacher", "admin"];
export const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");
export const TEACHERS: Role[] = ["teacher", "otherTeacher", "admin"];
export const STUDENTS: Role[] = ["student", "otherStudent"];

export interface Cast {
  teacher: { id: string; email: string };
  classroom: { id: string; name: string; joinCode: string };
  student: { id: string; username: string };
  admin: { id: string; email: string };
  /** What each signs in with ("" for anonymous). */
  identifiers: Record<Role, string>;
}

/**
 * The class's teacher and a student of the class, another teacher with a class and a student
 * of their own, and an admin (who may also teach, but not this class).
 */
export async function makeCast(
  db: Db,
  make: Factory,
  names: { mark: string; className: string; studentName: string },
): Promise<Cast> {
  const teacher = await make.teacher();
  const otherTeacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, names.className);
  const otherClass = await make.classroom(otherTeacher.id);
  const student = await make.student(classroom.id, names.studentName);
  const otherStudent = await make.student(otherClass.id);
  const email = `admin-${names.mark}@quizwire.test`;
  const admin = await db.user.create({
    data: {
      role: "ADMIN",
      email,
      displayName: "Admin",
      passwordHash: (await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).passwordHash,
    },
  });
  return {
    teacher,
    classroom,
    student,
    admin: { id: admin.id, email },
    identifiers: {
      anonymous: "",
      student: student.username,
      otherStudent: otherStudent.username,
      teacher: teacher.email,
      otherTeacher: otherTeacher.email,
      admin: email,
    },
  };
}
