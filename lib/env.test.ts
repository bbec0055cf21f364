import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite database", () => {
    expect(parseEnv({}).DATABASE_URL).toBe("file:./data/quizwire.db");
  });

  it("names a malformed DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//,
    );
  });

  it("requires AUTH_SECRET in production on PostgreSQL", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://db/quizwire", NODE_ENV: "production" })).toThrow(
      /AUTH_SECRET: is required with PostgreSQL/,
    );
    expect(
      parseEnv({ DATABASE_URL: "postgresql://db/quizwire", NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) })
        .AUTH_SECRET,
    ).toHaveLength(32);
  });
});
