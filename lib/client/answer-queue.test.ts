import { describe, expect, it } from "vitest";

import { AnswerQueue, postAnswer, queueKey, type KeyValueStorage, type SendResult } from "@/lib/client/answer-queue";
import type { AnswerRequest } from "@/lib/attempts/schemas";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const answer = (questionId: string, clientId = `c-${questionId}-0000`): AnswerRequest => ({
  clientId,
  attemptId: "a1",
  questionId,
  answer: { type: "MULTIPLE_CHOICE", position: 1 },
  answeredAt: "2026-03-02T09:00:00.000Z",
});

describe("AnswerQueue", () => {
  it("keeps answers across instances (a reload) and one per question", () => {
    const storage = memoryStorage();
    new AnswerQueue(storage, "k").add(answer("q1"));
    const reloaded = new AnswerQueue(storage, "k");
    expect(reloaded.add(answer("q1", "c-other-000")).clientId).toBe("c-q1-0000");
    expect(reloaded.all()).toHaveLength(1);
  });

  it("sends in order, drops saved and refused answers, and keeps the rest while offline", async () => {
    const queue = new AnswerQueue(memoryStorage(), "k");
    ["q1", "q2", "q3"].forEach((q) => queue.add(answer(q)));
    const sent: string[] = [];
    const result = await queue.flush(
      async (r) =>
        r.questionId === "q3"
          ? { kind: "retry" }
          : r.questionId === "q2"
            ? { kind: "rejected", message: "no" }
            : { kind: "saved", outcome: {} },
      (r) => sent.push(r.questionId),
    );
    expect(result).toBe("waiting");
    expect(sent).toEqual(["q1", "q2", "q3"]);
    expect(queue.all().map((r) => r.questionId)).toEqual(["q3"]);
  });

  it("sends one flush at a time: an answer saved by one is not reported waiting by another", async () => {
    // The player flushes on each answer, on "online" and every 5 s, so flushes overlap.
    const queue = new AnswerQueue(memoryStorage(), "k");
    queue.add(answer("q1"));
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const results: string[] = [];
    let sends = 0;
    const send = async (): Promise<SendResult<object>> => {
      sends++;
      if (sends === 1) {
        await slow;
        return { kind: "saved", outcome: {} };
      }
      return { kind: "retry" };
    };
    const first = queue.flush(send, (_, result) => results.push(result.kind));
    const second = queue.flush(send, (_, result) => results.push(result.kind));
    release();
    await Promise.all([first, second]);
    expect(sends).toBe(1);
    expect(results).toEqual(["saved"]);
    expect(queue.all()).toEqual([]);
  });

  it("flushes once more when asked while flushing: an answer added meanwhile is sent", async () => {
    const queue = new AnswerQueue(memoryStorage(), "k");
    queue.add(answer("q1"));
    const sent: string[] = [];
    const send = async (r: AnswerRequest): Promise<SendResult<object>> => {
      sent.push(r.questionId);
      if (sent.length === 1) {
        queue.add(answer("q2"));
        void queue.flush(send, () => undefined);
      }
      return { kind: "saved", outcome: {} };
    };
    await queue.flush(send, () => undefined);
    expect(sent).toEqual(["q1", "q2"]);
  });

  it("keeps each user's answers apart", () => {
    const storage = memoryStorage();
    new AnswerQueue(storage, queueKey("amira")).add(answer("q1"));
    expect(new AnswerQueue(storage, queueKey("jonas")).all()).toEqual([]);
    expect(new AnswerQueue(storage, queueKey("amira")).all()).toHaveLength(1);
  });

  it("survives a corrupted store", () => {
    const storage = memoryStorage();
    storage.setItem("k", "{not json");
    expect(new AnswerQueue(storage, "k").all()).toEqual([]);
  });
});

describe("postAnswer", () => {
  const reply =
    (status: number, body: unknown = {}) =>
    async () =>
      new Response(JSON.stringify(body), { status });

  it("retries when the network or the server fails, and when signed out", async () => {
    expect(await postAnswer(answer("q1"), async () => Promise.reject(new TypeError("offline")))).toEqual({
      kind: "retry",
    });
    for (const status of [500, 502, 503, 401, 429])
      expect(await postAnswer(answer("q1"), reply(status))).toEqual({ kind: "retry" });
  });

  it("gives up on a refusal with the server's message", async () => {
    expect(await postAnswer(answer("q1"), reply(404, { message: "That attempt does not exist." }))).toEqual({
      kind: "rejected",
      message: "That attempt does not exist.",
    });
  });

  it("retries when the reply is cut short: the answer may be stored, and a retry finds it", async () => {
    const cut = async () => new Response('{"status":"sa', { status: 200 });
    expect(await postAnswer(answer("q1"), cut)).toEqual({ kind: "retry" });
  });

  it("returns the outcome when saved", async () => {
    expect(await postAnswer(answer("q1"), reply(200, { status: "saved" }))).toEqual({
      kind: "saved",
      outcome: { status: "saved" },
    });
  });
});
