// A viewer's server-sent event stream: each message is the viewer's whole view (lib/live/views.ts),
// its id the game's revision; `reconnect` tells the browser to connect again (the server is
// stopping). EventSource reconnects by itself after `retry` ms on any other break. A phone's first
// view may be read for it alone (`first`), not from a snapshot of the whole game: a class
// connecting at once then costs a row each, not a game each.
import "server-only";

import type { LiveHub } from "@/lib/live/hub";
import type { GameViewer } from "@/lib/live/queries";
import { hostView, playerViewText, type HostView, type PlayerView } from "@/lib/live/views";

const encoder = new TextEncoder();

export function eventStream(
  hub: LiveHub,
  gameId: string,
  viewer: GameViewer,
  signal: AbortSignal,
  { once = false, first }: { once?: boolean; first?: () => Promise<HostView | PlayerView | null> } = {},
): Response {
  let stop: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      // The newest revision sent: a view of an older one (a snapshot read before the first view) is not sent after it.
      let sentRevision = -1;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (!open) return;
        open = false;
        stop?.();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const deliverText = (revision: number, json: string) => {
        if (revision < sentRevision) return;
        sentRevision = revision;
        send(`id: ${revision}\ndata: ${json}\n\n`);
        if (once) close();
      };
      const deliver = (view: HostView | PlayerView | null) => {
        if (!view) return close();
        deliverText(view.revision, JSON.stringify(view));
      };
      send("retry: 1000\n\n");
      signal.addEventListener("abort", close);
      if (once && first) {
        first().then(deliver, close);
        return;
      }
      // Watched before the first view is read, so that no change made in between is missed.
      stop = hub.watch(
        gameId,
        {
          host: viewer.kind === "host",
          update(snapshot) {
            if (snapshot.revision < sentRevision) return;
            const now = new Date();
            if (viewer.kind === "host") return deliver(hostView(snapshot, now));
            // A thousand phones are sent one snapshot: its shared part is serialised once.
            const text = playerViewText(snapshot, viewer.userId, now);
            // A player missing from a snapshot joined after it was read (players are never
            // deleted from a running game): their own first view is on its way.
            if (text !== null) deliverText(snapshot.revision, text);
          },
          ping() {
            send(": keep-alive\n\n");
          },
          drain() {
            send("event: reconnect\ndata: {}\n\n");
            close();
          },
        },
        { fresh: !first },
      );
      if (!open) stop();
      first?.().then(deliver, close);
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: nothing between compresses (and so holds back) the stream.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
