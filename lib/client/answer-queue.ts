// The browser's queue of answers not yet confirmed by the server. Every answer goes through
// it: stored first (so a reload, a closed tab or a dropped connection cannot lose it), sent,
// and removed only when the server has stored it. Plain TypeScript with the storage passed
// in, so the rules are unit-tested without a browser.
import type { AnswerRequest } from "@/lib/attempts/schemas";

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** One queue per user, so on a shared phone one student's answers are never sent as another's. */
export function queueKey(userId: string): string {
  return `quizwire.pending-answers.v1.${userId}`;
}

export type SendResult<T> = { kind: "saved"; outcome: T } | { kind: "retry" } | { kind: "rejected"; message: string };

export class AnswerQueue {
  private flushing: Promise<"done" | "waiting"> | null = null;
  private flushAgain = false;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  all(): AnswerRequest[] {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? "[]") as unknown;
      return Array.isArray(value) ? (value as AnswerRequest[]) : [];
    } catch {
      return [];
    }
  }

  private write(items: AnswerRequest[]): void {
    this.storage.setItem(this.key, JSON.stringify(items));
  }

  /** Adds an answer unless one for the same question of the same attempt is queued already. */
  add(request: AnswerRequest): AnswerRequest {
    const items = this.all();
    const existing = items.find((i) => i.attemptId === request.attemptId && i.questionId === request.questionId);
    if (existing) return existing;
    this.write([...items, request]);
    return request;
  }

  remove(clientId: string): void {
    this.write(this.all().filter((i) => i.clientId !== clientId));
  }

  forAttempt(attemptId: string): AnswerRequest[] {
    return this.all().filter((i) => i.attemptId === attemptId);
  }

  /**
   * Sends every queued answer in order (of any attempt: an answer given offline in another
   * quiz goes too). Saved and rejected ones leave the queue; on the first "retry" (offline,
   * server error) it stops and keeps the rest.
   *
   * One flush at a time: the page asks for one on every answer, when the network comes back
   * and every 5 s. Two at once send the same answer twice, and when the second send fails
   * after the first was saved, the page shows a stored answer as waiting, with nothing left in
   * the queue to ever send it. A flush asked for meanwhile runs once the current one ends.
   */
  flush<T>(
    send: (request: AnswerRequest) => Promise<SendResult<T>>,
    onResult: (request: AnswerRequest, result: SendResult<T>) => void,
  ): Promise<"done" | "waiting"> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    // Started in a microtask, so the queue is marked as flushing before any send begins.
    this.flushing = Promise.resolve().then(() => this.sendUntilNoneAsked(send, onResult));
    return this.flushing;
  }

  private async sendUntilNoneAsked<T>(
    send: (request: AnswerRequest) => Promise<SendResult<T>>,
    onResult: (request: AnswerRequest, result: SendResult<T>) => void,
  ): Promise<"done" | "waiting"> {
    try {
      let outcome: "done" | "waiting";
      do {
        this.flushAgain = false;
        outcome = await this.sendAll(send, onResult);
      } while (this.flushAgain);
      return outcome;
    } finally {
      this.flushing = null;
    }
  }

  private async sendAll<T>(
    send: (request: AnswerRequest) => Promise<SendResult<T>>,
    onResult: (request: AnswerRequest, result: SendResult<T>) => void,
  ): Promise<"done" | "waiting"> {
    for (const request of this.all()) {
      const result = await send(request);
      onResult(request, result);
      if (result.kind === "retry") return "waiting";
      this.remove(request.clientId);
    }
    return "done";
  }
}

/**
 * The queue of one user in this page's localStorage, one instance per page: the quiz player
 * and the sign-out button send from the same queue, and two flushes at once would send an
 * answer twice (see `flush`).
 */
const sharedQueues = new Map<string, AnswerQueue>();
export function sharedQueue(storage: KeyValueStorage, userId: string): AnswerQueue {
  const key = queueKey(userId);
  let queue = sharedQueues.get(key);
  if (!queue) {
    queue = new AnswerQueue(storage, key);
    sharedQueues.set(key, queue);
  }
  return queue;
}

/** What a flush started outside the quiz player (signing out) reports, so the player shows it. */
export const ANSWER_RESULT_EVENT = "quizwire:answer-result";

/** POSTs one answer; network failures and server errors are "retry", refusals are final. */
export async function postAnswer<T>(request: AnswerRequest, fetchImpl: typeof fetch = fetch): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl("/api/answers", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      cache: "no-store",
    });
  } catch {
    return { kind: "retry" };
  }
  if (response.ok) {
    // A reply cut short is no reply: the answer may be stored, and the retry will find it.
    const outcome = (await response.json().catch(() => null)) as T | null;
    return outcome === null ? { kind: "retry" } : { kind: "saved", outcome };
  }
  // Signed out: keep the answer until the student signs in again.
  if (response.status === 401 || response.status === 408 || response.status === 429 || response.status >= 500)
    return { kind: "retry" };
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return { kind: "rejected", message: body.message ?? "This answer could not be saved." };
}
