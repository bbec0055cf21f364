// A live game on two server processes (WEB_CONCURRENCY=2): the teacher's changes (made here
// through the app's own code, on the shared database, as another process would) reach phones
// connected to either process through their short poll; one process is killed mid-question and
// the game carries on: its phones reconnect, answer, and get their points at the close.
import { devices, type Browser, type Page } from "@playwright/test";

import { commandGame, createGame, joinGame } from "@/lib/live/mutations";

import { childPids } from "../../scripts/lib/processes";
import { startAppServer } from "../lib/app-server";
import { expect, PASSWORD, test } from "../fixtures";

async function phoneAt(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const { defaultBrowserType: _webkit, ...pixel } = devices["Pixel 7"];
  const context = await browser.newContext({ ...pixel, baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill(username);
  await page.getByLabel("Password or PIN").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/(sign-in|after-sign-in)/, { timeout: 30_000 });
  return page;
}

test("a live game on two server processes reaches every phone, and carries on when one process is killed", async ({
  browser,
  make,
  db,
}) => {
  test.setTimeout(180_000);
  const server = await startAppServer({ WEB_CONCURRENCY: "2" });
  try {
    const teacherRow = await make.teacher();
    const teacher = { id: teacherRow.id, role: "TEACHER" as const };
    const classroom = await make.classroom(teacher.id, "Cluster class");
    const students = [];
    for (let i = 0; i < 4; i++) students.push(await make.student(classroom.id, `Cluster player ${i + 1}`));
    const question = await db.question.findFirstOrThrow({
      where: { status: "SERVED", type: "TRUE_FALSE", ownerId: null, copyOfId: null },
      select: { id: true, stem: true, options: { select: { text: true, isCorrect: true } } },
    });
    const set = await db.questionSet.create({
      data: {
        title: "Cluster set",
        kind: "CUSTOM",
        ownerId: teacher.id,
        items: { create: { questionId: question.id, position: 0 } },
      },
    });
    const { gameId } = await createGame(db, teacher, {
      classId: classroom.id,
      setId: set.id,
      questionSeconds: 240,
      allowLateJoin: true,
      hideNames: false,
    });
    const pin = (await db.game.findUniqueOrThrow({ where: { id: gameId } })).pin!;
    const phones: Page[] = [];
    for (const student of students) {
      await joinGame(db, { id: student.id, role: "STUDENT" }, pin);
      const phone = await phoneAt(browser, server.url, student.username);
      await phone.goto(`/play/${gameId}`);
      await expect(phone.getByRole("heading", { name: /You're in/ })).toBeVisible();
      phones.push(phone);
    }

    // A change made outside every server process reaches all four phones, whichever process holds each.
    await commandGame(db, teacher, gameId, "start");
    for (const phone of phones)
      await expect(phone.getByRole("heading", { name: question.stem })).toBeVisible({ timeout: 10_000 });

    // One process dies mid-question: its phones reconnect (to the other, or its replacement).
    const primary = server.pid()!;
    const workers = childPids(primary);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, "SIGKILL");

    const right = question.options.find((o) => o.isCorrect)!.text;
    for (const phone of phones) {
      await phone.getByRole("radio", { name: right, exact: true }).check();
      await phone.getByRole("button", { name: "Send answer" }).click();
      await expect(phone.getByText("Answer received")).toBeVisible({ timeout: 20_000 });
    }
    await commandGame(db, teacher, gameId, "close");
    for (const phone of phones) {
      await expect(phone.getByRole("heading", { name: "Right!" })).toBeVisible({ timeout: 15_000 });
      await expect(phone.getByTestId("my-score")).not.toContainText(" 0 points");
    }
    // Every answer stored once and scored once.
    expect(await db.gameAnswer.count({ where: { gameId } })).toBe(4);
    expect(await db.response.count({ where: { attempt: { gamePlayer: { gameId } } } })).toBe(4);
  } finally {
    await server.stop();
  }
});
