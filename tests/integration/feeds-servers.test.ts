// The feeds' schedule inside the servers: two app servers of two processes each on one
// PostgreSQL, each process ticking on its own, fetch a due feed once between them (the lease in
// the database), and its articles are drafted in the background, ready in the teacher's inbox.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listInbox } from "@/lib/feeds/queries";
import { setFetchAllowedHosts } from "@/lib/settings";
import { missingBuild, startAppServers, type AppServer } from "@/tests/support/app-servers";
import { startPageServer, type PageServer } from "@/tests/support/page-server";

import { makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const skipped =
  TEST_PROVIDER !== "postgres"
    ? "several app servers share a database server: this runs on PostgreSQL only"
    : missingBuild();
if (skipped) console.warn(`The feeds' schedule in several servers: skipped (${skipped}).`);

describe.skipIf(skipped)("the feeds' schedule in two app servers on one PostgreSQL", () => {
  let database: TestDatabase;
  let pages: PageServer;
  let servers: AppServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pages = await startPageServer();
    await setFetchAllowedHosts(database.db, [pages.host]);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await pages?.close();
    await database?.drop();
  });

  it("fetches a due feed once among four processes, and drafts its articles into the inbox", async () => {
    const { db } = database;
    const teacher = await makeUser(db, "TEACHER");
    await db.feed.create({
      data: {
        url: `${pages.base}/coast.rss`,
        title: "Coast",
        nextFetchAt: new Date(Date.now() - 1_000),
        follows: { create: { userId: teacher.id } },
      },
    });
    servers = await startAppServers(2, {
      DATABASE_URL: database.url,
      AUTH_SECRET: `feeds-servers-${randomUUID()}`,
      WEB_CONCURRENCY: "2",
      FEEDS_SCHEDULE: "on",
    });
    const deadline = Date.now() + 100_000;
    let inbox = await listInbox(db, teacher);
    while (Date.now() < deadline && (inbox.length < 3 || inbox.some((i) => i.status === "PENDING"))) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      inbox = await listInbox(db, teacher);
    }
    expect(inbox.map((i) => [i.title, i.status])).toEqual([
      ["Harbour board approves night ferry to Kestrel Island", "DRAFTED"],
      ["Riverside council votes to keep swimming pool open", "DRAFTED"],
      ["Inside the budget talks that nearly failed", "FAILED"],
    ]);
    // Every process ticked; one fetched the feed, and each article's page was read once.
    expect(pages.hits.filter((h) => h === "/coast.rss")).toHaveLength(1);
    expect(pages.hits.filter((h) => h === "/wire.html")).toHaveLength(1);
    const feed = await db.feed.findFirstOrThrow({ where: { url: `${pages.base}/coast.rss` } });
    expect(feed.lastFetchedAt).not.toBeNull();
    expect(feed.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);
  }, 150_000);
});
