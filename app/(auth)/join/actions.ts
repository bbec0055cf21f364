"use server";

import { headers } from "next/headers";
import { z } from "zod";

import { JoinAsNewStudentSchema, JoinCodeSchema } from "@/lib/accounts/schemas";
import { formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requireStudent } from "@/lib/auth/session";
import { joinAsNewStudent, joinWithCode } from "@/lib/classes/mutations";
import { db } from "@/lib/db";

/** A new student: choose a name and a password or PIN, get a username (shown once). */
export const joinAsNewStudentAction = formAction(JoinAsNewStudentSchema, async (input) => {
  const joined = await joinAsNewStudent(db, input, clientIpFromHeaders(await headers()));
  await signIn("credentials", { identifier: joined.username, password: input.secret, redirect: false });
  return { username: joined.username, className: joined.className };
});

/** A student who is signed in joins another class with just the code. */
export const joinWithCodeAction = formAction(z.object({ code: JoinCodeSchema }), async ({ code }) => {
  const student = await requireStudent("/join");
  return joinWithCode(db, student, code, clientIpFromHeaders(await headers()));
});
