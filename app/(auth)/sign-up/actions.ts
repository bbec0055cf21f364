"use server";

import { SignUpSchema } from "@/lib/accounts/schemas";
import { signUp } from "@/lib/accounts/mutations";
import { formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { db } from "@/lib/db";

export const signUpAction = formAction(SignUpSchema, async (input) => {
  await signUp(db, input);
  await signIn("credentials", { identifier: input.email, password: input.password, redirectTo: "/after-sign-in" });
});
