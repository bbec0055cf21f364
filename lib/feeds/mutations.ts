// Following feeds, and taking an inbox item into review. A feed is stored once per address,
// whoever follows it; an admin may add one for every teacher. Following a new feed reads it at
// once (so a wrong address is refused with the reason and nothing is stored), and its items are
// drafted in the background (lib/feeds/round.ts).
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { readFeedInWorker } from "@/lib/drafting/draft-in-worker";
import { AppError, notFound } from "@/lib/errors";
import { feedInboxWhere } from "@/lib/feeds/queries";
import { feedPeriodMs, storeFeedEntries } from "@/lib/feeds/round";
import { alreadyImported, findImportOfUrl, linkOf } from "@/lib/imports/links";
import { LinkError } from "@/lib/links/fetch-page";
import { getFetchAllowedHosts } from "@/lib/settings";

type Actor = Pick<CurrentUser, "id" | "role">;

/** Follows the feed at this address (reading it first when it is new); an admin may add it for every teacher. */
export async function followFeed(
  db: Db,
  teacher: Actor,
  input: { url: string; forEveryone?: boolean },
  now = new Date(),
): Promise<{ feedId: string; title: string }> {
  if (input.forEveryone && teacher.role !== "ADMIN")
    throw new AppError("forbidden", "Only an admin can add a feed for every teacher.");
  const url = linkOf(input.url);
  let feed = await db.feed.findUnique({ where: { url }, select: { id: true, title: true, forEveryone: true } });
  if (!feed) {
    let read;
    try {
      read = await readFeedInWorker(`follow:${teacher.id}`, url, { allowPrivateHosts: await getFetchAllowedHosts(db) });
    } catch (error) {
      if (error instanceof LinkError) throw new AppError("invalid_input", error.message, { url: error.message });
      throw error;
    }
    try {
      feed = await db.feed.create({
        data: {
          url,
          title: read.title,
          forEveryone: Boolean(input.forEveryone),
          addedById: teacher.id,
          // This reading counts as the period's fetch.
          lastFetchedAt: now,
          nextFetchAt: new Date(now.getTime() + feedPeriodMs()),
        },
        select: { id: true, title: true, forEveryone: true },
      });
      await storeFeedEntries(db, feed, read.entries);
    } catch (error) {
      // Someone followed the same address meanwhile: follow theirs.
      feed = await db.feed.findUnique({ where: { url }, select: { id: true, title: true, forEveryone: true } });
      if (!feed) throw error;
    }
  }
  if (input.forEveryone && !feed.forEveryone)
    await db.feed.update({ where: { id: feed.id }, data: { forEveryone: true } });
  if (!input.forEveryone)
    await db.feedFollow.upsert({
      where: { feedId_userId: { feedId: feed.id, userId: teacher.id } },
      create: { feedId: feed.id, userId: teacher.id },
      update: {},
    });
  return { feedId: feed.id, title: feed.title };
}

export async function unfollowFeed(db: Db, teacher: Actor, feedId: string): Promise<void> {
  const { count } = await db.feedFollow.deleteMany({ where: { feedId, userId: teacher.id } });
  if (count !== 1) throw notFound("That feed");
}

/** An admin's feed for every teacher, or no longer (its items stay for those who follow it). */
export async function setFeedForEveryone(db: Db, feedId: string, forEveryone: boolean): Promise<void> {
  const { count } = await db.feed.updateMany({ where: { id: feedId }, data: { forEveryone } });
  if (count !== 1) throw notFound("That feed");
}

/** Makes the teacher's own draft of a drafted inbox item, for the usual review; the item leaves the inbox. */
export async function takeFeedItem(db: Db, teacher: Actor, itemId: string): Promise<{ draftId: string }> {
  const item = await db.feedItem.findFirst({
    where: { id: itemId, ...feedInboxWhere(teacher) },
    select: { url: true, status: true, title: true, outlet: true, publishedOn: true, body: true, factsJson: true },
  });
  if (!item) throw notFound("That item");
  if (item.status !== "DRAFTED" || !item.body || !item.factsJson || !item.publishedOn)
    throw new AppError("invalid_input", "That item is not drafted yet. Try again in a minute.");
  const existing = await findImportOfUrl(db, teacher, item.url);
  if (existing) throw new AppError("conflict", alreadyImported(existing));
  const draft = await db.$transaction(async (tx) => {
    const created = await tx.articleDraft.create({
      data: {
        ownerId: teacher.id,
        title: item.title,
        outlet: item.outlet,
        url: item.url,
        publishedOn: item.publishedOn!,
        body: item.body!,
        factsJson: item.factsJson!,
      },
      select: { id: true },
    });
    await tx.feedItemSeen.create({ data: { itemId, userId: teacher.id, draftId: created.id } });
    return created;
  });
  return { draftId: draft.id };
}

export async function dismissFeedItem(db: Db, teacher: Actor, itemId: string): Promise<void> {
  const item = await db.feedItem.findFirst({ where: { id: itemId, ...feedInboxWhere(teacher) }, select: { id: true } });
  if (!item) throw notFound("That item");
  await db.feedItemSeen.create({ data: { itemId, userId: teacher.id } });
}
