// After signing in, `next` only ever leads to a page of this site; and a session that has
// ended (signed out everywhere, disabled) is no session to next-auth's own endpoint either.
import type { Page } from "@playwright/test";

import { expect, PASSWORD, test } from "../fixtures";

/** Signs in on the sign-in page this URL opens (with its `next`), and waits to land. */
async function signInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Email or username").fill(email);
  await page.getByLabel("Password or PIN").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((landed) => !/\/(sign-in|after-sign-in)/.test(landed.pathname));
}

test.describe("where signing in leads", () => {
  for (const next of ["/\t/evil.example/phish", "/\\evil.example", "//evil.example", "/%2F%2Fevil.example"]) {
    test(`next=${JSON.stringify(next)} lands on this site`, async ({ page, make }) => {
      const teacher = await make.teacher();
      await signInAt(page, `/sign-in?next=${encodeURIComponent(next)}`, teacher.email);
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/teacher$/);
    });
  }

  test("a next with CR or LF is dropped, not a server error", async ({ page, make }) => {
    const teacher = await make.teacher();
    await signInAt(page, `/sign-in?next=${encodeURIComponent("/teacher\r\nSet-Cookie: a=b")}`, teacher.email);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/teacher$/);
    for (const bad of ["/\r\n/evil.example", "/x\ny", "/%0d%0ax"]) {
      const response = await page.request.get(`/after-sign-in?next=${encodeURIComponent(bad)}`, { maxRedirects: 0 });
      expect(response.status(), bad).toBeLessThan(400);
      expect(response.headers()["location"], bad).toBe("/teacher");
    }
  });

  test("a page on this site is still where next leads", async ({ page, make }) => {
    const teacher = await make.teacher();
    await signInAt(page, `/sign-in?next=${encodeURIComponent("/teacher/import")}`, teacher.email);
    await expect(page).toHaveURL(/\/teacher\/import$/);
  });
});

test.describe("/api/auth/session", () => {
  test("answers as for no session once the session has ended on the server", async ({ page, make, db }) => {
    const teacher = await make.teacher();
    await signInAt(page, "/sign-in", teacher.email);
    const live = await page.request.get("/api/auth/session");
    expect(await live.json()).toMatchObject({ user: { id: teacher.id, role: "TEACHER" } });

    // Signed out everywhere (from another device): this cookie is no longer a session.
    await db.user.update({ where: { id: teacher.id }, data: { sessionVersion: { increment: 1 } } });
    const ended = await page.request.get("/api/auth/session");
    expect(ended.status()).toBe(200);
    expect(await ended.json()).toBeNull();
  });

  test("answers as for no session for a disabled account", async ({ page, make, db }) => {
    const teacher = await make.teacher();
    await signInAt(page, "/sign-in", teacher.email);
    await db.user.update({ where: { id: teacher.id }, data: { disabledAt: new Date() } });
    const response = await page.request.get("/api/auth/session");
    expect(await response.json()).toBeNull();
  });
});
