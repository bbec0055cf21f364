// Feeds, below the page: following (a feed is read at once, a wrong address is refused), the
// background drafting of new items, duplicates across feeds merged, each teacher's inbox, an
// admin's feed for every teacher, the lease that lets one process fetch a feed once per period
// (also across two database clients, as two servers would be), and a failing feed that keeps its items.
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb } from "@/lib/db/client";
import { claimFeed, draftPendingItems, runFeedRound } from "@/lib/feeds/round";
import { dismissFeedItem, followFeed, takeFeedItem, unfollowFeed } from "@/lib/feeds/mutations";
import { listFeeds, listInbox } from "@/lib/feeds/queries";
import { findDraft } from "@/lib/imports/queries";
import { setFetchAllowedHosts } from "@/lib/settings";
import { startPageServer, type PageServer } from "@/tests/support/page-server";

import { makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const PERIOD = 30 * 60_000;

describe(`feeds on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let server: PageServer;
  beforeAll(async () => {
    test = await createTestDatabase();
    server = await startPageServer();
    await setFetchAllowedHosts(test.db, [server.host]);
  });
  afterAll(async () => {
    await server.close();
    await test.drop();
  });

  it("follows a feed, drafts its items in the background, and offers them newest first in the inbox", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    await rejectsWith(followFeed(test.db, teacher, { url: `${server.base}/wire.html` }), "invalid_input");
    await rejectsWith(followFeed(test.db, teacher, { url: `${server.base}/photo.png` }), "invalid_input");
    await rejectsWith(
      followFeed(test.db, teacher, { url: `${server.base}/coast.rss`, forEveryone: true }),
      "forbidden",
    );
    expect(await test.db.feed.count()).toBe(0);

    const { title } = await followFeed(test.db, teacher, { url: `${server.base}/coast.rss` });
    expect(title).toBe("Tidewire - Coast and towns");
    let inbox = await listInbox(test.db, teacher);
    expect(inbox.map((i) => [i.title, i.status])).toEqual([
      ["Harbour board approves night ferry to Kestrel Island", "PENDING"],
      ["Riverside council votes to keep swimming pool open", "PENDING"],
      ["Inside the budget talks that nearly failed", "PENDING"],
    ]);

    expect(await draftPendingItems(test.db)).toEqual({ drafted: 2, failed: 1 });
    inbox = await listInbox(test.db, teacher);
    expect(inbox.map((i) => i.status)).toEqual(["DRAFTED", "DRAFTED", "FAILED"]);
    expect(inbox[0]).toMatchObject({ outlet: "Tidewire", url: `${server.base}/wire.html`, feeds: [title] });
    expect(inbox[0]!.facts).toBeGreaterThan(5);
    expect(inbox[2]!.problem).toMatch(/behind The Ledger's paywall/);
    // Nothing is left to draft.
    expect(await draftPendingItems(test.db)).toEqual({ drafted: 0, failed: 0 });

    // Review makes the teacher's own draft of it, without drafting again; it leaves their inbox.
    const { draftId } = await takeFeedItem(test.db, teacher, inbox[0]!.id);
    const draft = (await findDraft(test.db, teacher, draftId))!;
    expect(draft).toMatchObject({ title: inbox[0]!.title, url: `${server.base}/wire.html` });
    expect(draft.publishedOn.toISOString().slice(0, 10)).toBe("2025-06-03");
    expect(draft.facts).toHaveLength(inbox[0]!.facts);
    await dismissFeedItem(test.db, teacher, inbox[2]!.id);
    expect((await listInbox(test.db, teacher)).map((i) => i.title)).toEqual([
      "Riverside council votes to keep swimming pool open",
    ]);
    await rejectsWith(takeFeedItem(test.db, teacher, inbox[0]!.id), "not_found");
  });

  it("merges an article two feeds list, and shows each teacher only the feeds they get", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    await followFeed(test.db, teacher, { url: `${server.base}/coast.rss?utm_source=x` });
    await followFeed(test.db, teacher, { url: `${server.base}/valley.atom` });
    await followFeed(test.db, other, { url: `${server.base}/valley.atom` });
    expect(await test.db.feed.count()).toBe(2);
    await draftPendingItems(test.db);

    const wire = await test.db.feedItem.findUniqueOrThrow({
      where: { url: `${server.base}/wire.html` },
      include: { entries: true },
    });
    expect(wire.entries).toHaveLength(2);
    const inbox = await listInbox(test.db, teacher);
    expect(inbox.map((i) => i.title)).toEqual([
      "Harbour board approves night ferry to Kestrel Island",
      "Riverside council votes to keep swimming pool open",
      "Inside the budget talks that nearly failed",
      "The library that lends seeds, and asks for them back",
    ]);
    expect(inbox[0]!.feeds.sort()).toEqual(["The Valley Courier", "Tidewire - Coast and towns"]);
    expect((await listInbox(test.db, other)).map((i) => [i.title, i.feeds])).toEqual([
      ["Harbour board approves night ferry to Kestrel Island", ["The Valley Courier"]],
      ["The library that lends seeds, and asks for them back", ["The Valley Courier"]],
    ]);
    const seeds = inbox[3]!;
    expect(seeds).toMatchObject({ status: "DRAFTED", outlet: "The Valley Courier" });

    // A teacher who follows neither gets nothing, and cannot take an item by its id.
    const outsider = await makeUser(test.db, "TEACHER");
    expect(await listInbox(test.db, outsider)).toEqual([]);
    await rejectsWith(takeFeedItem(test.db, outsider, seeds.id), "not_found");

    // Unfollowing empties the inbox of that feed's items; another's feed cannot be unfollowed.
    await unfollowFeed(test.db, other, (await listFeeds(test.db, other))[0]!.id);
    expect(await listInbox(test.db, other)).toEqual([]);
    await rejectsWith(unfollowFeed(test.db, other, wire.id), "not_found");
  });

  it("an admin's feed reaches every teacher", async () => {
    const admin = await makeUser(test.db, "ADMIN");
    const teacher = await makeUser(test.db, "TEACHER");
    await followFeed(test.db, admin, { url: `${server.base}/valley.atom`, forEveryone: true });
    const feeds = await listFeeds(test.db, teacher);
    expect(feeds.map((f) => [f.title, f.forEveryone, f.followed])).toEqual([["The Valley Courier", true, false]]);
    expect((await listInbox(test.db, teacher)).map((i) => i.title)).toContain(
      "The library that lends seeds, and asks for them back",
    );
  });

  it("fetches each feed once per period, whichever process asks, and a failing feed says why and keeps its items", async () => {
    const feed = await test.db.feed.findUniqueOrThrow({ where: { url: `${server.base}/coast.rss` } });
    const later = new Date(feed.nextFetchAt.getTime() + 1_000);
    // Two clients, as two servers: of many claims at once, one wins.
    const second = createDb(test.url);
    try {
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) => claimFeed(i % 2 ? second : test.db, feed.id, later, PERIOD)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await second.$disconnect();
    }
    // Due again a period later: a round fetches it once; the same moment again fetches nothing.
    const next = new Date(later.getTime() + PERIOD + 1_000);
    const hits = () => server.hits.filter((h) => h === "/coast.rss").length;
    const before = hits();
    server.override("/coast.rss", {
      type: "application/rss+xml",
      body: readFileSync("tests/fixtures/links/coast.rss", "utf8")
        .replaceAll("{{base}}", server.base)
        .replace(
          "<item>",
          `<item><title>Riverside council votes to keep swimming pool open, again</title><link>${server.base}/council.html?again=1</link><pubDate>Wed, 04 Jun 2025 09:00:00 GMT</pubDate></item><item>`,
        ),
    });
    const first = await runFeedRound(test.db, { now: next, periodMs: PERIOD, maxItems: 0 });
    // Both feeds are due by then; the changed one brings one new item.
    expect(first).toMatchObject({ feedsFetched: 2, feedsFailed: 0, newItems: 1 });
    expect(await runFeedRound(test.db, { now: next, periodMs: PERIOD, maxItems: 0 })).toMatchObject({
      feedsFetched: 0,
    });
    expect(hits() - before).toBe(1);

    // A period later the feed fails: it says why, and keeps every item.
    const items = await test.db.feedEntry.count({ where: { feedId: feed.id } });
    server.override("/coast.rss", { status: 503, body: "Down for maintenance" });
    const failing = new Date(next.getTime() + PERIOD + 1_000);
    expect(await runFeedRound(test.db, { now: failing, periodMs: PERIOD, maxItems: 0 })).toMatchObject({
      feedsFailed: 1,
    });
    const failed = await test.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(failed.lastError).toMatch(/answered with an error \(503\)/);
    expect(await test.db.feedEntry.count({ where: { feedId: feed.id } })).toBe(items);
    server.override("/coast.rss", undefined);
    const recovered = new Date(failing.getTime() + PERIOD + 1_000);
    await runFeedRound(test.db, { now: recovered, periodMs: PERIOD, maxItems: 0 });
    expect((await test.db.feed.findUniqueOrThrow({ where: { id: feed.id } })).lastError).toBeNull();
  });
});
