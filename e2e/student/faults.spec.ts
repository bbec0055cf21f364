// The promise that an answer the student saw as sent is stored exactly once, whatever the
// network did: a student takes the seed quiz again and again while a seeded schedule injects
// over a thousand faults (lost replies after the server stored the answer, refused
// connections, 5xx replies, slow replies, offline spells, reloads mid-answer, faulted page and
// RSC loads, a server crash and restart). The player must recover each time and show the
// answer saved; afterwards the database must hold each answer given, once, as given.
//
// FAULT_SEED=n replays a run's choices (the answers, the faults in order; the seed is printed
// with the summary), though not the timing of every request.
import type { Db } from "@/lib/db/client";

import { expect, signIn, test } from "../fixtures";
import { loadAnswerKeys } from "../lib/answer-keys";
import { startAppServer, type AppServer } from "../lib/app-server";
import { FaultInjector } from "../lib/faults";
import {
  confirmAnswer,
  feedback,
  fillAnswer,
  goToNextQuestion,
  questionCard,
  shownQuestionId,
  type GivenAnswer,
} from "../lib/player";
import { seededRandom } from "../lib/random";
import { startQuiz } from "../lib/start-quiz";

const SLUG = "istanbul-talks-2025-05-16";
const SEED = Number(process.env.FAULT_SEED ?? 20250516);
const FAULTS_WANTED = 1000;

interface Given {
  attempt: number;
  questionId: string;
  answer: GivenAnswer;
}

// The server must be one the test may kill: its own, from the same build and database.
const faultTest = test.extend<object, { appServer: AppServer }>({
  appServer: [
    async ({}, use) => {
      const server = await startAppServer();
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ appServer }, use) => use(appServer.url),
});

faultTest(
  `answers given through ${FAULTS_WANTED.toLocaleString("en")}+ injected faults are each stored exactly once`,
  async ({ page, context, make, db, appServer }) => {
    faultTest.setTimeout(240_000);
    const started = Date.now();
    const random = seededRandom(SEED);
    const injector = new FaultInjector(SEED, appServer.url);
    await injector.install(context);
    const student = await make.student((await make.classroom((await make.teacher()).id)).id);
    const set = await db.questionSet.findFirstOrThrow({ where: { article: { slug: SLUG } }, select: { id: true } });
    const keys = new Map((await loadAnswerKeys(db, set.id)).map((key) => [key.questionId, key]));
    const total = keys.size;
    const given: Given[] = [];

    await signIn(page, student.username);
    injector.active = true;
    let restarted = false;
    let attempt = 0;
    while (attempt < 2 || injector.total < FAULTS_WANTED) {
      attempt++;
      if (attempt === 1) {
        await page.goto(`/articles/${SLUG}`);
        await page.getByRole("link", { name: /Take the quiz/ }).click();
        await startQuiz(page);
      } else {
        // The last attempt's results, and "Try again" for the next.
        await page.goto(`/quiz/${set.id}`);
        await page.getByRole("button", { name: "Try again" }).click();
      }
      await page.waitForURL(/\/quiz\//);
      // The service worker keeps a copy of the quiz page for reloads while away.
      await expect(questionCard(page)).toBeVisible();
      await page.waitForFunction(async () =>
        Boolean(navigator.serviceWorker.controller && (await caches.match(location.pathname))),
      );
      const { id: attemptId } = await db.attempt.findFirstOrThrow({
        where: { userId: student.id, setId: set.id, number: attempt },
        select: { id: true },
      });
      const answeredHere = () => given.filter((g) => g.attempt === attempt);

      /** Offline spells until the page has been told every answer given so far is stored. */
      const untilStored = async () => {
        for (let spells = 0; answeredHere().some((g) => !injector.isStored(attemptId, g.questionId)); spells++) {
          expect(spells, "an answer is still not stored after 100 offline spells").toBeLessThan(100);
          // The page also retries every 5 s by itself.
          const settled = injector.nextAnswerSettled(6000);
          await injector.offlineSpell();
          await settled;
        }
        await expect(page.getByText("All answers saved")).toBeVisible();
      };

      // "online", or answers kept on the phone while the network or the server is away.
      let away: { kind: "offline" | "server down"; answersLeft: number } | null = null;
      const comeBack = async () => {
        if (away?.kind === "offline") await injector.goOnline();
        if (away?.kind === "server down") await injector.restartServer(appServer);
        away = null;
        await untilStored();
      };

      while (answeredHere().length < total) {
        const questionId = await shownQuestionId(page);
        expect(questionId, "the player shows the next open question").not.toBeNull();
        // Progress survives every fault: the count is the answers given, reloads or not.
        await expect(page.getByText(`${answeredHere().length} of ${total} answered`)).toBeVisible();
        const key = keys.get(questionId!)!;
        if (random.chance(0.08)) {
          // A reload before confirming: the half-given answer is gone, the question still open.
          await fillAnswer(page, key, random);
          await injector.reload(page, "reload mid-answer");
          continue;
        }
        if (!away && attempt === 2 && !restarted && answeredHere().length >= 3) {
          restarted = true;
          away = { kind: "server down", answersLeft: 2 };
        } else if (!away && random.chance(0.08)) {
          await injector.goOffline();
          away = { kind: "offline", answersLeft: random.int(1, 3) };
        }
        given.push({ attempt, questionId: questionId!, answer: await fillAnswer(page, key, random) });
        await confirmAnswer(page);
        // The crash comes just after the send, with the answer possibly in flight.
        if (away?.kind === "server down" && away.answersLeft === 2) await injector.crashServer(appServer);

        if (away) {
          // The first answer may have got through before the crash.
          await expect(page.getByText(/kept on this phone/).or(feedback(page))).toBeVisible();
          away.answersLeft--;
          if (random.chance(0.3)) await injector.reload(page, "reload while away");
          else await goToNextQuestion(page);
          if (away.answersLeft === 0) await comeBack();
          continue;
        }
        const reloaded = random.chance(0.08);
        if (reloaded) await injector.reload(page, "reload while sending");
        await untilStored();
        if (!reloaded) {
          await expect(feedback(page)).toBeVisible();
          await goToNextQuestion(page);
        }
      }
      if (away) await comeBack();
      // Once every answer is stored, the player's last card turns into the attempt's results on
      // the quiz page, as a reload just after the last answer shows them (it never opens another
      // attempt by itself).
      await expect(page.getByRole("heading", { name: `Attempt ${attempt} finished` })).toBeVisible({
        timeout: 15_000,
      });
      await page.getByRole("link", { name: "See your results" }).click();
      await page.waitForURL(`**/attempts/${attemptId}`);
      await expect(page.getByTestId("score")).toBeVisible();
    }
    injector.active = false;
    expect(restarted, "the server was restarted mid-quiz").toBe(true);

    await expectStoredExactlyOnce(db, student.id, given, attempt);

    const summary = `fault injection (FAULT_SEED=${SEED}): ${injector.describe()}; ${given.length} answers in ${attempt} attempts checked, each stored exactly once; ${((Date.now() - started) / 1000).toFixed(0)} s`;
    console.log(summary);
    faultTest.info().annotations.push({ type: "fault injection", description: summary });
    expect(injector.total).toBeGreaterThanOrEqual(FAULTS_WANTED);
  },
);

/**
 * Every answer given is stored once, as given, in the attempt it was given in; every attempt
 * is finished and none was made twice; and each answer reached the student's memory of its
 * facts once (FSRS counts the reviews).
 */
async function expectStoredExactlyOnce(db: Db, userId: string, given: Given[], attemptsTaken: number) {
  const attempts = await db.attempt.findMany({
    where: { userId },
    orderBy: { number: "asc" },
    select: { number: true, finishedAt: true, responses: { select: { questionId: true, answer: true } } },
  });
  // Only the attempts begun with Start or Try again: a reload never opens another.
  expect(attempts.map((a) => a.number)).toEqual(Array.from({ length: attemptsTaken }, (_, i) => i + 1));
  for (const { number, finishedAt, responses } of attempts) {
    expect(finishedAt, `attempt ${number} finished`).not.toBeNull();
    const mine = given.filter((g) => g.attempt === number);
    expect(responses).toHaveLength(mine.length);
    for (const { questionId, answer } of mine) {
      const stored = responses.filter((r) => r.questionId === questionId);
      expect(stored, `attempt ${number}, question ${questionId}`).toHaveLength(1);
      const {
        display: _display,
        expected: _expected,
        shown: _shown,
        ...storedAnswer
      } = JSON.parse(stored[0]!.answer) as Record<string, unknown>;
      expect(storedAnswer, `attempt ${number}, question ${questionId}`).toEqual(answer);
    }
  }
  const questionFacts = await db.questionFact.findMany({
    where: { questionId: { in: [...new Set(given.map((g) => g.questionId))] } },
  });
  const reviewsPerFact = new Map<string, number>();
  for (const { questionId } of given)
    for (const { factId } of questionFacts.filter((qf) => qf.questionId === questionId))
      reviewsPerFact.set(factId, (reviewsPerFact.get(factId) ?? 0) + 1);
  const states = await db.reviewState.findMany({ where: { userId }, select: { factId: true, reps: true } });
  expect(Object.fromEntries(states.map((s) => [s.factId, s.reps]))).toEqual(Object.fromEntries(reviewsPerFact));
}
