import { describe, expect, it } from "vitest";

import { DEFAULT_DATABASE_CONNECTIONS, postgresPoolSize } from "./pool-size";

describe("postgresPoolSize", () => {
  it("shares an app server's connections among its processes", () => {
    expect(postgresPoolSize({})).toBe(DEFAULT_DATABASE_CONNECTIONS);
    expect(postgresPoolSize({ WEB_CONCURRENCY: "2" })).toBe(5);
    expect(postgresPoolSize({ WEB_CONCURRENCY: "4", DATABASE_CONNECTIONS: "30" })).toBe(7);
    // Never none: a process with no connection could answer nothing.
    expect(postgresPoolSize({ WEB_CONCURRENCY: "8", DATABASE_CONNECTIONS: "4" })).toBe(1);
  });

  it("takes DATABASE_POOL_SIZE as it is, and refuses what is not a count", () => {
    expect(postgresPoolSize({ WEB_CONCURRENCY: "2", DATABASE_POOL_SIZE: "5" })).toBe(5);
    expect(() => postgresPoolSize({ DATABASE_CONNECTIONS: "lots" })).toThrow(
      /DATABASE_CONNECTIONS must be a whole number/,
    );
    expect(() => postgresPoolSize({ DATABASE_POOL_SIZE: "0" })).toThrow(/at least 1/);
  });
});
