// A live game: a teacher hosts a set on a desktop (the projector) for two phones (Pixel 7 and
// iPhone 14). One phone reloads mid-question and keeps its points; the other goes offline,
// answers, and its answer counts when the network comes back before the question closes. The
// projector's leaderboard and the class's CSV agree with the answers given; axe finds nothing
// on the host's and the players' views.

import { expect, signIn, test } from "../fixtures";
import { loadQuestionKeys } from "../lib/answer-keys";
import { expectAccessible as axeCheck } from "../lib/axe";
import { choiceQuestionSet, expectNoLeak, livePhone as phone } from "../lib/live";

test("a class plays a live game on phones: a reload and an offline answer lose nothing, and the scores agree", async ({
  browser,
  page: host,
  make,
  db,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Live class");
  const ana = await make.student(classroom.id, "Ana Live");
  const ben = await make.student(classroom.id, "Ben Live");
  const { set, questions, right, wrong } = await choiceQuestionSet(db, teacher.id, "Live set");

  // The teacher opens the game from the set; the projector shows the PIN.
  await host.setViewportSize({ width: 1920, height: 1080 });
  await signIn(host, teacher.email);
  await host.goto(`/teacher/sets/${set.id}`);
  await host.getByLabel("Seconds per question").fill("60");
  await host.getByRole("button", { name: "Open the game" }).click();
  await expect(host).toHaveURL(/\/present\/live\//);
  const pin = (await host.getByTestId("game-pin").textContent())!.replace(/\s/g, "");
  expect(pin).toMatch(/^\d{6}$/);
  await axeCheck(host, "host lobby");

  // Two phones join by PIN; the projector counts them.
  const anaPhone = await phone(browser, "Pixel 7", ana.username);
  const benPhone = await phone(browser, "iPhone 14", ben.username);
  for (const player of [anaPhone, benPhone]) {
    await player.goto(`/play?pin=${pin}`);
    await player.getByRole("button", { name: "Join" }).first().click();
    await expect(player.getByRole("heading", { name: /You're in/ })).toBeVisible();
  }
  await expect(host.getByTestId("player-count")).toHaveText("2 players");
  await axeCheck(anaPhone, "player lobby");

  // Question 1: Ana answers right; Ben reloads mid-question, then answers wrong.
  await host.getByRole("button", { name: "Start" }).click();
  await expect(anaPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await axeCheck(anaPhone, "player question");
  await axeCheck(host, "host question");
  const gameId = /\/play\/([^/?#]+)/.exec(anaPhone.url())![1]!;
  const [firstKey] = await loadQuestionKeys(db, [questions[0]!.id]);
  await expectNoLeak(anaPhone, gameId, firstKey!, "before answering");
  await anaPhone.getByLabel(right(0)).check();
  await anaPhone.getByRole("button", { name: "Send answer" }).click();
  await expect(anaPhone.getByText("Answer received")).toBeVisible();
  await expectNoLeak(anaPhone, gameId, firstKey!, "answered, question still open");
  // No phone is told whether it was right while the question is open.
  await expect(anaPhone.getByText(/Right!|Right answer/)).toHaveCount(0);
  await benPhone.reload();
  await expect(benPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await benPhone.getByLabel(wrong(0)).check();
  await benPhone.getByRole("button", { name: "Send answer" }).click();
  await expect(host.getByTestId("answered-count")).toHaveText("2 of 2 answered");
  await host.getByRole("button", { name: "Close question" }).click();
  await expect(host.getByText(`Right answer: ${right(0)}`)).toBeVisible();
  await expect(anaPhone.getByRole("heading", { name: "Right!" })).toBeVisible();
  await expect(benPhone.getByRole("heading", { name: "Not this time" })).toBeVisible();
  await axeCheck(anaPhone, "player reveal");
  await axeCheck(host, "host reveal");
  const anaFirst = Number((await anaPhone.getByText(/^\+\d+ points$/).textContent())!.match(/\d+/)![0]);
  expect(anaFirst).toBeGreaterThan(500);

  // Question 2: Ana reloads and keeps her points; Ben answers offline, and it counts once he is back.
  await host.getByRole("button", { name: "Next question" }).click();
  await expect(benPhone.getByRole("heading", { name: questions[1]!.stem })).toBeVisible();
  await anaPhone.reload();
  await expect(anaPhone.getByTestId("my-score")).toContainText(`${anaFirst} points`);
  await benPhone.context().setOffline(true);
  await benPhone.getByLabel(right(1)).check();
  await benPhone.getByRole("button", { name: "Send answer" }).click();
  await expect(benPhone.getByText(/kept on this phone/)).toBeVisible();
  await benPhone.waitForTimeout(1500);
  await benPhone.context().setOffline(false);
  await expect(benPhone.getByText("Answer received")).toBeVisible({ timeout: 10_000 });
  await anaPhone.getByLabel(wrong(1)).check();
  await anaPhone.getByRole("button", { name: "Send answer" }).click();
  await expect(host.getByTestId("answered-count")).toHaveText("2 of 2 answered");
  await host.getByRole("button", { name: "Close question" }).click();
  await expect(benPhone.getByRole("heading", { name: "Right!" })).toBeVisible();

  // The leaderboard, then the last question skipped and the podium.
  await host.getByRole("button", { name: "Show leaderboard" }).click();
  const board = host.getByRole("list", { name: "Leaderboard" });
  await expect(board.getByRole("listitem")).toHaveCount(2);
  await axeCheck(host, "host leaderboard");
  await host.getByRole("button", { name: "Next question" }).click();
  await host.getByRole("button", { name: "Skip" }).click();
  await expect(host.getByRole("heading", { name: "Podium" })).toBeVisible();
  await expect(anaPhone.getByRole("heading", { name: "Game over" })).toBeVisible();

  // The projector's scores are the players' points, as stored.
  const players = await db.gamePlayer.findMany({
    where: { game: { setId: set.id } },
    select: { nickname: true, score: true, answers: { select: { points: true } } },
  });
  expect(players).toHaveLength(2);
  for (const player of players) {
    expect(player.score).toBe(player.answers.reduce((sum, a) => sum + a.points, 0));
    await expect(board.getByRole("listitem").filter({ hasText: player.nickname })).toContainText(String(player.score));
  }
  // Each answer given is stored once, in the live assignment's CSV with the class's others.
  const game = await db.game.findFirstOrThrow({ where: { setId: set.id }, select: { assignmentId: true } });
  expect(await db.response.count({ where: { attempt: { assignmentId: game.assignmentId } } })).toBe(4);
  const csv = await host.request.get(`/api/assignments/${game.assignmentId}/export`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Ana Live");
  expect(text).toContain(right(0));
  expect(text).toContain(right(1));
});
