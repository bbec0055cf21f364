"use server";

import { AuthError } from "next-auth";

import { SignInSchema } from "@/lib/accounts/schemas";
import { formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/redirects";
import { AppError } from "@/lib/errors";

export const signInAction = formAction(SignInSchema, async ({ identifier, password, next }) => {
  try {
    await signIn("credentials", {
      identifier,
      password,
      redirectTo: `/after-sign-in?next=${encodeURIComponent(safeNextPath(next))}`,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      throw code === "rate_limited"
        ? new AppError("rate_limited", "Too many failed sign-ins. Wait a minute or two, then try again.")
        : new AppError("invalid_credentials", "That email or username and password do not match an account.");
    }
    throw error;
  }
});
