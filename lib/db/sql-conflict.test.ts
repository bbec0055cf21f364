import { describe, expect, it } from "vitest";

import { SqlConflict, SqlUniqueViolation } from "./sql";

describe("SqlConflict", () => {
  it("is recognised from any bundle's copy of the module, and nothing else is", () => {
    // What another route's bundle throws: the same class, a different copy.
    class CopyOfSqlConflict extends Error {
      override name = "SqlConflict";
    }
    expect(new CopyOfSqlConflict("Expected 1 changed rows, got 0") instanceof SqlConflict).toBe(true);
    expect(new SqlConflict("x") instanceof SqlConflict).toBe(true);
    expect(new Error("Expected 1 changed rows") instanceof SqlConflict).toBe(false);
    expect({ name: "SqlConflict" } instanceof SqlConflict).toBe(false);
  });
});

describe("SqlUniqueViolation", () => {
  it("is recognised from any bundle's copy of the module, and nothing else is", () => {
    class CopyOfSqlUniqueViolation extends Error {
      override name = "SqlUniqueViolation";
    }
    expect(new CopyOfSqlUniqueViolation("UNIQUE constraint failed") instanceof SqlUniqueViolation).toBe(true);
    expect(new SqlUniqueViolation("x") instanceof SqlUniqueViolation).toBe(true);
    expect(new Error("UNIQUE constraint failed") instanceof SqlUniqueViolation).toBe(false);
    expect(new CopyOfSqlUniqueViolation("x") instanceof SqlConflict).toBe(false);
  });
});
