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
import { LIVE_CHANNEL, readRevisions } from "@/lib/live/store";
import type { GameSnapshot } from "@/lib/live/views";

export interface Viewer {
  update(snapshot: GameSnapshot): void;
  /** The projector: sent every change at once (a phone is sent the lobby's arrivals once a second). */
  host?: boolean;
  /** The server is stopping: tell the screen to reconnect, and end. */
  drain(): void;
}

export interface LiveHubOptions {
  db: Db;
  databaseUrl: string;
  /** How often the revisions of the watched games are read (ms). */
  pollMs?: number;
  /** Every viewer is sent a fresh view at least this often (ms): counts of answers, keep-alive. */
  heartbeatMs?: number;
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
  sentAt: number;
  minor: ReturnType<typeof setTimeout> | null;
  scheduled: ReturnType<typeof setTimeout> | null;
  due: ReturnType<typeof setTimeout> | null;
  refreshing: Promise<void> | null;
  again: boolean;
}

export interface LiveHub {
  watch(gameId: string, viewer: Viewer): () => void;
  /** This process changed the game: refresh its viewers now. */
  refreshSoon(gameId: string): void;
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
        const snapshot = await loadSnapshotUnscoped(options.db, gameId);
        if (!snapshot) return;
        watched.revision = snapshot.revision;
        if (watched.due) clearTimeout(watched.due);
        const dueAt = nextDueAt({ ...snapshot, pausedMs: 0 });
        watched.due = dueAt
          ? setTimeout(() => void options.tick(gameId).catch(report), Math.max(0, dueAt.getTime() - Date.now()) + 5)
          : null;
        watched.due?.unref?.();
        const now = Date.now();
        // Every viewer on a change that moves the phones, on the heartbeat, and on a minor change
        // at most once a MINOR_CHANGE_MS; otherwise only the projector and viewers just connected.
        const phonesToo =
          !watched.sent ||
          movesPhones(watched.sent, snapshot) ||
          now - watched.sentAt >= (snapshot.revision === watched.sent.revision ? heartbeatMs : MINOR_CHANGE_MS);
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
        const fresh = watched.fresh;
        watched.fresh = new Set();
        for (const viewer of watched.viewers)
          if (phonesToo || viewer.host || fresh.has(viewer)) viewer.update(snapshot);
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
        if ((revision !== undefined && revision !== watched.revision) || now - watched.sentAt >= heartbeatMs)
          refreshSoon(gameId);
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
    watch(gameId, viewer) {
      let watched = games.get(gameId);
      if (!watched) {
        watched = {
          viewers: new Set(),
          fresh: new Set(),
          sent: null,
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
      watched.fresh.add(viewer);
      if (!poller) {
        poller = setInterval(() => void poll(), pollMs);
        poller.unref?.();
      }
      void listen();
      refreshSoon(gameId);
      return () => {
        const current = games.get(gameId);
        if (!current) return;
        current.viewers.delete(viewer);
        current.fresh.delete(viewer);
        if (current.viewers.size > 0) return;
        if (current.scheduled) clearTimeout(current.scheduled);
        if (current.minor) clearTimeout(current.minor);
        if (current.due) clearTimeout(current.due);
        games.delete(gameId);
        if (games.size === 0 && poller) {
          clearInterval(poller);
          poller = null;
        }
      };
    },
    refreshSoon,
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
function movesPhones(before: GameSnapshot, after: GameSnapshot): boolean {
  return (
    before.state !== after.state ||
    before.position !== after.position ||
    before.pausedAt?.getTime() !== after.pausedAt?.getTime() ||
    before.closesAt?.getTime() !== after.closesAt?.getTime() ||
    before.skipped !== after.skipped ||
    (before.reveal === null) !== (after.reveal === null)
  );
}

function report(error: unknown) {
  console.error("Live game:", error);
}
