// Demo accounts for trying Quizwire on the embedded database: a teacher, a class and two
// students. Running it again keeps the accounts and gives them new passwords.
import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { generateJoinCode, generatePassword } from "@/lib/classes/codes";
import type { Db } from "@/lib/db/client";

export const DEMO_TEACHER_EMAIL = "teacher@quizwire.test";
export const DEMO_CLASS_NAME = "Demo class";
export const DEMO_STUDENTS = [
  { username: "demo-alex", displayName: "Alex (demo)" },
  { username: "demo-sam", displayName: "Sam (demo)" },
] as const;

export interface DemoLogins {
  teacher: { email: string; password: string };
  students: { username: string; displayName: string; password: string }[];
  classroom: { name: string; joinCode: string };
}

export async function seedDemo(db: Db): Promise<DemoLogins> {
  const teacherPassword = generatePassword();
  const studentPasswords = DEMO_STUDENTS.map(() => generatePassword());
  const [teacherHash, ...studentHashes] = await Promise.all(
    [teacherPassword, ...studentPasswords].map((password) => hashPassword(password)),
  );

  return db.$transaction(async (tx) => {
    // New passwords also end any session signed in with the old ones.
    const teacher = await tx.user.upsert({
      where: { email: DEMO_TEACHER_EMAIL },
      create: { role: "TEACHER", email: DEMO_TEACHER_EMAIL, displayName: "Demo Teacher", passwordHash: teacherHash! },
      update: { passwordHash: teacherHash!, sessionVersion: { increment: 1 }, disabledAt: null },
      select: { id: true },
    });
    const classroom =
      (await tx.class.findFirst({
        where: { teacherId: teacher.id, name: DEMO_CLASS_NAME },
        select: { id: true, name: true, joinCode: true },
      })) ??
      (await tx.class.create({
        data: { name: DEMO_CLASS_NAME, teacherId: teacher.id, joinCode: generateJoinCode() },
        select: { id: true, name: true, joinCode: true },
      }));

    const students = [];
    for (const [index, demo] of DEMO_STUDENTS.entries()) {
      const student = await tx.user.upsert({
        where: { username: demo.username },
        create: {
          role: "STUDENT",
          username: demo.username,
          displayName: demo.displayName,
          passwordHash: studentHashes[index]!,
        },
        update: { passwordHash: studentHashes[index]!, sessionVersion: { increment: 1 }, disabledAt: null },
        select: { id: true },
      });
      await tx.enrolment.upsert({
        where: { classId_studentId: { classId: classroom.id, studentId: student.id } },
        create: { classId: classroom.id, studentId: student.id },
        update: { removedAt: null },
      });
      students.push({ ...demo, password: studentPasswords[index]! });
    }
    return {
      teacher: { email: DEMO_TEACHER_EMAIL, password: teacherPassword },
      students,
      classroom: { name: classroom.name, joinCode: classroom.joinCode },
    };
  });
}
