"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { EmailSchema } from "@/lib/accounts/schemas";
import { adminResetPassword, createInvitation, setUserDisabled } from "@/lib/accounts/mutations";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/public-url";
import { setFeedForEveryone } from "@/lib/feeds/mutations";
import { AllowedHostsSchema } from "@/lib/links/schemas";
import { setFetchAllowedHosts, setSignupMode, SignupModeSchema } from "@/lib/settings";

const UserIdSchema = z.object({ userId: z.string().min(1) });

export const setSignupModeAction = adminAction(z.object({ mode: SignupModeSchema }), async ({ mode }) => {
  await setSignupMode(db, mode);
  revalidatePath("/admin");
  return { mode };
});

export const createInvitationAction = adminAction(
  z.object({ email: z.union([z.literal(""), EmailSchema]).optional(), role: z.enum(["TEACHER", "LEARNER", "ADMIN"]) }),
  async ({ email, role }, admin) => {
    const token = await createInvitation(db, admin, { email: email || undefined, role });
    return { link: `${publicUrl()}/sign-up?invite=${token}` };
  },
);

export const resetPasswordAction = adminAction(UserIdSchema, async ({ userId }, admin) => {
  return { userId, password: await adminResetPassword(db, admin, userId) };
});

export const setDisabledAction = adminAction(
  UserIdSchema.extend({ disabled: z.enum(["true", "false"]) }),
  async ({ userId, disabled }, admin) => {
    await setUserDisabled(db, admin, userId, disabled === "true");
    revalidatePath("/admin");
  },
);

// Hosts on the school's network that links and feeds may be read from (every other private address is refused).
export const setAllowedHostsAction = adminAction(AllowedHostsSchema, async ({ hosts }) => {
  await setFetchAllowedHosts(db, hosts);
  revalidatePath("/admin");
  return { hosts };
});

// A feed for every teacher, or no longer (teachers who follow it keep it). Posted from /admin and from the feeds page.
export const setFeedForEveryoneAction = adminAction(
  z.object({ feedId: z.string().min(1), forEveryone: z.enum(["true", "false"]) }),
  async ({ feedId, forEveryone }) => {
    await setFeedForEveryone(db, feedId, forEveryone === "true");
    revalidatePath("/admin");
    revalidatePath("/teacher/feeds");
  },
);
