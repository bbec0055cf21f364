// Playwright fixtures: each test makes its own users and classes straight in the e2e
// database (no shared mutable seeded user), and signs in through the real form.
import { randomUUID } from "node:crypto";

import { test as base, expect, type Page } from "@playwright/test";

import { hashPassword } from "@/lib/auth/password";
import { generateJoinCode } from "@/lib/classes/codes";
import { createDb, type Db } from "@/lib/db/client";

import { E2E_DATABASE_URL } from "./env";

export const PASSWORD = "correct horse battery";

export interface Factory {
  teacher(name?: string): Promise<{ id: string; email: string; password: string }>;
  classroom(teacherId: string, name?: string): Promise<{ id: string; name: string; joinCode: string }>;
  student(classId: string, name?: string): Promise<{ id: string; username: string; password: string }>;
}

const unique = () => randomUUID().slice(0, 8);

export const test = base.extend<{ db: Db; make: Factory }, { workerDb: Db }>({
  workerDb: [
    async ({}, use) => {
      const db = createDb(E2E_DATABASE_URL);
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  db: async ({ workerDb }, use) => use(workerDb),
  make: async ({ workerDb: db }, use) => {
    const passwordHash = await hashPassword(PASSWORD);
    await use({
      async teacher(name = "Test Teacher") {
        const email = `teacher-${unique()}@quizwire.test`;
        const user = await db.user.create({ data: { role: "TEACHER", email, displayName: name, passwordHash } });
        return { id: user.id, email, password: PASSWORD };
      },
      async classroom(teacherId, name = `Class ${unique()}`) {
        return db.class.create({
          data: { name, teacherId, joinCode: generateJoinCode() },
          select: { id: true, name: true, joinCode: true },
        });
      },
      async student(classId, name = "Test Student") {
        const username = `student-${unique()}`;
        const user = await db.user.create({
          data: { role: "STUDENT", username, displayName: name, passwordHash, enrolments: { create: { classId } } },
        });
        return { id: user.id, username, password: PASSWORD };
      },
    });
  },
});

export { expect };

/** Submits the sign-in form; the caller checks the outcome. */
export async function attemptSignIn(page: Page, identifier: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill(identifier);
  await page.getByLabel("Password or PIN").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the user has landed on their home page. */
export async function signIn(page: Page, identifier: string, password = PASSWORD): Promise<void> {
  await attemptSignIn(page, identifier, password);
  await expect(page).not.toHaveURL(/\/(sign-in|after-sign-in)/);
}

/** The message a form shows (Next's route announcer is an alert too, so look in main). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}
