// What the live-game specs share: a phone (Pixel 7 or iPhone 14, in Chromium), a set of the seed
// content's choice questions, and the leak scanner over what a player's phone can fetch.
import { devices, expect, type Browser, type Page } from "@playwright/test";

import type { Db } from "@/lib/db/client";

import { signIn } from "../fixtures";
import { scanResponse, type AnswerKey } from "./leak-scan";

/** A phone's viewport, touch and user agent, in Chromium (iPhone 14's own default is WebKit); signed in when a username is given. */
export async function livePhone(browser: Browser, device: "Pixel 7" | "iPhone 14", username?: string): Promise<Page> {
  const { defaultBrowserType: _webkit, ...options } = devices[device];
  const page = await (await browser.newContext(options)).newPage();
  if (username) await signIn(page, username);
  return page;
}

/** `count` multiple-choice questions of the seed content, in a set of the teacher's. */
export async function choiceQuestionSet(db: Db, teacherId: string, title: string, count = 3) {
  const questions = await db.question.findMany({
    where: { status: "SERVED", type: "MULTIPLE_CHOICE", ownerId: null, copyOfId: null },
    orderBy: { key: "asc" },
    take: count,
    select: {
      id: true,
      stem: true,
      options: { select: { text: true, isCorrect: true }, orderBy: { position: "asc" } },
    },
  });
  const set = await db.questionSet.create({
    data: {
      title,
      kind: "CUSTOM",
      ownerId: teacherId,
      items: { create: questions.map((q, position) => ({ questionId: q.id, position })) },
    },
  });
  const right = (i: number) => questions[i]!.options.find((o) => o.isCorrect)!.text;
  const wrong = (i: number) => questions[i]!.options.find((o) => !o.isCorrect)!.text;
  return { set, questions, right, wrong };
}

/**
 * What a player's phone can fetch while a question is open (its page, with the view in it, and
 * its event stream's view) carries nothing that gives the question's answer away.
 */
export async function expectNoLeak(player: Page, gameId: string, key: AnswerKey, label: string): Promise<void> {
  const page = await player.request.get(`/play/${gameId}`);
  const events = await player.request.get(`/api/live/games/${gameId}/events?once=1`);
  expect(page.status(), label).toBe(200);
  expect(events.status(), label).toBe(200);
  const stream = await events.text();
  const responses = [
    { url: page.url(), contentType: page.headers()["content-type"] ?? "", body: await page.text() },
    ...stream
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => ({ url: events.url(), contentType: "application/json", body: line.slice(6) })),
  ];
  expect(responses.length, `${label}: the page and one view`).toBe(2);
  expect(
    responses.flatMap((r) => scanResponse(r, [key], new Set([key.questionId]))),
    label,
  ).toEqual([]);
}
