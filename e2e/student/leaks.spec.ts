// The promise that the right answer never reaches the browser before the student has
// answered: every response of four quizzes (an article's, an assignment with feedback at once,
// one that keeps results until after the due date, and a review session) goes through the
// leak scanner (e2e/lib/leak-scan.ts, whose rules are explained there).
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { loadAnswerKeys } from "../lib/answer-keys";
import { LeakRecorder } from "../lib/leak-recorder";
import type { AnswerKey } from "../lib/leak-scan";
import { confirmAnswer, feedback, fillAnswer, goToNextQuestion, shownQuestionId } from "../lib/player";
import { seededRandom, type Random } from "../lib/random";

const SLUG = "istanbul-talks-2025-05-16";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Answers every question of the quiz on screen, reloading it midway (the server's HTML with
 * some questions answered) and visiting the attempt's results page before the end. With
 * `hidden` feedback the student answers wrong, so their own answer shown back to them cannot
 * pass for the right one: any right answer at all is a leak.
 */
async function answerAll(
  page: Page,
  recorder: LeakRecorder,
  keys: readonly AnswerKey[],
  random: Random,
  { hidden = false, attemptId }: { hidden?: boolean; attemptId: () => Promise<string> },
) {
  const byId = new Map(keys.map((key) => [key.questionId, key]));
  await page.waitForURL(/\/(quiz|assignments)\//);
  const quizUrl = page.url();
  for (let n = 0; ; n++) {
    if (n === 4) await page.reload();
    if (n === 7) {
      await page.goto(`/attempts/${await attemptId()}`);
      await expect(page.getByText("Not answered").first()).toBeVisible();
      await page.goto(quizUrl);
    }
    const id = await shownQuestionId(page);
    if (!id) break;
    await fillAnswer(page, byId.get(id)!, random, { wrong: hidden });
    if (!hidden) recorder.answering(id);
    await confirmAnswer(page);
    await expect(
      hidden ? page.getByText("Saved. Your teacher shows the results after the due date.") : feedback(page),
    ).toBeVisible();
    await goToNextQuestion(page);
  }
  await page.getByRole("link", { name: "See your results" }).click();
  await expect(hidden ? page.getByText("Results appear after the due date.") : page.getByTestId("score")).toBeVisible();
  recorder.close(keys);
}

test("no right answer reaches the browser before the student has answered its question", async ({
  page,
  context,
  make,
  db,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const random = seededRandom(516);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id);
  const set = await db.questionSet.findFirstOrThrow({
    where: { article: { slug: SLUG } },
    select: { id: true, title: true, article: { select: { title: true } } },
  });
  const assign = (title: string, feedbackPolicy: "IMMEDIATE" | "AFTER_DUE") =>
    db.assignment.create({
      data: {
        classId: classroom.id,
        setId: set.id,
        title,
        opensAt: new Date(Date.now() - DAY_MS),
        dueAt: new Date(Date.now() + 7 * DAY_MS),
        feedbackPolicy,
        createdById: teacher.id,
      },
      select: { title: true },
    });
  const homework = await assign("Istanbul talks: homework", "IMMEDIATE");
  const quiz = await assign("Istanbul talks: class test", "AFTER_DUE");
  const keys = await loadAnswerKeys(db, set.id);
  // On screen before any answer: the titles, and the article's address in links.
  const titles = [set.title, set.article!.title, SLUG, homework.title, quiz.title];
  const openAttempt = async () =>
    (
      await db.attempt.findFirstOrThrow({
        where: { userId: student.id, finishedAt: null },
        orderBy: { startedAt: "desc" },
        select: { id: true },
      })
    ).id;

  const recorder = new LeakRecorder();
  await recorder.attach(context, new URL(baseURL!).origin);
  await signIn(page, student.username);

  // The article's quiz, from "Take the quiz" on the article.
  recorder.ask(keys, titles);
  await page.goto(`/articles/${SLUG}`);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await answerAll(page, recorder, keys, random, { attemptId: openAttempt });

  // The same questions again, as assignments.
  for (const { title, hidden } of [
    { title: homework.title, hidden: false },
    { title: quiz.title, hidden: true },
  ]) {
    recorder.ask(keys);
    await page.goto("/student");
    await page.getByRole("link", { name: new RegExp(title) }).click();
    await answerAll(page, recorder, keys, random, { hidden, attemptId: openAttempt });
  }

  // A review session of every fact answered so far, made due now.
  await db.reviewState.updateMany({ where: { userId: student.id }, data: { due: new Date(Date.now() - 60_000) } });
  const since = recorder.mark();
  await page.goto("/student");
  await page.getByRole("link", { name: /^Review \d+/ }).click();
  await page.waitForURL(/\/quiz\//);
  const reviewKeys = await loadAnswerKeys(db, page.url().split("/quiz/")[1]!);
  recorder.ask(reviewKeys, ["Review"], since);
  await answerAll(page, recorder, reviewKeys, random, { attemptId: openAttempt });

  const findings = recorder.findings();
  const leaks = findings.filter((f) => !f.inFeedback);
  const overlaps = [...new Set(findings.filter((f) => f.inFeedback).map((f) => `"${f.stem}" (${f.rule})`))];
  const summary = `leak scan: ${recorder.responseCount} responses scanned for the answers of ${keys.length + reviewKeys.length} questions in 4 quizzes: ${leaks.length} leaks; ${overlaps.length} questions given away by another's feedback`;
  console.log([summary, ...overlaps.map((o) => `  given away by another question's feedback: ${o}`)].join("\n"));
  test.info().annotations.push({ type: "leak scan", description: [summary, ...overlaps].join("; ") });
  expect(leaks).toEqual([]);
});
