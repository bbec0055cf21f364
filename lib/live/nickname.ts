// A guest's nickname: its rules (length, characters, at least one letter), the words refused
// (lib/live/refused-nicknames.json, matched on normalised text) and the key that makes it unique
// within a game whatever its case. Used by the join form's check on the server only.
import refused from "@/lib/live/refused-nicknames.json";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

export const NICKNAME_MESSAGES = {
  empty: "Choose a nickname.",
  short: `A nickname needs at least ${NICKNAME_MIN} characters.`,
  long: `A nickname has at most ${NICKNAME_MAX} characters.`,
  noLetter: "A nickname needs at least one letter.",
  refused: "That nickname is not allowed. Choose another.",
  taken: "Someone in this game already has that nickname. Choose another.",
} as const;

/** Letters (any alphabet, with their accents), digits, spaces and . _ ' - */
const ALLOWED = /^[\p{L}\p{M}\p{Nd} ._'-]+$/u;
const NOT_ALLOWED = /[^\p{L}\p{M}\p{Nd} ._'-]/u;

// Digits and look-alike letters of other alphabets read as the Latin letters they stand for.
const LEET: Record<string, string> = {
  "!": "i",
  $: "s",
  "@": "a",
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "7": "t",
  "8": "b",
  "9": "g",
};
const LOOKALIKE: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

/** The nickname as typed, trimmed, its spaces collapsed and its characters composed (NFC). */
export function tidyNickname(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The form two nicknames share when they differ only in case, width or accents' encoding. */
export function nicknameKey(nickname: string): string {
  return tidyNickname(nickname).normalize("NFKC").toLocaleLowerCase("en");
}

/** The nickname's words, as plain Latin letters ("ß" stays as typed; "1" may be "i" or "l"). */
function readings(nickname: string): string[][] {
  const base = nickname
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/./gu, (c) => LOOKALIKE[c] ?? LEET[c] ?? c);
  return ["i", "l"].map((one) =>
    base
      .replace(/1/g, one)
      .split(/[^a-z]+/)
      .filter(Boolean),
  );
}

/** Each run of one letter cut to `most` ("fuuuck" to "fuck" with 1). */
function capRuns(text: string, most: number): string {
  return text.replace(/(.)\1+/g, (run) => run[0]!.repeat(Math.min(run.length, most)));
}

/** A word with a doubled letter is matched with runs cut to two ("nigger" is not "Niger"); others with runs cut to one. */
function matches(text: string, word: string, whole: boolean): boolean {
  const most = /(.)\1/.test(word) ? 2 : 1;
  const candidate = capRuns(text, most);
  const target = capRuns(word, most);
  return whole ? candidate === target : candidate.includes(target);
}

/** Whether the nickname holds a refused word: anywhere in it, spaced out or not, or as a whole word. */
export function isRefusedNickname(nickname: string): boolean {
  return readings(nickname).some((words) => {
    const joined = words.join("");
    return (
      refused.anywhere.some((word) => matches(joined, word, false)) ||
      refused.wholeWord.some((word) => matches(joined, word, true) || words.some((w) => matches(w, word, true)))
    );
  });
}

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; message: string };

/** Checks a guest's nickname as typed: the tidy nickname and its key, or what is wrong with it. */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = tidyNickname(raw);
  if (!nickname) return { ok: false, message: NICKNAME_MESSAGES.empty };
  const length = [...nickname].length;
  if (length < NICKNAME_MIN) return { ok: false, message: NICKNAME_MESSAGES.short };
  if (length > NICKNAME_MAX) return { ok: false, message: NICKNAME_MESSAGES.long };
  if (!ALLOWED.test(nickname)) {
    const bad = NOT_ALLOWED.exec(nickname)![0];
    return {
      ok: false,
      message: `A nickname may use letters, digits, spaces and . _ ' - only (not “${bad}”).`,
    };
  }
  if (!/\p{L}/u.test(nickname)) return { ok: false, message: NICKNAME_MESSAGES.noLetter };
  if (isRefusedNickname(nickname)) return { ok: false, message: NICKNAME_MESSAGES.refused };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}
