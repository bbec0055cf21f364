import { devices } from "@playwright/test";

import { attemptSignIn, expect, formAlert, signIn, test } from "../fixtures";

test("a teacher signs up and creates a class; a student joins it on a phone with the code", async ({
  page,
  browser,
}) => {
  const email = `new-teacher-${Date.now()}@quizwire.test`;

  await page.goto("/sign-up");
  await page.getByLabel("a teacher").check();
  await page.getByLabel("Your name").fill("Ms Rivera");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too common/)).toBeVisible();
  await page.getByLabel("Password").fill("amber-lantern-orbit-42");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await page.getByLabel("Class name").fill("Year 10 Current Affairs");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Year 10 Current Affairs" })).toBeVisible();

  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  const qr = page.getByRole("img", { name: /QR code for http:\/\/.*\/join\?code=/ });
  await expect(qr).toBeVisible();
  await expect(qr).not.toHaveAttribute("aria-label", /localhost|127\.0\.0\.1/);

  await page.getByRole("link", { name: "Show on projector" }).click();
  await expect(page.getByText(code)).toBeVisible();

  // The student, on a phone of their own.
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const student = await phone.newPage();
  await student.goto("/join");
  await student.getByLabel("Class code").fill(code.toLowerCase());
  await student.getByLabel("Your name").fill("Amira");
  await student.getByLabel("Choose a password or PIN").fill("480193");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("You have joined Year 10 Current Affairs.")).toBeVisible();
  // The header knows the student at once, without a reload.
  await expect(student.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(student.getByRole("link", { name: "Join a class" })).toHaveCount(0);
  const username = (await student.getByTestId("new-username").textContent())!.trim();
  expect(username).toMatch(/^amira-\d{4}$/);
  await student.getByRole("link", { name: "Continue" }).click();
  await expect(student.getByRole("heading", { name: "Hi, Amira" })).toBeVisible();
  await phone.close();

  // The teacher sees the new student on the roster.
  await page.goto("/teacher");
  await page.getByRole("link", { name: /Year 10 Current Affairs/ }).click();
  await expect(page.getByRole("list", { name: "Students" })).toContainText("Amira");
  await expect(page.getByRole("list", { name: "Students" })).toContainText(username);
});

test("a teacher renames, rotates the code of and archives a class", async ({ page, make }) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Old name");
  await signIn(page, teacher.email);
  await page.goto(`/teacher/classes/${classroom.id}`);
  const before = (await page.getByTestId("join-code").textContent())!.trim();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "New code" }).click();
  await expect(page.getByTestId("join-code")).not.toHaveText(before);

  await page.getByRole("textbox", { name: "Class name" }).fill("New name");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New name" })).toBeVisible();

  await page.getByRole("button", { name: "Archive class" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Classes" })).toContainText("Archived");
});

test("a teacher resets a student's password, shown once, and the old one stops working", async ({
  page,
  make,
  browser,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id, "Jonas");
  await signIn(page, teacher.email);
  await page.goto(`/teacher/classes/${classroom.id}`);
  await page.getByRole("button", { name: "Reset password for Jonas" }).click();
  const message = page.getByRole("status").filter({ hasText: "New password for Jonas" });
  await expect(message).toBeVisible();
  const password = (await message.locator(".font-mono").textContent())!.trim();

  const other = await browser.newContext();
  const studentPage = await other.newPage();
  await attemptSignIn(studentPage, student.username, student.password);
  await expect(formAlert(studentPage)).toContainText("do not match");
  await signIn(studentPage, student.username, password);
  await expect(studentPage.getByRole("heading", { name: "Hi, Jonas" })).toBeVisible();
  await other.close();
});

test("a teacher cannot open another teacher's class", async ({ page, make }) => {
  const mine = await make.teacher();
  const theirs = await make.teacher();
  const theirClass = await make.classroom(theirs.id, "Not yours");
  await signIn(page, mine.email);
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  const response = await page.goto(`/teacher/classes/${theirClass.id}`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/classes/${theirClass.id}/export?format=json`)).status()).toBe(404);
});

test("a teacher renames a student; a name with a swear word is refused and the old name stays", async ({
  page,
  make,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  await make.student(classroom.id, "Jonas");
  await signIn(page, teacher.email);
  await page.goto(`/teacher/classes/${classroom.id}`);
  const roster = page.getByRole("list", { name: "Students" });
  const shownName = roster.getByRole("paragraph").first();

  await roster.getByText("Rename Jonas").click();
  await page.getByLabel("New name for Jonas").fill("Sh1t head");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("this one has a word that is not allowed in class")).toBeVisible();
  await page.reload();
  await expect(shownName).toHaveText("Jonas");

  await roster.getByText("Rename Jonas").click();
  await page.getByLabel("New name for Jonas").fill("Jonas Berg");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(shownName).toHaveText("Jonas Berg");
});
