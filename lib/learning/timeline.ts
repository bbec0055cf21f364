// Answers and mastery day by day, by replaying a student's answers through the same FSRS
// scheduling the app uses: mastery on a day is the mean of knowsNow (lib/learning/memory.ts), at the end of
// that day, of the facts studied by then.
import { mastery as masteryOf, newMemory, ratingFor, review, type MemoryState } from "@/lib/learning/memory";

export interface AnswerEvent {
  answeredAt: Date;
  score: number;
  isCorrect: boolean;
  responseMs: number | null;
  factIds: string[];
}

export interface TimelineDay {
  /** YYYY-MM-DD (UTC) */
  day: string;
  answers: number;
  right: number;
  mastery: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function masteryTimeline(events: AnswerEvent[], { now, days }: { now: Date; days: number }): TimelineDay[] {
  const sorted = [...events].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  const memories = new Map<string, MemoryState>();
  const firstDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS;
  const timeline: TimelineDay[] = [];
  let next = 0;
  for (let d = 0; d < days; d++) {
    const start = firstDay + d * DAY_MS;
    const end = Math.min(start + DAY_MS, now.getTime());
    let answers = 0;
    let right = 0;
    while (next < sorted.length && sorted[next]!.answeredAt.getTime() < start + DAY_MS) {
      const event = sorted[next++]!;
      const rating = ratingFor(event);
      for (const factId of event.factIds) {
        memories.set(factId, review(memories.get(factId) ?? newMemory(event.answeredAt), rating, event.answeredAt));
      }
      if (event.answeredAt.getTime() >= start) {
        answers++;
        if (event.isCorrect) right++;
      }
    }
    const at = new Date(end);
    const values = [...memories.values()];
    const mastery = masteryOf(values, at);
    timeline.push({ day: new Date(start).toISOString().slice(0, 10), answers, right, mastery });
  }
  return timeline;
}

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A day of the timeline as the chart's axis writes it: "2026-03-05" -> "5 Mar". */
export const timelineDayLabel = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** The chart in words, for everyone who cannot see it (and everyone who prefers a sentence). */
export function timelineSummary(timeline: TimelineDay[]): string {
  if (timeline.length === 0) return "";
  const answers = timeline.reduce((sum, d) => sum + d.answers, 0);
  const right = timeline.reduce((sum, d) => sum + d.right, 0);
  const days = timeline.filter((d) => d.answers > 0).length;
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const span = `From ${timelineDayLabel(timeline[0]!.day)} to ${timelineDayLabel(timeline.at(-1)!.day)}`;
  if (answers === 0) return `${span} you answered no questions. Your mastery is ${pct(timeline.at(-1)!.mastery)}.`;
  const first = timeline[0]!.mastery;
  const last = timeline.at(-1)!.mastery;
  const trend =
    Math.round(first * 100) === Math.round(last * 100)
      ? `stayed at ${pct(last)}`
      : `went from ${pct(first)} to ${pct(last)}`;
  return `${span} you answered ${answers} ${answers === 1 ? "question" : "questions"}, ${right} right (${pct(right / answers)}), on ${days} ${days === 1 ? "day" : "days"}. Your mastery ${trend}.`;
}
