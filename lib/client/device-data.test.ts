import { describe, expect, it } from "vitest";

import { queueKey } from "@/lib/client/answer-queue";
import { clockOffsetKey } from "@/lib/client/attempt-clock";
import {
  claimDevice,
  clearDevice,
  DEVICE_CACHE,
  DEVICE_USER_PATH,
  pagesCacheName,
  savedAnswersKey,
  STATIC_CACHE,
  type DeviceCaches,
  type DeviceStorage,
} from "@/lib/client/device-data";

function memoryStorage(entries: Record<string, string>): DeviceStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    removeItem: (k) => void data.delete(k),
  };
}

/** CacheStorage in memory: cache name to (URL to body). */
function memoryCaches(names: string[]): DeviceCaches & { data: Map<string, Map<string, string>> } {
  const data = new Map(names.map((name) => [name, new Map([["/quiz/s1", "<html>"]])]));
  return {
    data,
    keys: async () => [...data.keys()],
    delete: async (name) => data.delete(name),
    open: async (name) => {
      const cache = data.get(name) ?? new Map<string, string>();
      data.set(name, cache);
      return {
        match: async (url) => (cache.has(url) ? new Response(cache.get(url)) : undefined),
        put: async (url, response) => void cache.set(url, await response.text()),
      };
    },
  };
}

const ada = "ada1";
const ben = "ben1";
const storedFor = () =>
  memoryStorage({
    [queueKey(ada)]: "[unsent of Ada]",
    [savedAnswersKey(ada, "att-a")]: "{feedback of Ada}",
    [queueKey(ben)]: "[unsent of Ben]",
    // A queue once used and now empty.
    [queueKey("cid1")]: "[]",
    [savedAnswersKey(ben, "att-b")]: "{feedback of Ben}",
    // Before answers were keyed by user: whose they are is unknown.
    "quizwire.saved-answers.att-old": "{feedback}",
    "another-app.setting": "kept",
  });

describe("claimDevice", () => {
  it("keeps only the signed-in user's entries and kept pages, and marks them as this browser's user", async () => {
    const storage = storedFor();
    const caches = memoryCaches([pagesCacheName(ada), pagesCacheName(ben), STATIC_CACHE, "quizwire-v1"]);
    await claimDevice(storage, caches, ben);
    expect([...storage.data.keys()].sort()).toEqual(
      [queueKey(ben), savedAnswersKey(ben, "att-b"), "another-app.setting"].sort(),
    );
    expect([...caches.data.keys()].sort()).toEqual([DEVICE_CACHE, STATIC_CACHE, pagesCacheName(ben)].sort());
    expect(caches.data.get(DEVICE_CACHE)?.get(DEVICE_USER_PATH)).toBe(ben);
  });

  it("keeps the signed-in user's timed attempts' clock offsets, and nobody else's", async () => {
    const storage = memoryStorage({ [clockOffsetKey(ada, "att-a")]: "120", [clockOffsetKey(ben, "att-b")]: "-40" });
    await claimDevice(storage, null, ben);
    expect([...storage.data.keys()]).toEqual([clockOffsetKey(ben, "att-b")]);
  });

  it("does not take one user's entries for another's whose id begins the same", async () => {
    const storage = memoryStorage({ [savedAnswersKey("ab", "x")]: "{}", [savedAnswersKey("abc", "x")]: "{}" });
    await claimDevice(storage, null, "ab");
    expect([...storage.data.keys()]).toEqual([savedAnswersKey("ab", "x")]);
  });
});

describe("clearDevice", () => {
  it("on signing out keeps nothing of anyone's but the app's scripts", async () => {
    const storage = storedFor();
    const caches = memoryCaches([pagesCacheName(ada), DEVICE_CACHE, STATIC_CACHE, "quizwire-v1"]);
    await clearDevice(storage, caches, { keepUnsent: false });
    expect([...storage.data.keys()]).toEqual(["another-app.setting"]);
    expect([...caches.data.keys()]).toEqual([STATIC_CACHE]);
  });

  it("when a page loads signed out keeps only answers not yet sent, for their student to sign in and send", async () => {
    const storage = storedFor();
    const caches = memoryCaches([pagesCacheName(ada), DEVICE_CACHE, STATIC_CACHE]);
    await clearDevice(storage, caches, { keepUnsent: true });
    expect([...storage.data.keys()].sort()).toEqual([queueKey(ada), queueKey(ben), "another-app.setting"].sort());
    expect([...caches.data.keys()]).toEqual([STATIC_CACHE]);
  });

  it("clears localStorage before it waits on the caches (a form submitted next cannot outrun it)", () => {
    const storage = storedFor();
    void clearDevice(storage, memoryCaches([]), { keepUnsent: false });
    expect([...storage.data.keys()]).toEqual(["another-app.setting"]);
  });
});
