// A guest's nickname: its rules (length, characters, at least one letter), the words refused
// (lib/live/refused-nicknames.ts, matched on normalised text) and the key that makes it unique
// within a game whatever its case. Used by the join form's check on the server only.
import { REFUSED_NICKNAMES as refused } from "@/lib/live/refused-nicknames";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

export const NICKNAME_MESSAGES = {
  empty: "Choose a nickname.",
  short: `A nickname needs at least ${NICKNAME_MIN} characters.`,
  long: `A nickname has at most ${NICKNAME_MAX} characters.`,
  noLetter: "A nickname needs at least one letter.",
  refused: "That nickname is not allowed. Choose another.",
  taken: "That nickname is taken. Choose another.",
  invisible: "A nickname may not use invisible characters (blank letters, zero-width spaces or joiners).",
  marks: "An accent in a nickname must sit on a letter, at most 2 to a letter.",
  mixed: "Write each word of a nickname in one alphabet (not Latin mixed with Greek or Cyrillic letters).",
} as const;

/** Letters (any alphabet, with their accents), digits, spaces and . _ ' - */
const ALLOWED = /^[\p{L}\p{M}\p{Nd} ._'-]+$/u;
const NOT_ALLOWED = /[^\p{L}\p{M}\p{Nd} ._'-]/u;

// Digits and symbols read as the Latin letters they stand for.
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

// Letters of other alphabets, IPA and Latin extensions that look like a Latin letter, by the
// letter they look like (our own compact confusables table, after Unicode's confusables.txt).
// Capitals are read before lower case, as they look different: Greek "Ν" is an N, "ν" a v.
const LOOKALIKE_GROUPS: Record<string, string> = {
  // Greek and Cyrillic capitals
  A: "ΑАᎪ",
  B: "ΒВᏴ",
  C: "СϹᏟ",
  E: "ΕЕᎬ",
  H: "ΗНᎻ",
  I: "ΙІӀ",
  J: "ЈᎫ",
  K: "ΚКᏦ",
  M: "ΜМᎷ",
  N: "Ν",
  O: "ΟОՕ",
  P: "ΡРᏢ",
  S: "ЅᏚ",
  T: "ΤТᎢ",
  X: "ΧХ",
  Y: "ΥҮУ",
  Z: "ΖᏃ",
  // Greek, Cyrillic, IPA and small capitals, Latin letters with a stroke or no dot
  a: "αаɑᴀ",
  b: "вʙƅьЬ",
  c: "сϲᴄ",
  d: "ԁᴅđ",
  e: "еεᴇ",
  f: "ꜰ",
  g: "ɡɢ",
  h: "нһʜħ",
  i: "іιɪıӏ",
  j: "јϳᴊȷ",
  k: "кκᴋ",
  l: "ʟłӏ",
  m: "мᴍ",
  n: "ηпɴ",
  o: "оοᴏøө",
  p: "рρᴘ",
  q: "ԛǫ",
  r: "гʀ",
  s: "ѕꜱ",
  t: "тτᴛŧ",
  u: "υᴜ",
  v: "νᴠѵ",
  w: "ԝᴡω",
  x: "хχ",
  y: "уүʏγ",
  z: "ᴢ",
};
const LOOKALIKE = new Map<string, string>(
  Object.entries(LOOKALIKE_GROUPS).flatMap(([latin, chars]) => [...chars].map((c) => [c, latin] as const)),
);

/** The text with each look-alike letter read as the Latin letter it looks like (case kept). */
export function skeleton(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/./gu, (c) => LOOKALIKE.get(c) ?? c);
}

/** Invisible characters: zero-width, fillers (Hangul), variation selectors, joiners, soft hyphens. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** The nickname as typed, trimmed, its spaces collapsed and its characters composed (NFC). */
export function tidyNickname(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The form two names share when they look alike: differing only in case, width, accents'
 * encoding or look-alike letters of another alphabet ("Sam", "SAM", "Ｓａｍ", Cyrillic "Ѕаm").
 * Students' display names get it in a game too, so one unique index covers every player.
 */
export function nicknameKey(nickname: string): string {
  return tidyNickname(nickname)
    .normalize("NFKC")
    .replace(/./gu, (c) => LOOKALIKE.get(c) ?? c)
    .toLocaleLowerCase("en");
}

// Ordinary names that hold a refused word by chance: read without it ("Matsushita", "Scunthorpe").
const INNOCENT = ["matsushita", "scunthorpe", "shiitake", "shitake", "penistone"];

/** The nickname's words, as plain Latin letters ("ß" stays as typed; "1" may be "i" or "l"). */
function readings(nickname: string): string[][] {
  const base = skeleton(nickname)
    .toLocaleLowerCase("en")
    .replace(/./gu, (c) => LOOKALIKE.get(c) ?? LEET[c] ?? c);
  return ["i", "l"].map((one) =>
    base
      .replace(/1/g, one)
      .split(/[^a-z]+/)
      .filter(Boolean)
      .map((word) => INNOCENT.reduce((w, innocent) => w.replaceAll(innocent, " "), word))
      .flatMap((word) => word.split(" "))
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

/** Whether a word mixes Latin, Greek and Cyrillic letters (a disguise, or a look-alike of another's name). */
function mixesAlphabets(nickname: string): boolean {
  return nickname.split(/[^\p{L}\p{M}]+/u).some((word) => {
    const scripts = [/\p{Script=Latin}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u].filter((script) =>
      script.test(word),
    );
    return scripts.length > 1;
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
  if (INVISIBLE.test(nickname)) return { ok: false, message: NICKNAME_MESSAGES.invisible };
  if (!ALLOWED.test(nickname)) {
    const bad = NOT_ALLOWED.exec(nickname)![0];
    return {
      ok: false,
      message: `A nickname may use letters, digits, spaces and . _ ' - only (not “${bad}”).`,
    };
  }
  if (/\p{M}{3,}|^\p{M}|[ ._'-]\p{M}/u.test(nickname.normalize("NFD")))
    return { ok: false, message: NICKNAME_MESSAGES.marks };
  if (!/\p{L}/u.test(nickname)) return { ok: false, message: NICKNAME_MESSAGES.noLetter };
  if (mixesAlphabets(nickname)) return { ok: false, message: NICKNAME_MESSAGES.mixed };
  if (isRefusedNickname(nickname)) return { ok: false, message: NICKNAME_MESSAGES.refused };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}
