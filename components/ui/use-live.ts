"use client";

import { useEffect, useState } from "react";

/**
 * Polls a JSON endpoint while the page is visible. The database is the source of truth, so
 * this works behind a load balancer with any number of app servers.
 */
export function useLive<T>(
  url: string,
  initial: T,
  intervalMs = 3000,
): { data: T; updatedAt: number | null; stale: boolean } {
  const [data, setData] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const tick = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as T;
        if (!cancelled) {
          setData(next);
          setUpdatedAt(Date.now());
          setStale(false);
        }
      } catch {
        if (!cancelled) setStale(true);
      }
    };
    const timer = window.setInterval(() => void tick(), intervalMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [url, intervalMs]);
  return { data, updatedAt, stale };
}
