"use client";

// A timed attempt's countdown. It counts down to the server's deadline with the phone's clock
// corrected to the server's (lib/client/attempt-clock.ts), so a reload or an offline spell
// shows the time that is really left. Screen readers hear it at a few marks, not every second.
import { useEffect, useRef, useState } from "react";

import { cn } from "@/components/ui/cn";
import { formatRemaining, remainingMs, spokenRemaining, timerAnnouncement } from "@/lib/client/attempt-clock";

export function AttemptTimer({
  deadline,
  serverNow,
  offsetMs,
  onTimeUp,
}: {
  deadline: string;
  serverNow: string;
  /** The server's clock minus this phone's; null until measured (the first render, on the server too). */
  offsetMs: number | null;
  onTimeUp: () => void;
}) {
  // Until the offset is measured, the time left as the server saw it when it sent the page.
  const [left, setLeft] = useState(() => remainingMs(deadline, Date.parse(serverNow), 0));
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(left);
  const timeUp = useRef(onTimeUp);
  useEffect(() => {
    timeUp.current = onTimeUp;
  });

  useEffect(() => {
    if (offsetMs === null) return;
    const tick = () => {
      const now = remainingMs(deadline, Date.now(), offsetMs);
      const said = timerAnnouncement(previous.current, now);
      previous.current = now;
      setLeft(now);
      if (said) setAnnouncement(said);
      if (now <= 0) timeUp.current();
      return now;
    };
    if (tick() <= 0) return;
    // Often enough to turn over each second on time; the phone's clock decides the value.
    const timer = window.setInterval(() => {
      if (tick() <= 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline, offsetMs]);

  const low = left <= 60_000;
  return (
    <div className="flex items-center justify-between gap-2">
      <p
        role="timer"
        aria-label={`Time left: ${spokenRemaining(left)}`}
        className={cn(
          "rounded-xl border px-3 py-1 text-lg font-semibold tabular-nums",
          low ? "border-bad text-bad" : "border-line text-ink",
        )}
      >
        <span aria-hidden="true">Time left </span>
        <span data-testid="time-left">{formatRemaining(left)}</span>
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
