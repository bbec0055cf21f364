// Codes people read aloud or type: join codes, student usernames, generated passwords.
// The alphabet leaves out look-alikes (O/0, I/1), so a code read off a projector is typed
// right the first time.
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 8 characters of a 32-character alphabet: 40 bits of randomness. */
export const JOIN_CODE_LENGTH = 8;

export function randomCode(length: number, alphabet = CODE_ALPHABET): string {
  let code = "";
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export function generateJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

/** ABCD-EFGH, for display; normaliseJoinCode undoes it. */
export function formatJoinCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** Accepts what a student types: any case, with spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** A username from a display name: "Amira K." -> "amira-k-4821" (the digits make it unique). */
export function usernameFor(displayName: string, digits = 4): string {
  const base =
    displayName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20)
      .replace(/-+$/, "") || "student";
  return `${base}-${randomCode(digits, "0123456789")}`;
}

/** A password that is easy to type on a phone: three groups of four from the code alphabet. */
export function generatePassword(): string {
  const raw = randomCode(12, CODE_ALPHABET.toLowerCase() + "23456789");
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
