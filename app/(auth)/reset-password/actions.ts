"use server";

import { ResetWithTokenSchema } from "@/lib/accounts/schemas";
import { resetPasswordWithToken } from "@/lib/accounts/mutations";
import { formAction } from "@/lib/actions";
import { db } from "@/lib/db";

export const resetPasswordAction = formAction(ResetWithTokenSchema, async ({ token, password }) => {
  await resetPasswordWithToken(db, token, password);
  return { done: true };
});
