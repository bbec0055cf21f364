"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { EmailSchema } from "@/lib/accounts/schemas";
import { adminResetPassword, createInvitation, setUserDisabled } from "@/lib/accounts/mutations";
import { formAction } from "@/lib/actions";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/public-url";
import { setSignupMode, SignupModeSchema } from "@/lib/settings";

const UserIdSchema = z.object({ userId: z.string().min(1) });

export const setSignupModeAction = formAction(z.object({ mode: SignupModeSchema }), async ({ mode }) => {
  await requireAdmin();
  await setSignupMode(db, mode);
  revalidatePath("/admin");
  return { mode };
});

export const createInvitationAction = formAction(
  z.object({ email: z.union([z.literal(""), EmailSchema]).optional(), role: z.enum(["TEACHER", "LEARNER", "ADMIN"]) }),
  async ({ email, role }) => {
    const admin = await requireAdmin();
    const token = await createInvitation(db, admin, { email: email || undefined, role });
    return { link: `${publicUrl()}/sign-up?invite=${token}` };
  },
);

export const resetPasswordAction = formAction(UserIdSchema, async ({ userId }) => {
  const admin = await requireAdmin();
  return { userId, password: await adminResetPassword(db, admin, userId) };
});

export const setDisabledAction = formAction(
  UserIdSchema.extend({ disabled: z.enum(["true", "false"]) }),
  async ({ userId, disabled }) => {
    const admin = await requireAdmin();
    await setUserDisabled(db, admin, userId, disabled === "true");
    revalidatePath("/admin");
  },
);
