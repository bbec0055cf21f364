// Driving the quiz player as a student does, with answers chosen by a seeded random
// generator from what the question's answer key allows (right, wrong, typed variants).
import { expect, type Locator, type Page } from "@playwright/test";

import type { AnswerRequest } from "@/lib/attempts/schemas";

import type { AnswerKey } from "./leak-scan";
import type { Random } from "./random";

export type GivenAnswer = AnswerRequest["answer"];

/** The question card on screen. */
export function questionCard(page: Page): Locator {
  return page.locator("section[aria-labelledby^=stem-]");
}

/**
 * The id of the question on screen, once the player shows one; null when the quiz is finished
 * (the player's last card, or the quiz page it turns into once every answer is stored).
 */
export async function shownQuestionId(page: Page): Promise<string | null> {
  const card = questionCard(page);
  const finished = page
    .getByRole("heading", { name: "All questions answered" })
    .or(page.getByRole("heading", { name: /^Attempt \d+ finished$/ }));
  await expect(card.or(finished)).toBeVisible();
  if (await finished.isVisible()) return null;
  return (await card.getAttribute("aria-labelledby"))!.replace(/^stem-/, "");
}

/**
 * Fills in an answer to the question on screen without confirming it, and returns it. A
 * `wrong` answer is wrong in every part (each person gets another's role).
 */
export async function fillAnswer(
  page: Page,
  key: AnswerKey,
  random: Random,
  { wrong = false }: { wrong?: boolean } = {},
): Promise<GivenAnswer> {
  const card = questionCard(page);
  switch (key.type) {
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE": {
      const { position } = random.pick(key.options.filter((o) => !(wrong && o.isCorrect)));
      await card.locator(`input[type=radio][value="${position}"]`).check();
      return { type: key.type, position };
    }
    case "FILL_BLANK":
    case "NUMERIC": {
      const right = key.type === "NUMERIC" ? String(key.answerNumber) : (key.answerText ?? "");
      const wrongs = key.type === "NUMERIC" ? [String((key.answerNumber ?? 0) * 2 + 3)] : ["Ankara", "not sure"];
      const text = random.pick(wrong ? wrongs : [right, ...key.aliases, ...wrongs].filter(Boolean));
      await card.getByRole("textbox").fill(text);
      return { type: key.type, text };
    }
    case "MATCHING": {
      const targets = key.options.map((o) => o.matchText!);
      const shift = random.int(1, targets.length - 1);
      const matches = targets.map((_, i) => (wrong ? targets[(i + shift) % targets.length]! : random.pick(targets)));
      const selects = card.getByRole("combobox");
      for (const [i, match] of matches.entries()) await selects.nth(i).selectOption(match);
      return { type: "MATCHING", matches };
    }
    case "ORDERING": {
      const order = key.options.map((o) => o.position);
      const moveLater = async (i: number) => {
        const text = key.options.find((o) => o.position === order[i])!.text;
        await card.getByRole("button", { name: `Move "${text}" later`, exact: true }).click();
        [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      };
      for (let moves = random.int(0, order.length); moves > 0; moves--)
        await moveLater(random.int(0, order.length - 2));
      const isRight = order.every((p, i) => key.options.find((o) => o.position === p)!.correctPosition === i);
      if (wrong && isRight) await moveLater(0);
      return { type: "ORDERING", order };
    }
  }
}

/** The verdict shown once the server has graded the answer. */
export function feedback(page: Page): Locator {
  return page.getByText(/^(Right!|Not quite|Partly right)/);
}

export async function confirmAnswer(page: Page): Promise<void> {
  await questionCard(page).getByRole("button", { name: "Check answer" }).click();
}

export async function goToNextQuestion(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Next question|Finish)$/ }).click();
}
