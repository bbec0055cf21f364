// What each screen of a live game is sent: the projector's view and each phone's, built from
// one snapshot of the game (lib/live/queries.ts). Pure. A phone's view carries the right
// answer, and the player's own right or wrong, only once the question has closed; the
// projector's shows no name while the teacher has names turned off.
import type { QuestionView } from "@/lib/attempts/view";
import type { GameStateName } from "@/lib/live/machine";
import { rankStandings } from "@/lib/live/scoring";

export interface SnapshotPlayer {
  id: string;
  userId: string;
  nickname: string;
  score: number;
  streak: number;
  correct: number;
  rightMs: number;
  joinedAt: Date;
  removed: boolean;
  /** They have answered the question on screen. */
  answered: boolean;
  /** Their answer to the question on screen, once it is scored. */
  last: { isCorrect: boolean; points: number } | null;
}

export interface Reveal {
  /** The right answer, in words. */
  expected: string;
  explanation: string;
  /** The source sentence. */
  quote: string;
  articleSlug: string;
  /** How the answers fell: each choice (choice questions), or right, partly right and wrong. */
  distribution: { label: string; count: number; right: boolean }[];
}

export interface GameSnapshot {
  id: string;
  title: string;
  pin: string | null;
  state: GameStateName;
  revision: number;
  position: number;
  questionCount: number;
  questionSeconds: number;
  openedAt: Date | null;
  closesAt: Date | null;
  pausedAt: Date | null;
  hideNames: boolean;
  allowLateJoin: boolean;
  /** Guests may join with the PIN and a nickname (lib/live/guests.ts). */
  openToGuests: boolean;
  /** The question on screen (none in the lobby), as a phone may see it before answering. */
  question: QuestionView | null;
  /** The question on screen was skipped. */
  skipped: boolean;
  /** Once the question on screen has closed (and was not skipped). */
  reveal: Reveal | null;
  players: SnapshotPlayer[];
}

/** The clock fields every view carries: the phone counts down from them. */
interface ClockView {
  /** The server's clock when the view was made (ms since the epoch): phones correct theirs by it. */
  serverNow: number;
  closesAt: number | null;
  /** While paused, the ms that were left. */
  pausedLeftMs: number | null;
}

function clockOf(snapshot: Pick<GameSnapshot, "closesAt" | "pausedAt">, now: Date): ClockView {
  return {
    serverNow: now.getTime(),
    closesAt: snapshot.closesAt?.getTime() ?? null,
    pausedLeftMs:
      snapshot.pausedAt && snapshot.closesAt
        ? Math.max(0, snapshot.closesAt.getTime() - snapshot.pausedAt.getTime())
        : null,
  };
}

export interface LeaderboardRow {
  rank: number;
  /** Null while names are off. */
  name: string | null;
  score: number;
}

export interface HostView extends ClockView {
  kind: "host";
  gameId: string;
  revision: number;
  title: string;
  pin: string | null;
  state: GameStateName;
  position: number;
  questionCount: number;
  paused: boolean;
  hideNames: boolean;
  allowLateJoin: boolean;
  openToGuests: boolean;
  question: QuestionView | null;
  skipped: boolean;
  reveal: Reveal | null;
  /** In the lobby: who has joined (names only when names are on). */
  playerCount: number;
  playerNames: string[];
  answeredCount: number;
  /** Top five (the podium's three from it at the end). */
  leaderboard: LeaderboardRow[];
  /**
   * For the teacher's controls (remove a player), under the slide on the projected page: while
   * names are off, players are numbered in the order they joined ("Player 3") instead.
   */
  roster: { id: string; name: string; removed: boolean }[];
}

type Ranked = ReturnType<typeof rankStandings<SnapshotPlayer>>;

// One snapshot is made into every viewer's view (a thousand phones on a process): it is ranked
// once, not once per phone, and each phone finds itself by its id, not by a search.
const rankings = new WeakMap<
  GameSnapshot,
  { active: Ranked; byUserId: Map<string, SnapshotPlayer>; rankOf: Map<string, number> }
>();

function rankingOf(snapshot: GameSnapshot) {
  let ranking = rankings.get(snapshot);
  if (!ranking) {
    const active = rankStandings(snapshot.players.filter((p) => !p.removed));
    ranking = {
      active,
      byUserId: new Map(snapshot.players.map((p) => [p.userId, p])),
      rankOf: new Map(active.map((p) => [p.id, p.rank])),
    };
    rankings.set(snapshot, ranking);
  }
  return ranking;
}

function ranked(snapshot: GameSnapshot): Ranked {
  return rankingOf(snapshot).active;
}

// One collator for every sort of names: localeCompare builds one per comparison (2,000 names
// on the projector: 20,000 of them per change).
const byName = new Intl.Collator();

export function hostView(snapshot: GameSnapshot, now: Date): HostView {
  const active = ranked(snapshot);
  return {
    kind: "host",
    gameId: snapshot.id,
    revision: snapshot.revision,
    title: snapshot.title,
    pin: snapshot.pin,
    state: snapshot.state,
    position: snapshot.position,
    questionCount: snapshot.questionCount,
    paused: snapshot.pausedAt !== null,
    hideNames: snapshot.hideNames,
    allowLateJoin: snapshot.allowLateJoin,
    openToGuests: snapshot.openToGuests,
    question: snapshot.question,
    skipped: snapshot.skipped,
    reveal: snapshot.reveal,
    playerCount: active.length,
    playerNames: snapshot.hideNames ? [] : active.map((p) => p.nickname).sort(byName.compare),
    answeredCount: active.filter((p) => p.answered).length,
    leaderboard: active
      .slice(0, 5)
      .map((p) => ({ rank: p.rank, name: snapshot.hideNames ? null : p.nickname, score: p.score })),
    roster: [...snapshot.players]
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((p, i) => ({ id: p.id, name: snapshot.hideNames ? `Player ${i + 1}` : p.nickname, removed: p.removed })),
    ...clockOf(snapshot, now),
  };
}

export interface PlayerView extends ClockView {
  kind: "player";
  gameId: string;
  revision: number;
  title: string;
  state: GameStateName;
  position: number;
  questionCount: number;
  paused: boolean;
  question: QuestionView | null;
  skipped: boolean;
  /** Only once the question has closed. */
  reveal: Reveal | null;
  you: {
    nickname: string;
    score: number;
    streak: number;
    rank: number;
    players: number;
    /** They have answered the question on screen (the server has it). */
    answered: boolean;
    /** Their answer to the question on screen, once it has closed and been scored. */
    last: { isCorrect: boolean; points: number } | null;
    removed: boolean;
  };
}

/** A player's view, or null when they are not in the game. */
export function playerView(snapshot: GameSnapshot, userId: string, now: Date): PlayerView | null {
  const { byUserId, rankOf, active } = rankingOf(snapshot);
  const player = byUserId.get(userId);
  if (!player) return null;
  return viewOfPlayer(
    snapshot,
    player,
    { rank: rankOf.get(player.id) ?? active.length + 1, players: active.length },
    now,
  );
}

/**
 * The game as one player's page needs it (lib/live/queries.ts loadPlayerSnapshotUnscoped): the
 * game and its question with that player's own row, their rank and the number of players
 * counted by the database, not every player's row. A removed player ranks after everyone.
 */
export interface PlayerSnapshot extends Omit<GameSnapshot, "players"> {
  player: SnapshotPlayer;
  standing: { rank: number; players: number };
}

/** A player's view from their own snapshot: the same view playerView makes from the whole game's. */
export function scopedPlayerView(snapshot: PlayerSnapshot, now: Date): PlayerView {
  return viewOfPlayer(snapshot, snapshot.player, snapshot.standing, now);
}

/** What every phone of a snapshot is sent alike: all of a player's view but "you" and the server's clock. */
type SharedPlayerView = Omit<PlayerView, "you" | "serverNow">;

function sharedOf(snapshot: Omit<GameSnapshot, "players">): SharedPlayerView {
  const { closesAt, pausedLeftMs } = clockOf(snapshot, new Date(0));
  return {
    kind: "player",
    gameId: snapshot.id,
    revision: snapshot.revision,
    title: snapshot.title,
    state: snapshot.state,
    position: snapshot.position,
    questionCount: snapshot.questionCount,
    paused: snapshot.pausedAt !== null,
    question: snapshot.question,
    skipped: snapshot.skipped,
    reveal: isClosed(snapshot) ? snapshot.reveal : null,
    closesAt,
    pausedLeftMs,
  };
}

function isClosed(snapshot: Pick<GameSnapshot, "state">): boolean {
  return snapshot.state !== "QUESTION" && snapshot.state !== "LOBBY";
}

function youOf(
  snapshot: Pick<GameSnapshot, "state">,
  player: SnapshotPlayer,
  standing: { rank: number; players: number },
): PlayerView["you"] {
  return {
    nickname: player.nickname,
    score: player.score,
    streak: player.streak,
    rank: standing.rank,
    players: standing.players,
    answered: player.answered,
    last: isClosed(snapshot) ? player.last : null,
    removed: player.removed,
  };
}

function viewOfPlayer(
  snapshot: Omit<GameSnapshot, "players">,
  player: SnapshotPlayer,
  standing: { rank: number; players: number },
  now: Date,
): PlayerView {
  return { ...sharedOf(snapshot), you: youOf(snapshot, player, standing), serverNow: now.getTime() };
}

// A snapshot's shared part as JSON, made once for the thousand phones a process sends it to.
const sharedTexts = new WeakMap<GameSnapshot, string>();

/**
 * A player's view as its stream sends it: the text of playerView's view (the same object once
 * parsed, its keys in another order), or null when they are not in the game. What every phone
 * shares (the question, the reveal with its source sentence, the clock) is serialised once per
 * snapshot; each phone's own part, their score and rank and the server's time, apart.
 */
export function playerViewText(snapshot: GameSnapshot, userId: string, now: Date): string | null {
  const { byUserId, rankOf, active } = rankingOf(snapshot);
  const player = byUserId.get(userId);
  if (!player) return null;
  let shared = sharedTexts.get(snapshot);
  if (shared === undefined) {
    shared = JSON.stringify(sharedOf(snapshot)).slice(0, -1);
    sharedTexts.set(snapshot, shared);
  }
  const you = youOf(snapshot, player, { rank: rankOf.get(player.id) ?? active.length + 1, players: active.length });
  return `${shared},"you":${JSON.stringify(you)},"serverNow":${now.getTime()}}`;
}
