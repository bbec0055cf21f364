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
