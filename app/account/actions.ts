"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { ChangePasswordSchema } from "@/lib/accounts/schemas";
import { changeOwnPassword, revokeOwnSessions } from "@/lib/accounts/mutations";
import { userAction } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth/auth";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { deleteStudent } from "@/lib/privacy/delete";

export const changePasswordAction = userAction(null, ChangePasswordSchema, async ({ current, next }, user) => {
  await changeOwnPassword(db, user, current, next, { clientIp: clientIpFromHeaders(await headers()) });
  // Every other session has ended; this one continues with the new password.
  await signIn("credentials", { identifier: user.email ?? user.username ?? "", password: next, redirect: false });
  return { changed: true };
});

/** Signing out ends the user's sessions on every device, not just this cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeOwnSessions(db, user);
  await signOut({ redirectTo: "/" });
}

export const deleteAccountAction = userAction(
  ["STUDENT", "LEARNER"],
  z.object({ confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }) }),
  async (_input, user) => {
    await deleteStudent(db, user, user.id);
    await signOut({ redirect: false });
    redirect("/");
  },
  { forbidden: "Teacher and admin accounts are deleted by an admin." },
);
