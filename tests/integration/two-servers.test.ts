// Two app servers on one PostgreSQL, as a deployment behind a load balancer runs them: the
// database is the only state they share, so whatever a request does on one holds on the
// other at once: a session, an answer (and its retry from the offline queue), a teacher's
// results, a rate limit. SQLite is one file on one machine: several servers need PostgreSQL.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startAppServers, missingBuild, type AppServer } from "@/tests/support/app-servers";

import { enrol, makeAssignment, makeClass, makeUser, PASSWORD } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const skipped =
  TEST_PROVIDER !== "postgres"
    ? "several app servers share a database server: this runs on PostgreSQL only"
    : missingBuild();
if (skipped) console.warn(`Two app servers on one database: skipped (${skipped}).`);

const SESSION_COOKIE = "authjs.session-token";

/** The session cookie a sign-in through `server` sets, or the error code it redirects with. */
async function signIn(server: AppServer, identifier: string, password: string) {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, identifier, password }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && cookie.length > SESSION_COOKIE.length + 1);
  const code = new URL(response.headers.get("location") ?? "/", server.url).searchParams.get("code");
  return { session, code };
}

describe.skipIf(skipped)("two app servers on one PostgreSQL", () => {
  let database: TestDatabase;
  let a: AppServer;
  let b: AppServer;
  let fixture: { student: string; teacher: string; assignmentId: string; attemptId: string; questionId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const teacher = await makeUser(db, "TEACHER");
    const student = await makeUser(db, "STUDENT", "Ana Lopes");
    const classroom = await makeClass(db, teacher.id);
    await enrol(db, classroom.id, student.id);
    const { question, assignment, attempt } = await makeAssignment(db, classroom.id, teacher.id, student.id);
    fixture = {
      student: student.username!,
      teacher: teacher.email!,
      assignmentId: assignment.id,
      attemptId: attempt.id,
      questionId: question.id,
    };
    // One process each, as one small machine each; the secret is the deployment's, shared.
    [a, b] = (await startAppServers(2, {
      DATABASE_URL: database.url,
      AUTH_SECRET: `two-servers-${randomUUID()}`,
      AUTH_TRUST_HOST: "true",
      WEB_CONCURRENCY: "1",
      LOG_REQUESTS: "json",
    })) as [AppServer, AppServer];
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("both report ready: the database answers and has every migration", async () => {
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: "postgres", migrations: "current" });
    }
  });

  it("a session made on one works on the other, and an answer given through one is in the teacher's results through the other at once", async () => {
    const student = await signIn(a, fixture.student, PASSWORD);
    expect(student.session).toBeDefined();
    const session = await fetch(`${b.url}/api/auth/session`, { headers: { cookie: student.session! } });
    expect(await session.json()).toMatchObject({ user: { role: "STUDENT" } });

    const answer = JSON.stringify({
      clientId: `two-servers-${randomUUID()}`,
      attemptId: fixture.attemptId,
      questionId: fixture.questionId,
      answer: { type: "FILL_BLANK", text: "Ada" },
      answeredAt: new Date().toISOString(),
      responseMs: 4000,
    });
    const post = (server: AppServer) =>
      fetch(`${server.url}/api/answers`, {
        method: "POST",
        headers: { cookie: student.session!, "content-type": "application/json" },
        body: answer,
      });
    const first = await post(a);
    expect(first.status).toBe(200);
    const stored = (await first.json()) as { duplicate: boolean };
    expect(stored.duplicate).toBe(false);

    const teacher = await signIn(b, fixture.teacher, PASSWORD);
    const results = await fetch(`${b.url}/api/assignments/${fixture.assignmentId}/results?view=teacher`, {
      headers: { cookie: teacher.session! },
    });
    expect(results.status).toBe(200);
    expect(((await results.json()) as { students: unknown[] }).students).toEqual([
      expect.objectContaining({ displayName: "Ana Lopes", status: "done", answered: 1, score: 1 }),
    ]);

    // The offline queue resends an answer whose reply it lost; the retry may reach the other
    // server, which finds the stored answer by its key: one answer, the same reply (marked as
    // the duplicate it is).
    const retry = await post(b);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ...stored, duplicate: true });
    expect(await database.db.response.count({ where: { attemptId: fixture.attemptId } })).toBe(1);
  });

  it("failed sign-ins counted on one server lock the account on the other", async () => {
    const { db } = database;
    const student = await makeUser(db, "STUDENT");
    for (let i = 0; i < 5; i++) expect((await signIn(a, student.username!, "wrong password")).code).toBe("invalid");
    // The right password, on the other server, within the minute: refused, no session.
    expect(await signIn(b, student.username!, PASSWORD)).toEqual({ session: undefined, code: "rate_limited" });
  });

  it("each logs one JSON line per request, with the route's pattern and never a cookie, id or query", () => {
    const lines = [a, b].flatMap((server) => server.output().trimEnd().split("\n"));
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({ method: "GET", route: "/api/assignments/[assignmentId]/results", status: 200 }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ method: "POST", route: "/api/answers", status: 200 }));
    const text = lines.join("\n");
    for (const secret of [SESSION_COOKIE, "csrf", fixture.assignmentId, fixture.student, "view=", "?"])
      expect(text).not.toContain(secret);
  });
});
