import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { expectAccessible as axeCheck } from "../lib/axe";
import { startQuiz } from "../lib/start-quiz";

const SEED = "/articles/istanbul-talks-2025-05-16";
// Server-side names of right answers: none may reach the browser before the answer is given.
const ANSWER_FIELDS = /"(isCorrect|correctPosition|matchText|answerText|answerNumber|tolerance|heldBackReason)"/;

/** Answers whatever question is on screen with the first choice (or a guess), and confirms. */
async function answerCurrentQuestion(page: Page) {
  const question = page.locator("section[aria-labelledby^=stem-]");
  await expect(question).toBeVisible();
  const radios = question.getByRole("radio");
  if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await question.getByRole("combobox").count()) > 0) {
    for (const select of await question.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  } else if ((await question.getByRole("textbox").count()) > 0) {
    await question.getByRole("textbox").fill("1,000");
  }
  await question.getByRole("button", { name: "Check answer" }).click();
}

test("a student takes the seed quiz, goes offline midway, reloads, and every answer is stored exactly once", async ({
  page,
  make,
  db,
}) => {
  // A whole quiz, with Start, an offline spell, a reload and seven accessibility scans.
  test.setTimeout(60_000);
  const teacher = await make.teacher();
  const student = await make.student((await make.classroom(teacher.id)).id, "Ivy");
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith("http://127.0.0.1") || response.url().includes("/api/answers")) return;
    bodies.push(await response.text().catch(() => ""));
  });

  await signIn(page, student.username);
  await axeCheck(page, "student home");
  await page.goto(SEED);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(page);
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  const total = Number((await page.getByText(/Question 1 of \d+/).textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(10);
  await axeCheck(page, "quiz question");
  // Nothing about the right answers was sent with the quiz.
  for (const body of bodies) expect(body).not.toMatch(ANSWER_FIELDS);

  // The first answers, online: feedback with the source sentence.
  for (let i = 0; i < 3; i++) {
    await answerCurrentQuestion(page);
    await expect(page.getByRole("link", { name: "Read it in the article" })).toBeVisible();
    await expect(page.locator("blockquote")).toBeVisible();
    if (i === 0) await axeCheck(page, "feedback");
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }

  // Offline: two more answers wait on the phone.
  await page.context().setOffline(true);
  for (let i = 0; i < 2; i++) {
    await answerCurrentQuestion(page);
    await expect(page.getByText("kept on this phone")).toBeVisible();
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  await expect(page.getByText(/2 answers waiting for network/)).toBeVisible();

  // A reload while offline still shows the quiz, at the first unanswered question.
  await page.reload();
  await expect(page.getByText(/Question 6 of/)).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByText("All answers saved")).toBeVisible({ timeout: 15_000 });

  // The rest, online, to the end.
  for (let i = 5; i < total; i++) {
    await answerCurrentQuestion(page);
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  // Once every answer is stored, the page shows the attempt's score and Try again, no reload needed.
  await expect(page.getByRole("heading", { name: /^Attempt \d+ finished$/ })).toBeVisible();
  await expect(page.getByTestId("score")).toHaveText(/\d+%/);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await page.getByRole("link", { name: "See your results" }).click();
  await expect(page.getByTestId("score")).toHaveText(/\d+%/);
  await axeCheck(page, "results");

  const attempt = await db.attempt.findFirstOrThrow({
    where: { user: { username: student.username } },
    include: { responses: true },
  });
  expect(attempt.responses).toHaveLength(total);
  expect(new Set(attempt.responses.map((r) => r.questionId)).size).toBe(total);
  expect(attempt.finishedAt).not.toBeNull();

  for (const path of ["/history", "/progress", "/account", "/review", "/join"]) {
    await page.goto(path);
    await axeCheck(page, path);
  }
  await page.goto("/student");
  await expect(page.getByTestId("due-count")).toBeVisible();
});

test("keys 1-4 choose and Enter confirms; a question can be reported in one tap", async ({ page, make }) => {
  const teacher = await make.teacher();
  const student = await make.student((await make.classroom(teacher.id)).id);
  await signIn(page, student.username);
  await page.goto(SEED);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(page);
  const question = page.locator("section[aria-labelledby^=stem-]");
  // Skip to a question with choices.
  for (let i = 0; i < 15 && (await question.getByRole("radio").count()) === 0; i++) {
    await answerCurrentQuestion(page);
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("2");
  await expect(question.getByRole("radio").nth(1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Read it in the article" })).toBeVisible();
  await page.getByRole("button", { name: "Unclear" }).click();
  await expect(page.getByText("Thanks: reported as unclear.")).toBeVisible();
});

test("after Check answer, the chosen option turns green or red and the right one is marked, without scrolling; matching rows are marked one by one", async ({
  page,
  make,
}) => {
  const teacher = await make.teacher();
  const student = await make.student((await make.classroom(teacher.id)).id);
  await signIn(page, student.username);
  await page.goto(SEED);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(page);
  const question = page.locator("section[aria-labelledby^=stem-]");
  let seenChoice = false;
  let seenRows = false;
  for (let i = 0; i < 15 && !(seenChoice && seenRows); i++) {
    await expect(question).toBeVisible();
    const radios = question.getByRole("radio");
    const selects = question.getByRole("combobox");
    if (!seenChoice && (await radios.count()) > 0) {
      // The last option, right or wrong: either way the right one is marked.
      await radios.last().check();
      await question.getByRole("button", { name: "Check answer" }).click();
      const chosen = question.locator("label").filter({ has: page.locator("input:checked") });
      await expect(chosen).toHaveAttribute("data-mark", /right|wrong/);
      await expect(chosen).toContainText(/Your answer: (right|wrong)/);
      const right = question.locator('label[data-mark="right"]');
      await expect(right).toHaveCount(1);
      await expect(right).toBeInViewport();
      await expect(chosen).toBeInViewport();
      seenChoice = true;
    } else if (!seenRows && (await selects.count()) > 0) {
      for (const select of await selects.all()) await select.selectOption({ index: 1 });
      await question.getByRole("button", { name: "Check answer" }).click();
      const rows = question.locator("label[data-mark]");
      await expect(rows).toHaveCount(await selects.count());
      for (const row of await rows.all()) await expect(row).toContainText(/right|wrong/);
      seenRows = true;
    } else {
      await answerCurrentQuestion(page);
    }
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  expect(seenChoice && seenRows).toBe(true);
});
