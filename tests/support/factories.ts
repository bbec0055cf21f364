// Rows for tests, made straight in the database under test: the one place that knows how a
// test user, password and class look. Vitest's integration tests (tests/integration/factories.ts)
// and Playwright's fixtures (e2e/fixtures.ts) both build on it. Never imported by the app.
import { randomUUID } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { generateJoinCode } from "@/lib/classes/codes";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/sqlite/enums";

/** Every test user's password (long and uncommon enough for the password rules). */
export const PASSWORD = "correct horse battery";

/** A short random suffix that keeps names apart across tests and runs. */
export const unique = () => randomUUID().slice(0, 8);

/** An address nobody receives mail at, unique to this call. */
export const testEmail = (prefix: string) => `${prefix}-${unique()}@quizwire.test`;

// Hashing is slow on purpose (argon2): once per process is enough.
let hashed: Promise<string> | undefined;
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

/** A user who signs in with PASSWORD: students by username, everyone else by email. */
export async function makeUser(db: Db, role: Role = "TEACHER", name = "Someone") {
  const email = role === "STUDENT" ? null : testEmail(role.toLowerCase());
  const username = role === "STUDENT" ? `student-${unique()}` : null;
  return db.user.create({
    data: { role, email, username, displayName: name, passwordHash: await passwordHash() },
    select: { id: true, role: true, email: true, username: true, sessionVersion: true },
  });
}

export async function makeClass(db: Db, teacherId: string, name = `Class ${unique()}`) {
  return db.class.create({
    data: { name, teacherId, joinCode: generateJoinCode() },
    select: { id: true, joinCode: true, name: true },
  });
}

export async function enrol(db: Db, classId: string, studentId: string) {
  return db.enrolment.create({ data: { classId, studentId } });
}
