// A class shares phones: one student signs out and hands the phone to the next. Nothing of
// the first student's may stay behind for the second: not their answers and feedback (with
// the right answers) in localStorage, not their quiz page in the service worker's cache,
// online or off. And an answer still waiting for the network is not lost without a word.
import type { Page } from "@playwright/test";

import type { Db } from "@/lib/db/client";

import { attemptSignIn, expect, test } from "../fixtures";
import { startQuiz } from "../lib/start-quiz";

const SLUG = "istanbul-talks-2025-05-16";

// Several sign-ins and offline spells each, on a machine that may be busy.
test.describe.configure({ timeout: 90_000 });

/** Signs in through the form and waits (argon2 takes its time on a busy machine) for home. */
async function signIn(page: Page, username: string) {
  await attemptSignIn(page, username);
  await expect(page).not.toHaveURL(/\/(sign-in|after-sign-in)/, { timeout: 20_000 });
}

/** Answers whatever question is on screen with the first choice (or a guess), and confirms. */
async function answerCurrentQuestion(page: Page) {
  const question = page.locator("section[aria-labelledby^=stem-]");
  await expect(question).toBeVisible();
  const radios = question.getByRole("radio");
  if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await question.getByRole("combobox").count()) > 0) {
    for (const select of await question.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  } else if ((await question.getByRole("textbox").count()) > 0) {
    await question.getByRole("textbox").fill("1,000");
  }
  await question.getByRole("button", { name: "Check answer" }).click();
}

/** Opens the seed quiz from its article and returns its address and the student's attempt. */
async function openSeedQuiz(page: Page, db: Db, userId: string): Promise<{ url: string; attemptId: string }> {
  await page.goto(`/articles/${SLUG}`);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(page);
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  const { id: attemptId } = await db.attempt.findFirstOrThrow({ where: { userId }, select: { id: true } });
  // The player keeps this page for reloads while offline.
  await page.waitForFunction(async () =>
    Boolean(navigator.serviceWorker.controller && (await caches.match(location.pathname))),
  );
  return { url: new URL(page.url()).pathname, attemptId };
}

/** Two answers online, then two offline, then back online until both are sent. */
async function answerSomeOnlineAndSomeOffline(page: Page) {
  for (let i = 0; i < 2; i++) {
    await answerCurrentQuestion(page);
    await expect(page.getByRole("link", { name: "Read it in the article" })).toBeVisible();
    await page.getByRole("button", { name: "Next question" }).click();
  }
  await page.context().setOffline(true);
  for (let i = 0; i < 2; i++) {
    await answerCurrentQuestion(page);
    await expect(page.getByText("kept on this phone")).toBeVisible();
    await page.getByRole("button", { name: "Next question" }).click();
  }
  await expect(page.getByText("2 answers waiting for network")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByText("All answers saved")).toBeVisible({ timeout: 15_000 });
}

interface DeviceData {
  storage: { key: string; value: string }[];
  cached: { cache: string; url: string; body: string }[];
}

/** Everything this origin keeps in the browser: localStorage, and every response in CacheStorage. */
function readDeviceData(page: Page): Promise<DeviceData> {
  return page.evaluate(async () => {
    const storage = Object.keys(localStorage).map((key) => ({ key, value: localStorage.getItem(key) ?? "" }));
    const cached: DeviceData["cached"] = [];
    for (const cache of await caches.keys()) {
      const open = await caches.open(cache);
      for (const request of await open.keys()) {
        const response = await open.match(request);
        cached.push({ cache, url: request.url, body: (await response?.text()) ?? "" });
      }
    }
    return { storage, cached };
  });
}

/** What of this student is on the device: entries and cached responses that name them or their attempt. */
function tracesOf(data: DeviceData, ...ids: string[]): string[] {
  const mentions = (text: string) => ids.some((id) => text.includes(id));
  return [
    ...data.storage.filter((e) => mentions(e.key) || mentions(e.value)).map((e) => `localStorage ${e.key}`),
    ...data.cached.filter((c) => mentions(c.url) || mentions(c.body)).map((c) => `cache ${c.cache}: ${c.url}`),
  ];
}

/** Opens an address with the network off and returns what the page shows, if anything. */
async function openOffline(page: Page, url: string): Promise<string> {
  await page.context().setOffline(true);
  try {
    await page.goto(url).catch(() => null);
    return await page.content();
  } finally {
    await page.context().setOffline(false);
  }
}

test("after signing out, nothing of the student's answers or quiz page stays on the phone", async ({
  page,
  make,
  db,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const ada = await make.student(classroom.id, "Ada");
  const ben = await make.student(classroom.id, "Ben");

  await signIn(page, ada.username);
  const quiz = await openSeedQuiz(page, db, ada.id);
  await answerSomeOnlineAndSomeOffline(page);
  // What the fix must remove is there before it: Ada's feedback and her quiz page.
  expect(tracesOf(await readDeviceData(page), ada.id, quiz.attemptId)).not.toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page).toHaveURL("/");

  const afterSignOut = await readDeviceData(page);
  expect.soft(tracesOf(afterSignOut, ada.id, quiz.attemptId), "Ada's data after she signed out").toEqual([]);
  expect
    .soft(
      afterSignOut.cached.filter((c) => /^\/(quiz|assignments)\//.test(new URL(c.url).pathname)).map((c) => c.url),
      "quiz pages cached after sign-out",
    )
    .toEqual([]);
  expect
    .soft(
      afterSignOut.storage.filter((e) => e.key.startsWith("quizwire.")).map((e) => e.key),
      "Quizwire entries in localStorage after sign-out",
    )
    .toEqual([]);

  // The next student on this phone, offline, opens Ada's quiz address: nothing of hers shows.
  const offline = await openOffline(page, quiz.url);
  expect.soft(offline, "Ada's quiz page offline after she signed out").not.toContain(quiz.attemptId);
  await expect.soft(page.getByText(/Question \d+ of \d+/)).toHaveCount(0);
  await expect.soft(page.getByText(/answered/)).toHaveCount(0);

  // Ben signs in on the same browser: nothing of Ada's, online or offline.
  await signIn(page, ben.username);
  await expect(page.getByRole("heading", { name: "Hi, Ben" })).toBeVisible();
  expect.soft(tracesOf(await readDeviceData(page), ada.id, quiz.attemptId), "Ada's data once Ben is in").toEqual([]);
  const offlineAsBen = await openOffline(page, quiz.url);
  expect.soft(offlineAsBen, "Ada's quiz page offline, Ben signed in").not.toContain(quiz.attemptId);

  // Online, the same quiz address is Ben's own: his Start, his attempt, from its first question.
  await startQuiz(page, quiz.url);
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  await expect(page.getByText(/^0 of \d+ answered$/)).toBeVisible();
  expect(tracesOf(await readDeviceData(page), ada.id, quiz.attemptId), "Ada's data once Ben took the quiz").toEqual([]);
});

test("when a session ends elsewhere, the next student to sign in on the phone finds nothing of it", async ({
  page,
  make,
  db,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const ada = await make.student(classroom.id, "Ada");
  const ben = await make.student(classroom.id, "Ben");

  await signIn(page, ada.username);
  const quiz = await openSeedQuiz(page, db, ada.id);
  await answerSomeOnlineAndSomeOffline(page);
  // One more answer offline, and then Ada's sessions end elsewhere ("sign out everywhere" on
  // another device, or a teacher resets her password): the answer cannot be sent any more.
  await page.context().setOffline(true);
  await answerCurrentQuestion(page);
  await expect(page.getByText("1 answer waiting for network")).toBeVisible();
  await db.user.update({ where: { id: ada.id }, data: { sessionVersion: { increment: 1 } } });
  await page.context().setOffline(false);
  await expect(page.getByText("1 answer waiting for network")).toBeVisible();

  // Ben signs in on this phone.
  await signIn(page, ben.username);
  await expect(page.getByRole("heading", { name: "Hi, Ben" })).toBeVisible();
  expect.soft(tracesOf(await readDeviceData(page), ada.id, quiz.attemptId), "Ada's data once Ben is in").toEqual([]);
  const offline = await openOffline(page, quiz.url);
  expect.soft(offline, "Ada's quiz page offline, Ben signed in").not.toContain(quiz.attemptId);
  await expect.soft(page.getByText(/Question \d+ of \d+/)).toHaveCount(0);
});

test("signing out with answers not yet sent warns, and the student can stay until they are sent", async ({
  page,
  make,
  db,
}) => {
  const teacher = await make.teacher();
  const ada = await make.student((await make.classroom(teacher.id)).id, "Ada");
  await signIn(page, ada.username);
  const quiz = await openSeedQuiz(page, db, ada.id);
  const stored = () => db.response.count({ where: { attemptId: quiz.attemptId } });

  // Offline, two answers wait on the phone; signing out says so instead of losing them.
  await page.context().setOffline(true);
  for (let i = 0; i < 2; i++) {
    await answerCurrentQuestion(page);
    await page.getByRole("button", { name: "Next question" }).click();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  const warning = page.getByRole("dialog", { name: "2 answers are not sent yet" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/stay signed in until you are back online/i);
  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByText("2 answers waiting for network")).toBeVisible();

  // Back online, they are sent; then signing out goes straight through.
  await page.context().setOffline(false);
  await expect(page.getByText("All answers saved")).toBeVisible({ timeout: 15_000 });
  expect(await stored()).toBe(2);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Online but the server keeps failing: the student may sign out anyway, and the answer
  // that could not be sent goes with them, from this phone too.
  await signIn(page, ada.username);
  await page.goto(quiz.url);
  await page.route("**/api/answers", (route) => route.fulfill({ status: 503, body: "Service unavailable" }));
  await answerCurrentQuestion(page);
  await expect(page.getByText("1 answer waiting for network")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  const lastWarning = page.getByRole("dialog", { name: "1 answer is not sent yet" });
  await expect(lastWarning).toBeVisible();
  await lastWarning.getByRole("button", { name: "Sign out anyway" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(tracesOf(await readDeviceData(page), ada.id, quiz.attemptId)).toEqual([]);
  expect(await stored()).toBe(2);
});
