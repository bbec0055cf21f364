// Presentation mode on a projector: 1280×720 and 1920×1080, no scrolling, no site menu, the
// class code on one line and its QR code at least a third of the screen's height; an
// assignment's results as slides with question text at projector size. Screenshots of each
// screen at each size are attached to the report.
import type { Page, TestInfo } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function expectFitsScreen(page: Page, testInfo: TestInfo, name: string) {
  const size = page.viewportSize()!;
  const scroll = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(scroll.height, `${name}: no vertical scrolling`).toBeLessThanOrEqual(size.height);
  expect(scroll.width, `${name}: no sideways scrolling`).toBeLessThanOrEqual(size.width);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  // Kept in the test's output folder (test-results/) to look at, and attached to the report.
  const file = testInfo.outputPath(`${name.replace(/\W+/g, "-")}-${size.width}x${size.height}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`${name} ${size.width}x${size.height}`, { path: file, contentType: "image/png" });
}

test("the class code fills a projector screen: QR a third of the height or more, the code on one line", async ({
  page,
  make,
}, testInfo) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Year 10 Current Affairs and Global Politics");
  await signIn(page, teacher.email);
  await page.goto(`/teacher/classes/${classroom.id}`);
  await page.getByRole("link", { name: "Show on projector" }).click();
  await expect(page).toHaveURL(/\/present\/classes\//);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    const qr = page.getByTestId("join-qr");
    const code = page.getByTestId("join-code");
    await expect(code).toBeVisible();
    const qrBox = (await qr.boundingBox())!;
    expect(qrBox.height).toBeGreaterThanOrEqual(size.height / 3);
    // One line, readable from the back: a line's height at least a tenth of the screen's.
    const codeBox = (await code.boundingBox())!;
    const lineHeight = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(codeBox.height).toBeLessThan(lineHeight * 1.5);
    expect(lineHeight).toBeGreaterThanOrEqual(size.height / 10);
    await expectFitsScreen(page, testInfo, "class code");
  }
  await page.getByRole("link", { name: "Back to the class" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("an assignment's results show as slides that fit the screen, question text at projector size", async ({
  page,
  make,
  db,
}, testInfo) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  await make.student(classroom.id, "Ana");
  const questions = await db.question.findMany({
    where: { status: "SERVED", copyOfId: null, article: { slug: "istanbul-talks-2025-05-16" } },
    orderBy: { key: "asc" },
    take: 15,
    select: { id: true, stem: true },
  });
  // The longest stem on its own slide: the hardest to fit.
  const longest = questions.reduce((a, b) => (b.stem.length > a.stem.length ? b : a));
  const assignment = await make.assignment({
    teacherId: teacher.id,
    classId: classroom.id,
    questionIds: questions.map((q) => q.id),
    title: "Friday review",
  });
  await signIn(page, teacher.email);
  await page.goto(`/teacher/assignments/${assignment.id}`);
  await page.getByRole("link", { name: "Projector view" }).click();
  await expect(page).toHaveURL(/\/present\/assignments\//);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.keyboard.press("Home");
    await expect(page.getByRole("status")).toContainText("0 of 1 done");
    await expect(page.getByRole("list", { name: "Share right by question" }).getByRole("listitem")).toHaveCount(15);
    await expect(page.locator("main")).not.toContainText("Ana");
    await expectFitsScreen(page, testInfo, "results overview");

    await page.getByRole("button", { name: new RegExp(`^${questions.indexOf(longest) + 1}\\. `) }).click();
    const stem = page.getByRole("heading", { level: 1 });
    await expect(stem).toHaveText(longest.stem);
    const fontSize = await stem.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(size.height / 20);
    await expectFitsScreen(page, testInfo, "question slide");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByText(/^Question \d+ of 15$/)).toBeVisible();
  }
});
