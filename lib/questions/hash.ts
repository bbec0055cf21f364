// Deterministic hashing: question keys (sha256, stable across runs and machines) and cheap
// seeded tie-breaks and shuffles (FNV-1a and mulberry32), so the same facts always give the
// same questions in the same order.
import { createHash } from "node:crypto";

/** A stable identifier for the given parts (32 hex digits of their sha256). */
export function stableKey(parts: readonly (string | number)[]): string {
  return createHash("sha256").update(parts.map(String).join("\u0000")).digest("hex").slice(0, 32);
}

/** 32-bit FNV-1a of a string: fast, deterministic, good enough to break ties. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A pseudo-random generator of numbers in [0, 1), seeded by a string. */
export function seededRandom(seed: string): () => number {
  let state = hash32(seed) || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in an order fixed by `seed` (Fisher-Yates with a seeded generator). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
