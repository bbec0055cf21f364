import { MONTHS, WEEKDAYS } from "@/lib/questions/dates";
// Splitting a pasted article into sentences and tokens while keeping every offset into the
// original body, so that every draft can quote its sentence verbatim.

export interface Token {
  text: string;
  /** Offset of the token in its sentence. */
  start: number;
  end: number;
  /** Punctuation (comma, bracket, quote mark, dash) between the previous token and this one. */
  gap: string;
}

export interface Sentence {
  /** Verbatim text of the sentence; `body.slice(start, start + text.length) === text`. */
  text: string;
  start: number;
  paragraph: number;
  tokens: Token[];
  /** [start, end) ranges of the sentence inside double quotation marks. */
  quoted: Array<[number, number]>;
}

const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Prof|Rep|Sen|Gov|No|vs|approx|est)|\b\p{Lu}|\b\p{Lu}\.\p{Lu})\.$/u;

/**
 * A heading pasted without its line break runs into the next sentence ("Coalition arithmeticAt
 * least 46 ..."). Returns the length of the glued heading at the start of a paragraph, or 0.
 */
export function gluedHeadingLength(paragraph: string): number {
  const match = /^(\p{Lu}[\p{Ll}'’-]*(?: [\p{L}'’-]+){1,6}?)(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u.exec(paragraph);
  if (!match) return 0;
  const heading = match[1] ?? "";
  if (/[.,;:!?]/.test(heading)) return 0;
  return heading.length;
}

const TOKEN = /[$€£]?[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*%?/gu;

const GLUED_CURRENCY = /^(USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|NZD|HKD|SGD)(?=\d)/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const between = text.slice(previousEnd, start);
    // "a grant of CNY700 million": a currency's code written onto the amount is a word of its own.
    const code = GLUED_CURRENCY.exec(match[0])?.[1];
    if (code) {
      tokens.push({ text: code, start, end: start + code.length, gap: between.replace(/\s+/g, "") });
      tokens.push({
        text: match[0].slice(code.length),
        start: start + code.length,
        end: start + match[0].length,
        gap: "",
      });
    } else tokens.push({ text: match[0], start, end: start + match[0].length, gap: between.replace(/\s+/g, "") });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/**
 * Quotations of a paragraph: from an opening mark to its closing one, across sentences. A
 * straight mark opens after a space or at the start and closes after a word or punctuation, so
 * a quotation whose opening mark was lost (it began in an earlier paragraph) is not paired with
 * the next quotation's opening mark, which would quote the report's own sentences between them:
 * it quotes its own sentence up to the closing mark. An opening mark never closed in the
 * paragraph quotes nothing (a quotation running on into the next paragraph, or a stray mark)
 * rather than hiding the rest of the paragraph.
 */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: number | undefined;
  for (const match of text.matchAll(/["“”]/g)) {
    const at = match.index;
    const mark = match[0];
    const opens = mark === "“" || (mark === '"' && (at === 0 || /[\s(\[—–-]/.test(text.charAt(at - 1))));
    if (opens) {
      // A second opening mark before any close: the first one was stray.
      open = at;
    } else if (open !== undefined) {
      ranges.push([open, at + 1]);
      open = undefined;
    } else {
      // "... at county levels," Duale said.: the quotation began before this paragraph.
      const before = text.slice(0, at);
      const sentenceStart = [...before.matchAll(/[.!?]["”’)]*\s+/g)].at(-1);
      ranges.push([sentenceStart ? sentenceStart.index + sentenceStart[0].length : 0, at + 1]);
    }
  }
  return ranges;
}

/** The parts of paragraph ranges inside [from, to), relative to `from`. */
function rangesWithin(ranges: Array<[number, number]>, from: number, to: number): Array<[number, number]> {
  return ranges
    .filter(([a, b]) => a < to && b > from)
    .map(([a, b]): [number, number] => [Math.max(a, from) - from, Math.min(b, to) - from]);
}

/** Sentences of the body, skipping "## " headings and glued headings, with offsets. */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  // A paragraph runs on over single line breaks, except before a list item ("- ", "* ", "• "):
  // each item of a bullet list is a paragraph of its own.
  const paragraphRe = /[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*[-*•][ \t])[^\n]*)*/g;
  let paragraph = 0;
  for (const block of body.matchAll(paragraphRe)) {
    const raw = block[0];
    if (!raw.trim()) continue;
    paragraph++;
    if (/^\s*#/.test(raw)) continue;
    let offset = block.index;
    let text = raw;
    const lead = text.length - text.trimStart().length;
    offset += lead;
    text = text.slice(lead);
    const glued = gluedHeadingLength(text);
    offset += glued;
    text = text.slice(glued);
    const quotes = quotedRanges(text);
    let sentenceStart = 0;
    const boundary = /[.!?]["”’)]*(?=\s+["“(]?[\p{Lu}\p{N}])/gu;
    const push = (from: number, to: number) => {
      const piece = text.slice(from, to);
      const trimmedStart = piece.length - piece.trimStart().length;
      const sentenceText = piece.trim();
      if (!sentenceText) return;
      sentences.push({
        text: sentenceText,
        start: offset + from + trimmedStart,
        paragraph,
        tokens: tokenize(sentenceText),
        quoted: rangesWithin(quotes, from + trimmedStart, from + trimmedStart + sentenceText.length),
      });
    };
    for (const match of text.matchAll(boundary)) {
      const end = match.index + match[0].length;
      const before = text.slice(sentenceStart, match.index + 1);
      if (match[0].startsWith(".") && ABBREVIATIONS.test(before)) continue;
      // A dateline's abbreviated state: "SANTA ROSA, Calif. (AP) — ..." is one sentence.
      if (/^\s*\([^()]{1,40}\)\s*(?:--|[-—–])\s/.test(text.slice(end))) continue;
      push(sentenceStart, end);
      sentenceStart = end;
    }
    push(sentenceStart, text.length);
  }
  return sentences;
}

export function isInside(ranges: Array<[number, number]>, position: number): boolean {
  return ranges.some(([from, to]) => position >= from && position < to);
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** "Turkey's" -> "Turkey" */
export const stripPossessive = (word: string): string => word.replace(/['’]s$/u, "");

/** Words that start a sentence with a capital but never begin a name. */
export const CAPITALISED_FUNCTION_WORDS = new Set(
  "The A An On In At By For From With After Before During Also But And Or Meanwhile Last Earlier Later Both Its Their His Her Our My When While Under Until Since Citing According However Currently Then This That These Those Some Many Most Speaking Until Not Nobody Every Each Despite Although Though Because If As It He She They We I You There Here Today Yesterday Tomorrow Who What Where Why How Under Over Between Among".split(
    " ",
  ),
);

export const MONTH_NAMES: readonly string[] = MONTHS;
export const WEEKDAY_NAMES: readonly string[] = WEEKDAYS;
const CALENDAR_WORDS = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES]);
export const isCalendarWord = (word: string): boolean => CALENDAR_WORDS.has(stripPossessive(word));

/** Pasted text to the body format: one paragraph per line or block, blank lines between. */
export function normaliseBody(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n+/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
