// Changes to classes and their rosters. Every write is scoped to the acting teacher's own
// classes in its `where`, so another teacher's class behaves as if it did not exist.
import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { joinCodeLimits, newStudentLimits, reserveAttempt } from "@/lib/auth/rate-limit";
import type { CurrentUser } from "@/lib/auth/session";
import { generateJoinCode, generatePassword, normaliseJoinCode, usernameFor } from "@/lib/classes/codes";
import { isUniqueViolation, type Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { JoinAsNewStudentInput } from "@/lib/accounts/schemas";

type Actor = Pick<CurrentUser, "id" | "role">;

const CLASS = "That class";

async function withUniqueRetry<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error) || i >= tries) throw error;
    }
  }
}

export function createClass(db: Db, teacher: Actor, name: string) {
  return withUniqueRetry(() =>
    db.class.create({
      data: { name, teacherId: teacher.id, joinCode: generateJoinCode() },
      select: { id: true, joinCode: true },
    }),
  );
}

async function updateOwnClass(
  db: Db,
  teacher: Actor,
  classId: string,
  data: Parameters<Db["class"]["updateMany"]>[0]["data"],
) {
  const updated = await db.class.updateMany({ where: { id: classId, teacherId: teacher.id }, data });
  if (updated.count !== 1) throw notFound(CLASS);
}

export const renameClass = (db: Db, teacher: Actor, classId: string, name: string) =>
  updateOwnClass(db, teacher, classId, { name });

export const setClassArchived = (db: Db, teacher: Actor, classId: string, archived: boolean, now = new Date()) =>
  updateOwnClass(db, teacher, classId, { archivedAt: archived ? now : null });

/** A new join code; the old one stops working at once. */
export async function rotateJoinCode(db: Db, teacher: Actor, classId: string, now = new Date()): Promise<string> {
  const joinCode = generateJoinCode();
  await withUniqueRetry(() => updateOwnClass(db, teacher, classId, { joinCode, joinCodeRotatedAt: now }));
  return joinCode;
}

/** The teacher's class that has this student on its roster, or a 404. */
async function requireRosterStudent(db: Db, teacher: Actor, classId: string, studentId: string) {
  const enrolment = await db.enrolment.findFirst({
    where: { classId, studentId, removedAt: null, class: { teacherId: teacher.id }, student: { role: "STUDENT" } },
    select: { id: true },
  });
  if (!enrolment) throw notFound("That student");
  return enrolment;
}

/** Takes a student off the roster (their work is kept). Removed from every class, they are signed out. */
export async function removeStudent(
  db: Db,
  teacher: Actor,
  classId: string,
  studentId: string,
  now = new Date(),
): Promise<void> {
  const enrolment = await requireRosterStudent(db, teacher, classId, studentId);
  await db.$transaction(async (tx) => {
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { removedAt: now } });
    const remaining = await tx.enrolment.count({ where: { studentId, removedAt: null } });
    if (remaining === 0) await tx.user.update({ where: { id: studentId }, data: { sessionVersion: { increment: 1 } } });
  });
}

/** A roster student's new display name (already checked by RenameStudentSchema); their username stays. */
export async function renameStudent(
  db: Db,
  teacher: Actor,
  classId: string,
  studentId: string,
  displayName: string,
): Promise<void> {
  await requireRosterStudent(db, teacher, classId, studentId);
  await db.user.update({ where: { id: studentId }, data: { displayName } });
}

/** A new password for a student on the teacher's roster, shown once; ends the student's sessions. */
export async function resetStudentPassword(
  db: Db,
  teacher: Actor,
  classId: string,
  studentId: string,
): Promise<string> {
  await requireRosterStudent(db, teacher, classId, studentId);
  const password = generatePassword();
  await db.user.update({
    where: { id: studentId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
  return password;
}

/** An open class by its join code, as a student typed it. */
async function findOpenClassByCode(db: Db, code: string) {
  return db.class.findFirst({
    where: { joinCode: normaliseJoinCode(code), archivedAt: null },
    select: { id: true, name: true, joinCode: true },
  });
}

const WRONG_CODE =
  "That code does not match an open class. Check it with your teacher: codes change when a teacher makes a new one.";
const TOO_MANY_CODES = "Too many wrong codes from this network. Wait a minute, then try again.";
const TOO_MANY_JOINS =
  "Too many new accounts with this class code just now. Wait a few minutes, or ask your teacher for a new code.";

/** The open class of a code. Each look-up counts as a wrong code until it is found right. */
async function classForCode(db: Db, code: string, clientIp: string | undefined, now: Date) {
  const reservation = await reserveAttempt(db, joinCodeLimits(clientIp), now);
  if (!reservation.ok) throw new AppError("rate_limited", TOO_MANY_CODES, { code: TOO_MANY_CODES });
  const classroom = await findOpenClassByCode(db, code);
  if (!classroom) throw new AppError("not_found", WRONG_CODE, { code: WRONG_CODE });
  await reservation.release();
  return classroom;
}

/** A new student joins with a code: no email, a generated username shown once. */
export async function joinAsNewStudent(
  db: Db,
  input: JoinAsNewStudentInput,
  clientIp: string | undefined,
  now = new Date(),
): Promise<{ userId: string; username: string; className: string }> {
  const classroom = await classForCode(db, input.code, clientIp, now);
  // Every account made counts (before its password is hashed), so a code that leaked cannot
  // fill a class with accounts, while a whole class joins from the school's one address.
  const joins = await reserveAttempt(db, newStudentLimits(classroom.joinCode, clientIp), now);
  if (!joins.ok) throw new AppError("rate_limited", TOO_MANY_JOINS, { code: TOO_MANY_JOINS });
  const passwordHash = await hashPassword(input.secret);
  return withUniqueRetry(async () => {
    const username = usernameFor(input.displayName);
    const user = await db.user.create({
      data: {
        role: "STUDENT",
        username,
        displayName: input.displayName,
        passwordHash,
        enrolments: { create: { classId: classroom.id } },
      },
      select: { id: true },
    });
    return { userId: user.id, username, className: classroom.name };
  }, 10);
}

/** A signed-in student joins another class with just its code. */
export async function joinWithCode(
  db: Db,
  student: Actor,
  code: string,
  clientIp: string | undefined,
  now = new Date(),
): Promise<{ className: string; alreadyMember: boolean }> {
  if (student.role !== "STUDENT") throw new AppError("forbidden", "Only student accounts join classes.");
  const classroom = await classForCode(db, code, clientIp, now);
  const where = { classId_studentId: { classId: classroom.id, studentId: student.id } };
  const before = await db.enrolment.findUnique({ where, select: { removedAt: true } });
  await db.enrolment.upsert({
    where,
    create: { classId: classroom.id, studentId: student.id },
    update: { removedAt: null },
  });
  return { className: classroom.name, alreadyMember: before !== null && before.removedAt === null };
}

/** A student leaves one of their classes; their answers stay with them. */
export async function leaveClass(db: Db, student: Actor, classId: string, now = new Date()): Promise<void> {
  const updated = await db.enrolment.updateMany({
    where: { classId, studentId: student.id, removedAt: null },
    data: { removedAt: now },
  });
  if (updated.count !== 1) throw notFound(CLASS);
}
