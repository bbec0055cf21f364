import { expect, test } from "@playwright/test";

import { expectAccessible } from "../lib/axe";

const SEED_TITLE = /Russia and Ukraine hold first direct talks/;

test.describe("the library on a phone", () => {
  test("lists the seed article with its outlet, date and number of facts", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    const item = page.getByRole("list", { name: "Articles" }).getByRole("link", { name: SEED_TITLE });
    await expect(item).toBeVisible();
    await expect(item).toContainText("Global Times");
    await expect(item).toContainText("16 May 2025");
    await expect(item).toContainText(/\d{2,} facts/);
  });

  test("opens the article, with its subheading as a heading", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Stalemate and depletion" })).toBeVisible();
    await expect(page.getByText("The Russian delegation was headed by Kremlin aide Vladimir Medinsky")).toBeVisible();
    await page.getByRole("link", { name: "← Library" }).click();
    await expect(page).toHaveURL("/");
  });

  test("fits a 360 px screen without sideways scrolling, with large tap targets", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/", "/articles/istanbul-talks-2025-05-16"]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      for (const link of await page.getByRole("link").all()) {
        const box = await link.boundingBox();
        // Visually hidden links (the skip link until it has focus) are not tap targets.
        if (!box || box.width <= 1) continue;
        expect(box.height, `${await link.textContent()} is too small to tap`).toBeGreaterThanOrEqual(44);
      }
    }
  });

  test("meets WCAG 2.2 AA in light and dark", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ["/", "/articles/istanbul-talks-2025-05-16"]) {
        await page.goto(path);
        await expectAccessible(page, `${path} (${colorScheme})`);
      }
    }
  });

  test("says plainly when an article does not exist", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
