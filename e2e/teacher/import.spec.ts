import { readFileSync } from "node:fs";

import { devices } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { startQuiz } from "../lib/start-quiz";

const ARTICLE = readFileSync("tests/fixtures/drafting/slovenia-election-2025-10-13/article.md", "utf8").replace(
  /^---[\s\S]*?---\s*/,
  "",
);

test("a teacher pastes an article, reviews the draft facts, publishes, and a student takes the quiz", async ({
  page,
  browser,
  make,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id, "Maja");
  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Import", exact: true }).click();

  // Bad input first: a date in the future is refused and nothing is lost from the form.
  await page.getByLabel("Headline").fill("Election result announced");
  await page.getByLabel("Outlet").fill("Wire Service");
  await page.getByLabel("Published on").fill("2099-01-01");
  await page.getByLabel("The article's text").fill(ARTICLE);
  await page.getByRole("button", { name: "Draft the facts" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/future/i);
  await expect(page.getByLabel("Headline")).toHaveValue("Election result announced");

  await page.getByLabel("Published on").fill("2025-10-13");
  await page.getByLabel("The article's text").fill(ARTICLE);
  await page.getByRole("button", { name: "Draft the facts" }).click();
  await expect(page.getByRole("heading", { name: "Election result announced" })).toBeVisible();
  const facts = page.getByRole("list", { name: "Draft facts" }).getByRole("article");
  expect(await facts.count()).toBeGreaterThan(5);

  // The draft survives a reload.
  await page.reload();
  await expect(facts.first()).toBeVisible();

  // Accept three, edit one.
  for (let i = 0; i < 3; i++) {
    await facts
      .nth(i)
      .getByRole("button", { name: /^Accept/ })
      .click();
    await expect(facts.nth(i)).toContainText("accepted");
  }
  const fourth = facts.nth(3);
  await fourth.getByText("Edit", { exact: true }).click();
  const subject = fourth.getByLabel("Subject");
  await subject.fill(`${await subject.inputValue()} (checked)`);
  await fourth.getByRole("button", { name: "Save and accept" }).click();
  await expect(fourth).toContainText("(checked)");
  await expect(fourth).toContainText("accepted");

  // The facts still to review are not dropped unless the teacher says so.
  await page.getByRole("button", { name: /Publish 4 facts/ }).click();
  await expect(page.getByText(/\d+ facts? (is|are) still to review\. Accept or reject/)).toBeVisible();
  await expect(page).toHaveURL(/\/teacher\/import\//);
  await page.getByLabel(/^Leave out the \d+ facts? still to review$/).check();
  await page.getByRole("button", { name: /Publish 4 facts/ }).click();
  // The review page counts each fact's questions the same way: wait for the article's page.
  await expect(page).toHaveURL(/\/teacher\/articles\//);
  await expect(page.getByText(/\d+ served · \d+ held back/)).toBeVisible();
  const articleUrl = page.url().replace("/teacher/articles/", "/articles/").replace(/\?.*$/, "");

  // The next step is offered, and a quiz of four facts says why it is short of 10.
  const next = page.getByRole("region", { name: "Published. Next: give it to a class" });
  await expect(next).toContainText(/Its quiz has [1-4] questions?, one per fact/);
  await expect(next).toContainText(/not 10-15: a quiz asks one question per fact, and only [1-4] facts? ha/);
  await next.getByRole("link", { name: "Build a set from its questions" }).click();
  await expect(page.getByText(/^Questions of “.+”\./)).toBeVisible();
  await page.goBack();
  await next.getByRole("link", { name: "Assign its quiz" }).click();
  await expect(page.getByRole("heading", { name: "Assign to a class" })).toBeVisible();

  // A student of this teacher opens the article and takes its quiz.
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const studentPage = await phone.newPage();
  await signIn(studentPage, student.username);
  await studentPage.goto(new URL(articleUrl).pathname);
  await studentPage.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(studentPage);
  await expect(studentPage.getByText(/Question 1 of \d+/)).toBeVisible();
  await phone.close();
});
