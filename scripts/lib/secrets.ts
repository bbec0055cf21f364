// On the embedded database a missing AUTH_SECRET is generated once and kept beside it, so
// `npm install && npm start` just works; production (PostgreSQL) must set its own.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { UserFacingError } from "./run-main";

export function resolveAuthSecret(provider: "sqlite" | "postgres", dataDir = "data"): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (provider === "postgres") {
    throw new UserFacingError(
      "AUTH_SECRET is required with PostgreSQL: set it to a long random value (openssl rand -base64 32) shared by every app server.",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
