// Server-wide settings kept in the database (so every app server agrees).
import "server-only";

import { z } from "zod";

import type { Db } from "@/lib/db/client";

export const SignupModeSchema = z.enum(["open", "invite"]);
export type SignupMode = z.infer<typeof SignupModeSchema>;

const SIGNUP_MODE = "signup.mode";

export async function getSignupMode(db: Db): Promise<SignupMode> {
  const row = await db.setting.findUnique({ where: { key: SIGNUP_MODE } });
  return SignupModeSchema.catch("open").parse(row?.value);
}

export async function setSignupMode(db: Db, mode: SignupMode): Promise<void> {
  await db.setting.upsert({
    where: { key: SIGNUP_MODE },
    create: { key: SIGNUP_MODE, value: mode },
    update: { value: mode },
  });
}
