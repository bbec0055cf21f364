import { afterEach, describe, expect, it, vi } from "vitest";

import { installCommand, installMissing, missingPackages } from "./system-packages";

describe("what npm test needs from the machine", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("names Chromium when it is not where it is looked for, and only when the run needs it", () => {
    expect(missingPackages({ chromium: true, postgres: false }, "/nowhere/chromium")).toEqual(["chromium"]);
    expect(missingPackages({ chromium: false, postgres: false }, "/nowhere/chromium")).toEqual([]);
  });

  it("needs no PostgreSQL server of its own when TEST_DATABASE_URL names one", () => {
    vi.stubEnv("TEST_DATABASE_URL", "postgresql://postgres@db.example:5432/postgres");
    expect(missingPackages({ chromium: false, postgres: true }, "/nowhere")).toEqual([]);
  });

  it("says the one command to run, and has nothing to do when nothing is missing", () => {
    expect(installCommand(["chromium", "postgresql"])).toBe("apt-get update && apt-get install -y chromium postgresql");
    expect(installMissing([])).toEqual({ ok: true });
  });
});
