// Dates in news text resolved against the publication date. A bare weekday in news means the
// latest one on or before publication ("on Thursday" published Friday = the day before), unless
// the clause speaks of the future ("will meet on Wednesday"). Pure string arithmetic in UTC.
import { addDays, MONTHS } from "@/lib/questions/dates";

import { WEEKDAY_NAMES } from "./text";

export interface DateMention {
  /** Offset of the phrase in the sentence. */
  start: number;
  end: number;
  phrase: string;
  /** YYYY-MM-DD for a day, "March 2022" for a month. */
  value: string;
  type: "date" | "phrase";
}

const WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTH = MONTHS.join("|");
const FUTURE = /\b(will|would|shall|is due to|are due to|is set to|are set to|plans? to|is scheduled to|next)\b/i;

function weekdayIndex(name: string): number {
  return WEEKDAY_NAMES.indexOf(name);
}

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The latest `weekday` on or before `iso` (or strictly before, when `strict`). */
export function weekdayOnOrBefore(iso: string, weekday: number, strict = false): string {
  let back = (dayOfWeek(iso) - weekday + 7) % 7;
  if (strict && back === 0) back = 7;
  return addDays(iso, -back);
}

/** The first `weekday` on or after `iso` (or strictly after, when `strict`). */
export function weekdayOnOrAfter(iso: string, weekday: number, strict = false): string {
  let ahead = (weekday - dayOfWeek(iso) + 7) % 7;
  if (strict && ahead === 0) ahead = 7;
  return addDays(iso, ahead);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the words leading up to `position` (back to the previous comma) speak of the future. */
function clauseIsFuture(sentence: string, position: number): boolean {
  const before = sentence.slice(0, position);
  const clauseStart = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"));
  return FUTURE.test(before.slice(clauseStart + 1));
}

/**
 * Every date phrase in a sentence with its resolved value. `previous` is the last date resolved
 * earlier in the article, for "on the same day".
 */
export function findDates(sentence: string, publishedOn: string, previous?: string): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const add = (start: number, phrase: string, value: string, type: DateMention["type"]) => {
    const end = start + phrase.length;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    found.push({ start, end, phrase, value, type });
  };
  const [pubYear = 0, pubMonth = 1] = publishedOn.split("-").map(Number);

  /**
   * A day written without its year: the publication's year, or the next when the clause speaks
   * of the future and the day has passed ("will vote on March 14", published in December), or
   * the one before when the day is months after publication ("on December 20", published in
   * January).
   */
  const yearOf = (month: number, day: number, at: number): number => {
    const days = (Date.UTC(pubYear, month - 1, day) - Date.parse(`${publishedOn}T00:00:00Z`)) / 86_400_000;
    if (days < 0 && clauseIsFuture(sentence, at)) return pubYear + 1;
    if (days > 60 && !clauseIsFuture(sentence, at)) return pubYear - 1;
    return pubYear;
  };

  // "May 16, 2025", "May 16"
  for (const m of sentence.matchAll(new RegExp(`\\b(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?(?:, (\\d{4}))?\\b`, "g"))) {
    const month = monthNumber(m[1] ?? "");
    const day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : yearOf(month, day, m.index);
    if (isRealDate(year, month, day)) add(m.index, m[0], `${year}-${pad(month)}-${pad(day)}`, "date");
  }
  // "16 May 2025", "16 May"
  for (const m of sentence.matchAll(new RegExp(`\\b(\\d{1,2}) (${MONTH})(?: (\\d{4}))?\\b`, "g"))) {
    const month = monthNumber(m[2] ?? "");
    const day = Number(m[1]);
    const year = m[3] ? Number(m[3]) : yearOf(month, day, m.index);
    if (isRealDate(year, month, day)) add(m.index, m[0], `${year}-${pad(month)}-${pad(day)}`, "date");
  }
  // "March 2022"
  for (const m of sentence.matchAll(new RegExp(`\\b(${MONTH}),? (\\d{4})\\b`, "g"))) {
    add(m.index, m[0], `${m[1]} ${m[2]}`, "phrase");
  }
  // "in January": the latest such month, or the next one when the clause speaks of the future.
  for (const m of sentence.matchAll(new RegExp(`\\b(?:in|since|until|by|last|this|next) (${MONTH})\\b(?! \\d)`, "g"))) {
    const month = monthNumber(m[1] ?? "");
    const future = /^next/.test(m[0]) || (!/^last/.test(m[0]) && clauseIsFuture(sentence, m.index));
    let year = pubYear;
    if (future && month < pubMonth) year += 1;
    if (!future && month > pubMonth) year -= 1;
    if (/^last/.test(m[0]) && month === pubMonth) year -= 1;
    add(m.index + m[0].indexOf(m[1] ?? ""), m[1] ?? "", `${m[1]} ${year}`, "phrase");
  }
  // "tomorrow", "tomorrow (Sunday)": the day after publication, its weekday in brackets included.
  for (const m of sentence.matchAll(new RegExp(`\\btomorrow(?: \\((?:${WEEKDAY})\\))?`, "gi")))
    add(m.index, m[0], addDays(publishedOn, 1), "date");
  // Weekdays: "on Friday", "earlier on Tuesday", "Sunday's election", "last Friday".
  for (const m of sentence.matchAll(
    new RegExp(`\\b(?:(last|next|this|earlier|later|late|early) (?:on )?|on )?(${WEEKDAY})(?:['’]s)?\\b`, "gi"),
  )) {
    const name = m[2] ?? "";
    if (!/^\p{Lu}/u.test(name)) continue;
    const weekday = weekdayIndex(name);
    const word = (m[1] ?? "").toLowerCase();
    let value: string;
    if (word === "last") value = weekdayOnOrBefore(publishedOn, weekday, true);
    else if (word === "next") value = weekdayOnOrAfter(publishedOn, weekday, true);
    else if (clauseIsFuture(sentence, m.index)) value = weekdayOnOrAfter(publishedOn, weekday);
    else value = weekdayOnOrBefore(publishedOn, weekday);
    add(m.index, m[0], value, "date");
  }
  // "last weekend": the Saturday of the week before the one of publication (weeks start Monday).
  for (const m of sentence.matchAll(/\blast weekend\b/gi)) {
    const monday = weekdayOnOrBefore(publishedOn, 1);
    add(m.index, m[0], addDays(monday, -2), "date");
  }
  for (const m of sentence.matchAll(/\blast month\b/gi)) {
    const month = pubMonth === 1 ? 12 : pubMonth - 1;
    const year = pubMonth === 1 ? pubYear - 1 : pubYear;
    add(m.index, m[0], `${MONTHS[month - 1]} ${year}`, "phrase");
  }
  for (const m of sentence.matchAll(/\byesterday\b/gi)) add(m.index, m[0], addDays(publishedOn, -1), "date");
  if (previous) {
    for (const m of sentence.matchAll(/\b(?:on|later) (?:that|the same) day\b/gi)) add(m.index, m[0], previous, "date");
  }
  return found.sort((a, b) => a.start - b.start);
}
