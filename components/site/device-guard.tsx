"use client";

import { useEffect } from "react";

import { claimDevice, clearDevice } from "@/lib/client/device-data";

/**
 * On every page load, keeps only the signed-in user's answers and offline pages in this
 * browser (a class shares phones), or none when nobody is signed in: a session that ended
 * elsewhere leaves nothing for the next student either.
 */
export function DeviceGuard({ userId }: { userId: string | null }) {
  useEffect(() => {
    const caches = "caches" in window ? window.caches : null;
    void Promise.resolve()
      .then(() =>
        userId
          ? claimDevice(window.localStorage, caches, userId)
          : clearDevice(window.localStorage, caches, { keepUnsent: true }),
      )
      // Storage blocked or full: there is nothing of anyone's to clear either.
      .catch(() => undefined);
  }, [userId]);
  return null;
}
