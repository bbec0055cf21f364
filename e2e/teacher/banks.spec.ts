import { readFileSync } from "node:fs";

import { devices, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { expect, signIn, test } from "../fixtures";
import { loadAnswerKeys } from "../lib/answer-keys";
import { confirmAnswer, feedback, fillAnswer, goToNextQuestion, shownQuestionId } from "../lib/player";
import { seededRandom } from "../lib/random";
import { startQuiz } from "../lib/start-quiz";
import { BANK_GIFT } from "../matrix";

async function chooseFile(page: Page, name: string, text: string) {
  await page
    .getByLabel("Question bank file")
    .setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Preview the questions" }).click();
}

async function downloadText(page: Page, link: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link, exact: true }).click();
  return readFileSync((await (await download).path())!, "utf8");
}

test("a teacher imports a GIFT file and assigns it; a student answers on a phone; the results and CSV show it", async ({
  page,
  browser,
  make,
  db,
}) => {
  test.slow();
  const teacher = await make.teacher("Ms Rivers");
  const classroom = await make.classroom(teacher.id, "Year 8 Geography");
  const student = await make.student(classroom.id, "Ines");
  const fileName = `Rivers ${Date.now().toString(36)}.gift`;
  const title = fileName.replace(/\.gift$/, "");
  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Import", exact: true }).click();

  // A malformed file: the line is named and nothing is stored.
  await chooseFile(page, fileName, `${BANK_GIFT}\n\nWhich river is longest? {~Long River ~Red River}`);
  await expect(page.getByRole("list", { name: "Problems" })).toContainText(
    "Line 13: No answer is marked right: mark one with =.",
  );
  expect(await db.article.count({ where: { ownerId: teacher.id, source: "BANK" } })).toBe(0);

  // The file fixed: a preview of every question, and the essay listed as skipped.
  await chooseFile(page, fileName, BANK_GIFT);
  const preview = page.getByRole("list", { name: "Questions to import" }).locator(":scope > li");
  await expect(preview).toHaveCount(5);
  await expect(preview.first()).toContainText("Which city is the capital of Freedonia?");
  await expect(preview.first()).toContainText("Answer: Fredville");
  await expect(page.getByRole("list", { name: "Skipped questions" })).toContainText(
    "Line 11 (“Write a paragraph about the river.”): an essay question (Quizwire has no essay questions)",
  );
  await page.getByRole("button", { name: "Import 5 questions" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Imported 5 questions: assign the set below.")).toBeVisible();
  await expect(page.getByTestId("set-question")).toHaveCount(5);

  // Downloads: the GIFT file holds the questions; Kahoot! says on screen what it leaves out.
  const gift = await downloadText(page, "GIFT (Moodle)");
  expect(gift).toContain("::Question 1:: Which city is the capital of Freedonia? {");
  await expect(page.getByText("Leaves out 3 of 5 questions")).toBeVisible();

  // The assignment form (the set page also offers a live game, with a class of its own to pick).
  const assign = page.locator("form").filter({ has: page.getByLabel("Title students see") });
  await assign.getByLabel("Class").selectOption({ label: "Year 8 Geography" });
  await assign.getByLabel("Title students see").fill("Rivers homework");
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("heading", { name: /Rivers homework/ })).toBeVisible();

  // The student answers every question on a phone.
  const set = await db.questionSet.findFirstOrThrow({ where: { ownerId: teacher.id, title }, select: { id: true } });
  const keys = new Map((await loadAnswerKeys(db, set.id)).map((k) => [k.questionId, k]));
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const studentPage = await phone.newPage();
  await signIn(studentPage, student.username);
  await studentPage
    .getByRole("list", { name: "Assignments" })
    .getByRole("link", { name: /Rivers homework/ })
    .click();
  await startQuiz(studentPage);
  const random = seededRandom(8);
  for (let id = await shownQuestionId(studentPage); id; id = await shownQuestionId(studentPage)) {
    await fillAnswer(studentPage, keys.get(id)!, random);
    await confirmAnswer(studentPage);
    await expect(feedback(studentPage)).toBeVisible();
    // A bank has no article to read.
    await expect(studentPage.getByRole("link", { name: "Read it in the article" })).toHaveCount(0);
    await goToNextQuestion(studentPage);
  }
  await expect(studentPage.getByRole("link", { name: "See your results" })).toBeVisible();
  await phone.close();

  // The teacher's results update, and the CSV has a row for each answer.
  const row = page.getByTestId("student-row").filter({ hasText: "Ines" });
  await expect(row).toContainText("done", { timeout: 10_000 });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Every answer CSV" }).click();
  const csv = parse(readFileSync((await (await download).path())!, "utf8"), {
    bom: true,
    columns: true,
  }) as Record<string, string>[];
  expect(csv).toHaveLength(5);
  expect(csv.every((r) => r.student === "Ines")).toBe(true);
  expect(csv.map((r) => r["question number"])).toEqual(["1", "2", "3", "4", "5"]);
  expect(JSON.stringify(csv)).toContain("Which city is the capital of Freedonia?");
});
