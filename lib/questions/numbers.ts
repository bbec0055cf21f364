// Numbers as articles and students write them: "1,000", "1000", "one thousand", "forty-seven",
// "2.5", "$300 billion". Parsing for grading, formatting "the same way" for distractors, and
// the qualifiers ("over", "about") that say how exact a figure is.
import { foldAccents } from "@/lib/questions/normalise";

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** "one" to "ninety" and "hundred": the number words a writer spells out. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = { ...SMALL, ...TENS, hundred: 100 };
const SUFFIX_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };

/** Words that may stand before a number without changing it ("about 1,000", "over 1,400"). */
const LEADING_WORDS =
  /^(?:(?:well|just|only|some|about|around|approximately|roughly|nearly|almost|over|under|more than|less than|fewer than|at least|at most|up to|exactly|an estimated|estimated)\s+)+/;

function wordsValue(words: string[]): { value: number; used: number } | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "and" && seen) {
      used++;
      continue;
    }
    if (word === "a" && !seen && (words[i + 1] === "hundred" || SCALES[words[i + 1] ?? ""] !== undefined)) {
      current = 1;
      used++;
      continue;
    }
    if (SMALL[word] !== undefined) current += SMALL[word];
    else if (TENS[word] !== undefined) current += TENS[word];
    else if (word === "hundred") current = (current || 1) * 100;
    else if (SCALES[word] !== undefined) {
      total += (current || 1) * SCALES[word];
      current = 0;
    } else break;
    seen = true;
    used++;
  }
  if (!seen) return undefined;
  // A trailing "and" belongs to what follows ("two and a half"): give it back.
  while (used > 0 && words[used - 1] === "and") used--;
  return { value: total + current, used };
}

interface NumberReading {
  value: number;
  /** Whatever follows the number ("prisoners of war"), normalised; "" when nothing does. */
  rest: string;
}

/** Reads the number at the start of `text`, after an optional qualifier or currency sign. */
export function readNumber(text: string): NumberReading | undefined {
  const cleaned = foldAccents(text)
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, "-")
    .trim()
    .replace(LEADING_WORDS, "")
    .replace(/^(?:us\s?\$|\$|€|£|¥)\s*/, "");
  const digits =
    /^(-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?)(?:\s*(k|m|mn|bn|b|tn)\b|\s+(thousand|million|billion|trillion)\b)?/.exec(
      cleaned,
    );
  if (digits) {
    const base = Number((digits[1] ?? "").replace(/[,\s]/g, ""));
    const scale = SUFFIX_SCALES[digits[2] ?? ""] ?? SCALES[digits[3] ?? ""] ?? 1;
    return { value: base * scale, rest: cleaned.slice(digits[0].length).trim() };
  }
  const words = cleaned.split(/[\s-]+/).filter(Boolean);
  const read = wordsValue(words);
  if (!read) return undefined;
  return { value: read.value, rest: words.slice(read.used).join(" ") };
}

/**
 * The number a text states: "1,000", "1000", "one thousand", "about 1,400 troops" (units after the
 * number are allowed), "$300 billion". Undefined when the text does not start with a number, or
 * when what follows is more numbers ("2021-2025" is a period, not 2021).
 */
export function parseNumber(text: string): number | undefined {
  const read = readNumber(text);
  if (!read) return undefined;
  if (read.rest && !/^[a-z%]/.test(read.rest)) return undefined;
  return read.value;
}

/** Whether the whole text is a number, with nothing after it ("1,000", "two", "forty-seven"). */
export function isNumberText(text: string): boolean {
  const read = readNumber(text);
  return read !== undefined && read.rest === "";
}

const ONES = Object.keys(SMALL);
const TEN_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function underThousandToWords(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds) parts.push(`${ONES[hundreds]} hundred`);
  if (rest) {
    const restWords =
      rest < 20 ? (ONES[rest] ?? "") : `${TEN_WORDS[Math.floor(rest / 10)]}${rest % 10 ? `-${ONES[rest % 10]}` : ""}`;
    parts.push(hundreds ? `and ${restWords}` : restWords);
  }
  return parts.join(" ");
}

/** "forty-seven", "one thousand four hundred"; for whole numbers from 0 to 999,999,999. */
export function numberToWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) return undefined;
  if (n === 0) return "zero";
  const parts: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1e3);
  const rest = n % 1e3;
  if (millions) parts.push(`${underThousandToWords(millions)} million`);
  if (thousands) parts.push(`${underThousandToWords(thousands)} thousand`);
  if (rest) parts.push(rest < 100 && parts.length ? `and ${underThousandToWords(rest)}` : underThousandToWords(rest));
  return parts.join(" ");
}

function decimalsOf(text: string): number {
  const match = /\.(\d+)/.exec(text);
  return match ? (match[1] ?? "").length : 0;
}

/** Writes `value` the way `model` is written: words for words, "1,500" for "1,000", "1500" for "1000". */
export function formatNumberLike(value: number, model: string): string {
  const trimmed = model.trim();
  if (!/\d/.test(trimmed)) {
    const words = numberToWords(value);
    if (words && (value <= 100 || value % 100 === 0)) return words;
  }
  const decimals = decimalsOf(trimmed);
  const fixed = value.toFixed(decimals);
  const [whole = "", fraction] = fixed.split(".");
  const digitsOnly = /^\d{4,}/.test(trimmed.replace(/^-/, ""));
  const grouped = digitsOnly ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A number is "rounded to" the largest power of ten dividing it: 1,000 -> 1000, 1,400 -> 100, 47 -> 1. */
export function roundingUnit(value: number): number {
  if (!Number.isInteger(value)) {
    const decimals = decimalsOf(String(value));
    return 10 ** -decimals;
  }
  let unit = 1;
  while (value !== 0 && value % (unit * 10) === 0) unit *= 10;
  return unit;
}

function niceStepBelow(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const factor of [5, 2, 1]) if (factor * power <= x) return factor * power;
  return power;
}

/** The gap between plausible wrong figures near `value`, at the same rounding. */
export function distractorStep(value: number): number {
  const unit = roundingUnit(Math.abs(value));
  const ratio = Math.abs(value) / unit;
  if (ratio <= 2 && unit >= 10) return unit / 2;
  if (ratio <= 9) return unit;
  const step = niceStepBelow(Math.abs(value) * 0.15);
  return Math.max(unit, Math.round(step / unit) * unit);
}

export type QualifierSense = "exact" | "at-least" | "at-most" | "approximate" | "vague";

/** What a number qualifier says about the true figure. */
export function qualifierSense(qualifier: string | undefined): QualifierSense {
  const q = (qualifier ?? "").trim().toLowerCase();
  if (!q || /^(each|apiece|exactly|per \w+|a \w+|in total|total)$/.test(q)) return "exact";
  if (/^well (under|over|below|above)|^far (more|less|fewer)|^many|^several|^dozens|^hundreds|^thousands/.test(q))
    return "vague";
  if (/^(over|more than|above|at least|upwards of|in excess of|exceeding)$/.test(q)) return "at-least";
  if (/^(under|less than|fewer than|below|at most|up to|just under|not quite)$/.test(q)) return "at-most";
  if (/^(about|around|approximately|roughly|some|an estimated|estimated|close to|circa|c\.|nearly|almost)$/.test(q))
    return "approximate";
  return "vague";
}

/** Whether the qualifier is written after the number ("1,000 each") rather than before it. */
export function qualifierFollows(qualifier: string | undefined): boolean {
  return /^(each|apiece|per \w+|a \w+|in total|total)$/i.test((qualifier ?? "").trim());
}

/**
 * The band of typed values a NUMERIC question accepts for `value` under `qualifier`, or undefined
 * when the qualifier is too vague to grade a typed figure ("well under two hours").
 */
export function acceptedBand(value: number, qualifier: string | undefined, decimals = 0): [number, number] | undefined {
  const margin = Math.abs(value) * 0.1;
  let band: [number, number];
  switch (qualifierSense(qualifier)) {
    case "exact":
      return [value, value];
    // A bound is asked as "At least how many ...?": the answer is the figure the article gives,
    // exactly; a figure above it is not what the article said ("at least 1,000" is not 1,050).
    case "at-least":
    case "at-most":
      return [value, value];
    case "approximate":
      band = [value - margin, value + margin];
      break;
    case "vague":
      return undefined;
  }
  // Round inwards to the precision the figure is written in: "about 61" accepts 55 to 67.
  const step = 10 ** -decimals;
  const low = Math.min(value, Math.ceil(band[0] / step - 1e-9) * step);
  const high = Math.max(value, Math.floor(band[1] / step + 1e-9) * step);
  return [Number(low.toFixed(decimals)), Number(high.toFixed(decimals))];
}
