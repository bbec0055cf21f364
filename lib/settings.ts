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

const FETCH_ALLOWED_HOSTS = "fetch.allowedPrivateHosts";

/**
 * Hosts on a private network that imports and feeds may fetch from (a school's intranet, or the
 * tests' local server): an admin's explicit allowance, since every other private, loopback or
 * link-local address is refused (lib/links/fetch-page.ts).
 */
export async function getFetchAllowedHosts(db: Db): Promise<string[]> {
  const row = await db.setting.findUnique({ where: { key: FETCH_ALLOWED_HOSTS } });
  try {
    return z
      .array(z.string())
      .catch([])
      .parse(row ? JSON.parse(row.value) : []);
  } catch {
    return [];
  }
}

export async function setFetchAllowedHosts(db: Db, hosts: readonly string[]): Promise<void> {
  const value = JSON.stringify([...new Set(hosts.map((h) => h.trim().toLowerCase()).filter(Boolean))]);
  await db.setting.upsert({
    where: { key: FETCH_ALLOWED_HOSTS },
    create: { key: FETCH_ALLOWED_HOSTS, value },
    update: { value },
  });
}
