// A live game's state machine: what each of the host's commands does in each state, when an
// open question closes on its own, and whether an answer still counts. Pure: the server passes
// in its own clock, and the store (lib/live/store.ts) writes what this returns, guarded by the
// game's revision so that one change wins when several servers try at once.
// Why it is this way: docs/decisions/0008-live-game.md.

export type GameStateName = "LOBBY" | "QUESTION" | "REVEAL" | "LEADERBOARD" | "ENDED";

export const HOST_COMMANDS = ["start", "close", "skip", "pause", "resume", "leaderboard", "next", "end"] as const;
export type HostCommand = (typeof HOST_COMMANDS)[number];

/** How long after a question's time runs out answers still in flight are taken, in ms. */
export const ANSWER_GRACE_MS = 2_000;

/**
 * How far before it arrived an answer is believed given, in ms: a phone that answered offline
 * is believed up to this much (its speed points), a forged clock gains no more.
 */
export const ANSWER_CLAIM_BACK_MS = 5_000;

export const MIN_QUESTION_SECONDS = 5;
export const MAX_QUESTION_SECONDS = 240;

/** What the machine reads of a game. */
export interface GameClock {
  state: GameStateName;
  /** The question on screen, from 0; -1 before the first. */
  position: number;
  questionCount: number;
  questionSeconds: number;
  openedAt: Date | null;
  closesAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
}

/** The fields a change sets (the store adds the revision). */
export type GameChange = Partial<
  Pick<GameClock, "state" | "position" | "openedAt" | "closesAt" | "pausedAt" | "pausedMs">
> & {
  startedAt?: Date;
  endedAt?: Date;
};

export interface Transition {
  change: GameChange;
  /** The question that closes with this change: it is scored unless skipped. */
  closes?: { position: number; skipped: boolean; at: Date };
  /** The question that opens with this change. */
  opens?: { position: number; at: Date };
}

export type CommandResult = { ok: true; transition: Transition } | { ok: false; message: string };

const refuse = (message: string): CommandResult => ({ ok: false, message });

function openQuestion(game: GameClock, position: number, now: Date): Transition {
  if (position >= game.questionCount) return end(now);
  return {
    change: {
      state: "QUESTION",
      position,
      openedAt: now,
      closesAt: new Date(now.getTime() + game.questionSeconds * 1000),
      pausedAt: null,
      pausedMs: 0,
    },
    opens: { position, at: now },
  };
}

function end(now: Date): Transition {
  return { change: { state: "ENDED", endedAt: now, pausedAt: null } };
}

/** The effect of one of the host's commands, or why it cannot be done now. */
export function applyCommand(game: GameClock, command: HostCommand, now: Date): CommandResult {
  const asked = dueTransition(game, now);
  // The question's time ran out before the command came: it closed first, whoever notices.
  if (asked && command !== "end" && command !== "skip") {
    const closed = { ...game, ...asked.change } as GameClock;
    const after = applyCommand(closed, command, now);
    if (!after.ok) return after;
    return { ok: true, transition: merge(asked, after.transition) };
  }
  switch (command) {
    case "start": {
      if (game.state !== "LOBBY") return refuse("The game has already started.");
      if (game.questionCount === 0) return refuse("This game has no questions.");
      const first = openQuestion(game, 0, now);
      return { ok: true, transition: { ...first, change: { ...first.change, startedAt: now } } };
    }
    case "next":
      if (game.state === "LOBBY") return applyCommand(game, "start", now);
      if (game.state !== "REVEAL" && game.state !== "LEADERBOARD")
        return refuse(game.state === "ENDED" ? "The game has ended." : "Close the question first.");
      return { ok: true, transition: openQuestion(game, game.position + 1, now) };
    case "close":
      if (game.state !== "QUESTION") return refuse("No question is open.");
      return {
        ok: true,
        transition: {
          change: { state: "REVEAL", pausedAt: null, closesAt: now },
          closes: { position: game.position, skipped: false, at: now },
        },
      };
    case "skip": {
      if (game.state !== "QUESTION") return refuse("No question is open.");
      const next = openQuestion(game, game.position + 1, now);
      return { ok: true, transition: { ...next, closes: { position: game.position, skipped: true, at: now } } };
    }
    case "pause":
      if (game.state !== "QUESTION") return refuse("Only an open question can be paused.");
      if (game.pausedAt) return refuse("The game is already paused.");
      return { ok: true, transition: { change: { pausedAt: now } } };
    case "resume": {
      if (game.state !== "QUESTION" || !game.pausedAt) return refuse("The game is not paused.");
      const paused = Math.max(0, now.getTime() - game.pausedAt.getTime());
      return {
        ok: true,
        transition: {
          change: {
            pausedAt: null,
            pausedMs: game.pausedMs + paused,
            closesAt: new Date((game.closesAt ?? now).getTime() + paused),
          },
        },
      };
    }
    case "leaderboard":
      if (game.state === "REVEAL") return { ok: true, transition: { change: { state: "LEADERBOARD" } } };
      if (game.state === "LEADERBOARD") return { ok: true, transition: { change: { state: "REVEAL" } } };
      return refuse("The leaderboard shows between questions.");
    case "end":
      if (game.state === "ENDED") return refuse("The game has already ended.");
      return {
        ok: true,
        transition:
          game.state === "QUESTION"
            ? { ...end(now), closes: { position: game.position, skipped: false, at: now } }
            : end(now),
      };
  }
}

function merge(first: Transition, second: Transition): Transition {
  return {
    change: { ...first.change, ...second.change },
    closes: second.closes ?? first.closes,
    opens: second.opens ?? first.opens,
  };
}

/**
 * The change that is due by the clock alone: an open question whose time (and the grace for
 * answers in flight) has run out closes. Null when nothing is due. Paused questions wait.
 */
export function dueTransition(game: GameClock, now: Date): Transition | null {
  if (game.state !== "QUESTION" || game.pausedAt || !game.closesAt) return null;
  if (now.getTime() < game.closesAt.getTime() + ANSWER_GRACE_MS) return null;
  return {
    change: { state: "REVEAL" },
    closes: { position: game.position, skipped: false, at: game.closesAt },
  };
}

/** When the clock alone will next change the game (the store's timer), or null. */
export function nextDueAt(game: GameClock): Date | null {
  if (game.state !== "QUESTION" || game.pausedAt || !game.closesAt) return null;
  return new Date(game.closesAt.getTime() + ANSWER_GRACE_MS);
}

export type AnswerJudgement = { ok: true; answeredAt: Date; elapsedMs: number } | { ok: false; message: string };

export const CLOSED_QUESTION_MESSAGE = "This question has closed: an answer given after it closed does not count.";
export const PAUSED_MESSAGE = "The game is paused: answer when your teacher carries on.";
export const TIME_UP_MESSAGE = "Time was up for this question: the answer does not count.";

/**
 * Whether an answer to the question at `position` counts, and when it was given. The phone
 * says when (its clock corrected to the server's); the server believes it no earlier than the
 * question opened or ANSWER_CLAIM_BACK_MS before it arrived, and no later than it arrived. It
 * counts when given before the question's time ran out and received before the question closed
 * (its time plus ANSWER_GRACE_MS, or the teacher's close).
 */
export function judgeLiveAnswer(
  game: GameClock,
  { position, claimedAt, receivedAt }: { position: number; claimedAt: string; receivedAt: Date },
): AnswerJudgement {
  if (game.state !== "QUESTION" || game.position !== position || !game.openedAt || !game.closesAt)
    return { ok: false, message: CLOSED_QUESTION_MESSAGE };
  const received = receivedAt.getTime();
  if (!game.pausedAt && received >= game.closesAt.getTime() + ANSWER_GRACE_MS)
    return { ok: false, message: CLOSED_QUESTION_MESSAGE };
  const earliest = Math.max(game.openedAt.getTime(), received - ANSWER_CLAIM_BACK_MS);
  const claimed = Date.parse(claimedAt);
  const answeredAt = Math.min(Math.max(Number.isNaN(claimed) ? earliest : claimed, earliest), received);
  if (game.pausedAt && answeredAt >= game.pausedAt.getTime()) return { ok: false, message: PAUSED_MESSAGE };
  if (answeredAt >= game.closesAt.getTime()) return { ok: false, message: TIME_UP_MESSAGE };
  const limit = game.questionSeconds * 1000;
  const elapsedMs = Math.min(limit, Math.max(0, answeredAt - game.openedAt.getTime() - game.pausedMs));
  return { ok: true, answeredAt: new Date(answeredAt), elapsedMs };
}

/** Whether a student may join now. */
/**
 * How long after it was made a game takes new guests: a long day, so a game never ended does not
 * stay open to anyone with its PIN for ever; retention treats its guests as if it ended then.
 */
export const GUEST_GAME_MS = 12 * 60 * 60 * 1000;

export const GUESTS_CLOSED_MESSAGE = "This game has been running for over 12 hours and takes no new guests.";

/** Whether a game made at `createdAt` still takes new guests at `now`. */
export function takesNewGuests(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < GUEST_GAME_MS;
}

export function joinRefusal(game: Pick<GameClock, "state"> & { allowLateJoin: boolean }): string | null {
  if (game.state === "ENDED") return "This game has ended.";
  if (game.state !== "LOBBY" && !game.allowLateJoin)
    return "This game has started, and your teacher is not letting anyone else in.";
  return null;
}
