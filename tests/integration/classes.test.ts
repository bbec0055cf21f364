import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";

import { userFromSession } from "@/lib/auth/session-user";
import { checkSignIn } from "@/lib/auth/sign-in";
import { formatJoinCode } from "@/lib/classes/codes";
import {
  createClass,
  joinAsNewStudent,
  joinWithCode,
  leaveClass,
  removeStudent,
  renameClass,
  renameStudent,
  resetStudentPassword,
  rotateJoinCode,
  setClassArchived,
} from "@/lib/classes/mutations";
import { findTeacherClass, listStudentClasses, listTeacherClasses } from "@/lib/classes/queries";
import { RenameStudentSchema } from "@/lib/classes/schemas";
import { deleteStudent } from "@/lib/privacy/delete";
import { exportClass, exportStudent } from "@/lib/privacy/export";
import { applyRetention } from "@/lib/privacy/retention";

import { enrol, makeAnsweredAssignment, makeClass, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`classes and privacy on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("a teacher creates, renames, archives classes and rotates codes; another teacher can do none of it", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const created = await createClass(test.db, teacher, "Year 10");
    expect(created.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    await rejectsWith(renameClass(test.db, other, created.id, "Mine now"), "not_found");
    await rejectsWith(setClassArchived(test.db, other, created.id, true), "not_found");
    await rejectsWith(rotateJoinCode(test.db, other, created.id), "not_found");
    expect(await findTeacherClass(test.db, other, created.id)).toBeNull();
    expect(await listTeacherClasses(test.db, other)).toEqual([]);

    await renameClass(test.db, teacher, created.id, "Year 10 News");
    const rotated = await rotateJoinCode(test.db, teacher, created.id);
    expect(rotated).not.toBe(created.joinCode);
    const [listed] = await listTeacherClasses(test.db, teacher);
    expect(listed).toMatchObject({ name: "Year 10 News", joinCode: rotated, studentCount: 0 });
  });

  it("a new student joins with a code (any case, with the dash), gets a unique username, and can sign in", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id, "History");
    const a = await joinAsNewStudent(
      test.db,
      { code: formatJoinCode(classroom.joinCode).toLowerCase(), displayName: "Amira", secret: "480193" },
      "198.51.100.1",
    );
    const b = await joinAsNewStudent(
      test.db,
      { code: classroom.joinCode, displayName: "Amira", secret: "480193" },
      "198.51.100.1",
    );
    expect(a.username).toMatch(/^amira-\d{4}$/);
    expect(b.username).not.toBe(a.username);
    const user = await test.db.user.findUniqueOrThrow({ where: { id: a.userId } });
    expect(user).toMatchObject({ role: "STUDENT", email: null, displayName: "Amira" });
    expect(await checkSignIn(test.db, { identifier: a.username, password: "480193" })).toMatchObject({ ok: true });
    expect((await findTeacherClass(test.db, teacher, classroom.id))!.enrolments).toHaveLength(2);
  });

  it("a wrong, rotated or archived code is refused and counted; past 30 wrong codes in a minute even the right one is refused", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const ip = "198.51.100.20";
    const join = (code: string) => joinAsNewStudent(test.db, { code, displayName: "X", secret: "739204" }, ip);
    const students = await test.db.user.count({ where: { role: "STUDENT" } });

    const old = classroom.joinCode;
    const fresh = await rotateJoinCode(test.db, teacher, classroom.id);
    await rejectsWith(join(old), "not_found");
    const archived = await makeClass(test.db, teacher.id);
    await setClassArchived(test.db, teacher, archived.id, true);
    await rejectsWith(join(archived.joinCode), "not_found");
    for (let i = 0; i < 28; i++) await rejectsWith(join(`WRONG${i % 10}${Math.floor(i / 10)}2`), "not_found");
    await rejectsWith(join(fresh), "rate_limited");
    expect(await test.db.user.count({ where: { role: "STUDENT" } })).toBe(students);
    // Another address is not affected.
    await joinAsNewStudent(test.db, { code: fresh, displayName: "Y", secret: "739204" }, "198.51.100.21");
  });

  it("a signed-in student joins another class with just the code, and leaves one", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const first = await makeClass(test.db, teacher.id, "First");
    const second = await makeClass(test.db, teacher.id, "Second");
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, first.id, student.id);
    expect(await joinWithCode(test.db, student, second.joinCode, "198.51.100.30")).toEqual({
      className: "Second",
      alreadyMember: false,
    });
    expect((await listStudentClasses(test.db, student)).map((c) => c.name)).toEqual(["First", "Second"]);
    // The code again: nothing changes, and the student is told they are already in.
    expect(await joinWithCode(test.db, student, second.joinCode, "198.51.100.30")).toEqual({
      className: "Second",
      alreadyMember: true,
    });
    expect((await listStudentClasses(test.db, student)).map((c) => c.name)).toEqual(["First", "Second"]);
    await leaveClass(test.db, student, second.id);
    expect((await listStudentClasses(test.db, student)).map((c) => c.name)).toEqual(["First"]);
    await rejectsWith(leaveClass(test.db, student, second.id), "not_found");
    await rejectsWith(joinWithCode(test.db, teacher, second.joinCode, undefined), "forbidden");
  });

  it("removing a student keeps their work; removed from every class, their sessions end", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const a = await makeClass(test.db, teacher.id);
    const b = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, a.id, student.id);
    await enrol(test.db, b.id, student.id);
    const claims = { userId: student.id, sessionVersion: student.sessionVersion };

    await rejectsWith(removeStudent(test.db, other, a.id, student.id), "not_found");
    await removeStudent(test.db, teacher, a.id, student.id);
    expect(await userFromSession(test.db, claims)).not.toBeNull();
    await removeStudent(test.db, teacher, b.id, student.id);
    expect(await userFromSession(test.db, claims)).toBeNull();
    expect(await test.db.user.findUnique({ where: { id: student.id } })).not.toBeNull();
  });

  it("a teacher resets a roster student's password (ending their sessions), never another teacher's student", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    await rejectsWith(resetStudentPassword(test.db, other, classroom.id, student.id), "not_found");
    const password = await resetStudentPassword(test.db, teacher, classroom.id, student.id);
    expect(await checkSignIn(test.db, { identifier: student.username!, password })).toMatchObject({ ok: true });
    expect(await userFromSession(test.db, { userId: student.id, sessionVersion: student.sessionVersion })).toBeNull();
  });

  it("a teacher renames a roster student; a name with a swear word is refused and changes nothing", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT", "Sh1thead");
    await enrol(test.db, classroom.id, student.id);
    const ids = { classId: classroom.id, studentId: student.id };

    const refused = RenameStudentSchema.safeParse({ ...ids, displayName: "f u c k face" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toMatchObject([
      { path: ["displayName"], message: expect.stringMatching(/not allowed/) },
    ]);

    const renamed = RenameStudentSchema.parse({ ...ids, displayName: "  Sam Okafor " });
    await rejectsWith(renameStudent(test.db, other, classroom.id, student.id, renamed.displayName), "not_found");
    const roster = async () =>
      ((await findTeacherClass(test.db, teacher, classroom.id))?.enrolments ?? []).map((e) => [
        e.student.displayName,
        e.student.username,
      ]);
    expect(await roster()).toEqual([["Sh1thead", student.username]]);
    await renameStudent(test.db, teacher, classroom.id, student.id, renamed.displayName);
    expect(await roster()).toEqual([["Sam Okafor", student.username]]);
    // Off the roster, the student is no longer theirs to rename.
    await removeStudent(test.db, teacher, classroom.id, student.id);
    await rejectsWith(renameStudent(test.db, teacher, classroom.id, student.id, "Sam"), "not_found");
  });

  it("the roster shows when each student last answered, not when they last loaded a page", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const [answered, browsing] = [await makeUser(test.db, "STUDENT", "Ann"), await makeUser(test.db, "STUDENT", "Bea")];
    for (const s of [answered, browsing]) await enrol(test.db, classroom.id, s.id);
    const { attempt } = await makeAnsweredAssignment(test.db, classroom.id, teacher.id, answered.id);
    const answeredAt = new Date("2026-02-03T10:15:00Z");
    await test.db.response.updateMany({ where: { attemptId: attempt.id }, data: { answeredAt } });
    await test.db.user.updateMany({
      where: { id: { in: [answered.id, browsing.id] } },
      data: { lastActiveAt: new Date("2026-02-04T08:00:00Z") },
    });
    const roster = (await findTeacherClass(test.db, teacher, classroom.id))!.enrolments.map((e) => [
      e.student.displayName,
      e.student.lastAnsweredAt,
    ]);
    expect(roster).toEqual([
      ["Ann", answeredAt],
      ["Bea", null],
    ]);
  });

  it("exports a student's data to them and to their teacher, a class's to its teacher only", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id, 'Exported, "quoted" class');
    const student = await makeUser(test.db, "STUDENT", "Zoë");
    await enrol(test.db, classroom.id, student.id);
    await makeAnsweredAssignment(test.db, classroom.id, teacher.id, student.id);

    const own = JSON.parse(await exportStudent(test.db, student, student.id, "json"));
    expect(own.student).toMatchObject({ displayName: "Zoë", username: student.username });
    expect(own.student.attempts[0].responses).toHaveLength(1);
    expect(JSON.stringify(own)).not.toMatch(/passwordHash|\$argon2/);

    const csv = await exportStudent(test.db, teacher, student.id, "csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ student: "Zoë", question: 'Who said "hello, world"?', correct: "yes", late: "no" });

    await rejectsWith(exportStudent(test.db, other, student.id, "json"), "not_found");
    await rejectsWith(exportClass(test.db, other, classroom.id, "csv"), "not_found");
    const whole = await exportClass(test.db, teacher, classroom.id, "csv");
    expect(parse(whole.body, { bom: true, columns: true })).toHaveLength(1);
  });

  it("deletes a student with everything linked to them, by the student or their only teacher", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const otherClass = await makeClass(test.db, other.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const { attempt } = await makeAnsweredAssignment(test.db, classroom.id, teacher.id, student.id);

    await rejectsWith(deleteStudent(test.db, other, student.id), "not_found");
    await enrol(test.db, otherClass.id, student.id);
    await rejectsWith(deleteStudent(test.db, teacher, student.id), "forbidden");
    await deleteStudent(test.db, student, student.id);
    expect(await test.db.user.findUnique({ where: { id: student.id } })).toBeNull();
    expect(await test.db.attempt.findUnique({ where: { id: attempt.id } })).toBeNull();
    expect(await test.db.response.count({ where: { attemptId: attempt.id } })).toBe(0);
    expect(await test.db.enrolment.count({ where: { studentId: student.id } })).toBe(0);

    // Only students on the roster now: one who left is no longer the teacher's to delete.
    const left = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, left.id);
    await leaveClass(test.db, left, classroom.id);
    await rejectsWith(deleteStudent(test.db, teacher, left.id), "not_found");

    const alone = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, alone.id);
    await deleteStudent(test.db, teacher, alone.id);
    expect(await test.db.user.findUnique({ where: { id: alone.id } })).toBeNull();
    await rejectsWith(deleteStudent(test.db, teacher, teacher.id), "forbidden");
  });

  it("deletes the student data of classes archived longer ago than the retention period", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const now = new Date("2030-01-01T00:00:00Z");
    const old = await makeClass(test.db, teacher.id, "Old");
    const recent = await makeClass(test.db, teacher.id, "Recent");
    const active = await makeClass(test.db, teacher.id, "Active");
    const onlyOld = await makeUser(test.db, "STUDENT");
    const alsoActive = await makeUser(test.db, "STUDENT");
    const onlyRecent = await makeUser(test.db, "STUDENT");
    await enrol(test.db, old.id, onlyOld.id);
    await enrol(test.db, old.id, alsoActive.id);
    await enrol(test.db, active.id, alsoActive.id);
    await enrol(test.db, recent.id, onlyRecent.id);
    const { attempt } = await makeAnsweredAssignment(test.db, old.id, teacher.id, alsoActive.id);
    await test.db.class.update({ where: { id: old.id }, data: { archivedAt: new Date("2028-06-01T00:00:00Z") } });
    await test.db.class.update({ where: { id: recent.id }, data: { archivedAt: new Date("2029-12-01T00:00:00Z") } });

    const report = await applyRetention(test.db, { now, days: 365 });
    expect(report).toEqual({ classes: 1, attempts: 1, students: 1, guests: 0 });
    expect(await test.db.user.findUnique({ where: { id: onlyOld.id } })).toBeNull();
    expect(await test.db.user.findUnique({ where: { id: alsoActive.id } })).not.toBeNull();
    expect(await test.db.attempt.findUnique({ where: { id: attempt.id } })).toBeNull();
    expect(await test.db.enrolment.count({ where: { classId: old.id } })).toBe(0);
    expect(await test.db.enrolment.count({ where: { classId: recent.id } })).toBe(1);
    expect(await applyRetention(test.db, { now, days: 365 })).toEqual({
      classes: 0,
      attempts: 0,
      students: 0,
      guests: 0,
    });
  });
});
