import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";

import { parseCookieHeader, readSessionClaims } from "@/lib/auth/session-token";

const SECRET = "test-secret-test-secret-test-secret-0123";
const NAME = "authjs.session-token";

async function tokenOf(
  claims: Record<string, unknown>,
  options: { secret?: string; salt?: string; maxAge?: number } = {},
) {
  return encode({
    token: claims,
    secret: options.secret ?? SECRET,
    salt: options.salt ?? NAME,
    maxAge: options.maxAge,
  });
}

describe("readSessionClaims", () => {
  it("reads the user and session version from a cookie next-auth made", async () => {
    const value = await tokenOf({ sub: "user-1", role: "STUDENT", sv: 3 });
    expect(readSessionClaims([{ name: NAME, value }], SECRET)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("reads the secure cookie over HTTPS, salted with its own name", async () => {
    const name = `__Secure-${NAME}`;
    const value = await tokenOf({ sub: "user-2", sv: 0 }, { salt: name });
    expect(readSessionClaims([{ name, value }], SECRET)).toEqual({ userId: "user-2", sessionVersion: 0 });
  });

  it("joins a token split across numbered cookies", async () => {
    const value = await tokenOf({ sub: "user-3", sv: 1 });
    const cookies = [
      { name: `${NAME}.1`, value: value.slice(100) },
      { name: `${NAME}.0`, value: value.slice(0, 100) },
    ];
    expect(readSessionClaims(cookies, SECRET)).toEqual({ userId: "user-3", sessionVersion: 1 });
  });

  it("refuses a token made with another secret, under another name, expired, tampered with, or absent", async () => {
    const other = await tokenOf({ sub: "user-4", sv: 0 }, { secret: "another-secret-another-secret-another-0" });
    const renamed = await tokenOf({ sub: "user-4", sv: 0 }, { salt: "some-other-cookie" });
    const expired = await tokenOf({ sub: "user-4", sv: 0 }, { maxAge: -60 });
    const good = await tokenOf({ sub: "user-4", sv: 0 });
    const tampered = `${good.slice(0, -5)}${good.slice(-5) === "AAAAA" ? "BBBBB" : "AAAAA"}`;
    // A header swapped for another (here, one asking for no encryption) breaks the tag.
    const [, ...rest] = good.split(".");
    const unencrypted = [Buffer.from('{"alg":"dir","enc":"none"}').toString("base64url"), ...rest].join(".");
    const reheadered = [Buffer.from('{"alg":"dir","enc":"A256CBC-HS512","x":1}').toString("base64url"), ...rest].join(
      ".",
    );
    for (const value of [other, renamed, expired, tampered, unencrypted, reheadered, "not-a-token", "a.b.c.d.e"])
      expect(readSessionClaims([{ name: NAME, value }], SECRET)).toBeNull();
    expect(readSessionClaims([{ name: "other", value: good }], SECRET)).toBeNull();
    expect(readSessionClaims([], SECRET)).toBeNull();
  });

  it("counts a token without a session version as out of date", async () => {
    const value = await tokenOf({ sub: "user-5" });
    expect(readSessionClaims([{ name: NAME, value }], SECRET)).toEqual({ userId: "user-5", sessionVersion: -1 });
  });

  it("reads the cookie out of a whole Cookie header", async () => {
    const value = await tokenOf({ sub: "user-6", sv: 2 });
    const header = `theme=dark; ${NAME}=${value}; authjs.callback-url=http%3A%2F%2Flocalhost%2Fstudent`;
    const pairs = parseCookieHeader(header);
    expect(pairs.find((p) => p.name === "authjs.callback-url")?.value).toBe("http://localhost/student");
    expect(readSessionClaims(pairs, SECRET)).toEqual({ userId: "user-6", sessionVersion: 2 });
    expect(parseCookieHeader("broken; =x; bad=%E0%A4%A")).toEqual([{ name: "bad", value: "%E0%A4%A" }]);
  });
});
