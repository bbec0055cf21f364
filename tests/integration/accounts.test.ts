import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  adminResetPassword,
  changeOwnPassword,
  createInvitation,
  createPasswordReset,
  resetPasswordWithToken,
  revokeOwnSessions,
  setUserDisabled,
  signUp,
} from "@/lib/accounts/mutations";
import { userFromSession } from "@/lib/auth/session-user";
import { checkSignIn } from "@/lib/auth/sign-in";
import { setSignupMode } from "@/lib/settings";

import { makeUser, PASSWORD, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const NEW_PASSWORD = "amber-lantern-orbit-42";

describe(`accounts on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  describe("signing in", () => {
    it("accepts the right password by email or username, in any case", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const student = await makeUser(test.db, "STUDENT");
      expect(
        await checkSignIn(test.db, { identifier: teacher.email!.toUpperCase(), password: PASSWORD }),
      ).toMatchObject({ ok: true });
      expect(await checkSignIn(test.db, { identifier: ` ${student.username!} `, password: PASSWORD })).toMatchObject({
        ok: true,
      });
    });

    it("says the same thing for a wrong password and for an account that does not exist", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      expect(await checkSignIn(test.db, { identifier: teacher.email!, password: "nope" })).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await checkSignIn(test.db, { identifier: "nobody@quizwire.test", password: "nope" })).toEqual({
        ok: false,
        reason: "invalid",
      });
    });

    it("refuses the sixth failure in a minute per account, even with the right password, then lets it in once the tries fade", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const now = new Date("2026-01-01T10:00:05Z");
      for (let i = 0; i < 5; i++) {
        expect(
          await checkSignIn(test.db, { identifier: teacher.email!, password: "wrong", clientIp: `10.0.0.${i}` }, now),
        ).toMatchObject({ reason: "invalid" });
      }
      expect(
        await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD, clientIp: "10.0.0.99" }, now),
      ).toEqual({
        ok: false,
        reason: "rate_limited",
      });
      // The limit slides: the earlier minute's tries weigh in by how much of it is still within
      // the last minute, so a minute and a half later they are light enough.
      const later = new Date("2026-01-01T10:01:35Z");
      expect(await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD }, later)).toMatchObject({
        ok: true,
      });
    });

    it("caps failures per address higher than per account, so a class on one school address can still sign in", async () => {
      const now = new Date("2026-01-01T11:00:00Z");
      const students = await Promise.all(Array.from({ length: 13 }, () => makeUser(test.db, "STUDENT")));
      // Twelve students each mistype four times from the same address: 48 failures.
      for (const student of students.slice(0, 12)) {
        for (let i = 0; i < 4; i++)
          await checkSignIn(
            test.db,
            { identifier: student.username!, password: "wrong", clientIp: "203.0.113.7" },
            now,
          );
      }
      expect(
        await checkSignIn(
          test.db,
          { identifier: students[12]!.username!, password: PASSWORD, clientIp: "203.0.113.7" },
          now,
        ),
      ).toMatchObject({ ok: true });
      for (let i = 0; i < 12; i++)
        await checkSignIn(test.db, { identifier: `ghost-${i}`, password: "wrong", clientIp: "203.0.113.7" }, now);
      expect(
        await checkSignIn(
          test.db,
          { identifier: students[12]!.username!, password: PASSWORD, clientIp: "203.0.113.7" },
          now,
        ),
      ).toEqual({
        ok: false,
        reason: "rate_limited",
      });
    });

    it("refuses a disabled account", async () => {
      const admin = await makeUser(test.db, "ADMIN");
      const teacher = await makeUser(test.db, "TEACHER");
      await setUserDisabled(test.db, admin, teacher.id, true);
      expect(await checkSignIn(test.db, { identifier: teacher.email!, password: PASSWORD })).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    });
  });

  describe("ending sessions on the server", () => {
    const claims = (user: { id: string; sessionVersion: number }) => ({
      userId: user.id,
      sessionVersion: user.sessionVersion,
    });

    it("a session works until the user signs out everywhere", async () => {
      const user = await makeUser(test.db, "STUDENT");
      expect(await userFromSession(test.db, claims(user))).toMatchObject({ id: user.id });
      await revokeOwnSessions(test.db, user);
      expect(await userFromSession(test.db, claims(user))).toBeNull();
    });

    it("a password change, an admin reset and disabling each end the sessions", async () => {
      const admin = await makeUser(test.db, "ADMIN");
      const a = await makeUser(test.db, "TEACHER");
      await changeOwnPassword(test.db, a, PASSWORD, NEW_PASSWORD);
      expect(await userFromSession(test.db, claims(a))).toBeNull();
      expect(await checkSignIn(test.db, { identifier: a.email!, password: NEW_PASSWORD })).toMatchObject({ ok: true });

      const b = await makeUser(test.db, "TEACHER");
      const given = await adminResetPassword(test.db, admin, b.id);
      expect(await userFromSession(test.db, claims(b))).toBeNull();
      expect(await checkSignIn(test.db, { identifier: b.email!, password: given })).toMatchObject({ ok: true });

      const c = await makeUser(test.db, "TEACHER");
      await setUserDisabled(test.db, admin, c.id, true);
      expect(await userFromSession(test.db, claims(c))).toBeNull();
    });

    it("a password change needs the current password and a good new one", async () => {
      const student = await makeUser(test.db, "STUDENT");
      await rejectsWith(changeOwnPassword(test.db, student, "wrong", "482910"), "invalid_credentials");
      await rejectsWith(changeOwnPassword(test.db, student, PASSWORD, "123456"), "invalid_input");
      await changeOwnPassword(test.db, student, PASSWORD, "482910");
      expect(await checkSignIn(test.db, { identifier: student.username!, password: "482910" })).toMatchObject({
        ok: true,
      });
    });

    it("only an admin resets passwords or disables accounts", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      await rejectsWith(adminResetPassword(test.db, teacher, other.id), "not_found");
      await rejectsWith(setUserDisabled(test.db, teacher, other.id, true), "not_found");
    });
  });

  describe("signing up", () => {
    it("tells that an email has an account (documented), but one address gets only 10 such answers an hour", async () => {
      const taken = await makeUser(test.db, "TEACHER");
      const ip = "203.0.113.120";
      const base = { displayName: "T", password: NEW_PASSWORD, role: "TEACHER" as const };
      const outcomes = await Promise.all(
        Array.from({ length: 15 }, () =>
          signUp(test.db, { ...base, email: taken.email! }, { clientIp: ip }).then(
            () => "created",
            (error: { code?: string }) => error.code,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === "conflict").length).toBe(10);
      expect(outcomes.filter((o) => o === "rate_limited").length).toBe(5);
      // The address is refused outright for the rest of the hour, whatever it asks.
      await rejectsWith(
        signUp(test.db, { ...base, email: `fresh-${Date.now()}@quizwire.test` }, { clientIp: ip }),
        "rate_limited",
      );
      // A sign-up that succeeds does not count: a school's teachers all sign up from one address.
      const school = "203.0.113.121";
      for (let i = 0; i < 12; i++)
        await signUp(test.db, { ...base, email: `colleague-${i}-${Date.now()}@quizwire.test` }, { clientIp: school });
      await rejectsWith(signUp(test.db, { ...base, email: taken.email! }, { clientIp: school }), "conflict");
    });

    it("is open by default, and refuses a second account with the same email", async () => {
      const input = {
        displayName: "T",
        email: `open-${Date.now()}@quizwire.test`,
        password: NEW_PASSWORD,
        role: "TEACHER" as const,
      };
      expect(await signUp(test.db, input)).toMatchObject({ role: "TEACHER" });
      await rejectsWith(signUp(test.db, input), "conflict");
      expect(
        await signUp(test.db, { ...input, email: `learner-${Date.now()}@quizwire.test`, role: "LEARNER" }),
      ).toMatchObject({ role: "LEARNER" });
    });

    it("by invitation only: refused without a link, accepted once with one", async () => {
      const admin = await makeUser(test.db, "ADMIN");
      await setSignupMode(test.db, "invite");
      try {
        const base = { displayName: "T", password: NEW_PASSWORD, role: "TEACHER" as const };
        await rejectsWith(signUp(test.db, { ...base, email: "no-invite@quizwire.test" }), "signup_closed");
        const token = await createInvitation(test.db, admin, { role: "TEACHER" });
        await signUp(test.db, { ...base, email: "invited@quizwire.test", invite: token });
        await rejectsWith(signUp(test.db, { ...base, email: "second@quizwire.test", invite: token }), "signup_closed");
        expect(
          await test.db.user.count({ where: { email: { in: ["no-invite@quizwire.test", "second@quizwire.test"] } } }),
        ).toBe(0);

        const expired = await createInvitation(test.db, admin, { role: "TEACHER" }, new Date("2020-01-01"));
        await rejectsWith(signUp(test.db, { ...base, email: "late@quizwire.test", invite: expired }), "signup_closed");
        const forOne = await createInvitation(test.db, admin, { role: "TEACHER", email: "one@quizwire.test" });
        await rejectsWith(signUp(test.db, { ...base, email: "other@quizwire.test", invite: forOne }), "invalid_input");
      } finally {
        await setSignupMode(test.db, "open");
      }
    });
  });

  describe("password reset by email link", () => {
    it("works once, within the hour, and ends every session", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      expect(await createPasswordReset(test.db, "nobody@quizwire.test")).toBeUndefined();
      const token = (await createPasswordReset(test.db, teacher.email!))!;
      await resetPasswordWithToken(test.db, token, NEW_PASSWORD);
      expect(await userFromSession(test.db, { userId: teacher.id, sessionVersion: teacher.sessionVersion })).toBeNull();
      expect(await checkSignIn(test.db, { identifier: teacher.email!, password: NEW_PASSWORD })).toMatchObject({
        ok: true,
      });
      await rejectsWith(resetPasswordWithToken(test.db, token, "another-fine-password"), "invalid_input");

      const stale = (await createPasswordReset(test.db, teacher.email!, {
        now: new Date(Date.now() - 2 * 60 * 60 * 1000),
      }))!;
      await rejectsWith(resetPasswordWithToken(test.db, stale, "another-fine-password"), "invalid_input");
    });

    it("a newer link replaces the older ones: only the latest unused link works", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const first = (await createPasswordReset(test.db, teacher.email!))!;
      const second = (await createPasswordReset(test.db, teacher.email!))!;
      await rejectsWith(resetPasswordWithToken(test.db, first, NEW_PASSWORD), "invalid_input");
      await resetPasswordWithToken(test.db, second, NEW_PASSWORD);
      expect(await checkSignIn(test.db, { identifier: teacher.email!, password: NEW_PASSWORD })).toMatchObject({
        ok: true,
      });
    });

    it("a password reset or change makes every link sent before it useless", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      // Two links in flight (the second request came from another tab before the first was used).
      const mailed = (await createPasswordReset(test.db, teacher.email!))!;
      await changeOwnPassword(test.db, teacher, PASSWORD, NEW_PASSWORD);
      await rejectsWith(resetPasswordWithToken(test.db, mailed, "attacker-chosen-password"), "invalid_input");

      const admin = await makeUser(test.db, "ADMIN");
      const beforeAdmin = (await createPasswordReset(test.db, teacher.email!))!;
      await adminResetPassword(test.db, admin, teacher.id);
      await rejectsWith(resetPasswordWithToken(test.db, beforeAdmin, "attacker-chosen-password"), "invalid_input");

      // Links made, then one used: the other (made earlier, still within the hour) is dead too.
      const a = (await createPasswordReset(test.db, teacher.email!))!;
      const tokenRows = await test.db.passwordResetToken.count({ where: { userId: teacher.id, usedAt: null } });
      expect(tokenRows).toBe(1);
      await resetPasswordWithToken(test.db, a, "a-fresh-long-password");
      expect(await test.db.passwordResetToken.count({ where: { userId: teacher.id, usedAt: null } })).toBe(0);
    });
  });
});
