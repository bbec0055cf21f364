// The live bench's phones (scripts/lib/bench-live.ts), in a process of their own so that their
// work does not count as the server's nor slow the host's clock: each player joins with the
// PIN as the join form does, holds an event stream (GET .../events, as
// EventSource does: `retry` on a break, at once on `reconnect`) and answers each question it
// is shown with a POST, as the phone's answer card does. Everything is timed on this machine's
// clock, which the bench's host shares (Date.now, the same clock in both processes).
//
// A phone joins as the join form does once its script has loaded: POST /api/live/join, then the
// game's page as the client router asks for it (an RSC request), then the page's event stream.
//
// The bench talks to it over IPC: "join" -> "joined"; then the players answer every question
// they are shown on their own; "report" -> "report"; "stop" ends it.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";

export interface PlayersConfig {
  /** The app servers' base URLs: player i connects to bases[i % bases.length]. */
  bases: string[];
  gameId: string;
  pin: string;
  /** One session cookie per player ("name=value"). */
  cookies: string[];
  /** Joins are spread evenly over this long (ms), as a class typing the PIN. */
  joinOverMs: number;
  /** Each player answers at a random moment this long after it is shown a question (ms). */
  answerWithinMs: number;
  /** This share of answers is sent a second time under the same clientId (a phone's retry). */
  retryShare: number;
}

export interface PlayersReport {
  /** Per player: ms from the join request to the first view on the stream (-1: never). */
  joinMs: number[];
  joinErrors: string[];
  /** Per position: when each player was first shown the question (epoch ms, -1: never). */
  shownAt: Record<number, number[]>;
  /** Per position: when each player was first shown it closed (state REVEAL; epoch ms, -1: never). */
  closedAt: Record<number, number[]>;
  /** Per position: each acknowledged answer's round trip (ms). */
  answerMs: Record<number, number[]>;
  /** Per position: answers refused or failed at their first sending (their retries not counted). */
  answerFailed: Record<number, number>;
  /** Per position: the clientIds the server acknowledged, by player index. */
  acknowledged: Record<number, (string | null)[]>;
  answerErrors: string[];
  /** Streams that broke (not at the server's "reconnect"), and reconnections made. */
  breaks: number;
  reconnects: number;
  /** Players whose stream is open now. */
  open: number;
}

type Message = { type: "join"; config: PlayersConfig } | { type: "report" } | { type: "stop" };

interface PlayerView {
  state: string;
  position: number;
  question: { id: string; type: string; options?: unknown[] } | null;
  you: { answered: boolean };
}

const send = (message: unknown) => process.send!(message);

let config: PlayersConfig;
const report: PlayersReport = {
  joinMs: [],
  joinErrors: [],
  shownAt: {},
  closedAt: {},
  answerMs: {},
  answerFailed: {},
  acknowledged: {},
  answerErrors: [],
  breaks: 0,
  reconnects: 0,
  open: 0,
};
const streams: (ClientRequest | null)[] = [];
let stopping = false;

function slot<T>(table: Record<number, T[]>, position: number, fill: T): T[] {
  return (table[position] ??= Array.from({ length: config.cookies.length }, () => fill));
}

/**
 * The client router's state on the join page (/play), which it sends with its request for the
 * next page so that the server renders only what differs (Next's FlightRouterState: segment,
 * children).
 */
const JOIN_PAGE_TREE = encodeURIComponent(
  JSON.stringify(["", { children: ["(student)", { children: ["play", { children: ["__PAGE__", {}] }] }] }]),
);

/**
 * The join form, as a phone sends it once the page's script has loaded: the PIN to
 * /api/live/join, then the game's page it is sent to, fetched as the client router does (RSC),
 * then (connect) the page's event stream.
 */
async function join(i: number): Promise<void> {
  const base = config.bases[i % config.bases.length]!;
  const cookie = config.cookies[i]!;
  const started = Date.now();
  try {
    const response = await fetch(`${base}/api/live/join`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ pin: config.pin }),
    });
    const text = await response.text();
    const to = response.ok ? ((JSON.parse(text) as { to?: string }).to ?? "") : "";
    if (to !== `/play/${config.gameId}`) {
      report.joinErrors.push(`player ${i}: ${response.status} ${text.slice(0, 160)}`);
      report.joinMs[i] = -1;
      return;
    }
    const page = await fetch(`${base}${to}`, {
      headers: { cookie, rsc: "1", "next-router-state-tree": JOIN_PAGE_TREE },
    });
    await page.arrayBuffer();
    if (!page.ok) {
      report.joinErrors.push(`player ${i}: the game's page ${page.status}`);
      report.joinMs[i] = -1;
      return;
    }
  } catch (error) {
    report.joinErrors.push(`player ${i}: ${(error as Error).message}`);
    report.joinMs[i] = -1;
    return;
  }
  connect(i, started);
}

/** Opens player i's event stream; `joinStarted` times the first view when it is the join's. */
function connect(i: number, joinStarted?: number): void {
  const base = new URL(config.bases[i % config.bases.length]!);
  let buffer = "";
  let drained = false;
  const request = httpRequest(
    {
      host: base.hostname,
      port: base.port,
      path: `/api/live/games/${config.gameId}/events`,
      headers: { cookie: config.cookies[i]!, accept: "text/event-stream" },
      agent: false,
    },
    (response: IncomingMessage) => {
      if (response.statusCode !== 200) {
        report.joinErrors.push(`player ${i}: stream ${response.statusCode}`);
        response.resume();
        return;
      }
      report.open++;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith("event: reconnect")) {
            drained = true;
            continue;
          }
          const data = message.split("\n").find((line) => line.startsWith("data: "));
          if (!data) continue;
          const view = JSON.parse(data.slice(6)) as PlayerView;
          if (joinStarted !== undefined) {
            report.joinMs[i] = Date.now() - joinStarted;
            joinStarted = undefined;
          }
          seen(i, view);
        }
      });
      response.on("close", () => {
        report.open--;
        reopen();
      });
    },
  );
  let reopened = false;
  const reopen = () => {
    if (reopened || stopping) return;
    reopened = true;
    streams[i] = null;
    if (!drained) report.breaks++;
    report.reconnects++;
    // EventSource waits the server's `retry` (1 s) after a break; a drained stream reconnects at once.
    setTimeout(() => connect(i), drained ? 0 : 1_000);
  };
  request.on("error", reopen);
  request.end();
  streams[i] = request;
}

function seen(i: number, view: PlayerView): void {
  const now = Date.now();
  if (view.state === "QUESTION" && view.question) {
    const shown = slot(report.shownAt, view.position, -1);
    if (shown[i] === -1) {
      shown[i] = now;
      if (!view.you.answered) {
        const delay = Math.random() * config.answerWithinMs;
        setTimeout(() => void answer(i, view), delay);
      }
    }
  } else if (view.state === "REVEAL") {
    const closed = slot(report.closedAt, view.position, -1);
    if (closed[i] === -1) closed[i] = now;
  }
}

async function answer(i: number, view: PlayerView): Promise<void> {
  const question = view.question!;
  const clientId = `bench-${view.position}-${i}-${Math.random().toString(36).slice(2, 10)}`;
  const options = question.options?.length ?? 2;
  const body = JSON.stringify({
    clientId,
    position: view.position,
    questionId: question.id,
    answer: { type: question.type, position: Math.floor(Math.random() * options) },
    answeredAt: new Date().toISOString(),
  });
  const base = config.bases[i % config.bases.length]!;
  const post = async () => {
    const started = Date.now();
    const response = await fetch(`${base}/api/live/games/${config.gameId}/answers`, {
      method: "POST",
      headers: { cookie: config.cookies[i]!, "content-type": "application/json" },
      body,
    });
    const text = await response.text();
    return { ok: response.ok, status: response.status, text, ms: Date.now() - started };
  };
  try {
    const first = await post().catch((error: unknown) => {
      report.answerFailed[view.position] = (report.answerFailed[view.position] ?? 0) + 1;
      throw error;
    });
    if (!first.ok) {
      report.answerFailed[view.position] = (report.answerFailed[view.position] ?? 0) + 1;
      report.answerErrors.push(`player ${i}, question ${view.position}: ${first.status} ${first.text.slice(0, 200)}`);
      return;
    }
    (report.answerMs[view.position] ??= []).push(first.ms);
    slot(report.acknowledged, view.position, null)[i] = clientId;
    if (Math.random() < config.retryShare) {
      const again = await post();
      if (!again.ok)
        report.answerErrors.push(`player ${i}, question ${view.position}, retry: ${again.status} ${again.text}`);
    }
  } catch (error) {
    report.answerErrors.push(`player ${i}, question ${view.position}: ${(error as Error).message}`);
  }
}

process.on("message", (message: Message) => {
  if (message.type === "join") {
    config = message.config;
    report.joinMs = Array.from({ length: config.cookies.length }, () => -1);
    const joins = config.cookies.map(
      (_, i) =>
        new Promise<void>((resolve) =>
          setTimeout(() => void join(i).then(resolve), (i / config.cookies.length) * config.joinOverMs),
        ),
    );
    void Promise.all(joins).then(() => send({ type: "joined" }));
  } else if (message.type === "report") {
    send({ type: "report", report });
  } else if (message.type === "stop") {
    stopping = true;
    for (const stream of streams) stream?.destroy();
    process.disconnect();
  }
});
