"use server";

import { headers } from "next/headers";

import { ResetRequestSchema } from "@/lib/accounts/schemas";
import { createPasswordReset } from "@/lib/accounts/mutations";
import { formAction } from "@/lib/actions";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isMailConfigured, sendMail } from "@/lib/mail";
import { publicUrl } from "@/lib/public-url";

export const requestResetAction = formAction(ResetRequestSchema, async ({ email }) => {
  if (!isMailConfigured())
    throw new AppError("forbidden", "Email is not set up on this server: ask your admin to reset your password.");
  const token = await createPasswordReset(db, email, { clientIp: clientIpFromHeaders(await headers()) });
  if (token) {
    await sendMail({
      to: email,
      subject: "Reset your Quizwire password",
      text: `Someone asked to reset the password of your Quizwire account. If it was you, open this link within an hour:\n\n${publicUrl()}/reset-password?token=${token}\n\nIf it was not you, ignore this email: your password stays the same.`,
    });
  }
  // The same answer whether or not the account exists.
  return { sent: true };
});
