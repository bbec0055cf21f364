import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { DraftLimiter } from "./draft-limiter";

/** A job that runs until released, recording how many ran at once. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe("DraftLimiter", () => {
  it("runs at most maxRunning jobs at once and queues the rest in order", async () => {
    const limiter = new DraftLimiter(2, 5);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const gates = ["a", "b", "c", "d"].map(() => gate());
    const jobs = ["a", "b", "c", "d"].map((user, i) =>
      limiter.run(user, async () => {
        running++;
        most = Math.max(most, running);
        order.push(user);
        await gates[i]!.done;
        running--;
        return user;
      }),
    );
    await Promise.resolve();
    expect(limiter.stats).toEqual({ running: 2, waiting: 2 });
    for (const g of gates) g.release();
    expect(await Promise.all(jobs)).toEqual(["a", "b", "c", "d"]);
    expect(most).toBe(2);
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(limiter.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a second job for a user whose first is running or waiting, and accepts it afterwards", async () => {
    const limiter = new DraftLimiter(1, 5);
    const first = gate();
    const running = limiter.run("ann", () => first.done);
    await expect(limiter.run("ann", async () => undefined)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/already have an article being drafted/),
    });
    const blocker = gate();
    const bob = limiter.run("bob", () => blocker.done); // waits behind ann
    await expect(limiter.run("bob", async () => undefined)).rejects.toBeInstanceOf(AppError);
    first.release();
    blocker.release();
    await Promise.all([running, bob]);
    await expect(limiter.run("ann", async () => "again")).resolves.toBe("again");
  });

  it("refuses when the queue is full, and frees the slot when a job fails", async () => {
    const limiter = new DraftLimiter(1, 1);
    const first = gate();
    const a = limiter.run("a", () => first.done);
    const b = limiter.run("b", async () => "b");
    await expect(limiter.run("c", async () => "c")).rejects.toMatchObject({ code: "rate_limited" });
    first.release();
    await a;
    expect(await b).toBe("b");
    await expect(limiter.run("d", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(limiter.stats).toEqual({ running: 0, waiting: 0 });
  });
});
