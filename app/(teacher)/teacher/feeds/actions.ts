"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";

import { teacherAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { dismissFeedItem, followFeed, takeFeedItem, unfollowFeed } from "@/lib/feeds/mutations";
import { runFeedRound } from "@/lib/feeds/round";
import { FollowFeedSchema } from "@/lib/feeds/schemas";

const FeedIdSchema = z.object({ feedId: z.string().min(1) });
const ItemIdSchema = z.object({ itemId: z.string().min(1) });

/** The feed's new items are read and drafted after the answer, in the background. */
function draftInBackground() {
  after(() =>
    runFeedRound(db).catch((error: unknown) => {
      console.error("Feeds: drafting after a follow failed:", error);
    }),
  );
}

export const followFeedAction = teacherAction(FollowFeedSchema, async ({ url, forEveryone }, teacher) => {
  const feed = await followFeed(db, teacher, { url, forEveryone: forEveryone === "on" });
  draftInBackground();
  revalidatePath("/teacher/feeds");
  return feed;
});

export const unfollowFeedAction = teacherAction(FeedIdSchema, async ({ feedId }, teacher) => {
  await unfollowFeed(db, teacher, feedId);
  revalidatePath("/teacher/feeds");
});

export const takeFeedItemAction = teacherAction(ItemIdSchema, async ({ itemId }, teacher) => {
  const { draftId } = await takeFeedItem(db, teacher, itemId);
  redirect(`/teacher/import/${draftId}`);
});

export const dismissFeedItemAction = teacherAction(ItemIdSchema, async ({ itemId }, teacher) => {
  await dismissFeedItem(db, teacher, itemId);
  revalidatePath("/teacher/feeds");
});
