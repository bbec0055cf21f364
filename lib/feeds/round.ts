// The feeds' schedule, one round at a time: fetch the feeds that are due, store their new
// entries (one item per address, whichever feeds list it), then read and draft the items still
// pending, in the background, so they wait in teachers' inboxes as drafts ready for review.
// Runs inside every app server process (lib/feeds/schedule.ts, from instrumentation.ts) and
// from `npm run feeds` (cron). The database holds the lease: a feed is claimed by moving its
// nextFetchAt a period ahead in one conditional update, so however many processes and servers
// run rounds, each feed is fetched once per period, by one of them. Items are claimed the same way.
import "server-only";

import { z } from "zod";

import type { Db } from "@/lib/db/client";
import { draftFactsInWorker, readArticleInWorker, readFeedInWorker } from "@/lib/drafting/draft-in-worker";
import { normaliseBody } from "@/lib/drafting/text";
import { articleTextProblems } from "@/lib/drafting/validate-text";
import { AppError } from "@/lib/errors";
import { ReviewedFactsSchema } from "@/lib/imports/schemas";
import { dayOf } from "@/lib/links/extract";
import type { FeedEntryRead } from "@/lib/links/feed";
import { LinkError } from "@/lib/links/fetch-page";
import { getFetchAllowedHosts } from "@/lib/settings";

/** How long a claim holds: longer than any fetch or draft takes, short enough to recover from a crash. */
export const LEASE_MS = 10 * 60_000;
/** New entries taken from one fetch of a feed (the newest): a first fetch does not draft a whole archive. */
export const MAX_NEW_ENTRIES = 10;
/** An item that fails unexpectedly this many times is given up on, with the reason. */
export const MAX_TRIES = 3;

const PeriodSchema = z.coerce
  .number({ error: "FEEDS_EVERY_MINUTES must be a number of minutes" })
  .int("FEEDS_EVERY_MINUTES must be a whole number of minutes")
  .min(5, "FEEDS_EVERY_MINUTES must be at least 5: outlets ask readers not to fetch more often")
  .max(24 * 60, "FEEDS_EVERY_MINUTES must be at most 1440 (a day)");

/** How often each feed is fetched: FEEDS_EVERY_MINUTES (30 by default). */
export function feedPeriodMs(env: Record<string, string | undefined> = process.env): number {
  const parsed = PeriodSchema.safeParse(env.FEEDS_EVERY_MINUTES ?? 30);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data * 60_000;
}

export interface RoundOptions {
  now?: Date;
  periodMs?: number;
  /** Items drafted at most in this round (the rest wait for the next). */
  maxItems?: number;
}

export interface RoundReport {
  feedsFetched: number;
  feedsFailed: number;
  newItems: number;
  drafted: number;
  failedItems: number;
}

const followed = { OR: [{ forEveryone: true }, { follows: { some: {} } }] };

/** Claims a feed that is due: one process wins, the others see 0 rows changed. */
export async function claimFeed(db: Db, feedId: string, now: Date, periodMs: number): Promise<boolean> {
  const { count } = await db.feed.updateMany({
    where: { id: feedId, nextFetchAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { nextFetchAt: new Date(now.getTime() + periodMs), leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

/** Stores a feed's entries: new addresses become pending items, known ones gain this feed. */
export async function storeFeedEntries(
  db: Db,
  feed: { id: string; title: string },
  entries: readonly FeedEntryRead[],
): Promise<number> {
  let created = 0;
  for (const entry of entries.slice(0, MAX_NEW_ENTRIES)) {
    const known = await db.feedItem.findUnique({ where: { url: entry.url }, select: { id: true } });
    let itemId = known?.id;
    if (!itemId) {
      try {
        itemId = (
          await db.feedItem.create({
            data: { url: entry.url, title: entry.title, outlet: feed.title, publishedAt: new Date(entry.publishedAt) },
            select: { id: true },
          })
        ).id;
        created++;
      } catch {
        // Another process stored it meanwhile (the address is unique): use theirs.
        itemId = (await db.feedItem.findUniqueOrThrow({ where: { url: entry.url }, select: { id: true } })).id;
      }
    }
    await db.feedEntry.upsert({
      where: { feedId_itemId: { feedId: feed.id, itemId } },
      create: { feedId: feed.id, itemId },
      update: {},
    });
  }
  return created;
}

/** Fetches one claimed feed and stores its entries; a failure is kept on the feed, its items stay. */
export async function fetchClaimedFeed(
  db: Db,
  feed: { id: string; url: string; title: string },
  now: Date,
): Promise<{ ok: boolean; newItems: number }> {
  try {
    const read = await readFeedInWorker(`feed:${feed.id}`, feed.url, {
      allowPrivateHosts: await getFetchAllowedHosts(db),
    });
    const newItems = await storeFeedEntries(db, feed, read.entries);
    await db.feed.update({
      where: { id: feed.id },
      data: { lastFetchedAt: now, lastError: null, lastErrorAt: null, leaseUntil: null },
    });
    return { ok: true, newItems };
  } catch (error) {
    const message =
      error instanceof LinkError || error instanceof AppError
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    await db.feed.update({ where: { id: feed.id }, data: { lastError: message, lastErrorAt: now, leaseUntil: null } });
    return { ok: false, newItems: 0 };
  }
}

async function claimItem(db: Db, itemId: string, now: Date): Promise<boolean> {
  const { count } = await db.feedItem.updateMany({
    where: { id: itemId, status: "PENDING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS), tries: { increment: 1 } },
  });
  return count === 1;
}

/** Reads and drafts one claimed item: DRAFTED with its facts, FAILED with the reason, or back to pending. */
async function draftItem(
  db: Db,
  item: { id: string; url: string; title: string; outlet: string; publishedAt: Date; tries: number },
  now: Date,
): Promise<"drafted" | "failed" | "later"> {
  const fail = async (problem: string) => {
    await db.feedItem.update({ where: { id: item.id }, data: { status: "FAILED", problem, leaseUntil: null } });
    return "failed" as const;
  };
  try {
    const article = await readArticleInWorker(`feed-item:${item.id}`, item.url, {
      allowPrivateHosts: await getFetchAllowedHosts(db),
    });
    const publishedOn = article.publishedOn ?? dayOf(item.publishedAt.toISOString())!;
    const body = normaliseBody(article.body);
    const input = { title: article.title || item.title, outlet: article.outlet || item.outlet, publishedOn, body };
    const problems = articleTextProblems(input, now);
    if (problems.length > 0) return await fail(problems[0]!.message);
    const drafted = await draftFactsInWorker(`feed-item:${item.id}`, input);
    const facts = ReviewedFactsSchema.parse(
      drafted.map((draft) => ({ ...draft, aliases: draft.aliases ?? [], status: "pending" })),
    );
    await db.feedItem.update({
      where: { id: item.id },
      data: {
        status: "DRAFTED",
        title: input.title,
        outlet: input.outlet,
        author: article.author ?? null,
        publishedOn: new Date(`${publishedOn}T00:00:00.000Z`),
        body,
        factsJson: JSON.stringify(facts),
        problem: null,
        leaseUntil: null,
      },
    });
    return "drafted";
  } catch (error) {
    if (error instanceof LinkError || (error instanceof AppError && error.code === "invalid_input"))
      return fail(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    if (item.tries + 1 >= MAX_TRIES) return fail(`Could not be drafted after ${MAX_TRIES} tries: ${reason}`);
    // Busy (a limit) or a passing fault: pending again, for a later round.
    await db.feedItem.update({ where: { id: item.id }, data: { leaseUntil: null } });
    return "later";
  }
}

/** Drafts pending items of followed feeds, newest first, until none is left or maxItems is reached. */
export async function draftPendingItems(
  db: Db,
  { now = new Date(), maxItems = 20 }: { now?: Date; maxItems?: number } = {},
): Promise<{ drafted: number; failed: number }> {
  let drafted = 0;
  let failed = 0;
  const skipped = new Set<string>();
  while (drafted + failed < maxItems) {
    const item = await db.feedItem.findFirst({
      where: {
        status: "PENDING",
        id: { notIn: [...skipped] },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        entries: { some: { feed: followed } },
      },
      orderBy: { publishedAt: "desc" },
      select: { id: true, url: true, title: true, outlet: true, publishedAt: true, tries: true },
    });
    if (!item) break;
    skipped.add(item.id);
    if (!(await claimItem(db, item.id, now))) continue;
    const outcome = await draftItem(db, item, now);
    if (outcome === "drafted") drafted++;
    else if (outcome === "failed") failed++;
    else break;
  }
  return { drafted, failed };
}

let running: Promise<RoundReport> | undefined;

/**
 * One round: every due feed of someone's, then the pending items. One round at a time per
 * process (a round asked for while one runs joins it); across processes, the leases decide.
 */
export function runFeedRound(db: Db, options: RoundOptions = {}): Promise<RoundReport> {
  running ??= (async () => {
    try {
      const now = options.now ?? new Date();
      const periodMs = options.periodMs ?? feedPeriodMs();
      const report: RoundReport = { feedsFetched: 0, feedsFailed: 0, newItems: 0, drafted: 0, failedItems: 0 };
      const due = await db.feed.findMany({
        where: {
          nextFetchAt: { lte: now },
          AND: [followed, { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }],
        },
        orderBy: { nextFetchAt: "asc" },
        select: { id: true, url: true, title: true },
      });
      for (const feed of due) {
        if (!(await claimFeed(db, feed.id, now, periodMs))) continue;
        const result = await fetchClaimedFeed(db, feed, now);
        if (result.ok) report.feedsFetched++;
        else report.feedsFailed++;
        report.newItems += result.newItems;
      }
      const items = await draftPendingItems(db, { now, maxItems: options.maxItems });
      report.drafted = items.drafted;
      report.failedItems = items.failed;
      return report;
    } finally {
      running = undefined;
    }
  })();
  return running;
}
