// Playwright fixtures: each test makes its own users and classes straight in the e2e
// database (no shared mutable seeded user), and signs in through the real form. The rows
// themselves come from tests/support/factories.ts, which the integration tests share.
import { test as base, expect, type Page } from "@playwright/test";

import { createDb, type Db } from "@/lib/db/client";
import { enrol, makeClass, makeUser, PASSWORD } from "@/tests/support/factories";

import { E2E_DATABASE_URL } from "./env";

export { PASSWORD };

export interface Factory {
  teacher(name?: string): Promise<{ id: string; email: string; password: string }>;
  classroom(teacherId: string, name?: string): Promise<{ id: string; name: string; joinCode: string }>;
  student(classId: string, name?: string): Promise<{ id: string; username: string; password: string }>;
  /** A teacher's own set of these questions (in this order), assigned to the class, open now. */
  assignment(input: {
    teacherId: string;
    classId: string;
    questionIds: string[];
    title: string;
    maxAttempts?: number;
    timeLimitMinutes?: number;
  }): Promise<{ id: string; setId: string }>;
}

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
    await use({
      async teacher(name = "Test Teacher") {
        const user = await makeUser(db, "TEACHER", name);
        return { id: user.id, email: user.email!, password: PASSWORD };
      },
      classroom: (teacherId, name) => makeClass(db, teacherId, name),
      async student(classId, name = "Test Student") {
        const user = await makeUser(db, "STUDENT", name);
        await enrol(db, classId, user.id);
        return { id: user.id, username: user.username!, password: PASSWORD };
      },
      async assignment({ teacherId, classId, questionIds, title, maxAttempts, timeLimitMinutes }) {
        const set = await db.questionSet.create({
          data: {
            title: `${title} (set)`,
            kind: "CUSTOM",
            ownerId: teacherId,
            items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
          },
        });
        const assignment = await db.assignment.create({
          data: {
            classId,
            setId: set.id,
            title,
            opensAt: new Date(Date.now() - 60_000),
            createdById: teacherId,
            ...(maxAttempts ? { maxAttempts } : {}),
            ...(timeLimitMinutes ? { timeLimitMinutes } : {}),
          },
        });
        return { id: assignment.id, setId: set.id };
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
