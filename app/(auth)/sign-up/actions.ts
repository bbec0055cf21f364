"use server";

import { headers } from "next/headers";

import { SignUpSchema } from "@/lib/accounts/schemas";
import { signUp } from "@/lib/accounts/mutations";
import { formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { db } from "@/lib/db";

export const signUpAction = formAction(SignUpSchema, async (input) => {
  await signUp(db, input, { clientIp: clientIpFromHeaders(await headers()) });
  await signIn("credentials", { identifier: input.email, password: input.password, redirectTo: "/after-sign-in" });
});
