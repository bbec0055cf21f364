// The promise that the right answer never reaches the browser before the student has
// answered: every response of four quizzes (an article's, an assignment with feedback at once,
// a review session, and an assignment that keeps results until after the due date) goes
// through the leak scanner (e2e/lib/leak-scan.ts, whose rules are explained there). While the
// last one keeps its results, the student's export, progress, history, home and review pages
// are scanned too: until the due date nothing tells right from wrong for those answers.
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { importBankFor } from "../matrix";
import type { Db } from "@/lib/db/client";

import { loadAnswerKeys, loadQuestionKeys } from "../lib/answer-keys";
import { LeakRecorder } from "../lib/leak-recorder";
import type { AnswerKey } from "../lib/leak-scan";
import { confirmAnswer, feedback, fillAnswer, goToNextQuestion, shownQuestionId } from "../lib/player";
import { seededRandom, type Random } from "../lib/random";
import { startQuiz } from "../lib/start-quiz";

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
  {
    hidden = false,
    attemptId,
    keepAsking = false,
  }: { hidden?: boolean; attemptId: () => Promise<string>; keepAsking?: boolean },
) {
  const byId = new Map(keys.map((key) => [key.questionId, key]));
  await page.waitForURL(/\/(quiz|assignments)\//);
  await startQuiz(page);
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
  // Results kept until the due date: their answers stay secret on every page until then.
  if (!keepAsking) recorder.close(keys);
}

/** Every writing of a question's right answer (what another question must not share). */
function rightAnswers(key: AnswerKey): string[] {
  return [
    ...key.options.filter((o) => o.isCorrect).map((o) => o.text),
    ...(key.answerText ? [key.answerText, ...key.aliases] : []),
    ...(key.answerNumber !== null ? [String(key.answerNumber)] : []),
  ].map((text) => text.toLowerCase());
}

/** Single-fact multiple-choice and typed questions of the article on facts its quiz does not test. */
async function unseenQuestions(db: Db, articleSetId: string, seen: Set<string>): Promise<string[]> {
  const quizFacts = await db.questionFact.findMany({
    where: { question: { setItems: { some: { setId: articleSetId } } } },
    select: { factId: true },
  });
  const candidates = await db.question.findMany({
    where: {
      status: "SERVED",
      article: { slug: SLUG },
      type: { in: ["MULTIPLE_CHOICE", "FILL_BLANK"] },
      facts: { every: { factId: { notIn: quizFacts.map((f) => f.factId) } } },
    },
    orderBy: { key: "asc" },
    select: { id: true, facts: { select: { factId: true } } },
  });
  // One question a fact, answering none of the questions asked before.
  const oneAFact = new Map<string, string>();
  for (const c of candidates)
    if (c.facts.length === 1 && !oneAFact.has(c.facts[0]!.factId)) oneAFact.set(c.facts[0]!.factId, c.id);
  const keys = await loadQuestionKeys(db, [...oneAFact.values()]);
  return keys
    .filter((key) => !rightAnswers(key).some((answer) => seen.has(answer)))
    .slice(0, 6)
    .map((key) => key.questionId);
}

interface Export {
  student: {
    attempts: {
      score: number | null;
      set: { title: string };
      responses: { isCorrect: boolean | null; score: number | null }[];
    }[];
  };
}

/** The student's own export, fetched by the page (so the leak recorder sees it). */
async function exportOf(page: Page): Promise<Export> {
  return JSON.parse(await page.evaluate(() => fetch("/api/me/export?format=json").then((r) => r.text()))) as Export;
}

/** The progress page's count of answers drawn in its chart. */
async function answersInThirtyDays(page: Page): Promise<number> {
  await page.goto("/progress");
  const heading = await page.getByRole("heading", { name: /^Over time/ }).textContent();
  return Number(/\((\d+) answers/.exec(heading ?? "")?.[1] ?? "NaN");
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
  const assign = (title: string, feedbackPolicy: "IMMEDIATE" | "AFTER_DUE", setId = set.id) =>
    db.assignment.create({
      data: {
        classId: classroom.id,
        setId,
        title,
        opensAt: new Date(Date.now() - DAY_MS),
        dueAt: new Date(Date.now() + 7 * DAY_MS),
        feedbackPolicy,
        createdById: teacher.id,
      },
      select: { id: true, title: true },
    });
  const homework = await assign("Istanbul talks: homework", "IMMEDIATE");
  const keys = await loadAnswerKeys(db, set.id);
  // On screen before any answer: the titles, and the article's address in links.
  const titles = [set.title, set.article!.title, SLUG, homework.title];
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

  // The same questions again, as an assignment.
  recorder.ask(keys);
  await page.goto("/student");
  await page.getByRole("link", { name: new RegExp(homework.title) }).click();
  await answerAll(page, recorder, keys, random, { attemptId: openAttempt });

  // A review session of every fact answered so far, made due now.
  await db.reviewState.updateMany({ where: { userId: student.id }, data: { due: new Date(Date.now() - 60_000) } });
  const since = recorder.mark();
  await page.goto("/student");
  await page.getByRole("link", { name: /^Review \d+/ }).click();
  await page.getByRole("button", { name: "Start review" }).click();
  await page.waitForURL(/\/quiz\//);
  const reviewKeys = await loadAnswerKeys(db, page.url().split("/quiz/")[1]!);
  recorder.ask(reviewKeys, ["Review"], since);
  await answerAll(page, recorder, reviewKeys, random, { attemptId: openAttempt });

  // A class test on facts not asked yet, keeping its results until the due date. Its right
  // answers are none of the earlier ones, which the student's export rightly holds.
  const seen = new Set(keys.concat(reviewKeys).flatMap(rightAnswers));
  const hiddenSet = await db.questionSet.create({
    data: {
      title: "Istanbul talks: class test",
      kind: "CUSTOM",
      ownerId: teacher.id,
      items: {
        create: (await unseenQuestions(db, set.id, seen)).map((id, position) => ({ questionId: id, position })),
      },
    },
    select: { id: true },
  });
  const hiddenKeys = await loadAnswerKeys(db, hiddenSet.id);
  expect(hiddenKeys.length).toBeGreaterThanOrEqual(5);
  const classTest = await assign("Istanbul talks: class test", "AFTER_DUE", hiddenSet.id);
  const answersBefore = await answersInThirtyDays(page);
  recorder.ask(hiddenKeys, [classTest.title]);
  await page.goto("/student");
  await page.getByRole("link", { name: new RegExp(classTest.title) }).click();
  await answerAll(page, recorder, hiddenKeys, random, { hidden: true, attemptId: openAttempt, keepAsking: true });

  // Everything else the student can reach, while the results are hidden: none of it scores them.
  const hiddenAttempt = (exported: Export) =>
    exported.student.attempts.find((a) => a.set.title === "Istanbul talks: class test")!;
  const exported = await exportOf(page);
  expect(hiddenAttempt(exported)).toMatchObject({ score: null });
  expect(hiddenAttempt(exported).responses.map((r) => [r.isCorrect, r.score])).toEqual(
    hiddenKeys.map(() => [null, null]),
  );
  expect(await page.evaluate(() => fetch("/api/me/export?format=csv").then((r) => r.text()))).toContain(
    "hidden until the due date",
  );
  expect(await answersInThirtyDays(page)).toBe(answersBefore);
  await page.goto("/history");
  await expect(page.getByRole("link", { name: new RegExp(classTest.title) })).toContainText("done");
  await page.goto("/student");
  await page.goto("/review");
  const startReview = page.getByRole("button", { name: "Start review" });
  if (await startReview.isVisible()) {
    await startReview.click();
    await page.waitForURL(/\/quiz\//);
  }
  if (page.url().includes("/quiz/")) {
    const reviewed = await loadAnswerKeys(db, page.url().split("/quiz/")[1]!);
    expect(reviewed.map((k) => k.questionId)).not.toEqual(expect.arrayContaining([hiddenKeys[0]!.questionId]));
  }

  // The due date passes: the results are the student's, and so are the answers' memories.
  await db.assignment.update({ where: { id: classTest.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
  recorder.close(hiddenKeys);
  expect(hiddenAttempt(await exportOf(page)).responses.map((r) => r.isCorrect)).toEqual(hiddenKeys.map(() => false));
  expect(await answersInThirtyDays(page)).toBe(answersBefore + hiddenKeys.length);

  const findings = recorder.findings();
  const leaks = findings.filter((f) => !f.inFeedback);
  const overlaps = [...new Set(findings.filter((f) => f.inFeedback).map((f) => `"${f.stem}" (${f.rule})`))];
  const summary = `leak scan: ${recorder.responseCount} responses scanned for the answers of ${keys.length + reviewKeys.length + hiddenKeys.length} questions in 4 quizzes: ${leaks.length} leaks; ${overlaps.length} questions given away by another's feedback`;
  console.log([summary, ...overlaps.map((o) => `  given away by another question's feedback: ${o}`)].join("\n"));
  test.info().annotations.push({ type: "leak scan", description: [summary, ...overlaps].join("; ") });
  expect(leaks).toEqual([]);
});

test("no right answer of an imported question bank reaches the browser before it is answered", async ({
  page,
  context,
  make,
  db,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const random = seededRandom(1901);
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id);
  const bank = await importBankFor(db, teacher, `Rivers ${Date.now().toString(36)}`);
  const homework = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: bank.setId,
      title: "Rivers: homework",
      opensAt: new Date(Date.now() - DAY_MS),
      dueAt: new Date(Date.now() + 7 * DAY_MS),
      createdById: teacher.id,
    },
    select: { title: true },
  });
  const keys = await loadAnswerKeys(db, bank.setId);
  expect(keys.map((k) => k.type)).toEqual(["MULTIPLE_CHOICE", "TRUE_FALSE", "FILL_BLANK", "NUMERIC", "MATCHING"]);
  const recorder = new LeakRecorder();
  await recorder.attach(context, new URL(baseURL!).origin);
  await signIn(page, student.username);
  recorder.ask(keys, [bank.title, homework.title]);
  await page.goto("/student");
  await page.getByRole("link", { name: new RegExp(homework.title) }).click();
  const attemptId = async () =>
    (await db.attempt.findFirstOrThrow({ where: { userId: student.id }, select: { id: true } })).id;
  await answerAll(page, recorder, keys, random, { attemptId });
  const leaks = recorder.findings().filter((f) => !f.inFeedback);
  console.log(
    `leak scan (question bank): ${recorder.responseCount} responses scanned for ${keys.length} answers: ${leaks.length} leaks`,
  );
  expect(leaks).toEqual([]);
});
