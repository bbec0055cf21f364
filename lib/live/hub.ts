// How a change to a live game reaches every screen, in every process of every app server
// (docs/decisions/0008-live-game.md). Each process keeps the viewers connected to it, by game;
// when a game changes it reads the game once and hands the snapshot to each of them. It hears
// of a change from this process at once (announce), from other processes through a short poll
// of the games' revisions (SQLite) or PostgreSQL's NOTIFY (and a slow poll to cover a dropped
// listener), and it closes an open question when its time runs out (tickGame). On SIGTERM it
// tells every viewer to reconnect, so the server's drain does not wait for the streams.
import "server-only";

import pg from "pg";

import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/client";
import { providerOf } from "@/lib/db-provider";
import { nextDueAt } from "@/lib/live/machine";
import { loadSnapshotUnscoped } from "@/lib/live/queries";
import { LIVE_CHANNEL, readGame, readRevisions, type GameRow } from "@/lib/live/store";
import type { GameSnapshot } from "@/lib/live/views";

export interface Viewer {
  update(snapshot: GameSnapshot): void;
  /**
   * The projector: sent every snapshot read (arrivals within MINOR_READ_MS, the count of answers on
   * the heartbeat); a phone is sent the lobby's arrivals once a second.
   */
  host?: boolean;
  /** Nothing has changed for a while: keep the connection open (a comment on the stream). */
  ping?(): void;
  /** The server is stopping: tell the screen to reconnect, and end. */
  drain(): void;
}

export interface LiveHubOptions {
  db: Db;
  databaseUrl: string;
  /** How often the revisions of the watched games are read (ms). */
  pollMs?: number;
  /**
   * The projector is sent a fresh view at least this often (ms), for its count of answers (an
   * answer changes no revision). Phones are not: nothing of theirs changes without a revision.
   */
  heartbeatMs?: number;
  /** A phone whose game has not changed is sent a comment this often (ms); KEEP_ALIVE_MS by default. */
  keepAliveMs?: number;
  /** Ticks the clock of a game (closes a question whose time ran out); lib/live/mutations' tickGame. */
  tick(gameId: string): Promise<unknown>;
  /**
   * Hear this process's announce() and drain on SIGTERM (default). A test that stands in for
   * another process's hub turns it off, so that it hears of changes only as that process would.
   */
  inProcess?: boolean;
}

/** Changes within this long of each other are sent as one (ms). */
const COALESCE_MS = 20;
/**
 * A change that moves no phone on is read (the whole game) at most this often (ms): the
 * projector shows a class arriving in steps this long, rather than reading 2,000 players' rows
 * per arrival.
 */
export const MINOR_READ_MS = 200;
/** A phone whose game has not changed is sent a comment this often (ms), to keep proxies from closing its stream. */
export const KEEP_ALIVE_MS = 15_000;
/**
 * A change that moves no phone on (a player joined or was removed, names shown or hidden) is
 * sent to the phones at most this often (ms); the projector has it at once. A class of 2,000
 * joining within seconds would otherwise send every phone a view per arrival.
 */
export const MINOR_CHANGE_MS = 1_000;
export const SQLITE_POLL_MS = 150;
export const POSTGRES_POLL_MS = 2_000;

interface Watched {
  viewers: Set<Viewer>;
  /** Viewers that have not had a view yet. */
  fresh: Set<Viewer>;
  revision: number;
  /** The last snapshot every phone was sent, and when. */
  sent: GameSnapshot | null;
  /** The last snapshot read, and when. */
  latest: GameSnapshot | null;
  readAt: number;
  /** The last snapshot the projector was sent. */
  hostSent: GameSnapshot | null;
  /** Viewers that are the projector. */
  hosts: number;
  /** When the phones were last sent a keep-alive. */
  pingedAt: number;
  /** A minor change's read, waiting for MINOR_READ_MS. */
  later: ReturnType<typeof setTimeout> | null;
  sentAt: number;
  minor: ReturnType<typeof setTimeout> | null;
  scheduled: ReturnType<typeof setTimeout> | null;
  due: ReturnType<typeof setTimeout> | null;
  refreshing: Promise<void> | null;
  again: boolean;
}

export interface LiveHub {
  /**
   * Sends the viewer the game at every change until the returned function is called: at once
   * the current snapshot, unless `fresh` is false (the caller has sent the viewer its first view).
   */
  watch(gameId: string, viewer: Viewer, options?: { fresh?: boolean }): () => void;
  /** This process changed the game: refresh its viewers now. */
  refreshSoon(gameId: string): void;
  /**
   * The last snapshot of the game this process read for its viewers (null when it has none of
   * it): compare its revision with the game's before trusting it as the game now.
   */
  latest(gameId: string): GameSnapshot | null;
  stop(): Promise<void>;
}

// Shared by every bundle of the app in one process (Next loads a module once per layer).
const HUBS = Symbol.for("quizwire.liveHubs");
const hubs: Set<LiveHub> = ((globalThis as Record<symbol, Set<LiveHub> | undefined>)[HUBS] ??= new Set());

/** Tells this process's hubs that a game changed (every mutation calls it after writing). */
export function announce(gameId: string): void {
  for (const hub of hubs) hub.refreshSoon(gameId);
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const postgres = providerOf(options.databaseUrl) === "postgres";
  const pollMs = options.pollMs ?? (postgres ? POSTGRES_POLL_MS : SQLITE_POLL_MS);
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
  const games = new Map<string, Watched>();
  let poller: ReturnType<typeof setInterval> | null = null;
  let listener: pg.Client | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const refresh = async (gameId: string): Promise<void> => {
    const watched = games.get(gameId);
    if (!watched) return;
    if (watched.refreshing) {
      watched.again = true;
      return watched.refreshing;
    }
    watched.refreshing = (async () => {
      try {
        if (await readDue(gameId, watched)) {
          const snapshot = await loadSnapshotUnscoped(options.db, gameId);
          if (!snapshot) return;
          watched.revision = snapshot.revision;
          watched.latest = snapshot;
          watched.readAt = Date.now();
          if (watched.due) clearTimeout(watched.due);
          const dueAt = nextDueAt({ ...snapshot, pausedMs: 0 });
          watched.due = dueAt
            ? setTimeout(() => void options.tick(gameId).catch(report), Math.max(0, dueAt.getTime() - Date.now()) + 5)
            : null;
          watched.due?.unref?.();
        }
        const snapshot = watched.latest;
        if (!snapshot) return;
        const now = Date.now();
        // The phones, on a change that moves them, and on a minor one at most once a
        // MINOR_CHANGE_MS; the projector, every snapshot read (its arrivals and answer counts);
        // a viewer just connected, its first view.
        const phonesToo =
          !watched.sent ||
          movesPhones(watched.sent, snapshot) ||
          (snapshot.revision !== watched.sent.revision && now - watched.sentAt >= MINOR_CHANGE_MS);
        if (phonesToo) {
          watched.sent = snapshot;
          watched.sentAt = now;
          if (watched.minor) clearTimeout(watched.minor);
          watched.minor = null;
        } else if (!watched.minor && snapshot.revision !== watched.sent!.revision) {
          watched.minor = setTimeout(
            () => {
              watched.minor = null;
              void refresh(gameId);
            },
            MINOR_CHANGE_MS - (now - watched.sentAt),
          );
          watched.minor.unref?.();
        }
        const hostToo = watched.hostSent !== snapshot;
        watched.hostSent = snapshot;
        const fresh = watched.fresh;
        watched.fresh = new Set();
        if (!phonesToo && !hostToo && fresh.size === 0) return;
        for (const viewer of watched.viewers)
          if (phonesToo || (viewer.host && hostToo) || fresh.has(viewer)) viewer.update(snapshot);
      } catch (error) {
        report(error);
      } finally {
        watched.refreshing = null;
      }
      if (watched.again) {
        watched.again = false;
        await refresh(gameId);
      }
    })();
    return watched.refreshing;
  };

  /**
   * Whether the game is to be read whole now. A snapshot costs a read of every player and a view
   * for the projector: a change that moves no phone on (an arrival, a removal) is read at most
   * once a MINOR_READ_MS, found by reading the game's row alone; an unchanged game is not read
   * again, but for the projector's heartbeat (its count of answers, which change no revision).
   */
  const readDue = async (gameId: string, watched: Watched): Promise<boolean> => {
    const now = Date.now();
    if (!watched.latest || watched.fresh.size > 0) return true;
    if (watched.hosts > 0 && now - watched.readAt >= heartbeatMs) return true;
    const game = await readGame(sqlOf(options.db), gameId);
    if (!game || game.revision === watched.latest.revision) return false;
    const wait = MINOR_READ_MS - (now - watched.readAt);
    if (wait <= 0 || movesPhones(watched.latest, game)) return true;
    if (!watched.later) {
      watched.later = setTimeout(() => {
        watched.later = null;
        void refresh(gameId);
      }, wait);
      watched.later.unref?.();
    }
    return false;
  };

  const refreshSoon = (gameId: string) => {
    const watched = games.get(gameId);
    if (!watched || watched.scheduled) return;
    watched.scheduled = setTimeout(() => {
      watched.scheduled = null;
      void refresh(gameId);
    }, COALESCE_MS);
  };

  const poll = async () => {
    if (games.size === 0) return;
    try {
      const revisions = await readRevisions(sqlOf(options.db), [...games.keys()]);
      const now = Date.now();
      for (const [gameId, watched] of games) {
        const revision = revisions.get(gameId);
        if (
          (revision !== undefined && revision !== watched.revision) ||
          (watched.hosts > 0 && now - watched.readAt >= heartbeatMs)
        )
          refreshSoon(gameId);
        if (now - watched.pingedAt >= keepAliveMs) {
          watched.pingedAt = now;
          for (const viewer of watched.viewers) viewer.ping?.();
        }
      }
    } catch (error) {
      report(error);
    }
  };

  const listen = async () => {
    if (!postgres || stopped || listener) return;
    const client = new pg.Client({ connectionString: options.databaseUrl });
    listener = client;
    const retry = () => {
      if (listener !== client) return;
      listener = null;
      void client.end().catch(() => undefined);
      if (!stopped && games.size > 0 && !reconnect) {
        reconnect = setTimeout(() => {
          reconnect = null;
          void listen();
          // Whatever changed while the listener was down.
          for (const gameId of games.keys()) refreshSoon(gameId);
        }, 1_000);
        reconnect.unref?.();
      }
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload) refreshSoon(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      report(error);
      retry();
    }
  };

  const drain = () => {
    for (const watched of games.values()) for (const viewer of watched.viewers) viewer.drain();
  };

  const hub: LiveHub = {
    watch(gameId, viewer, { fresh = true } = {}) {
      let watched = games.get(gameId);
      if (!watched) {
        watched = {
          viewers: new Set(),
          fresh: new Set(),
          sent: null,
          latest: null,
          readAt: 0,
          hostSent: null,
          hosts: 0,
          pingedAt: Date.now(),
          later: null,
          sentAt: 0,
          minor: null,
          revision: -1,
          scheduled: null,
          due: null,
          refreshing: null,
          again: false,
        };
        games.set(gameId, watched);
      }
      watched.viewers.add(viewer);
      if (viewer.host) watched.hosts++;
      if (fresh) watched.fresh.add(viewer);
      if (!poller) {
        poller = setInterval(() => void poll(), pollMs);
        poller.unref?.();
      }
      void listen();
      // A viewer that has its first view needs no read, unless this process has none of the game yet.
      if (fresh || !watched.latest) refreshSoon(gameId);
      return () => {
        const current = games.get(gameId);
        if (!current?.viewers.has(viewer)) return;
        current.viewers.delete(viewer);
        if (viewer.host) current.hosts--;
        current.fresh.delete(viewer);
        if (current.viewers.size > 0) return;
        if (current.scheduled) clearTimeout(current.scheduled);
        if (current.minor) clearTimeout(current.minor);
        if (current.later) clearTimeout(current.later);
        if (current.due) clearTimeout(current.due);
        games.delete(gameId);
        if (games.size === 0 && poller) {
          clearInterval(poller);
          poller = null;
        }
      };
    },
    refreshSoon,
    latest: (gameId) => games.get(gameId)?.latest ?? null,
    async stop() {
      stopped = true;
      hubs.delete(hub);
      process.off("SIGTERM", drain);
      process.off("SIGINT", drain);
      if (poller) clearInterval(poller);
      if (reconnect) clearTimeout(reconnect);
      for (const watched of games.values()) {
        if (watched.scheduled) clearTimeout(watched.scheduled);
        if (watched.due) clearTimeout(watched.due);
        if (watched.minor) clearTimeout(watched.minor);
        if (watched.later) clearTimeout(watched.later);
      }
      games.clear();
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
  if (options.inProcess !== false) {
    hubs.add(hub);
    process.on("SIGTERM", drain);
    process.on("SIGINT", drain);
  }
  return hub;
}

/** Whether a change moves the phones on (the question, its clock, its close): sent to them at once. */
function movesPhones(before: GameSnapshot, after: GameSnapshot | GameRow): boolean {
  return (
    before.state !== after.state ||
    before.position !== after.position ||
    before.pausedAt?.getTime() !== after.pausedAt?.getTime() ||
    before.closesAt?.getTime() !== after.closesAt?.getTime() ||
    ("skipped" in after && before.skipped !== after.skipped) ||
    ("reveal" in after && (before.reveal === null) !== (after.reveal === null))
  );
}

function report(error: unknown) {
  console.error("Live game:", error);
}
