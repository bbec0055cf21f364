// Dates are stored in UTC. Date-only values (a publication date) are midnight UTC and are
// shown as that calendar day wherever the reader is.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

/** YYYY-MM-DD of a date-only value, for <time dateTime>. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
