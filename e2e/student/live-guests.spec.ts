// Guests in a live game (decision 0008, "Guests"): a teacher on a desktop opens a game to guests;
// two phones join by PIN with a nickname, no account (one refused nickname, one taken); the
// teacher removes one, who cannot come back under a new nickname; the other plays a question,
// reloads and keeps the points. Nothing about the right answer reaches the guest's phone before
// the question closes, the guest's cookie is httpOnly, the guest is in no class result and has
// no memory of facts, and axe finds nothing on the guest's join page.
import { devices, type Page } from "@playwright/test";

import { createGame } from "@/lib/live/mutations";

import { expect, signIn, test } from "../fixtures";
import { loadQuestionKeys } from "../lib/answer-keys";
import { expectAccessible as axeCheck } from "../lib/axe";
import { choiceQuestionSet, expectNoLeak, livePhone as phone } from "../lib/live";

async function joinAsGuest(player: Page, pin: string, nickname: string) {
  await player.goto(`/play?pin=${pin}`);
  await expect(player.getByLabel("Game PIN")).toHaveValue(pin);
  await player.getByLabel("Nickname").fill(nickname);
  await player.getByRole("button", { name: "Join as a guest" }).click();
}

test("guests join a live game by PIN and nickname, a removed guest stays out, and a guest's points survive a reload", async ({
  browser,
  make,
  db,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Guest class");
  const { set, questions, right: rightOf } = await choiceQuestionSet(db, teacher.id, "Guest set", 2);
  const right = rightOf(0);

  // The teacher opens a game of the set to guests; the projector shows the PIN.
  const host = await (
    await browser.newContext({ ...devices["Desktop Chrome"], viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await signIn(host, teacher.email);
  await host.goto(`/teacher/sets/${set.id}`);
  await host.getByLabel("Seconds per question").fill("60");
  await host.getByLabel(/Let guests join/).check();
  // Strangers see the projector: letting guests in ticks "Hide names", which this teacher unticks.
  await expect(host.getByLabel("Hide names on the projector")).toBeChecked();
  await host.getByLabel("Hide names on the projector").uncheck();
  await host.getByRole("button", { name: "Open the game" }).click();
  await expect(host).toHaveURL(/\/present\/live\//);
  const pin = (await host.getByTestId("game-pin").textContent())!.replace(/\s/g, "");
  expect(await db.game.count({ where: { pin, openToGuests: true, classId: classroom.id } })).toBe(1);
  await expect(host.getByTestId("guests-welcome")).toHaveText(
    "Guests welcome: no account, just the PIN and a nickname",
  );
  await axeCheck(host, "host lobby open to guests");

  // Ana's phone: the join page (axe), a refused nickname said by its field, then her own.
  const ana = await phone(browser, "Pixel 7");
  await ana.goto(`/play?pin=${pin}`);
  await expect(ana.getByRole("heading", { name: "Join a live game" })).toBeVisible();
  await axeCheck(ana, "guest join page");
  await joinAsGuest(ana, pin, "Sh1t Head");
  await expect(ana.getByText("That nickname is not allowed. Choose another.")).toBeVisible();
  await expect(ana.getByLabel("Nickname")).toHaveAttribute("aria-invalid", "true");
  await axeCheck(ana, "guest join page with an error");
  expect(ana.url()).toContain("/play?pin=");
  await joinAsGuest(ana, pin, "Ana Guest");
  await expect(ana.getByRole("heading", { name: "You're in, Ana Guest!" })).toBeVisible();
  const gameId = /\/play\/([^/?#]+)/.exec(ana.url())![1]!;
  // Her phone holds a cookie for this game that no script can read.
  const cookie = (await ana.context().cookies()).find((c) => c.name === `quizwire-guest-${gameId}`);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await ana.evaluate(() => document.cookie)).not.toContain("quizwire-guest");

  // The QR code scanned again on her phone: the join page offers her game back, as she is in it.
  await ana.goto(`/play?pin=${pin}`);
  await expect(ana.getByText("You are in this game as Ana Guest.")).toBeVisible();
  await axeCheck(ana, "guest join page, already in");
  await ana.getByRole("link", { name: "Back to the game" }).click();
  await expect(ana.getByRole("heading", { name: "You're in, Ana Guest!" })).toBeVisible();

  // Bo's phone: Ana's nickname in other letters is taken; then his own.
  const bo = await phone(browser, "iPhone 14");
  await joinAsGuest(bo, pin, "ANA guest");
  await expect(bo.getByText("That nickname is taken. Choose another.")).toBeVisible();
  await joinAsGuest(bo, pin, "Bo Guest");
  await expect(bo.getByRole("heading", { name: "You're in, Bo Guest!" })).toBeVisible();
  await expect(host.getByTestId("player-count")).toHaveText("2 players");

  // The teacher removes Bo: his phone says so, and he cannot come back under another nickname.
  await host.getByText("Players (2)").click();
  await host.getByRole("button", { name: "Remove Bo Guest" }).click();
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  await expect(bo.getByText("Your teacher has removed you from this game.")).toBeVisible();
  await joinAsGuest(bo, pin, "Totally New");
  await expect(bo.getByText("Your teacher has removed you from this game.")).toBeVisible();
  expect(bo.url()).toContain("/play?pin=");
  expect(await db.gamePlayer.count({ where: { gameId } })).toBe(2);

  // Ana plays the first question: nothing gives its answer away before it closes.
  await host.getByRole("button", { name: "Start" }).click();
  await expect(ana.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  const [key] = await loadQuestionKeys(db, [questions[0]!.id]);
  await expectNoLeak(ana, gameId, key!, "guest, before answering");
  await ana.getByLabel(right).check();
  await ana.getByRole("button", { name: "Send answer" }).click();
  await expect(ana.getByText("Answer received")).toBeVisible();
  await expectNoLeak(ana, gameId, key!, "guest, answered, question still open");
  await expect(host.getByTestId("answered-count")).toHaveText("1 of 1 answered");
  await host.getByRole("button", { name: "Close question" }).click();
  await expect(ana.getByRole("heading", { name: "Right!" })).toBeVisible();
  const points = Number((await ana.getByText(/^\+\d+ points$/).textContent())!.match(/\d+/)![0]);
  expect(points).toBeGreaterThan(500);

  // A reload (or a phone that slept) brings her back with her nickname and points.
  await ana.reload();
  await expect(ana.getByTestId("my-score")).toHaveText(`Ana Guest · ${points} points`);
  await host.getByRole("button", { name: "Next question" }).click();
  await expect(ana.getByRole("heading", { name: questions[1]!.stem })).toBeVisible();
  await expect(ana.getByTestId("my-score")).toContainText(`${points} points`);

  // A guest keeps no memory of facts, and is in none of the class's results.
  const guest = await db.gamePlayer.findFirstOrThrow({
    where: { gameId, nickname: "Ana Guest" },
    select: { userId: true },
  });
  expect(await db.reviewState.count({ where: { userId: guest.userId } })).toBe(0);
  expect(await db.enrolment.count({ where: { studentId: guest.userId } })).toBe(0);
  const game = await db.game.findUniqueOrThrow({ where: { id: gameId }, select: { assignmentId: true } });
  const csv = await host.request.get(`/api/assignments/${game.assignmentId}/export`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain("Ana Guest");
  // Nor does her cookie open anything but her game.
  expect((await ana.request.get("/student", { maxRedirects: 0 })).status()).not.toBe(200);

  // Her cookie runs out (12 hours): her answer is refused with what to do, not "sign in", and
  // the game's page sends her to join again with the PIN.
  await ana.context().clearCookies();
  await ana.getByLabel(questions[1]!.options[0]!.text).check();
  await ana.getByRole("button", { name: "Send answer" }).click();
  await expect(
    ana.getByText("This phone's place in the game has expired: join again with the game's PIN on the screen."),
  ).toBeVisible();
  await host.getByRole("button", { name: "End game" }).click();
  await ana.reload();
  await expect(ana).toHaveURL(/\/play$/);
  await expect(ana.getByRole("heading", { name: "Join a live game" })).toBeVisible();
});

// The join forms post to /api/live/join once their script has loaded; a phone whose script has
// not loaded (or that has none) posts the same forms to their server actions and lands on the
// game all the same, with each refusal said by its field.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a guest and a student join by the plain forms, and a refused nickname is said by its field", async ({
    page,
    make,
    db,
  }) => {
    const teacher = await make.teacher();
    const classroom = await make.classroom(teacher.id, "No-script class");
    const student = await make.student(classroom.id, "Nora Script");
    const { set } = await choiceQuestionSet(db, teacher.id, "No-script set", 1);
    const { gameId } = await createGame(
      db,
      { id: teacher.id, role: "TEACHER" },
      {
        classId: classroom.id,
        setId: set.id,
        questionSeconds: 60,
        allowLateJoin: true,
        hideNames: false,
        openToGuests: true,
      },
    );
    const pin = (await db.game.findUniqueOrThrow({ where: { id: gameId }, select: { pin: true } })).pin!;

    await joinAsGuest(page, pin, "Sh1t Head");
    await expect(page.getByText("That nickname is not allowed. Choose another.")).toBeVisible();
    await joinAsGuest(page, pin, "Quiet Guest");
    await expect(page).toHaveURL(new RegExp(`/play/${gameId}$`));
    await expect(page.getByRole("heading", { name: "You're in, Quiet Guest!" })).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, student.username);
    await page.goto(`/play?pin=${pin}`);
    await page.getByRole("button", { name: "Join", exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/play/${gameId}$`));
    await expect(page.getByRole("heading", { name: "You're in, Nora Script!" })).toBeVisible();
    expect(await db.gamePlayer.count({ where: { gameId } })).toBe(2);
  });
});
