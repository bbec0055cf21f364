// What a teacher sees of feeds: the ones they follow (and an admin's for every teacher), and
// their inbox: the items of those feeds they have not taken or dismissed, newest first.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

type Actor = Pick<CurrentUser, "id">;

/** Feeds this teacher gets items from. */
export function feedsOf(teacher: Actor) {
  return { OR: [{ forEveryone: true }, { follows: { some: { userId: teacher.id } } }] };
}

/** Items in this teacher's inbox (any status). */
export function feedInboxWhere(teacher: Actor) {
  return { entries: { some: { feed: feedsOf(teacher) } }, seen: { none: { userId: teacher.id } } };
}

export async function listFeeds(db: Db, teacher: Actor) {
  const feeds = await db.feed.findMany({
    where: feedsOf(teacher),
    orderBy: { title: "asc" },
    select: {
      id: true,
      url: true,
      title: true,
      forEveryone: true,
      lastFetchedAt: true,
      lastError: true,
      lastErrorAt: true,
      follows: { where: { userId: teacher.id }, select: { userId: true } },
      _count: { select: { entries: true } },
    },
  });
  return feeds.map(({ follows, _count, ...feed }) => ({
    ...feed,
    followed: follows.length > 0,
    items: _count.entries,
  }));
}

export interface InboxItem {
  id: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: Date;
  status: "PENDING" | "DRAFTED" | "FAILED";
  problem: string | null;
  facts: number;
  feeds: string[];
  /** The article or draft already made of this address that the teacher can see. */
  existing?: { title: string; href: string };
}

export async function listInbox(db: Db, teacher: Actor, take = 50): Promise<InboxItem[]> {
  const items = await db.feedItem.findMany({
    where: feedInboxWhere(teacher),
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publishedAt: true,
      status: true,
      problem: true,
      factsJson: true,
      entries: { where: { feed: feedsOf(teacher) }, select: { feed: { select: { title: true } } } },
    },
  });
  const urls = items.map((i) => i.url);
  const [articles, drafts] = await Promise.all([
    db.article.findMany({
      where: { url: { in: urls }, retiredAt: null, OR: [{ shared: true }, { ownerId: teacher.id }] },
      select: { url: true, slug: true, title: true },
    }),
    db.articleDraft.findMany({
      where: { url: { in: urls }, ownerId: teacher.id, publishedAt: null },
      select: { url: true, id: true, title: true },
    }),
  ]);
  const existing = new Map<string, { title: string; href: string }>();
  for (const d of drafts) if (d.url) existing.set(d.url, { title: d.title, href: `/teacher/import/${d.id}` });
  for (const a of articles) if (a.url) existing.set(a.url, { title: a.title, href: `/teacher/articles/${a.slug}` });
  return items.map(({ factsJson, entries, ...item }) => ({
    ...item,
    facts: factsJson ? (JSON.parse(factsJson) as unknown[]).length : 0,
    feeds: entries.map((e) => e.feed.title),
    ...(existing.has(item.url) ? { existing: existing.get(item.url)! } : {}),
  }));
}
