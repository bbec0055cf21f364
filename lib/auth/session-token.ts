// Reads the session cookie that next-auth wrote: an encrypted JWT (compact JWE, "dir" with
// A256CBC-HS512) under a key derived from AUTH_SECRET with HKDF, the cookie's name as salt.
// next-auth's own auth() runs its whole session endpoint per call (decrypt, re-encrypt a
// refreshed token it then throws away, a Request and a Response), and jose decrypts through
// WebCrypto's asynchronous jobs: together about 1 ms of CPU. This derives the key once and
// decrypts synchronously with node:crypto (RFC 7516 and RFC 7518 5.2.2). session-token.test.ts
// checks it against tokens made by next-auth's encode(), so a change of format fails a test.
import "server-only";

import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

// next-auth's names: the __Secure- one over HTTPS. A long token is split into name.0, name.1...
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

const KEY_LENGTHS = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
type Encryption = keyof typeof KEY_LENGTHS;

const keys = new Map<string, Uint8Array>();

function keyFor(secret: string, salt: string, encryption: Encryption): Uint8Array {
  const id = `${encryption}\0${salt}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `Auth.js Generated Encryption Key (${salt})`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, KEY_LENGTHS[encryption]));
    keys.set(id, key);
  }
  return key;
}

/** A Cookie request header's pairs ("a=1; b=2"), values percent-decoded where they can be. */
export function parseCookieHeader(header: string): { name: string; value: string }[] {
  const pairs: { name: string; value: string }[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    const name = part.slice(0, Math.max(0, at)).trim();
    if (at < 0 || name === "") continue;
    const raw = part.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // Not percent-encoded after all: keep it as sent.
    }
    pairs.push({ name, value });
  }
  return pairs;
}

/** The session cookie's value and name (its salt), joining a split cookie's chunks. */
function sessionCookie(cookies: Iterable<{ name: string; value: string }>): { name: string; value: string } | null {
  const list = [...cookies];
  for (const name of COOKIE_NAMES) {
    const whole = list.find((c) => c.name === name);
    if (whole) return whole;
    const chunks = list
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

// Leeway for clocks that disagree, as next-auth allows.
const CLOCK_TOLERANCE_S = 15;

/** The JWT's claims if it decrypts and authenticates under the key; otherwise null. */
function decrypt(token: string, keyOf: (encryption: Encryption) => Uint8Array): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, ivText, ciphertextText, tagText] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as Record<string, unknown>;
  const encryption = header.enc as Encryption;
  if (
    header.alg !== "dir" ||
    encryptedKey !== "" ||
    !(encryption in KEY_LENGTHS) ||
    "zip" in header ||
    "crit" in header
  )
    return null;
  const key = keyOf(encryption);
  const aad = Buffer.from(protectedHeader, "ascii");
  const iv = Buffer.from(ivText, "base64url");
  const ciphertext = Buffer.from(ciphertextText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  let plaintext: Buffer;
  if (encryption === "A256CBC-HS512") {
    // The first half of the key authenticates, the second encrypts; the tag is the first half of
    // HMAC-SHA-512 over the header, IV, ciphertext and the header's length in bits.
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(aad.length * 8));
    const expected = createHmac("sha512", key.subarray(0, 32))
      .update(Buffer.concat([aad, iv, ciphertext, length]))
      .digest()
      .subarray(0, 32);
    if (iv.length !== 16 || tag.length !== expected.length || !timingSafeEqual(tag, expected)) return null;
    const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } else {
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, iv).setAAD(aad).setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  }
  const claims: unknown = JSON.parse(plaintext.toString("utf8"));
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return null;
  const now = Date.now() / 1000;
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  if (exp !== undefined && (typeof exp !== "number" || now > exp + CLOCK_TOLERANCE_S)) return null;
  if (nbf !== undefined && (typeof nbf !== "number" || now < nbf - CLOCK_TOLERANCE_S)) return null;
  return claims as Record<string, unknown>;
}

/** Who the session cookie names, or null when there is none or it does not decrypt or has expired. */
export function readSessionClaims(
  cookies: Iterable<{ name: string; value: string }>,
  secret: string,
): SessionClaims | null {
  const cookie = sessionCookie(cookies);
  if (!cookie) return null;
  try {
    const claims = decrypt(cookie.value, (encryption) => keyFor(secret, cookie.name, encryption));
    if (!claims || typeof claims.sub !== "string" || claims.sub === "") return null;
    return { userId: claims.sub, sessionVersion: Number(claims.sv ?? -1) };
  } catch {
    // Not base64, not JSON, bad padding: not a token of ours.
    return null;
  }
}
