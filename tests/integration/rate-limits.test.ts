// Limits that hold under parallel guessing: each attempt is counted, atomically, before the
// password is hashed, so 100 guesses sent at once get no more checks than 5 sent one by one.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { changeOwnPassword, createPasswordReset } from "@/lib/accounts/mutations";
import type * as Password from "@/lib/auth/password";
import { pruneCounters, reserveAttempt } from "@/lib/auth/rate-limit";
import { checkSignIn } from "@/lib/auth/sign-in";
import { joinAsNewStudent } from "@/lib/classes/mutations";
import { AppError } from "@/lib/errors";

import { makeClass, makeUser, PASSWORD } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

// Counts the passwords actually checked (the hashing an attacker wants to run many times).
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof Password>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      verified.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe(`rate limits under parallel attempts on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());
  beforeEach(() => {
    verified.count = 0;
  });

  it("100 guesses at one account sent at once: at most 5 are checked, and the right one among them is refused", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 60 ? PASSWORD : String(100000 + i)));
    const results = await Promise.all(
      guesses.map((password, i) =>
        checkSignIn(test.db, { identifier: student.username!, password, clientIp: `198.51.100.${i % 50}` }),
      ),
    );
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(95);
    // The right password was sent after the 5 wrong ones had started: it was refused unchecked,
    // or (if it raced in among the first five) it is the only success.
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
  });

  it("parallel guesses from one address at many accounts stop at the address's 60", async () => {
    const ip = "203.0.113.90";
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        checkSignIn(test.db, { identifier: `ghost-${i}@quizwire.test`, password: "wrong", clientIp: ip }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBe(60);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBe(40);
  });

  it("a successful sign-in gives its reservation back: the owner is not locked out by their own sign-ins", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const now = new Date("2026-02-01T09:00:10Z");
    for (let i = 0; i < 4; i++)
      await checkSignIn(test.db, { identifier: teacher.email!, password: "wrong", clientIp: "192.0.2.1" }, now);
    for (let i = 0; i < 5; i++)
      expect(
        await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD, clientIp: "192.0.2.1" }, now),
      ).toMatchObject({ ok: true });
    expect(
      await checkSignIn(test.db, { identifier: teacher.email!, password: "wrong", clientIp: "192.0.2.1" }, now),
    ).toMatchObject({ reason: "invalid" });
    expect(
      await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD, clientIp: "192.0.2.1" }, now),
    ).toMatchObject({ reason: "rate_limited" });
  });

  it("wrong passwords on both sides of a minute's edge add up: the sixth in any minute is refused", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const guess = (at: string) =>
      checkSignIn(test.db, { identifier: student.username!, password: "wrong", clientIp: "192.0.2.9" }, new Date(at));
    for (let i = 0; i < 3; i++) expect(await guess("2026-02-01T09:00:59.500Z")).toMatchObject({ reason: "invalid" });
    for (let i = 0; i < 2; i++) expect(await guess("2026-02-01T09:01:00.500Z")).toMatchObject({ reason: "invalid" });
    expect(await guess("2026-02-01T09:01:00.600Z")).toMatchObject({ reason: "rate_limited" });
    expect(verified.count).toBe(5);
    // A minute after the first tries, the account can be tried again.
    expect(await guess("2026-02-01T09:01:59.900Z")).toMatchObject({ reason: "invalid" });
  });

  it("100 parallel guesses at the current password on a password change: at most 5 are checked", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 70 ? PASSWORD : String(200000 + i)));
    const outcomes = await Promise.all(
      guesses.map((current) =>
        changeOwnPassword(test.db, student, current, "739204", { clientIp: "198.51.100.7" }).then(
          () => "changed",
          codeOf,
        ),
      ),
    );
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o === "invalid_credentials").length).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBeGreaterThanOrEqual(95);
  });

  it("guesses at the current password and at sign-in share the account's 5", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    for (let i = 0; i < 5; i++)
      expect(await changeOwnPassword(test.db, teacher, `wrong-${i}`, "amber-lantern-orbit-42").catch(codeOf)).toBe(
        "invalid_credentials",
      );
    expect(await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD })).toMatchObject({
      reason: "rate_limited",
    });
  });

  it("wrong class codes sent at once from one address: at most 30 are looked up as wrong", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        joinAsNewStudent(
          test.db,
          { code: `ZZZZ${String(i).padStart(4, "0")}`, displayName: "Guess", secret: "739204" },
          "203.0.113.44",
        ).then(() => "joined", codeOf),
      ),
    );
    expect(outcomes.filter((o) => o === "not_found").length).toBe(30);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBe(30);
  });

  it("a class behind one school address does not lock itself out with typos: the right code still joins after 20 wrong ones", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const join = (code: string, name: string) =>
      joinAsNewStudent(test.db, { code, displayName: name, secret: "739204" }, "203.0.113.61").then(
        () => "joined",
        codeOf,
      );
    const typos: string[] = [];
    for (let i = 0; i < 20; i++) typos.push(await join(`${classroom.joinCode.slice(0, 7)}${i % 10}X`, `Typo ${i}`));
    expect(typos.every((o) => o === "not_found")).toBe(true);
    expect(await join(classroom.joinCode, "Right")).toBe("joined");
  });

  it("guessing codes from one address stops at 200 wrong ones an hour, right code or not", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const ip = "203.0.113.62";
    const join = (code: string, at: Date) =>
      joinAsNewStudent(test.db, { code, displayName: "Guess", secret: "739204" }, ip, at).then(() => "joined", codeOf);
    const outcomes: string[] = [];
    // 20 a minute, under the minute's cap, for ten minutes.
    for (let minute = 0; minute < 10; minute++)
      for (let i = 0; i < 20; i++)
        outcomes.push(
          await join(
            `QQQQ${String(minute * 20 + i).padStart(4, "0")}`,
            new Date(Date.UTC(2026, 1, 2, 9, minute, 3 * i)),
          ),
        );
    expect(outcomes.filter((o) => o === "not_found").length).toBe(200);
    expect(await join(classroom.joinCode, new Date(Date.UTC(2026, 1, 2, 9, 30)))).toBe("rate_limited");
  });

  it("one class code makes at most 40 accounts from one address in 10 minutes: room for a class of 35", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const join = (ip: string, name: string) =>
      joinAsNewStudent(test.db, { code: classroom.joinCode, displayName: name, secret: "739204" }, ip).then(
        () => "joined",
        codeOf,
      );
    // A class arrives over a few minutes, a handful at the same instant. (A code being looked up
    // counts as a wrong one until it is found right: 30 at the very same moment would be refused.)
    const outcomes: string[] = [];
    for (let wave = 0; wave < 12; wave++)
      outcomes.push(
        ...(await Promise.all(Array.from({ length: 5 }, (_, i) => join("203.0.113.50", `Student ${wave}-${i}`)))),
      );
    expect(outcomes.filter((o) => o === "joined").length).toBe(40);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBe(20);
    expect(await test.db.enrolment.count({ where: { classId: classroom.id } })).toBe(40);
    // Another address (a student at home) still joins the class.
    expect(await join("198.51.100.200", "At home")).toBe("joined");
  });

  it("one class code makes at most 100 accounts an hour whatever the addresses", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        joinAsNewStudent(
          test.db,
          { code: classroom.joinCode, displayName: `S${i}`, secret: "739204" },
          `10.1.${i}.1`,
        ).then(() => "joined", codeOf),
      ),
    );
    expect(outcomes.filter((o) => o === "joined").length).toBe(100);
    expect(await test.db.enrolment.count({ where: { classId: classroom.id } })).toBe(100);
  });

  it("reset requests: 3 mails an hour per email address (the same answer whether or not it has an account), 20 requests per client address", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const tokens = await Promise.all(
      Array.from({ length: 30 }, () =>
        createPasswordReset(test.db, teacher.email!, { clientIp: `10.2.0.${Math.floor(Math.random() * 250)}` }),
      ),
    );
    expect(tokens.filter(Boolean).length).toBe(3);

    // One address asking for many accounts (or none) is refused after 20, whatever it asks for.
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createPasswordReset(test.db, i % 2 ? teacher.email! : `nobody-${i}@quizwire.test`, {
          clientIp: "203.0.113.60",
        }).then(() => "answered", codeOf),
      ),
    );
    expect(outcomes.filter((o) => o === "answered").length).toBe(20);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBe(10);
  });

  it("counters of windows that ended long ago are pruned as limits are used", async () => {
    const old = new Date("2026-03-01T08:00:00Z");
    await reserveAttempt(test.db, [{ key: "test:old", max: 5, windowMs: 60_000 }], old);
    const later = new Date("2026-03-03T08:00:00Z");
    await reserveAttempt(test.db, [{ key: "test:new", max: 5, windowMs: 60_000 }], later);
    const keys = (await test.db.rateLimitCounter.findMany({ where: { key: { startsWith: "test:" } } })).map(
      (c) => c.key,
    );
    expect(keys).toEqual(["test:new"]);
    // And pruning on its own (run at start-up) drops every window older than a day.
    await pruneCounters(test.db, new Date("2026-03-05T08:00:00Z"));
    expect(await test.db.rateLimitCounter.count({ where: { key: { startsWith: "test:" } } })).toBe(0);
  });
});
