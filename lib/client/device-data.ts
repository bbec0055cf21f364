// What Quizwire keeps in the browser, and whose it is. A class shares phones: whatever one
// student leaves behind (answers and feedback, which holds the right answers; the quiz pages
// kept for offline use) the next one could open. So every entry and every cached page is
// keyed by its user, and the page decides what may stay:
// - signed in as U (every page load): only U's entries and pages stay; the service worker
//   is told U is this browser's user and serves U's kept pages only;
// - signed out, or a session that ended elsewhere (a page loads signed out): nothing stays
//   but answers not yet sent, which are their student's work and hold no right answers (for
//   them to send after signing in again); they go too once someone else signs in here.
// Plain TypeScript with the storage passed in, so the rules are unit-tested without a browser.
// The cache names are repeated in public/sw.js, which cannot import this file.
import { queueKey } from "@/lib/client/answer-queue";

export interface DeviceStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

export interface DeviceCache {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export interface DeviceCaches {
  keys(): Promise<string[]>;
  delete(cacheName: string): Promise<boolean>;
  open(cacheName: string): Promise<DeviceCache>;
}

const STORAGE_PREFIX = "quizwire.";
const UNSENT_PREFIX = "quizwire.pending-answers.";
const CACHE_PREFIX = "quizwire-";

/** The app's own scripts and styles (named by content, the same for everyone). */
export const STATIC_CACHE = "quizwire-static-v1";
/** Where the service worker learns whose kept pages it may serve. */
export const DEVICE_CACHE = "quizwire-device";
export const DEVICE_USER_PATH = "/__quizwire/device-user";

/** The quiz pages one user opened, kept for reloads while offline. */
export function pagesCacheName(userId: string): string {
  return `${CACHE_PREFIX}pages-${userId}`;
}

/** Answers the server confirmed (with their feedback), kept so a page reloaded offline still shows them. */
export function savedAnswersKey(userId: string, attemptId: string): string {
  return `${STORAGE_PREFIX}saved-answers.v2.${userId}.${attemptId}`;
}

function belongsTo(key: string, userId: string): boolean {
  return (
    key === queueKey(userId) ||
    key.startsWith(`${STORAGE_PREFIX}saved-answers.v2.${userId}.`) ||
    // A timed attempt's measured clock offset (lib/client/attempt-clock.ts).
    key.startsWith(`${STORAGE_PREFIX}clock-offset.v1.${userId}.`)
  );
}

function removeEntries(storage: DeviceStorage, remove: (key: string) => boolean): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(STORAGE_PREFIX) && remove(key)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

async function deleteCaches(caches: DeviceCaches, remove: (name: string) => boolean): Promise<void> {
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && remove(name));
  await Promise.all(names.map((name) => caches.delete(name)));
}

/** Tells the service worker whose kept pages it may serve. */
export async function markDeviceUser(caches: DeviceCaches, userId: string): Promise<void> {
  const device = await caches.open(DEVICE_CACHE);
  const current = await device.match(DEVICE_USER_PATH);
  if ((await current?.text()) === userId) return;
  await device.put(DEVICE_USER_PATH, new Response(userId, { headers: { "Content-Type": "text/plain" } }));
}

/**
 * A page loaded signed in as `userId`: every other user's entries and kept pages go (the
 * service worker is switched to this user first, so it never serves them meanwhile).
 * `caches` is null where the browser has none (a page not served over HTTPS).
 */
export async function claimDevice(storage: DeviceStorage, caches: DeviceCaches | null, userId: string): Promise<void> {
  removeEntries(storage, (key) => !belongsTo(key, userId));
  if (!caches) return;
  await markDeviceUser(caches, userId);
  await deleteCaches(
    caches,
    (name) => name !== STATIC_CACHE && name !== DEVICE_CACHE && name !== pagesCacheName(userId),
  );
}

/**
 * Nobody is signed in here any more: every entry and kept page goes, and the service worker
 * serves none. With `keepUnsent` (a page loaded signed out, the session perhaps ended
 * elsewhere), answers not yet sent stay for their student to send after signing in again;
 * signing out on purpose keeps nothing. The local entries go before the first await.
 */
export async function clearDevice(
  storage: DeviceStorage,
  caches: DeviceCaches | null,
  { keepUnsent }: { keepUnsent: boolean },
): Promise<void> {
  const unsent = (key: string) => key.startsWith(UNSENT_PREFIX) && (storage.getItem(key) ?? "[]") !== "[]";
  removeEntries(storage, (key) => !(keepUnsent && unsent(key)));
  if (!caches) return;
  await caches.delete(DEVICE_CACHE);
  await deleteCaches(caches, (name) => name !== STATIC_CACHE);
}
