import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { seedDemo } from "@/lib/demo/seed";

import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`demo accounts on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("creates a teacher, a class and two enrolled students whose printed passwords work", async () => {
    const logins = await seedDemo(test.db);
    const teacher = await test.db.user.findUniqueOrThrow({ where: { email: logins.teacher.email } });
    expect(teacher.role).toBe("TEACHER");
    expect(await verifyPassword(teacher.passwordHash!, logins.teacher.password)).toBe(true);
    const classroom = await test.db.class.findUniqueOrThrow({
      where: { joinCode: logins.classroom.joinCode },
      include: { enrolments: true },
    });
    expect(classroom.teacherId).toBe(teacher.id);
    expect(classroom.enrolments).toHaveLength(2);
    for (const student of logins.students) {
      const user = await test.db.user.findUniqueOrThrow({ where: { username: student.username } });
      expect(user.role).toBe("STUDENT");
      expect(user.email).toBeNull();
      expect(await verifyPassword(user.passwordHash!, student.password)).toBe(true);
    }
  });

  it("keeps the accounts and class when run again, with new passwords", async () => {
    const first = await test.db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, passwordHash: true, sessionVersion: true },
    });
    const logins = await seedDemo(test.db);
    const second = await test.db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, passwordHash: true, sessionVersion: true },
    });
    expect(second.map((u) => u.id)).toEqual(first.map((u) => u.id));
    second.forEach((user, i) => {
      expect(user.passwordHash).not.toBe(first[i]!.passwordHash);
      expect(user.sessionVersion).toBe(first[i]!.sessionVersion + 1);
    });
    expect(await test.db.class.count()).toBe(1);
    expect(await test.db.enrolment.count()).toBe(2);
    const teacher = await test.db.user.findUniqueOrThrow({ where: { email: logins.teacher.email } });
    expect(await verifyPassword(teacher.passwordHash!, logins.teacher.password)).toBe(true);
  });
});
