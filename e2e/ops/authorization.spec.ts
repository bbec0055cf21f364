// The authorization matrix: every page and route handler in app/ (found in the source tree,
// so a new one is covered without editing this file) requested as each kind of user, with the
// ids of one class's data in its path. Each cell must be allowed or denied as the policy below
// says, and a denied response must carry none of the data.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext, Browser } from "@playwright/test";

import { E2E_BASE_URL } from "../env";
import { expect, PASSWORD, test } from "../fixtures";
import { importBankFor, makeCast, publishImport, ROLES, type Role, SIGNED_IN, STUDENTS, TEACHERS } from "../matrix";

/** Routes under app/, as URL patterns: "/teacher/classes/[classId]". */
function discoverRoutes(dir = "app", prefix = ""): { pattern: string; kind: "page" | "route" }[] {
  const found: { pattern: string; kind: "page" | "route" }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name.startsWith("_")) continue;
      const segment = /^\(.*\)$/.test(name) ? "" : `/${name}`;
      found.push(...discoverRoutes(full, prefix + segment));
    } else if (name === "page.tsx" || name === "route.ts") {
      found.push({ pattern: prefix || "/", kind: name === "page.tsx" ? "page" : "route" });
    }
  }
  return found;
}

interface Policy {
  allowed: Role[];
  /** Text from the protected data that must appear when allowed and never when denied. */
  secret?: string;
}

// Excluded on purpose: next-auth's own endpoints (CSRF-protected, no data of ours).
const EXCLUDED = new Set(["/api/auth/[...nextauth]"]);

const ids: Record<string, string> = {};
const MARK = `m${Date.now().toString(36)}`;
const CLASS_NAME = `Matrix class ${MARK}`;
const STUDENT_NAME = `Matrix student ${MARK}`;
const SET_TITLE = `Matrix set ${MARK}`;
const ASSIGNMENT_TITLE = `Matrix assignment ${MARK}`;
const DRAFT_TITLE = `Matrix draft ${MARK}`;
const ARTICLE_TITLE = `Matrix article ${MARK}`;
const SHARED_SET_TITLE = `Matrix shared set ${MARK}`;
const BANK_TITLE = `Matrix bank ${MARK}`;
const GAME_TITLE = `Matrix game ${MARK}`;
const ENDED_GAME_TITLE = `Matrix ended game ${MARK}`;
const FEED_TITLE = `Matrix feed ${MARK}`;
const FEED_ITEM_TITLE = `Matrix feed item ${MARK}`;

/** The policy: explicit where a route is special, else by where it lives. */
function policyFor(pattern: string): Policy {
  const explicit: Record<string, Policy> = {
    "/": { allowed: ROLES },
    "/sign-in": { allowed: ROLES },
    "/sign-up": { allowed: ROLES },
    "/join": { allowed: ROLES },
    "/forgot-password": { allowed: ROLES },
    "/reset-password": { allowed: ROLES },
    "/after-sign-in": { allowed: SIGNED_IN },
    "/api/health": { allowed: ROLES },
    "/account": { allowed: SIGNED_IN },
    "/history": { allowed: SIGNED_IN },
    "/admin": { allowed: ["admin"] },
    "/articles/[slug]": { allowed: ["teacher", "student"], secret: ARTICLE_TITLE },
    "/api/articles/[slug]/export": { allowed: ["teacher"], secret: ARTICLE_TITLE },
    "/api/me/export": { allowed: SIGNED_IN },
    "/quiz/[setId]": { allowed: STUDENTS },
    "/assignments/[assignmentId]": { allowed: ["student"], secret: ASSIGNMENT_TITLE },
    "/attempts/[attemptId]": { allowed: ["student"], secret: ASSIGNMENT_TITLE },
    // [slug] is the teacher's own unshared import: other teachers may not know it exists.
    "/teacher/articles/[slug]": { allowed: ["teacher"], secret: ARTICLE_TITLE },
    "/api/students/[studentId]/export": { allowed: ["teacher"], secret: STUDENT_NAME },
    "/api/answers": { allowed: ["student"] },
    // CSV exports: one row per student (the class's CSV lists answers, and there are none yet).
    "/api/assignments/[assignmentId]/export": { allowed: ["teacher"], secret: STUDENT_NAME },
    "/api/classes/[classId]/export": { allowed: ["teacher"] },
    // A student reports a question they were served (the attempt's set); teachers any they can list.
    "/api/reports": { allowed: SIGNED_IN.filter((role) => role !== "otherStudent") },
    // A live game: its host on the projector, its players on their phones; nobody else knows it.
    // Signed out: the guests' join form (PIN and nickname); signed in, a student's.
    "/play": { allowed: ["anonymous", ...STUDENTS] },
    "/play/[gameId]": { allowed: ["student"], secret: GAME_TITLE },
    "/present/live/[gameId]": { allowed: ["teacher"], secret: GAME_TITLE },
    "/api/live/games/[gameId]/events": { allowed: ["teacher", "student"], secret: GAME_TITLE },
    "/api/live/games/[gameId]/answers": { allowed: ["student"] },
    // The join forms' JSON way in: a student of the class with the PIN (already its player here,
    // so joining finds them again); signed out, the students' form is sent to sign in.
    "/api/live/join": { allowed: ["student"] },
    // A game's report and its CSV: its host's (the CSV is asked of a finished game, below).
    "/teacher/live/[gameId]": { allowed: ["teacher"], secret: GAME_TITLE },
    "/api/live/games/[gameId]/export": { allowed: ["teacher"], secret: STUDENT_NAME },
  };
  if (explicit[pattern]) return explicit[pattern];
  if (/\[(classId|assignmentId)\]/.test(pattern))
    return { allowed: ["teacher"], secret: pattern.includes("assignment") ? ASSIGNMENT_TITLE : CLASS_NAME };
  if (pattern.includes("[setId]")) return { allowed: ["teacher"], secret: SET_TITLE };
  if (pattern.includes("[draftId]")) return { allowed: ["teacher"], secret: DRAFT_TITLE };
  if (pattern.startsWith("/teacher")) return { allowed: TEACHERS };
  if (["/student", "/progress", "/review"].includes(pattern)) return { allowed: STUDENTS };
  throw new Error(`No policy for ${pattern}: add it to the authorization matrix (e2e/ops/authorization.spec.ts).`);
}

function fill(pattern: string): string {
  return pattern.replace(/\[(\w+)\]/g, (_m, name: string) => {
    const value = ids[name];
    if (!value) throw new Error(`No id for [${name}] in ${pattern}`);
    return value;
  });
}

async function requestAs(browser: Browser, identifier: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (identifier) {
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email or username").fill(identifier);
    await page.getByLabel("Password or PIN").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Six sign-ins at once, each an argon2 hash: slow on a busy machine.
    await expect(page).not.toHaveURL(/sign-in/, { timeout: 30_000 });
    await page.close();
  }
  return context.request;
}

/**
 * A redirect that lets nobody in: to sign in, or (a game open to guests, for a phone whose guest
 * cookie ran out) to the join page, which asks for the PIN again.
 */
function sentToSignIn(status: number, location: string | undefined): boolean {
  if (status < 300 || status >= 400 || !location) return false;
  const { pathname } = new URL(location, E2E_BASE_URL);
  return pathname === "/sign-in" || pathname === "/play";
}

test("every page and route handler allows exactly whom it should, and a denial reveals nothing", async ({
  browser,
  make,
  db,
}) => {
  test.setTimeout(240_000);
  const cast = await makeCast(db, make, { className: CLASS_NAME, studentName: STUDENT_NAME });
  const { teacher, classroom, student } = cast;

  const questions = await db.question.findMany({
    where: { status: "SERVED", type: "MULTIPLE_CHOICE" },
    take: 2,
    select: { id: true },
  });
  const set = await db.questionSet.create({
    data: {
      title: SET_TITLE,
      kind: "CUSTOM",
      ownerId: teacher.id,
      items: { create: questions.map((q, position) => ({ questionId: q.id, position })) },
    },
  });
  const assignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: set.id,
      title: ASSIGNMENT_TITLE,
      opensAt: new Date(Date.now() - 60_000),
      createdById: teacher.id,
    },
  });
  const attempt = await db.attempt.create({
    data: { userId: student.id, setId: set.id, assignmentId: assignment.id, number: 1 },
  });
  const draft = await db.articleDraft.create({
    data: {
      ownerId: teacher.id,
      title: DRAFT_TITLE,
      outlet: "Wire",
      publishedOn: new Date("2025-06-01"),
      body: "Body.",
    },
  });
  // The teacher's unshared import, published as the app publishes one, and a set of its
  // questions the teacher shares: neither is any other teacher's (nor their students') to see.
  const article = await publishImport(db, teacher, ARTICLE_TITLE);
  const sharedSet = await db.questionSet.create({
    data: {
      title: SHARED_SET_TITLE,
      kind: "CUSTOM",
      ownerId: teacher.id,
      shared: true,
      items: { create: article.questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  // The teacher's unshared question bank, and the set it came in as, which the teacher shares.
  const bank = await importBankFor(db, teacher, BANK_TITLE);
  // A live game of the set, its first question open, with the class's student playing.
  const liveAssignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: set.id,
      title: GAME_TITLE,
      opensAt: new Date(Date.now() - 60_000),
      feedbackPolicy: "AFTER_DUE",
      live: true,
      createdById: teacher.id,
    },
  });
  const game = await db.game.create({
    data: {
      hostId: teacher.id,
      classId: classroom.id,
      setId: set.id,
      assignmentId: liveAssignment.id,
      pin: String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0"),
      title: GAME_TITLE,
      openToGuests: true,
      state: "QUESTION",
      position: 0,
      questionSeconds: 240,
      openedAt: new Date(),
      closesAt: new Date(Date.now() + 240_000),
      questions: { create: questions.map((q, position) => ({ position, questionId: q.id, openedAt: new Date() })) },
    },
  });
  const liveAttempt = await db.attempt.create({
    data: { userId: student.id, setId: set.id, assignmentId: liveAssignment.id, number: 1 },
  });
  await db.gamePlayer.create({
    data: { gameId: game.id, userId: student.id, attemptId: liveAttempt.id, nickname: STUDENT_NAME },
  });
  // A finished game of the set, the same student its player: its report and CSV.
  const endedAssignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: set.id,
      title: ENDED_GAME_TITLE,
      opensAt: new Date(Date.now() - 600_000),
      dueAt: new Date(Date.now() - 60_000),
      feedbackPolicy: "AFTER_DUE",
      live: true,
      createdById: teacher.id,
    },
  });
  const endedGame = await db.game.create({
    data: {
      hostId: teacher.id,
      classId: classroom.id,
      setId: set.id,
      assignmentId: endedAssignment.id,
      title: ENDED_GAME_TITLE,
      state: "ENDED",
      position: questions.length - 1,
      startedAt: new Date(Date.now() - 600_000),
      endedAt: new Date(Date.now() - 60_000),
      questions: { create: questions.map((q, position) => ({ position, questionId: q.id, openedAt: new Date() })) },
    },
  });
  const endedAttempt = await db.attempt.create({
    data: { userId: student.id, setId: set.id, assignmentId: endedAssignment.id, number: 1 },
  });
  await db.gamePlayer.create({
    data: { gameId: endedGame.id, userId: student.id, attemptId: endedAttempt.id, nickname: STUDENT_NAME, score: 0 },
  });
  // A guest of the game (lib/live/guests.ts), as joining makes one: their cookie's token, hashed.
  const guestToken = randomBytes(32).toString("base64url");
  const guestUser = await db.user.create({ data: { role: "GUEST", displayName: `Guest ${MARK}` } });
  const guestAttempt = await db.attempt.create({
    data: { userId: guestUser.id, setId: set.id, assignmentId: liveAssignment.id, number: 1 },
  });
  await db.gamePlayer.create({
    data: {
      gameId: game.id,
      userId: guestUser.id,
      attemptId: guestAttempt.id,
      nickname: `Guest ${MARK}`,
      nicknameKey: `guest ${MARK}`.toLowerCase(),
      guestTokenHash: createHash("sha256").update(guestToken).digest("hex"),
    },
  });
  // A feed the teacher follows, with one drafted item: their inbox, nobody else's.
  await db.feed.create({
    data: {
      url: `https://feeds.example/${MARK}.rss`,
      title: FEED_TITLE,
      nextFetchAt: new Date(Date.now() + 86_400_000),
      follows: { create: { userId: teacher.id } },
      entries: {
        create: {
          item: {
            create: {
              url: `https://feeds.example/${MARK}/story`,
              title: FEED_ITEM_TITLE,
              outlet: "Matrix outlet",
              publishedAt: new Date(),
              status: "DRAFTED",
              publishedOn: new Date("2025-06-01"),
              body: "Body.",
              factsJson: "[]",
            },
          },
        },
      },
    },
  });
  const articleSet = await db.questionSet.findFirstOrThrow({
    where: { kind: "ARTICLE", article: { slug: "istanbul-talks-2025-05-16" } },
  });
  Object.assign(ids, {
    classId: classroom.id,
    assignmentId: assignment.id,
    setId: set.id,
    attemptId: attempt.id,
    draftId: draft.id,
    studentId: student.id,
    slug: article.slug,
    gameId: game.id,
  });

  const clients = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await requestAs(browser, cast.identifiers[role])] as const)),
  ) as Record<Role, APIRequestContext>;

  const routes = discoverRoutes().filter((r) => !EXCLUDED.has(r.pattern));
  expect(routes.length).toBeGreaterThan(30);
  interface Cell {
    pattern: string;
    url: string;
    policy: Policy;
    /** Who must see the secret (default: whoever is allowed); everyone else must not. */
    shownTo?: Role[];
  }
  const matrix: Cell[] = routes.map((route) => ({
    pattern: route.pattern,
    // Article quizzes are open to every student: use the seed's for /quiz, the private set elsewhere.
    // A game's event stream is asked for one view (a stream otherwise never ends).
    url:
      route.pattern === "/quiz/[setId]"
        ? `/quiz/${articleSet.id}`
        : route.pattern.endsWith("/events")
          ? `${fill(route.pattern)}?once=1`
          : route.pattern === "/api/live/games/[gameId]/export"
            ? `/api/live/games/${endedGame.id}/export`
            : fill(route.pattern),
    policy: policyFor(route.pattern),
  }));
  // Across owners: the import's own quiz, and the shared set of its questions, are the
  // teacher's alone (and the quiz their students'); listings show them to nobody else.
  matrix.push(
    {
      pattern: "/teacher/sets/[setId]",
      url: `/teacher/sets/${article.quizId}`,
      policy: { allowed: ["teacher"], secret: ARTICLE_TITLE },
    },
    {
      pattern: "/teacher/sets/[setId]",
      url: `/teacher/sets/${sharedSet.id}`,
      policy: { allowed: ["teacher"], secret: SHARED_SET_TITLE },
    },
    {
      pattern: "/quiz/[setId]",
      url: `/quiz/${article.quizId}`,
      policy: { allowed: ["student"], secret: ARTICLE_TITLE },
    },
    {
      pattern: "/teacher/sets",
      url: "/teacher/sets",
      policy: { allowed: TEACHERS, secret: ARTICLE_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/sets",
      url: "/teacher/sets",
      policy: { allowed: TEACHERS, secret: SHARED_SET_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/feeds",
      url: "/teacher/feeds",
      policy: { allowed: TEACHERS, secret: FEED_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/feeds",
      url: "/teacher/feeds",
      policy: { allowed: TEACHERS, secret: FEED_ITEM_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/sets/new",
      url: "/teacher/sets/new",
      policy: { allowed: TEACHERS, secret: ARTICLE_TITLE },
      shownTo: ["teacher"],
    },
    // A finished game's report (with its player's name) and its per-question CSV: its host's alone.
    {
      pattern: "/teacher/live/[gameId]",
      url: `/teacher/live/${endedGame.id}`,
      policy: { allowed: ["teacher"], secret: STUDENT_NAME },
    },
    {
      pattern: "/api/live/games/[gameId]/export",
      url: `/api/live/games/${endedGame.id}/export?layout=questions`,
      policy: { allowed: ["teacher"] },
    },
    {
      pattern: "/teacher/live",
      url: "/teacher/live",
      policy: { allowed: TEACHERS, secret: ENDED_GAME_TITLE },
      shownTo: ["teacher"],
    },
    // A private question bank: its set (shared by its owner), the set's download in every
    // format, and the listings are its teacher's alone.
    {
      pattern: "/teacher/sets/[setId]",
      url: `/teacher/sets/${bank.setId}`,
      policy: { allowed: ["teacher"], secret: BANK_TITLE },
    },
    ...(["gift", "moodle-xml", "csv"] as const).map((format) => ({
      pattern: "/api/sets/[setId]/export",
      url: `/api/sets/${bank.setId}/export?format=${format}`,
      policy: { allowed: ["teacher"] as Role[], secret: BANK_TITLE },
    })),
    {
      pattern: "/api/sets/[setId]/export",
      url: `/api/sets/${bank.setId}/export?format=kahoot`,
      policy: { allowed: ["teacher"] as Role[] },
    },
    {
      pattern: "/teacher/sets",
      url: "/teacher/sets",
      policy: { allowed: TEACHERS, secret: BANK_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/import",
      url: "/teacher/import",
      policy: { allowed: TEACHERS, secret: BANK_TITLE },
      shownTo: ["teacher"],
    },
    {
      pattern: "/teacher/sets/new",
      url: "/teacher/sets/new",
      policy: { allowed: TEACHERS, secret: BANK_TITLE },
      shownTo: ["teacher"],
    },
  );
  const failures: string[] = [];
  let cells = 0;
  for (const { pattern, url, policy, shownTo = policy.allowed } of matrix) {
    for (const role of ROLES) {
      const client = clients[role];
      const post =
        pattern === "/api/answers" ||
        pattern === "/api/reports" ||
        pattern.endsWith("/answers") ||
        pattern === "/api/live/join";
      const body =
        pattern === "/api/live/join"
          ? { pin: game.pin }
          : pattern === "/api/answers"
            ? {
                clientId: `matrix-${role}-${MARK}`,
                attemptId: attempt.id,
                questionId: questions[0]!.id,
                answer: { type: "MULTIPLE_CHOICE", position: 0 },
                answeredAt: new Date().toISOString(),
              }
            : pattern.endsWith("/answers")
              ? {
                  clientId: `matrix-live-${role}-${MARK}`,
                  position: 0,
                  questionId: questions[0]!.id,
                  answer: { type: "MULTIPLE_CHOICE", position: 0 },
                  answeredAt: new Date().toISOString(),
                }
              : { questionId: questions[1]!.id, reason: "UNCLEAR" };
      const response = post
        ? await client.post(url, { data: body, maxRedirects: 0 })
        : await client.get(url, { maxRedirects: 0 });
      cells++;
      const status = response.status();
      const text = await response.text();
      const allowed = policy.allowed.includes(role);
      const toSignIn = sentToSignIn(status, response.headers().location);
      const ok = status < 400 && !toSignIn;
      if (allowed && !ok && !(role === "anonymous" && toSignIn))
        failures.push(`${role} ${url}: expected allowed, got ${status}`);
      if (allowed && ok && policy.secret && status === 200 && shownTo.includes(role) && !text.includes(policy.secret))
        failures.push(`${role} ${url}: allowed but the data is missing`);
      if (!allowed && ok) failures.push(`${role} ${url}: expected denied, got ${status}`);
      if (policy.secret && !shownTo.includes(role) && text.includes(policy.secret))
        failures.push(`${role} ${url}: ${allowed ? "allowed" : "denied"}, but the response carries ${policy.secret}`);
    }
  }
  // A guest's cookie opens their game's page, stream and answers and nothing else: everywhere
  // else the guest is as anyone signed out (the game's other routes and pages with them).
  const guestContext = await browser.newContext();
  await guestContext.addCookies([
    { name: `quizwire-guest-${game.id}`, value: guestToken, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  const guestPlays = new Set(["/play/[gameId]", "/api/live/games/[gameId]/events", "/api/live/games/[gameId]/answers"]);
  for (const { pattern, url, policy } of matrix) {
    const post =
      pattern === "/api/answers" ||
      pattern === "/api/reports" ||
      pattern.endsWith("/answers") ||
      pattern === "/api/live/join";
    const body = pattern.endsWith("/live/games/[gameId]/answers")
      ? {
          clientId: `matrix-live-guest-${MARK}`,
          position: 0,
          questionId: questions[0]!.id,
          answer: { type: "MULTIPLE_CHOICE", position: 0 },
          answeredAt: new Date().toISOString(),
        }
      : {};
    const response = post
      ? await guestContext.request.post(url, { data: body, maxRedirects: 0 })
      : await guestContext.request.get(url, { maxRedirects: 0 });
    cells++;
    const status = response.status();
    const text = await response.text();
    const toSignIn = sentToSignIn(status, response.headers().location);
    const ok = status < 400 && !toSignIn;
    const allowed = guestPlays.has(pattern) || policy.allowed.includes("anonymous");
    if (allowed && !ok) failures.push(`guest ${url}: expected allowed, got ${status}`);
    if (!allowed && ok) failures.push(`guest ${url}: expected denied, got ${status}`);
    if (guestPlays.has(pattern) && pattern !== "/api/live/games/[gameId]/answers" && !text.includes(GAME_TITLE))
      failures.push(`guest ${url}: allowed but the game is missing`);
    if (!guestPlays.has(pattern) && policy.secret && text.includes(policy.secret))
      failures.push(`guest ${url}: denied, but the response carries ${policy.secret}`);
  }
  // The guest's answer was stored, once, through the game.
  expect(await db.response.count({ where: { attemptId: guestAttempt.id } })).toBe(1);
  await guestContext.close();

  console.log(
    `Authorization matrix: ${routes.length} routes (+${matrix.length - routes.length} across owners) × ${ROLES.length} users and a guest's cookie = ${cells} cells checked.`,
  );
  expect(failures).toEqual([]);
});
