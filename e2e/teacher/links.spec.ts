// Today's news in two clicks: a teacher imports an article by its link (read by the server
// from the tests' local web server, whose host the test allows as an admin would), checks the
// text, reviews and publishes; and follows a feed whose article appears in the inbox, drafted,
// and becomes a quiz. Nothing here reaches beyond 127.0.0.1.
import type { Locator, Page } from "@playwright/test";

import { setFetchAllowedHosts } from "@/lib/settings";
import { startPageServer, type PageServer } from "@/tests/support/page-server";

import { expect, signIn, test } from "../fixtures";

let server: PageServer;
test.beforeAll(async () => {
  server = await startPageServer();
});
test.afterAll(() => server.close());
test.beforeEach(async ({ db }) => {
  await setFetchAllowedHosts(db, [`${server.host}:${server.port}`]);
});

/** Accepts the first `count` draft facts and publishes them; the article's page opens. */
async function acceptAndPublish(page: Page, count: number): Promise<void> {
  const facts: Locator = page.getByRole("list", { name: "Draft facts" }).getByRole("article");
  expect(await facts.count()).toBeGreaterThanOrEqual(count);
  for (let i = 0; i < count; i++) {
    await facts
      .nth(i)
      .getByRole("button", { name: /^Accept/ })
      .click();
    await expect(facts.nth(i)).toContainText("accepted");
  }
  // The rest are left out on purpose (the box shows only while some are still to review).
  const leaveOut = page.getByLabel(/^Leave out the \d+ facts? still to review$/);
  if (await leaveOut.count()) await leaveOut.check();
  await page.getByRole("button", { name: new RegExp(`Publish ${count} facts`) }).click();
  await expect(page).toHaveURL(/\/teacher\/articles\//, { timeout: 30_000 });
}

test("a teacher gives a link, checks the extracted text, reviews, publishes, and the same link finds it again", async ({
  page,
  make,
}) => {
  test.setTimeout(120_000);
  const teacher = await make.teacher();
  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  const address = page.getByLabel("The article's address");

  // A PDF is refused with what to do instead, next to the field.
  await address.fill(`${server.base}/report.pdf`);
  await page.getByRole("button", { name: "Read the article" }).click();
  await expect(page.getByText(/That address is a PDF, not a web page/)).toBeVisible();

  await address.fill(`${server.base}/wire.html?utm_source=newsletter`);
  await page.getByRole("button", { name: "Read the article" }).click();
  await expect(page.getByRole("heading", { name: "Check the text" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "by Imogen Halloway" })).toContainText(
    `Read from ${server.host}`,
  );
  await expect(page.getByLabel("Headline")).toHaveValue("Harbour board approves night ferry to Kestrel Island");
  await expect(page.getByLabel("Outlet")).toHaveValue("Tidewire");
  await expect(page.getByLabel("Published on")).toHaveValue("2025-06-03");
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue(`${server.base}/wire.html`);
  const text = page.getByLabel("The article's text");
  await expect(text).toHaveValue(/^PORT ALDER, June 3 \(Tidewire\) - The Port Alder harbour board/);
  // The check is the teacher's: the credit line at the end is not part of the article.
  await text.fill((await text.inputValue()).replace(/\n\(Reporting by [^\n]*\)$/, ""));
  await page.getByRole("button", { name: "Draft the facts" }).click();

  await expect(page.getByRole("heading", { name: "Harbour board approves night ferry to Kestrel Island" })).toBeVisible(
    {
      timeout: 30_000,
    },
  );
  await acceptAndPublish(page, 3);
  await expect(page.getByText(/\d+ served · \d+ held back/).first()).toBeVisible();

  // The same link again: found, not imported twice.
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await page.getByLabel("The article's address").fill(`${server.base}/wire.html#comments`);
  await page.getByRole("button", { name: "Read the article" }).click();
  const found = page.getByRole("status").filter({ hasText: "Already in Quizwire" });
  await expect(found).toBeVisible();
  await found.getByRole("link", { name: "Harbour board approves night ferry to Kestrel Island" }).click();
  await expect(page).toHaveURL(/\/teacher\/articles\//);
});

test("a teacher follows a feed; its article appears in the inbox, drafted, and becomes a quiz", async ({
  page,
  make,
  db,
}) => {
  test.setTimeout(180_000);
  const teacher = await make.teacher();
  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Feeds", exact: true }).click();

  // An article's page is no feed: refused with the reason.
  const address = page.getByLabel("The feed's address");
  await address.fill(`${server.base}/council.html`);
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByText(/does not give an RSS or Atom feed/)).toBeVisible();

  await address.fill(`${server.base}/valley.atom`);
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByText("Following “The Valley Courier”")).toBeVisible({ timeout: 30_000 });
  const feeds = page.getByRole("list", { name: "Feeds" });
  await expect(feeds).toContainText("The Valley Courier");

  // Drafted in the background; the page looks again until it is ready.
  const inbox = page.getByRole("list", { name: "Inbox" });
  const seeds = inbox.getByRole("article", { name: "The library that lends seeds, and asks for them back" });
  const ferry = inbox.getByRole("article", { name: "Harbour board approves night ferry to Kestrel Island" });
  await expect(seeds).toContainText(/\d+ draft facts ready for review/, { timeout: 120_000 });
  await expect(ferry).toContainText(/\d+ draft facts ready for review/, { timeout: 60_000 });
  // Newest first: the ferry (June 3) before the seeds (May 31).
  // (Feeds an admin added for every teacher may have put other articles around them.)
  await expect(inbox.getByRole("heading").filter({ hasText: /Harbour board|library that lends/ })).toHaveText([
    "Harbour board approves night ferry to Kestrel Island",
    "The library that lends seeds, and asks for them back",
  ]);
  await ferry.getByRole("button", { name: /^Review/ }).click();
  await expect(page).toHaveURL(/\/teacher\/import\/\w+/, { timeout: 30_000 });

  await expect(
    page.getByRole("heading", { name: "Harbour board approves night ferry to Kestrel Island" }),
  ).toBeVisible();
  await acceptAndPublish(page, 3);
  const next = page.getByRole("region", { name: "Published. Next: give it to a class" });
  await expect(next).toContainText(/Its quiz has [1-3] questions?/);

  // Taken into review, it has left the inbox.
  await page.getByRole("link", { name: "Feeds", exact: true }).click();
  await expect(page.getByRole("list", { name: "Inbox" })).not.toContainText("Harbour board approves");
  await expect(page.getByRole("list", { name: "Inbox" })).toContainText("The library that lends seeds");
  await db.feed.deleteMany({ where: { url: { startsWith: server.base } } });
});
