"use client";

// A live game's view, kept current from its server-sent events (lib/live/stream.ts). The
// browser's EventSource reconnects by itself; a server that is stopping says `reconnect` and
// the hook connects again after a short random wait (so a class does not arrive at once); a
// refused stream (signed out, removed) is tried again every few seconds. The phone's clock is
// corrected to the server's from the views' `serverNow`.
import { useCallback, useEffect, useRef, useState } from "react";

interface Stamped {
  serverNow: number;
  revision: number;
}

/** How many recent offsets are kept: the largest is the best estimate (the least delayed). */
const OFFSET_SAMPLES = 10;

export function useGameStream<V extends Stamped>(url: string, initial: V) {
  const [view, setView] = useState(initial);
  const [connected, setConnected] = useState(true);
  const offsets = useRef<number[]>([]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const again = (ms: number) => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = null;
        open();
      }, ms);
    };
    const open = () => {
      source?.close();
      const current = new EventSource(url);
      source = current;
      current.onopen = () => setConnected(true);
      current.onmessage = (event: MessageEvent<string>) => {
        const next = JSON.parse(event.data) as V;
        // serverNow - now is the offset less the message's delay: the largest recent one is closest.
        offsets.current = [...offsets.current, next.serverNow - Date.now()].slice(-OFFSET_SAMPLES);
        setConnected(true);
        setView(next);
      };
      current.addEventListener("reconnect", () => {
        current.close();
        setConnected(false);
        again(300 + Math.random() * 1200);
      });
      current.onerror = () => {
        setConnected(false);
        // A refused stream is not retried by the browser: try again ourselves.
        if (current.readyState === EventSource.CLOSED) again(3000);
      };
    };
    open();
    const onVisible = () => {
      if (document.visibilityState === "visible" && source?.readyState === EventSource.CLOSED) again(0);
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onVisible);
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onVisible);
    };
  }, [url]);

  /** The server's clock now, as best this device can tell. */
  const serverNow = useCallback(() => Date.now() + (offsets.current.length ? Math.max(...offsets.current) : 0), []);
  return { view, connected, serverNow };
}

/** Seconds left on the question (rounded up), ticking; null when no countdown runs (or before the page is live). */
export function useSecondsLeft(
  closesAt: number | null,
  pausedLeftMs: number | null,
  serverNow: () => number,
): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (closesAt === null || pausedLeftMs !== null) return;
    const tick = () => setNow(serverNow());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [closesAt, pausedLeftMs, serverNow]);
  if (pausedLeftMs !== null) return Math.ceil(pausedLeftMs / 1000);
  if (closesAt === null || now === null) return null;
  return Math.max(0, Math.ceil((closesAt - now) / 1000));
}
