// Opening a quiz reads; pressing Start writes. A link prefetch, a crawler or a reload of a quiz
// page starts no attempt, and a reload right after the last answer shows the results instead
// of a new, empty attempt. Review sessions are built by "Start review" in the same way.
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { expectAccessible } from "../lib/axe";
import { questionCard } from "../lib/player";
import { startQuiz } from "../lib/start-quiz";

const SLUG = "istanbul-talks-2025-05-16";

/** WCAG 2.2 AA, and no sideways scrolling on a 360 px phone. */
async function expectFitsAPhone(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("opening a quiz starts no attempt until Start is pressed", async ({ page, make, db }) => {
  const student = await make.student((await make.classroom((await make.teacher()).id)).id);
  const set = await db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE", article: { slug: SLUG } } });
  const attempts = () => db.attempt.count({ where: { userId: student.id } });
  await signIn(page, student.username);

  // What a prefetch or a crawler does with the student's cookies: a plain GET.
  expect((await page.request.get(`/quiz/${set.id}`)).status()).toBe(200);
  await page.goto(`/articles/${SLUG}`);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  const start = page.getByRole("button", { name: "Start", exact: true });
  await expect(start).toBeVisible();
  await expect(page.getByText(/^\d+ questions$/)).toBeVisible();
  await page.reload();
  await expect(start).toBeVisible();
  expect(await attempts()).toBe(0);
  await expectFitsAPhone(page, "start screen");
  expect((await start.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  await start.click();
  await expect(questionCard(page)).toBeVisible();
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  expect(await attempts()).toBe(1);
  // A reload now resumes the attempt: still one.
  await page.reload();
  await expect(questionCard(page)).toBeVisible();
  expect(await attempts()).toBe(1);
});

test("a reload right after the last answer shows the results, and starts no new attempt", async ({
  page,
  make,
  db,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id);
  const questions = await db.question.findMany({
    where: { status: "SERVED", type: "MULTIPLE_CHOICE", copyOfId: null },
    take: 2,
    select: { id: true },
  });
  const assignment = await make.assignment({
    teacherId: teacher.id,
    classId: classroom.id,
    questionIds: questions.map((q) => q.id),
    title: "Quick check",
    maxAttempts: 2,
  });
  const attempts = () => db.attempt.count({ where: { userId: student.id } });
  await signIn(page, student.username);

  await startQuiz(page, `/assignments/${assignment.id}`);
  for (let i = 0; i < questions.length; i++) {
    const card = questionCard(page);
    await expect(card.getByText(`Question ${i + 1} of 2`)).toBeVisible();
    await card.getByRole("radio").first().check();
    await card.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(/^(Right!|Not quite|Partly right)/)).toBeVisible();
    if (i === 0) await page.getByRole("button", { name: "Next question" }).click();
  }
  await expect(page.getByText("All answers saved")).toBeVisible();

  // The last answer is in: a reload shows how it went, not a new empty attempt.
  await page.reload();
  await expect(page.getByTestId("score")).toHaveText(/\d+%/);
  await expect(page.getByRole("link", { name: "See your results" })).toBeVisible();
  await expect(page.getByText("All answers saved")).toBeVisible();
  await expect(questionCard(page)).toBeHidden();
  expect(await attempts()).toBe(1);
  await expectFitsAPhone(page, "results on the quiz page");

  // One attempt left: "Try again" starts it.
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(questionCard(page).getByText("Question 1 of 2")).toBeVisible();
  expect(await attempts()).toBe(2);
});

test("opening review builds nothing; Start review builds the session, and review resumes it", async ({
  page,
  make,
  db,
}) => {
  const student = await make.student((await make.classroom((await make.teacher()).id)).id);
  const facts = await db.fact.findMany({
    where: { retiredAt: null, supersededById: null, questions: { some: { question: { status: "SERVED" } } } },
    take: 3,
    select: { id: true },
  });
  const now = Date.now();
  for (const fact of facts)
    await db.reviewState.create({
      data: {
        userId: student.id,
        factId: fact.id,
        due: new Date(now - 3_600_000),
        stability: 1,
        difficulty: 5,
        reps: 1,
        state: 2,
        lastReview: new Date(now - 86_400_000),
      },
    });
  const reviewSets = () => db.questionSet.count({ where: { kind: "REVIEW", ownerId: student.id } });
  await signIn(page, student.username);

  await page.goto("/review");
  await expect(page.getByText("3 facts are due for review.")).toBeVisible();
  expect(await reviewSets()).toBe(0);

  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page).toHaveURL(/\/quiz\//);
  await expect(questionCard(page)).toBeVisible();
  const sessionUrl = page.url();
  expect(await reviewSets()).toBe(1);

  // Back to review: the session in progress, not another.
  await page.goto("/review");
  await expect(page).toHaveURL(sessionUrl);
  await expect(questionCard(page)).toBeVisible();
  expect(await reviewSets()).toBe(1);
});
