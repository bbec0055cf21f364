import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// The cookie's claims name a user before the database has checked the session (claimedId).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, claimedId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: () => Promise.resolve(session.user),
  sessionClaims: () =>
    Promise.resolve(session.claimedId === null ? null : { userId: session.claimedId, sessionVersion: 0 }),
}));

const { route, routeRunner } = await import("@/lib/route");

const student: CurrentUser = { id: "s1", role: "STUDENT", displayName: "Ada", email: null, username: "ada" };
const teacher: CurrentUser = { id: "t1", role: "TEACHER", displayName: "Mr T", email: "t@school.org", username: null };
const noParams = { params: Promise.resolve({}) };

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://quiz.school.org/api/things", { method: "POST", body, headers });
const get = (query = "") => new Request(`http://quiz.school.org/api/things${query}`);

beforeEach(() => {
  session.user = student;
  session.claimedId = student.id;
});

describe("route", () => {
  const save = route(
    { body: z.object({ n: z.number() }), invalidBodyMessage: "Send a number.", signedOutMessage: "Sign in again." },
    ({ user, body }) => Promise.resolve({ by: user.id, n: body.n }),
  );

  it("hands the signed-in user and the parsed body to the handler, and answers JSON no cache keeps", async () => {
    const response = await save(post('{"n":3}'), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^no-store\b/);
    expect(await response.json()).toEqual({ by: "s1", n: 3 });
  });

  it("answers 401 unauthorized with the route's message when signed out", async () => {
    session.user = null;
    const response = await save(post('{"n":3}'), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized", message: "Sign in again." });
  });

  it("refuses a cross-site write before anything else", async () => {
    const response = await save(post('{"n":3}', { "sec-fetch-site": "cross-site" }), noParams);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "forbidden" });
  });

  it("answers 400 invalid_input with the issues when the body does not parse", async () => {
    const response = await save(post('{"n":"three"}'), noParams);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_input",
      message: "Send a number.",
      issues: [expect.stringMatching(/^n: /)],
    });
    expect((await save(post("{nope"), noParams)).status).toBe(400);
  });

  it("refuses a body over the cap with 413, after the user is known", async () => {
    const big = post(JSON.stringify({ n: 1, pad: "x".repeat(20 * 1024) }));
    expect((await save(big, noParams)).status).toBe(413);
    session.user = null;
    expect((await save(post(JSON.stringify({ n: 1, pad: "x".repeat(20 * 1024) })), noParams)).status).toBe(401);
  });

  it("turns an AppError into its status, and lets anything else through", async () => {
    const failing = (error: Error) => route({}, () => Promise.reject(error));
    const conflict = await failing(new AppError("conflict", "Already done."))(get(), noParams);
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: "conflict", message: "Already done." });
    expect((await failing(new AppError("unauthorized", "Sign in."))(get(), noParams)).status).toBe(401);
    await expect(failing(new Error("bug"))(get(), noParams)).rejects.toThrow("bug");
  });

  it("answers 403 to another role, or 404 to anyone refused when the route pretends not to exist", async () => {
    const forTeachers = route({ roles: ["TEACHER"] }, () => Promise.resolve("ok"));
    expect((await forTeachers(get(), noParams)).status).toBe(403);
    session.user = teacher;
    expect((await forTeachers(get(), noParams)).status).toBe(200);

    const hidden = route({ roles: ["TEACHER"], refuse: "not_found" }, () => Promise.resolve("ok"));
    for (const user of [student, null]) {
      session.user = user;
      const response = await hidden(get(), noParams);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found" });
    }
  });

  it("parses the path's params and the query, and passes a Response the handler made through as it is", async () => {
    const download = route(
      { params: z.object({ id: z.string() }), query: z.object({ format: z.enum(["csv", "json"]).catch("json") }) },
      ({ params, query }) =>
        Promise.resolve(new Response(`${params.id}.${query.format}`, { headers: { "Content-Type": "text/csv" } })),
    );
    const response = await download(get("?format=csv"), { params: Promise.resolve({ id: "c1" }) });
    expect(await response.text()).toBe("c1.csv");
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await (await download(get("?format=xml"), { params: Promise.resolve({ id: "c1" }) })).text()).toBe(
      "c1.json",
    );
  });
  describe("prefetch", () => {
    const started: { userId: string; n: number }[] = [];
    const saveWithReads = route(
      {
        body: z.object({ n: z.number() }),
        prefetch: ({ userId, body }) => {
          started.push({ userId, n: body.n });
          return userId === "s1" ? Promise.resolve(`reads of ${userId}`) : Promise.reject(new Error("no such user"));
        },
      },
      async ({ user, body, prefetched }) => ({ by: user.id, n: body.n, reads: await prefetched }),
    );
    beforeEach(() => {
      started.length = 0;
    });

    it("starts the handler's reads with the body for the user the cookie names, before the session is checked", async () => {
      const response = await saveWithReads(post('{"n":4}'), noParams);
      expect(await response.json()).toEqual({ by: "s1", n: 4, reads: "reads of s1" });
      expect(started).toEqual([{ userId: "s1", n: 4 }]);
    });

    it("drops the reads when the database refuses the session: 401, the handler never runs", async () => {
      session.user = null;
      session.claimedId = "gone";
      const response = await saveWithReads(post('{"n":4}'), noParams);
      expect(response.status).toBe(401);
      expect(started).toEqual([{ userId: "gone", n: 4 }]);
    });

    it("starts nothing for a body that does not parse or a request without a session", async () => {
      expect((await saveWithReads(post('{"n":"four"}'), noParams)).status).toBe(400);
      session.user = null;
      session.claimedId = null;
      expect((await saveWithReads(post('{"n":4}'), noParams)).status).toBe(401);
      // Signed out comes first, whatever the body.
      expect((await saveWithReads(post('{"n":"four"}'), noParams)).status).toBe(401);
      expect(started).toEqual([]);
    });
  });

  describe("routeRunner (a route run outside Next's request scope)", () => {
    const guest: CurrentUser = { id: "g1", role: "GUEST", displayName: "Visitor", email: null, username: null };
    const answer = routeRunner(
      {
        roles: ["STUDENT", "GUEST"],
        params: z.object({ gameId: z.string() }),
        body: z.object({ n: z.number() }),
        signedOutMessage: "Join again.",
        guest: async ({ gameId }, cookie) => ((await cookie(`guest-${gameId}`)) === "token" ? guest : null),
      },
      ({ user, params, body }) => Promise.resolve({ by: user.id, game: params.gameId, n: body.n }),
    );
    const identity = (user: CurrentUser | null, cookies: Record<string, string> = {}) => ({
      claims: () => Promise.resolve(user && { userId: user.id, sessionVersion: 0 }),
      user: () => Promise.resolve(user),
      cookie: (name: string) => Promise.resolve(cookies[name]),
    });

    it("acts for the user the identity names, with the same checks as route()", async () => {
      const ok = await answer(post('{"n":1}'), { gameId: "g" }, identity(student));
      expect(await ok.json()).toEqual({ by: "s1", game: "g", n: 1 });
      expect((await answer(post('{"n":1}'), { gameId: "g" }, identity(teacher))).status).toBe(403);
      expect((await answer(post('{"n":"one"}'), { gameId: "g" }, identity(student))).status).toBe(400);
      const crossSite = post('{"n":1}', { "sec-fetch-site": "cross-site" });
      expect((await answer(crossSite, { gameId: "g" }, identity(student))).status).toBe(403);
    });

    it("asks the guest option, with the request's cookies, when nobody is signed in", async () => {
      const asGuest = await answer(post('{"n":2}'), { gameId: "g" }, identity(null, { "guest-g": "token" }));
      expect(await asGuest.json()).toEqual({ by: "g1", game: "g", n: 2 });
      // The cookie of another game names nobody here.
      const elsewhere = await answer(post('{"n":2}'), { gameId: "h" }, identity(null, { "guest-g": "token" }));
      expect(elsewhere.status).toBe(401);
      expect(await elsewhere.json()).toEqual({ error: "unauthorized", message: "Join again." });
    });
  });
});
