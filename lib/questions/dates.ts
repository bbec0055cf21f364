// Calendar dates as questions show them ("16 May 2025") and as students type them ("May 16,
// 2025", "16/05/2025", "2025-05-16"). Pure string arithmetic in UTC: no time zones involved.
import { foldAccents } from "@/lib/questions/normalise";

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function parts(iso: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return { year, month, day };
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && toIso(date) === text;
}

/** "16 May 2025" */
export function formatDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "Friday" */
export function weekdayOf(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? "";
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Every usual writing of a date, most explicit first, for finding it in text. */
export function dateWritings(iso: string): string[] {
  const { year, month, day } = parts(iso);
  const name = MONTHS[month - 1] ?? "";
  const short = name.slice(0, 3);
  return [
    `${day} ${name} ${year}`,
    `${name} ${day}, ${year}`,
    `${name} ${day} ${year}`,
    `${short} ${day}, ${year}`,
    `${day} ${short} ${year}`,
    iso,
    `${day} ${name}`,
    `${name} ${day}`,
  ];
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, "");
  const index = MONTHS.findIndex(
    (m) => m.toLowerCase() === lower || (lower.length >= 3 && m.toLowerCase().startsWith(lower)),
  );
  return index < 0 ? undefined : index + 1;
}

function build(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Reads a typed date: "2025-05-16", "16 May 2025", "May 16, 2025", "16th of May 2025",
 * "16/05/2025" or "16.05.2025" (day first). A missing year is taken from `defaultYear`.
 */
export function parseDate(text: string, defaultYear?: number): string | undefined {
  const cleaned = foldAccents(text)
    .trim()
    .replace(/^(on|the)\s+/i, "")
    .replace(/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+/i, "")
    .replace(/(\d)(st|nd|rd|th)\b/gi, "$1")
    .replace(/\s+of\s+/gi, " ")
    .replace(/\s+/g, " ");
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cleaned);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(cleaned);
  if (match) return build(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2}) ([A-Za-z]+\.?),? ?(\d{4})?$/.exec(cleaned);
  if (match) {
    const month = monthNumber(match[2] ?? "");
    const year = match[3] ? Number(match[3]) : defaultYear;
    if (month && year) return build(year, month, Number(match[1]));
  }
  match = /^([A-Za-z]+\.?) (\d{1,2}),? ?(\d{4})?$/.exec(cleaned);
  if (match) {
    const month = monthNumber(match[1] ?? "");
    const year = match[3] ? Number(match[3]) : defaultYear;
    if (month && year) return build(year, month, Number(match[2]));
  }
  return undefined;
}

/** "March 2022" -> { year: 2022, month: 3 }; undefined for anything else. */
export function parseMonthYear(text: string): { year: number; month: number } | undefined {
  const match = /^([A-Za-z]+\.?),? (\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = monthNumber(match[1] ?? "");
  return month && (match[1] ?? "").length >= 3 ? { year: Number(match[2]), month } : undefined;
}

export function formatMonthYear(year: number, month: number): string {
  const normalised = ((month - 1 + 1200) % 12) + 1;
  const carry = Math.floor((month - 1) / 12);
  return `${MONTHS[normalised - 1]} ${year + carry}`;
}
