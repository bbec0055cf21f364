import { expect, test } from "@playwright/test";

test("the health check reports that the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "sqlite" });
});
