"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { JoinAsNewStudentSchema, JoinCodeSchema } from "@/lib/accounts/schemas";
import { formAction, userAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { joinAsNewStudent, joinWithCode } from "@/lib/classes/mutations";
import { db } from "@/lib/db";

/** A new student: choose a name and a password or PIN, get a username (shown once). */
export const joinAsNewStudentAction = formAction(JoinAsNewStudentSchema, async (input) => {
  const joined = await joinAsNewStudent(db, input, clientIpFromHeaders(await headers()));
  await signIn("credentials", { identifier: joined.username, password: input.secret, redirect: false });
  return { username: joined.username, className: joined.className };
});

/** A student who is signed in joins another class with just the code. */
export const joinWithCodeAction = userAction(
  ["STUDENT"],
  z.object({ code: JoinCodeSchema }),
  async ({ code }, student) => joinWithCode(db, student, code, clientIpFromHeaders(await headers())),
  { next: "/join" },
);
