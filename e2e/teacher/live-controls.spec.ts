// The host's controls in a live game, a teacher on a desktop (the projector) and students on
// phones (Pixel 7, iPhone 14): pause stops the phones' countdown and resume takes it up where it
// stopped; a skipped question scores nobody; a late joiner gets in when the teacher allows it
// and is refused when not; with names off no student name is anywhere on the projector's page;
// at 1920×1080 the projector's text is large enough to read from the back of a classroom; the
// finished game's report agrees with the answers given, its CSV too, and axe finds nothing on it.
import type { Page } from "@playwright/test";

import { rankStandings } from "@/lib/live/scoring";

import { expect, signIn, test } from "../fixtures";
import { expectAccessible as axeCheck } from "../lib/axe";
import { choiceQuestionSet as makeSet, livePhone as phone } from "../lib/live";

/** The teacher (signed in) opens a game of the set on a 1920×1080 projector; returns its PIN. */
async function openGame(
  host: Page,
  setId: string,
  options: { seconds: number; allowLateJoin?: boolean; hideNames?: boolean },
) {
  await host.setViewportSize({ width: 1920, height: 1080 });
  await host.goto(`/teacher/sets/${setId}`);
  await host.getByLabel("Seconds per question").fill(String(options.seconds));
  await host.getByLabel("Let students join after the start").setChecked(options.allowLateJoin ?? true);
  await host.getByLabel("Hide names on the projector").setChecked(options.hideNames ?? false);
  await host.getByRole("button", { name: "Open the game" }).click();
  await expect(host).toHaveURL(/\/present\/live\//);
  return (await host.getByTestId("game-pin").textContent())!.replace(/\s/g, "");
}

async function join(player: Page, pin: string) {
  await player.goto(`/play?pin=${pin}`);
  await player.getByRole("button", { name: "Join" }).first().click();
}

async function answer(player: Page, option: string) {
  await player.getByLabel(option).check();
  await player.getByRole("button", { name: "Send answer" }).click();
  await expect(player.getByText("Answer received")).toBeVisible();
}

/** The seconds a phone's countdown shows ("17 s"), or null while it shows none. */
async function phoneSeconds(player: Page): Promise<number | null> {
  const text = (await player.getByRole("timer").textContent()) ?? "";
  const match = /(\d+) s/.exec(text);
  return match ? Number(match[1]) : null;
}

test("pause stops the phones' countdown and resume takes it up; a skipped question scores nobody; the report and its CSV agree", async ({
  browser,
  page: host,
  make,
  db,
}) => {
  test.setTimeout(150_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Controls class");
  const ana = await make.student(classroom.id, "Ana Controls");
  const ben = await make.student(classroom.id, "Ben Controls");
  const { set, questions, right, wrong } = await makeSet(db, teacher.id, "Controls set");
  await signIn(host, teacher.email);
  const pin = await openGame(host, set.id, { seconds: 40 });
  const anaPhone = await phone(browser, "Pixel 7", ana.username);
  const benPhone = await phone(browser, "iPhone 14", ben.username);
  for (const player of [anaPhone, benPhone]) await join(player, pin);
  await expect(host.getByTestId("player-count")).toHaveText("2 players");

  // Question 1: the countdown runs on the phones; the teacher pauses it.
  await host.getByRole("button", { name: "Start" }).click();
  await expect(anaPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await expect.poll(() => phoneSeconds(anaPhone)).toBeLessThan(40);
  await host.getByRole("button", { name: "Pause" }).click();
  for (const player of [anaPhone, benPhone]) {
    await expect(player.getByRole("timer")).toHaveText("Paused");
    await expect(player.getByText("Your teacher has paused the game.")).toBeVisible();
    await expect(player.getByRole("button", { name: "Send answer" })).toBeDisabled();
  }
  const hostTimer = host.getByRole("timer");
  await expect(hostTimer).toHaveAccessibleName("Paused");
  const frozen = Number(await hostTimer.textContent());
  // Three seconds of pause: the projector's countdown does not move, the phones still say paused.
  await host.waitForTimeout(3000);
  expect(Number(await hostTimer.textContent())).toBe(frozen);
  await expect(anaPhone.getByRole("timer")).toHaveText("Paused");
  await host.getByRole("button", { name: "Resume" }).click();
  // Resumed where it stopped (not three seconds on), and counting down again.
  await expect.poll(() => phoneSeconds(anaPhone)).not.toBeNull();
  expect(await phoneSeconds(anaPhone)).toBeGreaterThanOrEqual(frozen - 1);
  await expect.poll(() => phoneSeconds(anaPhone), { timeout: 5000 }).toBeLessThan(frozen - 1);
  await answer(anaPhone, right(0));
  await answer(benPhone, wrong(0));
  await host.getByRole("button", { name: "Close question" }).click();
  await expect(anaPhone.getByRole("heading", { name: "Right!" })).toBeVisible();
  const anaPoints = Number(/(\d+) points/.exec((await anaPhone.getByTestId("my-score").textContent())!)![1]);
  expect(anaPoints).toBeGreaterThanOrEqual(500);

  // Question 2: both answer right, then the teacher skips it: nobody scores, the next one opens.
  await host.getByRole("button", { name: "Next question" }).click();
  await expect(benPhone.getByRole("heading", { name: questions[1]!.stem })).toBeVisible();
  await answer(anaPhone, right(1));
  await answer(benPhone, right(1));
  await host.getByRole("button", { name: "Skip" }).click();
  await expect(anaPhone.getByRole("heading", { name: questions[2]!.stem })).toBeVisible();
  await expect(anaPhone.getByTestId("my-score")).toContainText(`${anaPoints} points`);
  await expect(benPhone.getByTestId("my-score")).toContainText("0 points");
  const game = await db.game.findFirstOrThrow({ where: { setId: set.id }, select: { id: true } });
  expect(await db.gameAnswer.count({ where: { gameId: game.id, position: 1 } })).toBe(0);
  expect(await db.gameQuestion.findFirstOrThrow({ where: { gameId: game.id, position: 1 } })).toMatchObject({
    skipped: true,
  });

  // Question 3: Ben alone answers, right; the teacher finishes the game.
  await answer(benPhone, right(2));
  await host.getByRole("button", { name: "Close question" }).click();
  await expect(benPhone.getByRole("heading", { name: "Right!" })).toBeVisible();
  await host.getByRole("button", { name: "Finish" }).click();
  await expect(host.getByRole("heading", { name: "Podium" })).toBeVisible();
  const podium = host.getByRole("list", { name: "Leaderboard" });
  const players = await db.gamePlayer.findMany({
    where: { gameId: game.id },
    select: {
      id: true,
      nickname: true,
      score: true,
      correct: true,
      rightMs: true,
      joinedAt: true,
      answers: { select: { points: true } },
    },
  });
  for (const player of players) {
    expect(player.score).toBe(player.answers.reduce((sum, a) => sum + a.points, 0));
    await expect(podium.getByRole("listitem").filter({ hasText: player.nickname })).toContainText(String(player.score));
  }
  const scoreOf = (name: string) => players.find((p) => p.nickname === name)!.score;
  expect(scoreOf("Ana Controls")).toBe(anaPoints);

  // The podium links to the report: the same ranks and points, each answer, the skip.
  await host.getByRole("link", { name: "The game's report" }).click();
  await expect(host.getByRole("heading", { name: /^Report: / })).toBeVisible();
  const rows = host.getByTestId("report-player");
  // Ranked as the game ranks (points, then right answers, time on them, who joined first).
  const ranked = rankStandings(players);
  await expect(rows).toHaveCount(2);
  for (const [i, player] of ranked.entries()) {
    await expect(rows.nth(i).getByRole("rowheader")).toHaveText(player.nickname);
    await expect(rows.nth(i).getByRole("cell").nth(0)).toHaveText(String(i + 1));
    await expect(rows.nth(i).getByRole("cell").nth(1)).toHaveText(String(player.score));
    await expect(rows.nth(i).getByRole("cell").nth(2)).toHaveText(`${player.correct}/3`);
  }
  const anaRow = rows.filter({ hasText: "Ana Controls" });
  await expect(anaRow).toContainText(`${right(0)} (right)`);
  await expect(anaRow).toContainText(`${anaPoints} pts`);
  const reportQuestions = host.getByTestId("report-question");
  await expect(reportQuestions.nth(0)).toContainText("50% right (1/2)");
  await expect(reportQuestions.nth(1)).toContainText("Skipped: no points for anyone.");
  await expect(reportQuestions.nth(2)).toContainText("100% right (1/1) · 1 of 2 answered");
  await axeCheck(host, "game report");
  await host.setViewportSize({ width: 390, height: 844 });
  await axeCheck(host, "game report, narrow");

  // The CSV: one row per player per question, with the same points; the per-question CSV too.
  const csv = await host.request.get(`/api/live/games/${game.id}/export`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    "rank,nickname,total points,right answers,question,question text,answer,correct,points,time (s)",
  );
  expect(lines).toHaveLength(1 + 2 * 3);
  const anaLines = lines.filter((line) => line.includes("Ana Controls"));
  expect(anaLines[0]).toMatch(new RegExp(`^\\d,Ana Controls,${anaPoints},1,1,.*,yes,${anaPoints},\\d+\\.\\d$`));
  expect(anaLines[1]).toMatch(/,yes,skipped,$/);
  expect(anaLines[2]).toMatch(/,,,,$/);
  const byQuestion = await host.request.get(`/api/live/games/${game.id}/export?layout=questions`);
  const questionLines = (await byQuestion.text()).trim().split(/\r?\n/);
  expect(questionLines).toHaveLength(4);
  expect(questionLines[2]).toContain(",skipped,2,2,2,100%,");

  // And from the list of games.
  await host.goto("/teacher/live");
  await host.locator(`a[href="/teacher/live/${game.id}"]`).click();
  await expect(host).toHaveURL(new RegExp(`/teacher/live/${game.id}$`));
  await expect(host.getByRole("heading", { name: /^Report: / })).toBeVisible();
});

test("a late joiner gets into a running game when the teacher allows it, and is refused when not", async ({
  browser,
  page: host,
  make,
  db,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Late class");
  const ana = await make.student(classroom.id, "Ana Early");
  const ben = await make.student(classroom.id, "Ben Late");
  const { set, questions } = await makeSet(db, teacher.id, "Late set");
  const anaPhone = await phone(browser, "Pixel 7", ana.username);
  const benPhone = await phone(browser, "iPhone 14", ben.username);

  // Late joining allowed: Ben joins during question 1 and has it on his phone at once.
  await signIn(host, teacher.email);
  let pin = await openGame(host, set.id, { seconds: 60, allowLateJoin: true });
  await join(anaPhone, pin);
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  await host.getByRole("button", { name: "Start" }).click();
  await expect(anaPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await join(benPhone, pin);
  await expect(benPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await expect(host.getByTestId("answered-count")).toHaveText("0 of 2 answered");
  await host.getByRole("button", { name: "End game" }).click();
  await expect(host.getByRole("heading", { name: "Podium" })).toBeVisible();

  // Not allowed: Ben is told why, and is not in the game.
  pin = await openGame(host, set.id, { seconds: 60, allowLateJoin: false });
  await join(anaPhone, pin);
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  await host.getByRole("button", { name: "Start" }).click();
  await expect(anaPhone.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await join(benPhone, pin);
  await expect(
    benPhone.getByText("This game has started, and your teacher is not letting anyone else in."),
  ).toBeVisible();
  await expect(benPhone).not.toHaveURL(/\/play\/[^/?#]+/);
  await expect(host.getByTestId("answered-count")).toHaveText("0 of 1 answered");
  const game = await db.game.findFirstOrThrow({ where: { pin }, select: { id: true } });
  expect(await db.gamePlayer.count({ where: { gameId: game.id } })).toBe(1);
});

test("with names off no student name is anywhere on the projector's page, and its text is legible at 1920×1080", async ({
  browser,
  page: host,
  make,
  db,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, "Names class");
  const names = ["Zoltan Hidden", "Yvette Hidden"];
  const students = [];
  for (const name of names) students.push(await make.student(classroom.id, name));
  const { set, questions, right } = await makeSet(db, teacher.id, "Names set");
  await signIn(host, teacher.email);
  const pin = await openGame(host, set.id, { seconds: 60 });
  const phones = [
    await phone(browser, "Pixel 7", students[0]!.username),
    await phone(browser, "iPhone 14", students[1]!.username),
  ];
  for (const player of phones) await join(player, pin);
  await expect(host.getByRole("list", { name: "Players" })).toContainText(names[0]!);

  /** Neither name in the page's text (the collapsed player list's too), nor in its HTML and data. */
  async function expectNoNames(label: string) {
    const text = await host.evaluate(() => document.body.textContent ?? "");
    const html = await host.content();
    for (const name of names) {
      expect(text, `${label}: text`).not.toContain(name);
      expect(html, `${label}: HTML`).not.toContain(name);
    }
  }

  /** Each element's rendered font size (px) is at least `min`, and it is on the 1920×1080 screen. */
  async function expectLegible(locator: ReturnType<Page["locator"]>, min: number, label: string) {
    await expect(locator.first()).toBeVisible();
    for (const element of await locator.all()) {
      const size = await element.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size, `${label}: font size`).toBeGreaterThanOrEqual(min);
      const box = (await element.boundingBox())!;
      expect(box.y + box.height, `${label}: on screen`).toBeLessThanOrEqual(1080);
      expect(box.x + box.width, `${label}: on screen`).toBeLessThanOrEqual(1920);
    }
  }

  // The lobby, read from the back of the room: the PIN and how to join.
  await expectLegible(host.getByTestId("game-pin"), 96, "PIN");
  await expectLegible(host.getByText(/Scan the code, or go to/), 32, "how to join");
  await expectLegible(host.getByTestId("player-count"), 32, "player count");

  // Names off, in the lobby: gone from the list of arrivals and from the teacher's player list.
  // The box follows the game (it changes when the server has the change).
  await host.getByLabel("Hide names").click();
  await expect(host.getByLabel("Hide names")).toBeChecked();
  await expect(host.getByRole("list", { name: "Players" })).toHaveCount(0);
  await host.getByText(/^Players \(2\)$/).click();
  await expect(host.getByRole("button", { name: "Remove Player 1" })).toBeVisible();
  await host.getByText(/^Players \(2\)$/).click();
  await expectNoNames("lobby");
  await host.reload();
  await expectNoNames("lobby, reloaded");

  // A question: stem, options and countdown legible; still no names.
  await host.getByRole("button", { name: "Start" }).click();
  await expect(phones[0]!.getByRole("heading", { name: questions[0]!.stem })).toBeVisible();
  await expectLegible(host.getByRole("heading", { name: questions[0]!.stem }), 48, "question");
  await expectLegible(host.locator("main li").filter({ hasText: right(0) }), 40, "option");
  await expectLegible(host.getByRole("timer"), 80, "countdown");
  await expectLegible(host.getByTestId("answered-count"), 32, "answered count");
  await expectNoNames("question");
  await answer(phones[0]!, right(0));
  await host.getByRole("button", { name: "Close question" }).click();
  await expectLegible(host.getByText(`Right answer: ${right(0)}`), 32, "right answer");
  await expectNoNames("reveal");
  await host.getByRole("button", { name: "Show leaderboard" }).click();
  const board = host.getByRole("list", { name: "Leaderboard" });
  await expect(board.getByRole("listitem")).toHaveCount(2);
  await expect(board).toContainText("Player ranked 1");
  await expectLegible(board.getByRole("listitem"), 40, "leaderboard row");
  await expectNoNames("leaderboard");
  await host.getByRole("button", { name: "End game" }).click();
  await expect(host.getByRole("heading", { name: "Podium" })).toBeVisible();
  await expectNoNames("podium");
  await host.reload();
  await expectNoNames("podium, reloaded");
  await axeCheck(host, "projector podium, names off");
});
