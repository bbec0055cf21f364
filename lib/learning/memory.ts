// Memory of a fact, scheduled with FSRS (ts-fsrs). Pure: the database row is mapped to a
// ts-fsrs card and back, so scheduling and mastery are unit-tested without a database.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";

/** The ReviewState columns (a ts-fsrs Card, in the database's names). */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
  /** The rating of the latest answer (1 wrong … 4 easy; 0 never answered): FSRS's recall
   * probability is near 1 just after any answer, right or wrong, so this says which it was. */
  lastRating: number;
}

/** Prisma `select` for the ReviewState columns that make a MemoryState. */
export const memorySelect = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  lastRating: true,
} as const;

// No fuzz: the same answers at the same times always give the same schedule.
/** The recall FSRS schedules reviews to keep: below it, a fact is fading. */
export const KNOWN_RECALL_TARGET = 0.9;

const scheduler = fsrs({ enable_fuzz: false, request_retention: KNOWN_RECALL_TARGET });

function toCard(memory: MemoryState): Card {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state,
    last_review: memory.lastReview ?? undefined,
  };
}

function fromCard(card: Card, lastRating: number): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
    lastRating,
  };
}

export function newMemory(now: Date): MemoryState {
  return fromCard(createEmptyCard(now), 0);
}

// A right answer given quickly shows easy recall; a slow one, effortful recall.
export const FAST_ANSWER_MS = 6_000;
export const SLOW_ANSWER_MS = 25_000;

/**
 * The FSRS rating of one answer: wrong is Again; right is Easy when quick, Hard when slow,
 * Good otherwise. Time is unknown (an answer sent later from the offline queue) -> Good.
 * Part marks (matching, ordering) below 1 count as Hard when at least half right.
 */
export function ratingFor({ score, responseMs }: { score: number; responseMs?: number | null }): Grade {
  if (score <= 0) return Rating.Again;
  if (score < 1) return score >= 0.5 ? Rating.Hard : Rating.Again;
  if (responseMs == null || responseMs <= 0) return Rating.Good;
  if (responseMs <= FAST_ANSWER_MS) return Rating.Easy;
  if (responseMs >= SLOW_ANSWER_MS) return Rating.Hard;
  return Rating.Good;
}

/** The memory state after answering at `now` with this rating. */
export function review(memory: MemoryState, rating: Grade, now: Date): MemoryState {
  // An answer replayed from the offline queue may be older than the last review: never go back,
  // and the newer answer stays the latest.
  const late = memory.lastReview !== null && now < memory.lastReview;
  const at = late ? memory.lastReview! : now;
  return fromCard(scheduler.next(toCard(memory), at, rating).card, late ? memory.lastRating : rating);
}

/** Probability of recalling the fact now (0 for a fact never answered). */
export function recallProbability(memory: MemoryState | null | undefined, now: Date): number {
  if (!memory || memory.reps === 0 || !memory.lastReview) return 0;
  return scheduler.get_retrievability(toCard(memory), now, false);
}

/**
 * Whether the student knows the fact now, 0..1: 0 when their latest answer was wrong (or they
 * never answered), else the probability that they still recall it, which decays with time.
 */
export function knowsNow(memory: MemoryState | null | undefined, now: Date): number {
  if (!memory || memory.lastRating <= Rating.Again) return 0;
  return recallProbability(memory, now);
}

/** Mean of knowsNow over a set of facts or students (never answered counts as 0). */
export function mastery(memories: (MemoryState | null | undefined)[], now: Date): number {
  if (memories.length === 0) return 0;
  return memories.reduce((sum, memory) => sum + knowsNow(memory, now), 0) / memories.length;
}

/** How a class stands on one fact, student by student: the mean (mastery) hides who is where. */
export interface KnowledgeSpread {
  /** Latest answer right, and still recalled with at least the scheduler's target retention (0.9). */
  know: number;
  /** Latest answer right, but recall has decayed below that: due for review. */
  fading: number;
  /** Latest answer wrong. */
  wrong: number;
  /** Never answered. */
  unanswered: number;
}

/** Each student in one of four groups (know it: recall at or above the scheduler's target): know it, fading, wrong last time, not answered. */
export function knowledgeSpread(memories: (MemoryState | null | undefined)[], now: Date): KnowledgeSpread {
  const spread: KnowledgeSpread = { know: 0, fading: 0, wrong: 0, unanswered: 0 };
  for (const memory of memories) {
    if (!memory || memory.reps === 0 || !memory.lastReview) spread.unanswered++;
    else if (memory.lastRating <= Rating.Again) spread.wrong++;
    else if (recallProbability(memory, now) >= KNOWN_RECALL_TARGET) spread.know++;
    else spread.fading++;
  }
  return spread;
}

export function isDue(memory: MemoryState, now: Date): boolean {
  return memory.reps > 0 && memory.due <= now;
}
