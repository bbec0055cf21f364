// The order a student sees a question's choices in: multiple-choice options are shuffled per
// attempt (stable within it, so a reload or a resumed attempt shows the same order), so the
// phone beside yours does not give the answer away by where it is. The answer names the option
// by its stored position, so grading never depends on the order; the order shown is recorded
// with the response. True/false keeps True before False; ordering keeps the generator's order
// (chosen not to be the answer), matching its left column. A live game, where the projector
// shows the options, keeps one order per question.
import "server-only";

import { seededShuffle } from "@/lib/questions/hash";

/** The kinds whose options are shuffled per attempt. */
const SHUFFLED = new Set(["MULTIPLE_CHOICE"]);

/** Whether a question type's options are shuffled per attempt (and the order recorded with the answer). */
export const isShuffled = (type: string) => SHUFFLED.has(type);

/** The options' stored positions in the order this attempt shows them. */
export function shownOrder(question: { id: string; type: string; options: { position: number }[] }, attemptId: string) {
  const positions = question.options.map((o) => o.position).sort((a, b) => a - b);
  return SHUFFLED.has(question.type) ? seededShuffle(positions, `${attemptId}:${question.id}`) : positions;
}

/** The question with its options in the order this attempt shows them. */
export function inShownOrder<Q extends { id: string; type: string; options: { position: number }[] }>(
  question: Q,
  attemptId: string,
): Q {
  const order = shownOrder(question, attemptId);
  const byPosition = new Map(question.options.map((o) => [o.position, o]));
  return { ...question, options: order.map((position) => byPosition.get(position)!) };
}
