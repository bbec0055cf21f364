import { describe, expect, it, vi } from "vitest";

import { cachedMigrationStatus, MIGRATION_CHECK_TTL_MS, type MigrationStatus } from "./migration-status";

const CURRENT: MigrationStatus = { current: true, pending: [] };
const BEHIND: MigrationStatus = { current: false, pending: ["20270101000000_next"] };

describe("cachedMigrationStatus", () => {
  it("asks the database once while the answer is fresh, and again once it is not", async () => {
    let clock = 0;
    const check = vi.fn(async () => CURRENT);
    const status = cachedMigrationStatus(check, () => clock);
    await Promise.all([status(), status(), status()]);
    expect(check).toHaveBeenCalledTimes(1);
    clock += MIGRATION_CHECK_TTL_MS.current - 1;
    expect(await status()).toEqual(CURRENT);
    expect(check).toHaveBeenCalledTimes(1);
    clock += 1;
    await status();
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("asks again sooner while the database is behind, so a server comes in soon after db:migrate", async () => {
    let clock = 0;
    const check = vi.fn(async () => (check.mock.calls.length > 1 ? CURRENT : BEHIND));
    const status = cachedMigrationStatus(check, () => clock);
    expect(await status()).toEqual(BEHIND);
    clock += MIGRATION_CHECK_TTL_MS.behind;
    expect(await status()).toEqual(CURRENT);
  });

  it("keeps no failure: the next call asks again", async () => {
    const check = vi.fn().mockRejectedValueOnce(new Error("connection refused")).mockResolvedValue(CURRENT);
    const status = cachedMigrationStatus(check, () => 0);
    await expect(status()).rejects.toThrow("connection refused");
    expect(await status()).toEqual(CURRENT);
  });
});
