// How many drafts run at once: a few across the process (each takes a core for seconds), one
// per teacher (a second click while the first drafts is refused, not queued), and a short
// queue behind them. In memory: each server process keeps its own count.
import { AppError } from "@/lib/errors";

export const ALREADY_DRAFTING =
  "You already have an article being drafted. Wait for it to finish (a long article takes a few seconds), then try again.";
export const TOO_MANY_DRAFTING = "Quizwire is drafting many articles right now. Try again in a minute.";

export class DraftLimiter {
  private running = 0;
  private readonly users = new Set<string>();
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
    private readonly messages: { alreadyRunning: string; tooMany: string } = {
      alreadyRunning: ALREADY_DRAFTING,
      tooMany: TOO_MANY_DRAFTING,
    },
  ) {}

  /** Runs `job` for this user when a slot is free; refuses a user who already has one running or waiting. */
  async run<T>(userId: string, job: () => Promise<T>): Promise<T> {
    if (this.users.has(userId)) throw new AppError("rate_limited", this.messages.alreadyRunning);
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) {
      throw new AppError("rate_limited", this.messages.tooMany);
    }
    this.users.add(userId);
    try {
      if (this.running < this.maxRunning) this.running++;
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
      try {
        return await job();
      } finally {
        // Hand the slot to the next in line, else free it.
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      }
    } finally {
      this.users.delete(userId);
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
