import { attemptSignIn, expect, formAlert, signIn, test } from "../fixtures";

test.describe("student accounts on a phone", () => {
  test("a wrong class code is refused plainly", async ({ page }) => {
    await page.goto("/join");
    await page.getByLabel("Class code").fill("ZZZZ-ZZZZ");
    await page.getByLabel("Your name").fill("Noor");
    await page.getByLabel("Choose a password or PIN").fill("739204");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(formAlert(page).first()).toContainText("does not match an open class");
    // Said once, and what the student typed is still there to correct, PIN included.
    await expect(page.getByText("does not match an open class")).toHaveCount(1);
    await expect(page.getByLabel("Your name")).toHaveValue("Noor");
    await expect(page.getByLabel("Choose a password or PIN")).toHaveValue("739204");
    // The name field stops at its limit instead of refusing a long name afterwards.
    await page.getByLabel("Your name").fill("N".repeat(170));
    await expect(page.getByLabel("Your name")).toHaveValue("N".repeat(60));
  });

  test("a PIN that is too short or too common is refused", async ({ page, make }) => {
    const teacher = await make.teacher();
    const classroom = await make.classroom(teacher.id);
    await page.goto(`/join?code=${classroom.joinCode}`);
    await expect(page.getByLabel("Class code")).toHaveValue(classroom.joinCode);
    await page.getByLabel("Your name").fill("Noor");
    await page.getByLabel("Choose a password or PIN").fill("1234");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("A PIN needs at least 6 digits.")).toBeVisible();
    await page.getByLabel("Choose a password or PIN").fill("123456");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("That PIN is too easy to guess")).toBeVisible();
  });

  test("the sixth wrong password in a minute is refused even when it is right", async ({ page, make }) => {
    const teacher = await make.teacher();
    const student = await make.student((await make.classroom(teacher.id)).id);
    for (let i = 0; i < 5; i++) {
      await attemptSignIn(page, student.username, `wrong-password-${i}`);
      await expect(formAlert(page)).toContainText("do not match an account");
    }
    await attemptSignIn(page, student.username, student.password);
    await expect(formAlert(page)).toContainText("Too many failed sign-ins");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a student cannot open teacher pages or another class", async ({ page, make }) => {
    const teacher = await make.teacher();
    const classroom = await make.classroom(teacher.id);
    const student = await make.student(classroom.id, "Lea");
    await signIn(page, student.username);
    await expect(page.getByRole("heading", { name: "Hi, Lea" })).toBeVisible();
    for (const path of [
      "/teacher",
      `/teacher/classes/${classroom.id}`,
      `/teacher/classes/${classroom.id}/cards`,
      "/admin",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    const exported = await page.request.get(`/api/classes/${classroom.id}/export?format=csv`);
    expect(exported.status()).toBe(404);
  });

  test("a signed-in student joins a second class with just its code, and leaves it", async ({ page, make }) => {
    const teacher = await make.teacher();
    const first = await make.classroom(teacher.id, "History");
    const second = await make.classroom(teacher.id, "Geography");
    const student = await make.student(first.id, "Sam");
    await signIn(page, student.username);
    await page.getByRole("link", { name: "Join another class" }).click();
    await page.getByLabel("Class code").fill(second.joinCode);
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("You have joined Geography.")).toBeVisible();
    // The same code again changes nothing, and says so.
    await page.getByLabel("Class code").fill(second.joinCode);
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("You are already in Geography.")).toBeVisible();
    await page.goto("/student");
    const classes = page.getByRole("list", { name: "Your classes" });
    await expect(classes).toContainText("History");
    await expect(classes).toContainText("Geography");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Leave Geography" }).click();
    await expect(classes).not.toContainText("Geography");
  });

  test("signing out ends the session on the server, not only in this browser", async ({ page, make, browser }) => {
    const teacher = await make.teacher();
    const student = await make.student((await make.classroom(teacher.id)).id, "Kai");
    await signIn(page, student.username);
    await expect(page.getByRole("heading", { name: "Hi, Kai" })).toBeVisible();
    const cookies = await page.context().cookies();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    // A copy of the old session cookie no longer works.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/student");
    await expect(replayPage).toHaveURL(/\/sign-in/);
    await replay.close();
  });
});
