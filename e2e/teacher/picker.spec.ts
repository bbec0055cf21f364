// The question picker and the set page (issue 15, "The teacher's tools"): a teacher searches and
// filters the seed article's questions, selects every question of one fact, checks their
// options and answers, creates the set, then adds two questions from the set page. The basic
// path also works without JavaScript.
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";

const SEED = /Russia and Ukraine hold first direct talks/;
const FACT = "Russian delegation · headed by: Vladimir Medinsky";

/** "Showing 12 of 289 questions" as numbers. */
async function showing(page: Page): Promise<[number, number]> {
  const text = await page.getByText(/^Showing \d+ of \d+ questions$/).textContent();
  const [, shown, total] = /Showing (\d+) of (\d+)/.exec(text ?? "")!;
  return [Number(shown), Number(total)];
}

test("a teacher searches, filters and selects a fact's questions, sees their answers, creates the set and adds two more", async ({
  page,
  make,
}) => {
  test.slow();
  const teacher = await make.teacher("Ms Picker");
  await signIn(page, teacher.email);
  await page.goto("/teacher/sets/new");
  await page.getByLabel("Title", { exact: true }).fill("Who led the delegations");
  const seed = page.getByRole("region", { name: SEED });
  const [, total] = await showing(page);
  expect(total).toBeGreaterThan(100);

  // Search narrows the list as one types; type narrows it further.
  await page.getByLabel("Search", { exact: true }).fill("medinsky");
  await expect.poll(async () => (await showing(page))[0]).toBeLessThan(total);
  const [bySearch] = await showing(page);
  expect(bySearch).toBeGreaterThan(0);
  await expect(seed.getByTestId("picker-question").filter({ visible: true }).first()).toContainText(/medinsky/i);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Multiple choice" });
  await expect.poll(async () => (await showing(page))[0]).toBeLessThan(bySearch);
  await expect(seed.getByTestId("picker-question").filter({ visible: true }).first()).toContainText("Multiple choice");

  // Filter by the fact instead, and select all its questions at once.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect.poll(async () => (await showing(page))[0]).toBe(total);
  await page.getByLabel("Fact", { exact: true }).selectOption({ label: FACT });
  await expect.poll(async () => (await showing(page))[0]).toBeLessThan(total);
  await page.getByLabel("Difficulty", { exact: true }).selectOption("unanswered");
  await page.getByLabel("Difficulty", { exact: true }).selectOption({ label: "Any difficulty" });
  await expect(page.getByText(/Difficulty is the share of right answers/)).toBeVisible();
  const selectAll = seed.getByRole("button", { name: new RegExp(`^Select all \\d+ on this fact: ${FACT}`) });
  const label = (await selectAll.getAttribute("aria-label"))!;
  const count = Number(/Select all (\d+)/.exec(label)![1]);
  expect(count).toBeGreaterThan(2);
  await selectAll.click();
  await expect(page.getByText(`${count} selected`, { exact: true })).toBeVisible();
  const picked = seed.getByTestId("picker-question").filter({ has: page.getByRole("checkbox", { checked: true }) });
  await expect(picked).toHaveCount(count);

  // Each question shows its options, the right one marked, and its answer.
  const choice = picked.filter({ hasText: "Multiple choice" }).first();
  await expect(choice.getByRole("list", { name: "Options" }).getByRole("listitem")).toHaveCount(4);
  await expect(choice.getByText("Vladimir Medinsky (right answer)")).toBeVisible();
  await expect(choice).toContainText("Answer: Vladimir Medinsky");

  await page.getByRole("button", { name: "Create set" }).click();
  await expect(page.getByRole("heading", { name: "Who led the delegations" })).toBeVisible();
  const items = page.getByTestId("set-question");
  await expect(items).toHaveCount(count);
  await expect(items.first()).toContainText("Answer:");

  // Add two questions through the same picker, which shows the set's questions as in it.
  await page.getByRole("link", { name: "Add questions" }).click();
  await expect(page.getByRole("heading", { name: /Add questions to “Who led the delegations”/ })).toBeVisible();
  await expect(page.getByText("In this set", { exact: true })).toHaveCount(count);
  await page.getByLabel("Search", { exact: true }).fill("umerov");
  await page
    .getByLabel("Fact", { exact: true })
    .selectOption({ label: "Ukrainian delegation · led by: Rustem Umerov" });
  const rows = page
    .getByRole("region", { name: SEED })
    .getByTestId("picker-question")
    .filter({ visible: true })
    .filter({ hasNotText: "In this set" });
  await expect(rows.nth(1)).toBeVisible();
  const added: { stem: string; answer: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const row = rows.nth(i);
    await row.getByRole("checkbox").check();
    added.push({
      stem: (await row.locator("label > span > span").last().textContent())!,
      answer: (await row.locator("p", { hasText: "Answer:" }).textContent())!,
    });
  }
  await expect(page.getByText("2 selected", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Add to set" }).click();
  await expect(page.getByText("Added 2 questions at the end of the set.")).toBeVisible();
  await expect(items).toHaveCount(count + 2);
  for (const [i, { stem, answer }] of added.entries()) {
    const item = items.nth(count + i);
    await expect(item).toContainText(stem);
    await expect(item).toContainText(answer);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the picker filters by a GET of its page, keeps the title and selection, and creates the set", async ({
    page,
    make,
  }) => {
    const teacher = await make.teacher("Mr NoScript");
    await signIn(page, teacher.email);
    await page.goto("/teacher/sets/new");
    await page.getByLabel("Title", { exact: true }).fill("No script set");
    await page.getByLabel("Fact", { exact: true }).selectOption({ label: FACT });
    await page.getByRole("button", { name: "Show matching questions" }).click();
    await expect(page).toHaveURL(/fact=/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("No script set");
    const seed = page.getByRole("region", { name: SEED });
    const selectAll = seed.getByRole("button", { name: new RegExp(`^Select all \\d+ on this fact: ${FACT}`) });
    const count = Number(/Select all (\d+)/.exec((await selectAll.getAttribute("aria-label"))!)![1]);
    await selectAll.click();
    await expect(page.getByText(`${count} selected`, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Create set" }).click();
    await expect(page.getByRole("heading", { name: "No script set" })).toBeVisible();
    await expect(page.getByTestId("set-question")).toHaveCount(count);
  });
});
