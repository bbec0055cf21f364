// Text normalisation and fuzzy comparison, shared by generation (is this candidate the answer?
// does the stem leak it?) and grading (is what the student typed the answer?).

const FOLDED: Record<string, string> = {
  ı: "i",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  đ: "d",
  Đ: "D",
  þ: "th",
  Þ: "Th",
};

/** Removes accents ("Dolmabahçe" -> "Dolmabahce", "Çırağan" -> "Ciragan"), keeping case. */
export function foldAccents(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ıłŁøØßæÆœŒđĐþÞ]/g, (c) => FOLDED[c] ?? c);
}

/**
 * Lower case, no accents, no punctuation, single spaces. Possessive 's is dropped ("Turkey's" ->
 * "turkey") and thousands separators are joined ("1,000" -> "1000"), so that the same words
 * written differently compare equal.
 */
const normalised = new Map<string, string>();

export function normaliseText(text: string): string {
  const cached = normalised.get(text);
  if (cached !== undefined) return cached;
  // The same names and sentences are normalised again and again while generating: remember them.
  if (normalised.size > 20_000) normalised.clear();
  const result = normaliseUncached(text);
  normalised.set(text, result);
  return result;
}

function normaliseUncached(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/['’‘`´]s\b/g, "")
    .replace(/&/g, " and ")
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const LEADING_ARTICLE = /^(the|a|an) /;

/** normaliseText without a leading article: "The BBC" = "BBC", "an interpreter" = "interpreter". */
export function normaliseAnswer(text: string): string {
  return normaliseText(text).replace(LEADING_ARTICLE, "");
}

/** Whether normalised `needle` occurs in normalised `haystack` as whole words. */
export function containsWords(haystack: string, needle: string): boolean {
  if (!needle || needle.length > haystack.length) return false;
  if (haystack === needle) return true;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    const before = at === 0 || haystack.charCodeAt(at - 1) === 32;
    const end = at + needle.length;
    const after = end === haystack.length || haystack.charCodeAt(end) === 32;
    if (before && after) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of two neighbours, "teh" -> "the"),
 * giving up early: any result above `max` is returned as max + 1. With a small `max` only a band
 * of the table around its diagonal is computed.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length || !b.length) return Math.min(Math.max(a.length, b.length), max + 1);
  const band = Number.isFinite(max) ? max : Math.max(a.length, b.length);
  const width = b.length + 1;
  const INF = 0x3fffffff;
  let twoBack = new Int32Array(width).fill(INF);
  let previous = new Int32Array(width).fill(INF);
  let current = new Int32Array(width);
  for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(INF);
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    if (i <= band) current[0] = i;
    let rowMin = i <= band ? i : INF;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        value = Math.min(value, twoBack[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}

/**
 * How many typing mistakes an answer of this (normalised) length may carry and still count:
 * none up to 4 letters, one up to 8, two beyond.
 */
export function typoBudget(normalised: string): number {
  const letters = normalised.replace(/ /g, "").length;
  if (letters <= 4) return 0;
  if (letters <= 8) return 1;
  return 2;
}

/** Splits a list answer ("Russia, Turkey, and Ukraine") into its normalised items, sorted. */
export function listItems(text: string): string[] | undefined {
  const parts = text
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/i)
    .map((part) => normaliseAnswer(part))
    .filter(Boolean);
  return parts.length >= 2 ? parts.sort() : undefined;
}
