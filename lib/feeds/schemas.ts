import { z } from "zod";

export const FollowFeedSchema = z.object({
  url: z.string().trim().min(1, "Paste the feed's address.").max(2000, "That address is too long."),
  /** An admin's checkbox: for every teacher. */
  forEveryone: z.literal("on").optional(),
});
