// Opening a quiz as a student does: a quiz or assignment page only shows what is there (the
// attempt in progress, or a start screen), and an attempt begins when Start is pressed.
import { expect, type Page } from "@playwright/test";

import { questionCard } from "./player";

/**
 * Opens `url` (or stays on the page already open, after a "Take the quiz" link), presses Start
 * if the start screen shows, and waits for the player. An attempt in progress shows the player
 * at once and is resumed as it is.
 */
export async function startQuiz(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  const start = page.getByRole("button", { name: "Start", exact: true });
  const player = questionCard(page).or(page.getByRole("heading", { name: "All questions answered" }));
  await expect(start.or(player).first()).toBeVisible();
  if (await start.isVisible()) {
    await start.click();
    await expect(player.first()).toBeVisible();
  }
}
