// One-time tokens (invitations, password resets): random, sent to the user, stored only as
// a SHA-256 hash so a leaked database cannot be used to sign in.
import "server-only";

import { createHash, randomBytes } from "node:crypto";

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
