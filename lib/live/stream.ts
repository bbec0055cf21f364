// A viewer's server-sent event stream: each message is the viewer's whole view (lib/live/views.ts),
// its id the game's revision; `reconnect` tells the browser to connect again (the server is
// stopping). EventSource reconnects by itself after `retry` ms on any other break.
import "server-only";

import type { LiveHub } from "@/lib/live/hub";
import type { GameViewer } from "@/lib/live/queries";
import { hostView, playerView } from "@/lib/live/views";

const encoder = new TextEncoder();

export function eventStream(
  hub: LiveHub,
  gameId: string,
  viewer: GameViewer,
  signal: AbortSignal,
  { once = false }: { once?: boolean } = {},
): Response {
  let stop: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
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
      send("retry: 1000\n\n");
      stop = hub.watch(gameId, {
        host: viewer.kind === "host",
        update(snapshot) {
          const now = new Date();
          const view = viewer.kind === "host" ? hostView(snapshot, now) : playerView(snapshot, viewer.userId, now);
          if (!view) return close();
          send(`id: ${snapshot.revision}\ndata: ${JSON.stringify(view)}\n\n`);
          if (once) close();
        },
        drain() {
          send("event: reconnect\ndata: {}\n\n");
          close();
        },
      });
      signal.addEventListener("abort", close);
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
