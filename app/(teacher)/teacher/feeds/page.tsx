import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { listFeeds, listInbox } from "@/lib/feeds/queries";

import { ForEveryoneButton } from "@/app/admin/admin-forms";

import {
  DismissItemButton,
  FollowFeedForm,
  RefreshWhileDrafting,
  ReviewItemButton,
  UnfollowButton,
} from "./feeds-forms";

export const metadata: Metadata = { title: "Feeds" };

export default async function FeedsPage() {
  const teacher = await requireTeacher("/teacher/feeds");
  const [inbox, feeds] = await Promise.all([listInbox(db, teacher), listFeeds(db, teacher)]);
  const pending = inbox.filter((i) => i.status === "PENDING").length;
  return (
    <div className="flex flex-col gap-6">
      <RefreshWhileDrafting pending={pending} />
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Feeds</h1>
        <p className="mt-1 text-muted">
          Follow the outlets you use: their new articles are read and drafted in the background, and wait here as drafts
          ready for review, newest first.
        </p>
      </div>
      <section aria-labelledby="inbox-heading" className="flex flex-col gap-2">
        <h2 id="inbox-heading" className="text-xl font-semibold">
          Inbox
        </h2>
        {pending > 0 && (
          <p role="status" className="text-muted">
            Drafting {pending} new {pending === 1 ? "article" : "articles"}…
          </p>
        )}
        {inbox.length === 0 ? (
          <p className="text-muted">
            {feeds.length === 0 ? "Follow a feed below to fill your inbox." : "Nothing new: every article is reviewed."}
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Inbox">
            {inbox.map((item) => (
              <li key={item.id}>
                <article
                  aria-label={item.title}
                  className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="min-w-0">
                    <h3 className="font-semibold">{item.title}</h3>
                    <p className="text-sm text-muted">
                      {item.outlet} · {formatDay(item.publishedAt)} · from {item.feeds.join(", ")}
                    </p>
                    {item.existing ? (
                      <p className="text-sm">
                        Already in Quizwire:{" "}
                        <Link href={item.existing.href} className="text-brand underline underline-offset-4">
                          {item.existing.title}
                        </Link>
                      </p>
                    ) : item.status === "DRAFTED" ? (
                      <p className="text-sm">{item.facts} draft facts ready for review</p>
                    ) : item.status === "PENDING" ? (
                      <p className="text-sm text-muted">Drafting…</p>
                    ) : (
                      <p className="text-sm text-bad">
                        Could not be drafted: {item.problem}{" "}
                        <a href={item.url} className="underline" rel="noreferrer noopener" target="_blank">
                          Open the page
                        </a>
                      </p>
                    )}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {item.status === "DRAFTED" && !item.existing && (
                      <ReviewItemButton itemId={item.id} title={item.title} />
                    )}
                    {item.status !== "PENDING" && <DismissItemButton itemId={item.id} title={item.title} />}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card>
        <FollowFeedForm isAdmin={teacher.role === "ADMIN"} />
      </Card>
      {feeds.length > 0 && (
        <section aria-labelledby="feeds-heading" className="flex flex-col gap-2">
          <h2 id="feeds-heading" className="text-xl font-semibold">
            Your feeds
          </h2>
          <ul className="flex flex-col gap-2" aria-label="Feeds">
            {feeds.map((feed) => (
              <li
                key={feed.id}
                className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    {feed.title} {feed.forEveryone && <Badge>for every teacher</Badge>}
                  </p>
                  <p className="text-sm break-all text-muted">{feed.url}</p>
                  {feed.lastError ? (
                    <p className="text-sm text-bad">
                      The last reading failed{feed.lastErrorAt ? ` (${formatDay(feed.lastErrorAt)})` : ""}:{" "}
                      {feed.lastError} Its {feed.items} articles so far are kept.
                    </p>
                  ) : (
                    <p className="text-sm text-muted">
                      {feed.items} articles
                      {feed.lastFetchedAt ? ` · last read ${formatDay(feed.lastFetchedAt)}` : ""}
                    </p>
                  )}
                </div>
                <div className="flex flex-wrap gap-2">
                  {feed.followed && <UnfollowButton feedId={feed.id} title={feed.title} />}
                  {teacher.role === "ADMIN" && <ForEveryoneButton feedId={feed.id} forEveryone={feed.forEveryone} />}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
