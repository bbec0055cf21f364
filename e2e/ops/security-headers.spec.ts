// Security headers: every response says how it may be used (no sniffing, no referrer leaving
// the site, never framed); every page has a Content-Security-Policy that runs only the
// scripts carrying this response's nonce. A student's quiz and a teacher's pages must work
// under it without a single violation.
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "../fixtures";
import { startQuiz } from "../lib/start-quiz";

const SEED = "/articles/istanbul-talks-2025-05-16";

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return async () => [
    ...console,
    ...((await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .catch(() => [])) as string[]),
  ];
}

function directivesOf(policy: string | undefined): Map<string, string[]> {
  expect(policy, "Content-Security-Policy").toBeTruthy();
  return new Map(
    policy!.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

test("pages and API responses carry the security headers; HSTS never on plain http", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/join", SEED]) {
    const response = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    // A client cannot claim https: this server is plain http and trusts no proxy.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    const csp = directivesOf(headers["content-security-policy"]);
    expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(csp.get("connect-src"), path).toEqual(["'self'"]);
    expect(csp.get("object-src"), path).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests"), path).toBe(false);
    const scriptSrc = csp.get("script-src")!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
    nonces.add(nonce);
    // Next.js put this response's nonce on every script of the page.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(4);

  for (const path of ["/api/health", "/api/auth/csrf"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(directivesOf(headers["content-security-policy"]).get("default-src"), path).toEqual(["'none'"]);
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("a script injected into a page without the nonce does not run; the page's own scripts do", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__injected = true</script><img src="x" onerror="window.__injected = true"></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  // The page hydrated: its nonced scripts ran (React answers the form).
  await expect(page.getByLabel("Email or username")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f)))
    .toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(async () => (await violations()).join("\n")).toMatch(/script-src/);
});

test("a student answers a quiz, and a teacher shows a class's QR code, with no CSP violation", async ({
  page,
  browser,
  make,
}) => {
  const teacher = await make.teacher();
  const classroom = await make.classroom(teacher.id);
  const student = await make.student(classroom.id, "Noor");

  const violations = await watchViolations(page);
  await signIn(page, student.username);
  await page.goto(SEED);
  await page.getByRole("link", { name: /Take the quiz/ }).click();
  await startQuiz(page);
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  const question = page.locator("section[aria-labelledby^=stem-]");
  for (let i = 0; i < 3; i++) {
    await expect(question).toBeVisible();
    const radios = question.getByRole("radio");
    if ((await radios.count()) > 0) await radios.first().check();
    else if ((await question.getByRole("combobox").count()) > 0)
      for (const select of await question.getByRole("combobox").all()) await select.selectOption({ index: 1 });
    else if ((await question.getByRole("textbox").count()) > 0) await question.getByRole("textbox").fill("1,000");
    await question.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("link", { name: "Read it in the article" })).toBeVisible();
    await page.getByRole("button", { name: /Next question|Finish/ }).click();
  }
  await expect(page.getByText("All answers saved")).toBeVisible();
  // The offline service worker registered under the policy.
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), {
      timeout: 10_000,
    })
    .toBe(true);
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);

  const teacherPage = await browser.newPage();
  const teacherViolations = await watchViolations(teacherPage);
  await signIn(teacherPage, teacher.email);
  await teacherPage.goto(`/teacher/classes/${classroom.id}`);
  await expect(teacherPage.getByRole("img", { name: /QR code for/ }).first()).toBeVisible();
  await teacherPage.goto(`/present/classes/${classroom.id}`);
  await expect(teacherPage.getByRole("img", { name: /QR code for/ }).first()).toBeVisible();
  await teacherPage.goto("/teacher/import");
  await expect(teacherPage.getByLabel("Headline")).toBeVisible();
  expect(await teacherViolations()).toEqual([]);
  await teacherPage.close();
});
