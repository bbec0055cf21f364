// A timed attempt on a phone: the start screen says how long, the countdown runs from the
// attempt's start on the server (a reload shows the time really left, not the limit again),
// and at zero the attempt ends with the answers given in time counted.
import { expect, signIn, test } from "../fixtures";
import { questionCard } from "../lib/player";

/** The seconds the countdown shows ("0:42" is 42). */
function secondsShown(text: string | null): number {
  const [minutes, seconds] = (text ?? "").split(":").map(Number);
  return minutes! * 60 + seconds!;
}

test("a timed attempt counts down through a reload and finishes at zero", async ({ page, make, db }) => {
  // Up to a minute of it is the countdown itself.
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id);
  const questions = await db.question.findMany({
    where: { status: "SERVED", type: "MULTIPLE_CHOICE", copyOfId: null },
    take: 3,
    select: { id: true },
  });
  const assignment = await make.assignment({
    teacherId: teacher.id,
    classId: classroom.id,
    questionIds: questions.map((q) => q.id),
    title: "One-minute check",
    timeLimitMinutes: 1,
  });
  await signIn(page, student.username);

  await page.goto(`/assignments/${assignment.id}`);
  await expect(page.getByText("You will have 1 minute once you start.")).toBeVisible();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(questionCard(page)).toBeVisible();
  const timeLeft = page.getByTestId("time-left");
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(timeLeft).toHaveText(/^(1:00|0:5\d)$/);

  const card = questionCard(page);
  await card.getByRole("radio").first().check();
  await card.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText("All answers saved")).toBeVisible();

  // Forty seconds pass (the attempt's start moves back rather than the test waiting).
  const attempt = await db.attempt.findFirstOrThrow({ where: { userId: student.id } });
  const startedAt = new Date(attempt.startedAt.getTime() - 40_000);
  await db.attempt.update({ where: { id: attempt.id }, data: { startedAt } });

  // A reload shows what is left of the minute (at most 20 s, less the time the test took), not the minute again.
  await page.reload();
  await expect(page.getByRole("timer")).toBeVisible();
  await expect.poll(async () => secondsShown(await timeLeft.textContent())).toBeLessThanOrEqual(20);
  await expect(page.getByText("1 of 3 answered")).toBeVisible();

  // At zero the attempt ends, and screen readers are told.
  await expect(page.getByRole("heading", { name: "Time is up" })).toBeVisible({ timeout: 40_000 });
  await expect(questionCard(page)).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Time is up." })).toBeAttached();

  await page.getByRole("link", { name: "See your results" }).click();
  await expect(page.getByText("Attempt 1 · 1 of 3 answered · time ran out")).toBeVisible();
  await expect(page.getByTestId("score")).toHaveText(/^\d+%$/);
  const finished = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
  expect(finished.finishedAt).toEqual(new Date(startedAt.getTime() + 60_000));

  // The assignment page shows the finished attempt, not the player.
  await page.goto(`/assignments/${assignment.id}`);
  await expect(page.getByRole("heading", { name: "Attempt 1 finished" })).toBeVisible();
});
