import { readFileSync } from "node:fs";

import { devices, type Browser } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { expect, signIn, test } from "../fixtures";
import { expectAccessible } from "../lib/axe";
import { startQuiz } from "../lib/start-quiz";

async function studentAnswers(browser: Browser, username: string, assignmentTitle: string, pick: "first" | "last") {
  const context = await browser.newContext({ ...devices["Pixel 7"] });
  const page = await context.newPage();
  await signIn(page, username);
  await page
    .getByRole("list", { name: "Assignments" })
    .getByRole("link", { name: new RegExp(assignmentTitle) })
    .click();
  await startQuiz(page);
  for (let i = 0; i < 3; i++) {
    const question = page.locator("section[aria-labelledby^=stem-]");
    await question.getByRole("radio")[pick]().check();
    await question.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("link", { name: "Read it in the article" })).toBeVisible();
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  await expect(page.getByRole("link", { name: "See your results" })).toBeVisible();
  await context.close();
}

test("a teacher builds a set and assigns it; two students answer on phones; results arrive live and in the CSV", async ({
  page,
  browser,
  make,
}) => {
  // A teacher and two students' phones, one after the other: three users' worth of steps.
  test.slow();
  const teacher = await make.teacher("Mr Okafor");
  const classroom = await make.classroom(teacher.id, "Year 11 Politics");
  const ana = await make.student(classroom.id, "Ana");
  const ben = await make.student(classroom.id, "Ben");

  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Sets", exact: true }).click();
  await page.getByRole("link", { name: "New set" }).click();
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Multiple choice" });
  await page.getByLabel("Title", { exact: true }).fill("Istanbul: three questions");
  // Other tests may have imported articles of their own: work in the seed article's section.
  const seed = page.getByRole("region", { name: /Russia and Ukraine hold first direct talks/ });
  const boxes = seed.locator("input[name=questionIds]:visible");
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Create set" }).click();
  await expect(page.getByRole("heading", { name: "Istanbul: three questions" })).toBeVisible();
  await expect(page.getByTestId("set-question")).toHaveCount(3);
  await expectAccessible(page, "set page");

  // The assignment form (the set page also offers a live game, with a class of its own to pick).
  const assign = page.locator("form").filter({ has: page.getByLabel("Title students see") });
  await assign.getByLabel("Class").selectOption({ label: "Year 11 Politics" });
  await assign.getByLabel("Title students see").fill("Friday quiz");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("heading", { name: /Friday quiz/ })).toBeVisible();
  const rows = page.getByTestId("student-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Ana" })).toContainText("not started");
  await expectAccessible(page, "results page");

  await studentAnswers(browser, ana.username, "Friday quiz", "first");
  await studentAnswers(browser, ben.username, "Friday quiz", "last");

  // No reload: the page polls.
  await expect(rows.filter({ hasText: "Ana" })).toContainText("done", { timeout: 10_000 });
  await expect(rows.filter({ hasText: "Ben" })).toContainText("done", { timeout: 10_000 });
  await expect(page.getByTestId("question-result").first()).toContainText("(", { timeout: 10_000 });
  await expect(page.getByTestId("question-result").first()).toContainText("/2)");

  const downloaded = async (link: string) => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: link }).click();
    const file = await (await download).path();
    return parse(readFileSync(file, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
  };
  // The gradebook: one row per student, a mark per question.
  const gradebook = await downloaded("Gradebook CSV");
  expect(gradebook.map((r) => [r.student, r.status, r["answered (of 3)"]])).toEqual([
    ["Ana", "done", "3"],
    ["Ben", "done", "3"],
  ]);
  for (const row of gradebook) {
    expect(row.score).toMatch(/^\d+%$/);
    expect(
      Object.keys(row)
        .slice(9)
        .map((column) => column.slice(0, 3)),
    ).toEqual(["Q1.", "Q2.", "Q3."]);
    expect(
      Object.values(row)
        .slice(9)
        .every((mark) => mark === "right" || mark === "wrong"),
    ).toBe(true);
  }

  const csv = await downloaded("Every answer CSV");
  expect(csv).toHaveLength(6);
  expect(csv.map((r) => r.student).sort()).toEqual(["Ana", "Ana", "Ana", "Ben", "Ben", "Ben"]);
  expect(csv.every((r) => r.correct === "yes" || r.correct === "no")).toBe(true);
  expect(csv.filter((r) => r.student === "Ana").map((r) => r["question number"])).toEqual(["1", "2", "3"]);

  // The projector shows the class's results without names.
  await page.getByRole("link", { name: "Projector view" }).click();
  await expect(page.getByRole("status")).toContainText("2 of 2 done");
  await expect(page.locator("main")).not.toContainText("Ana");
  await expect(page.locator("main")).not.toContainText("Ben");
  await expectAccessible(page, "projector");
});

test("the article's question list shows held-back questions with their reasons, and reports", async ({
  page,
  make,
}) => {
  const teacher = await make.teacher();
  await signIn(page, teacher.email);
  await page.goto("/teacher/articles/istanbul-talks-2025-05-16");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Russia and Ukraine");
  await expect(page.getByText(/Held back: /).first()).toBeVisible();
  await expect(page.getByText(/\d+ served · \d+ held back/)).toBeVisible();
  for (const path of ["/teacher", "/teacher/sets", "/teacher/sets/new"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});
