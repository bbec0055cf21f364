import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrate, readMigrations } from "@/scripts/lib/migrations";
import { diffDatabaseToModels } from "@/scripts/lib/schema-diff";
import { writeSchemas } from "@/scripts/lib/prisma-schemas";

import { emptyDatabaseUrl, TEST_PROVIDER } from "./test-db";

describe(`migrations on ${TEST_PROVIDER}`, () => {
  let database: Awaited<ReturnType<typeof emptyDatabaseUrl>>;
  beforeAll(async () => {
    writeSchemas();
    database = await emptyDatabaseUrl();
  });
  afterAll(() => database.remove());

  it("apply to an empty database, then have nothing left to apply", async () => {
    const first = await migrate(database.url);
    expect(first.applied).toEqual(readMigrations(TEST_PROVIDER).map((m) => m.name));
    const second = await migrate(database.url);
    expect(second).toEqual({ provider: TEST_PROVIDER, applied: [], changed: [] });
  });

  it("build exactly the schema of prisma/models.prisma (run npm run db:migration:create -- <name> if not)", async () => {
    expect(await diffDatabaseToModels(database.url)).toBe("");
  });
});
