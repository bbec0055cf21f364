// The authorization matrix for server actions: every export of every "use server" file under
// app/ and lib/ (found in the source tree and mapped to its id through the build's manifest,
// so a new action fails here until it has a policy) is called over HTTP as the browser calls
// it, as each kind of user, on one class's data. Each cell must be allowed or denied as the
// policy below says; a denied call must change no data and carry none of it back; and a
// request from another site must be refused before the action runs.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { newToken } from "@/lib/accounts/tokens";
import type { Db } from "@/lib/db/client";
import { setSignupMode } from "@/lib/settings";

import { E2E_BASE_URL } from "../env";
import { expect, type Factory, PASSWORD, test } from "../fixtures";
import {
  type Cast,
  BANK_GIFT,
  IMPORT_BODY,
  importBankFor,
  makeCast,
  publishImport,
  ROLES,
  type Role,
  SIGNED_IN,
  STUDENTS,
  TEACHERS,
} from "../matrix";

// React's own encoder for action arguments, the one the browser uses.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node.js",
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

const MARK = `a${Date.now().toString(36)}`;
const INVALID_FORM = "Please correct the fields marked below.";
const CROSS_SITE = "http://evil.example";

interface ActionRef {
  id: string;
  file: string;
  name: string;
  /** The page whose bundle carries the action, as a route pattern: "/teacher/classes/[classId]". */
  page: string;
}

const exportPattern = /^export\s+(?:async\s+)?(?:const|function)\s+(\w+)/gm;
// The directive must open the file; comments may come before it.
const useServerPattern = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** "file#name" of every export of the files under app/ and lib/ that start with "use server". */
function discoverActions(): Set<string> {
  const found = new Set<string>();
  for (const root of ["app", "lib"]) {
    for (const entry of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      const file = path.join(root, entry);
      if (!/\.tsx?$/.test(file) || file.startsWith("lib/generated/")) continue;
      const source = readFileSync(file, "utf8");
      if (!useServerPattern.test(source)) continue;
      for (const [, name] of source.matchAll(exportPattern)) found.add(`${file}#${name}`);
    }
  }
  return found;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** Every server action the build knows, by "file#name", with its id and a page to post it to. */
function readManifest(): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const actions = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // Prefer the page beside the action's file (app/account/actions.ts -> app/account/page).
    const workers = Object.keys(entry.workers);
    const beside = `${path.dirname(entry.filename)}/page`;
    const worker = workers.includes(beside) ? beside : workers[0]!;
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]*\)/g, "") || "/";
    actions.set(`${entry.filename}#${entry.exportedName}`, {
      id,
      file: entry.filename,
      name: entry.exportedName,
      page,
    });
  }
  return actions;
}

/** One class's data, made afresh for each action so that what one action changes cannot affect another's cells. */
interface Target {
  classId: string;
  className: string;
  joinCode: string;
  /** A student on the class's roster (the "student" user is on it too). */
  studentId: string;
  studentName: string;
  studentUsername: string;
  /** The teacher's unshared import (published through publishDraft), two served questions of its quiz, and its facts. */
  slug: string;
  articleTitle: string;
  questionIds: [string, string];
  quizId: string;
  factRefs: string[];
  /** A set of the import's questions that the teacher shares (its questions stay private). */
  sharedSetId: string;
  /** The teacher's set of those questions, assigned to the class. */
  setId: string;
  setTitle: string;
  assignmentId: string;
  assignmentTitle: string;
  /** The teacher's unshared question bank, and the set it came in as (which the teacher shares). */
  bankSlug: string;
  bankSetId: string;
  /** A draft import with one accepted fact. */
  draftId: string;
  draftTitle: string;
  factId: string;
  /** A live game of the set for the class, in its lobby, the class's student a player; its PIN. */
  gameId: string;
  gamePin: string;
  playerId: string;
  /** A feed the teacher follows (not due: nothing is fetched), with one drafted item in their inbox. */
  feedId: string;
  feedUrl: string;
  feedTitle: string;
  itemId: string;
  itemTitle: string;
}

const SHARED_LINK = "https://news.example/council-elects-new-chair";
const DRAFT_QUOTE = "The city council elected Maria Novak as its new chair on Monday.";

async function makeTarget(db: Db, make: Factory, cast: Cast, label: string): Promise<Target> {
  const names = (what: string) => `Actions ${what} ${label} ${MARK}`;
  const className = names("class");
  const classroom = await make.classroom(cast.teacher.id, className);
  await db.enrolment.create({ data: { classId: classroom.id, studentId: cast.student.id } });
  const studentName = names("student");
  const student = await make.student(classroom.id, studentName);
  const articleTitle = names("article");
  const article = await publishImport(db, cast.teacher, articleTitle);
  const questionIds = article.questionIds.slice(0, 2);
  const sharedSet = await db.questionSet.create({
    data: {
      title: names("shared set"),
      kind: "CUSTOM",
      ownerId: cast.teacher.id,
      shared: true,
      items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  const setTitle = names("set");
  const set = await db.questionSet.create({
    data: {
      title: setTitle,
      kind: "CUSTOM",
      ownerId: cast.teacher.id,
      items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  const assignmentTitle = names("assignment");
  const assignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: set.id,
      title: assignmentTitle,
      opensAt: new Date(Date.now() - 60_000),
      createdById: cast.teacher.id,
    },
  });
  const bank = await importBankFor(db, cast.teacher, names("bank"));
  const draftTitle = names("draft");
  const fact = {
    id: "fact-1",
    kind: "person-role",
    subject: "the city council",
    relation: "chair",
    answer: "Maria Novak",
    type: "person",
    aliases: [],
    quote: DRAFT_QUOTE,
    asOf: "2025-06-01",
    status: "accepted",
  };
  const draft = await db.articleDraft.create({
    data: {
      ownerId: cast.teacher.id,
      title: draftTitle,
      outlet: "Wire",
      publishedOn: new Date("2025-06-01"),
      body: IMPORT_BODY,
      factsJson: JSON.stringify([fact]),
    },
  });
  // Its own set: a set students have started keeps its questions, and the set actions change the other.
  const gameSet = await db.questionSet.create({
    data: {
      title: names("game set"),
      kind: "CUSTOM",
      ownerId: cast.teacher.id,
      items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  const liveAssignment = await db.assignment.create({
    data: {
      classId: classroom.id,
      setId: gameSet.id,
      title: names("game"),
      opensAt: new Date(Date.now() - 60_000),
      feedbackPolicy: "AFTER_DUE",
      live: true,
      createdById: cast.teacher.id,
    },
  });
  const game = await db.game.create({
    data: {
      hostId: cast.teacher.id,
      classId: classroom.id,
      setId: gameSet.id,
      assignmentId: liveAssignment.id,
      pin: String(100_000 + Math.floor(Math.random() * 900_000)),
      title: names("game"),
      openToGuests: true,
      questions: { create: questionIds.map((questionId, position) => ({ position, questionId })) },
    },
  });
  const liveAttempt = await db.attempt.create({
    data: { userId: student.id, setId: gameSet.id, assignmentId: liveAssignment.id, number: 1 },
  });
  const player = await db.gamePlayer.create({
    data: { gameId: game.id, userId: student.id, attemptId: liveAttempt.id, nickname: studentName },
  });
  const feedTitle = names("feed");
  const itemTitle = names("feed item");
  const feedUrl = `https://feeds.example/${label}-${MARK}.rss`;
  const feed = await db.feed.create({
    data: {
      url: feedUrl,
      title: feedTitle,
      nextFetchAt: new Date(Date.now() + 86_400_000),
      follows: { create: { userId: cast.teacher.id } },
    },
  });
  const item = await db.feedItem.create({
    data: {
      url: `https://feeds.example/${label}-${MARK}/story`,
      title: itemTitle,
      outlet: "Wire",
      publishedAt: new Date(),
      status: "DRAFTED",
      publishedOn: new Date("2025-06-01"),
      body: IMPORT_BODY,
      factsJson: JSON.stringify([fact]),
      entries: { create: { feedId: feed.id } },
    },
  });
  return {
    gameId: game.id,
    gamePin: game.pin!,
    playerId: player.id,
    feedId: feed.id,
    feedUrl,
    feedTitle,
    itemId: item.id,
    itemTitle,
    classId: classroom.id,
    className,
    joinCode: classroom.joinCode,
    studentId: student.id,
    studentName,
    studentUsername: student.username,
    slug: article.slug,
    articleTitle,
    questionIds: questionIds as [string, string],
    quizId: article.quizId,
    factRefs: article.factRefs,
    sharedSetId: sharedSet.id,
    setId: set.id,
    setTitle,
    assignmentId: assignment.id,
    assignmentTitle,
    bankSlug: bank.slug,
    bankSetId: bank.setId,
    draftId: draft.id,
    draftTitle,
    factId: fact.id,
  };
}

type Form = Record<string, string>;

interface Cell {
  t: Target;
  db: Db;
  cast: Cast;
  make: Factory & { admin(): Promise<{ id: string }> };
}

interface ActionPolicy {
  allowed: Role[];
  /**
   * The form the page posts, valid for every user so that only the user varies; built anew for
   * each call (some values work once). Absent: the action takes no arguments.
   */
  form?: (cell: Cell) => Form | Promise<Form>;
  /** Puts the target in the state the action starts from. */
  setUp?: (cell: Cell) => Promise<unknown>;
  /** An allowed call ends the caller's sessions: they sign in again afterwards. */
  endsSession?: true;
}

const TEACHER_ACTIONS = "app/(teacher)/teacher/actions.ts";
const SET_ACTIONS = "app/(teacher)/teacher/sets/actions.ts";
const ASSIGNMENT_ACTIONS = "app/(teacher)/teacher/assignments/actions.ts";
const IMPORT_ACTIONS = "app/(teacher)/teacher/import/actions.ts";
const ADMIN_ACTIONS = "app/admin/actions.ts";
const FEED_ACTIONS = "app/(teacher)/teacher/feeds/actions.ts";
const ACCOUNT_ACTIONS = "app/account/actions.ts";
const ARTICLE_ACTIONS = "app/(teacher)/teacher/articles/[slug]/actions.ts";
const LIVE_ACTIONS = "app/(teacher)/teacher/live/actions.ts";

const classStudent = ({ t }: Cell) => ({ classId: t.classId, studentId: t.studentId });
const assignmentForm = ({ t }: Cell) => ({
  classId: t.classId,
  setId: t.setId,
  title: `Homework ${MARK}`,
  opensAt: "2025-06-02T08:00",
  dueAt: "2025-06-09T17:00",
  maxAttempts: "2",
  feedbackPolicy: "IMMEDIATE",
  timeZone: "Europe/London",
});
const factForm = ({ t }: Cell) => ({
  draftId: t.draftId,
  subject: "the vote",
  relation: "held in",
  answer: "the town hall",
  type: "place",
  quote: "The vote was held in the town hall",
});

/**
 * Who may call each action on the target's data. Cells run in this order; within an action the
 * denied users go first, so a destructive action has changed nothing before it is refused.
 * The "teacher" owns the target; "otherTeacher" and the admin (who may teach, but not this
 * class) send the same ids and must be refused, as must students of any class.
 */
const POLICY: Record<string, ActionPolicy> = {
  // Public: anyone may sign in, sign up (with a fresh invitation, which works in either
  // sign-up mode), join a class as a new student, or ask for and use a reset link.
  "app/(auth)/sign-in/actions.ts#signInAction": {
    allowed: ROLES,
    form: ({ t }) => ({ identifier: t.studentUsername, password: PASSWORD }),
  },
  "app/(auth)/sign-up/actions.ts#signUpAction": {
    allowed: ROLES,
    form: async ({ db, cast }) => {
      const { token, tokenHash } = newToken();
      await db.invitation.create({
        data: { tokenHash, role: "TEACHER", createdById: cast.admin.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      const email = `signup-${randomUUID()}@quizwire.test`;
      return { displayName: "New Teacher", email, password: PASSWORD, role: "TEACHER", invite: token };
    },
  },
  "app/(auth)/join/actions.ts#joinAsNewStudentAction": {
    allowed: ROLES,
    form: ({ t }) => ({ code: t.joinCode, displayName: "New Student", secret: "739146" }),
  },
  "app/(auth)/forgot-password/actions.ts#requestResetAction": {
    allowed: ROLES,
    form: ({ cast }) => ({ email: cast.teacher.email }),
  },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    allowed: ROLES,
    form: async ({ db, t }) => {
      const { token, tokenHash } = newToken();
      await db.passwordResetToken.create({
        data: { tokenHash, userId: t.studentId, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return { token, password: PASSWORD };
    },
  },
  // Any student joins with the code; a signed-in one needs nothing else.
  "app/(auth)/join/actions.ts#joinWithCodeAction": { allowed: STUDENTS, form: ({ t }) => ({ code: t.joinCode }) },
  // Only a student of the class can leave it.
  "app/(student)/student/actions.ts#leaveClassAction": {
    allowed: ["student"],
    form: ({ t }) => ({ classId: t.classId }),
  },
  // Start on an assignment's page: only a student of the class starts (or resumes) an attempt.
  "app/(student)/quiz/actions.ts#startAttemptAction": {
    allowed: ["student"],
    form: ({ t }) => ({ assignmentId: t.assignmentId }),
  },
  // Start review: a student's own session of the facts due for them (made due for both).
  "app/(student)/review/actions.ts#startReviewAction": {
    allowed: STUDENTS,
    setUp: ({ db, cast }) => makeReviewDue(db, [cast.identifiers.student, cast.identifiers.otherStudent]),
    form: () => ({}),
  },

  // Classes and rosters: their teacher only.
  [`${TEACHER_ACTIONS}#createClassAction`]: { allowed: TEACHERS, form: () => ({ name: `New class ${MARK}` }) },
  [`${TEACHER_ACTIONS}#renameClassAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ classId: t.classId, name: `Renamed class ${MARK}` }),
  },
  [`${TEACHER_ACTIONS}#archiveClassAction`]: { allowed: ["teacher"], form: ({ t }) => ({ classId: t.classId }) },
  [`${TEACHER_ACTIONS}#unarchiveClassAction`]: {
    allowed: ["teacher"],
    setUp: ({ db, t }) => db.class.update({ where: { id: t.classId }, data: { archivedAt: new Date() } }),
    form: ({ t }) => ({ classId: t.classId }),
  },
  [`${TEACHER_ACTIONS}#rotateCodeAction`]: { allowed: ["teacher"], form: ({ t }) => ({ classId: t.classId }) },
  [`${TEACHER_ACTIONS}#removeStudentAction`]: { allowed: ["teacher"], form: classStudent },
  [`${TEACHER_ACTIONS}#resetStudentPasswordAction`]: { allowed: ["teacher"], form: classStudent },
  [`${TEACHER_ACTIONS}#renameStudentAction`]: {
    allowed: ["teacher"],
    form: (cell) => ({ ...classStudent(cell), displayName: `Renamed ${MARK}` }),
  },
  [`${TEACHER_ACTIONS}#deleteStudentAction`]: { allowed: ["teacher"], form: classStudent },

  // Sets: built from the teacher's unshared import, so only that teacher may use its questions.
  [`${SET_ACTIONS}#createSetAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ title: `New set ${MARK}`, questionIds: t.questionIds[0] }),
  },
  [`${SET_ACTIONS}#moveQuestionAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ setId: t.setId, questionId: t.questionIds[0], direction: "down" }),
  },
  [`${SET_ACTIONS}#removeFromSetAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ setId: t.setId, questionId: t.questionIds[0] }),
  },
  // The set holds the first of the two questions; the call adds the second back.
  [`${SET_ACTIONS}#addToSetAction`]: {
    allowed: ["teacher"],
    setUp: ({ db, t }) => db.questionSetItem.deleteMany({ where: { setId: t.setId, questionId: t.questionIds[1] } }),
    form: ({ t }) => ({ setId: t.setId, questionIds: t.questionIds[1] }),
  },
  [`${SET_ACTIONS}#shuffleSetAction`]: { allowed: ["teacher"], form: ({ t }) => ({ setId: t.setId }) },
  [`${SET_ACTIONS}#shareSetAction`]: { allowed: ["teacher"], form: ({ t }) => ({ setId: t.setId, shared: "true" }) },
  [`${SET_ACTIONS}#renameSetAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ setId: t.setId, title: `Renamed set ${MARK}` }),
  },
  // A question of the teacher's unshared import: only they may retire or reword it (another
  // teacher's change of shared content makes their own version: CROSS_OWNER below).
  [`${SET_ACTIONS}#retireQuestionAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ questionId: t.questionIds[0], slug: t.slug }),
  },
  [`${SET_ACTIONS}#editQuestionAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({
      questionId: t.questionIds[0],
      stem: "Who chairs the city council now?",
      explanation: "The council elected her on Monday.",
      slug: t.slug,
    }),
  },
  // Options and answers, and questions of one's own, on the teacher's unshared import: only theirs
  // (another teacher's edit of shared content makes their own version: CROSS_OWNER below).
  [`${ARTICLE_ACTIONS}#editAnswerAction`]: {
    allowed: ["teacher"],
    form: async ({ db, t }) => {
      const question = await db.question.findFirstOrThrow({
        where: { article: { slug: t.slug }, type: "TRUE_FALSE", copyOfId: null, ownerId: null },
        orderBy: { key: "asc" },
        select: { id: true, options: { where: { isCorrect: true }, select: { text: true } } },
      });
      // The other truth each time, so that every call changes something.
      const truth = question.options[0]?.text === "True" ? "false" : "true";
      return { questionId: question.id, slug: t.slug, type: "TRUE_FALSE", truth };
    },
  },
  [`${ARTICLE_ACTIONS}#writeQuestionAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({
      slug: t.slug,
      factKeys: t.factRefs[0]!.split("#")[1]!,
      type: "TRUE_FALSE",
      truth: "true",
      stem: "The city council elected a new chair on Monday.",
      explanation: "The article says so.",
    }),
  },
  [`${SET_ACTIONS}#createAssignmentAction`]: { allowed: ["teacher"], form: assignmentForm },
  [`${ASSIGNMENT_ACTIONS}#updateAssignmentAction`]: {
    allowed: ["teacher"],
    form: (cell) => ({ ...assignmentForm(cell), assignmentId: cell.t.assignmentId }),
  },
  [`${ASSIGNMENT_ACTIONS}#closeAssignmentAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ assignmentId: t.assignmentId }),
  },

  // Live games: hosted by the class's teacher, joined by the class's students.
  [`${LIVE_ACTIONS}#createGameAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ classId: t.classId, setId: t.setId, questionSeconds: "20", allowLateJoin: "on" }),
  },
  [`${LIVE_ACTIONS}#hideNamesAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ gameId: t.gameId, hideNames: "true" }),
  },
  "app/(student)/play/actions.ts#joinGameAction": { allowed: ["student"], form: ({ t }) => ({ pin: t.gamePin }) },
  // Guests join signed out, with the PIN of a game open to guests and a nickname; anyone signed in is refused.
  "app/(student)/play/actions.ts#joinAsGuestAction": {
    allowed: ["anonymous"],
    form: ({ t }) => ({ pin: t.gamePin, nickname: "Matrix guest" }),
  },
  [`${LIVE_ACTIONS}#hostCommandAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ gameId: t.gameId, command: "start" }),
  },
  [`${LIVE_ACTIONS}#removePlayerAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ gameId: t.gameId, playerId: t.playerId }),
  },

  // Imports: anyone who teaches may start one; a draft and an import are their owner's.
  [`${IMPORT_ACTIONS}#createDraftAction`]: {
    allowed: TEACHERS,
    form: () => ({ title: `Imported ${MARK}`, outlet: "Wire", url: "", publishedOn: "2025-06-01", body: IMPORT_BODY }),
  },
  // Reading a link stores nothing; here the address is the target's import, shared, so every
  // teacher finds it already imported and nothing is fetched.
  [`${IMPORT_ACTIONS}#readLinkAction`]: {
    allowed: TEACHERS,
    setUp: ({ db, t }) => db.article.update({ where: { slug: t.slug }, data: { url: SHARED_LINK, shared: true } }),
    form: () => ({ url: SHARED_LINK }),
  },
  [`${IMPORT_ACTIONS}#setFactStatusAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ draftId: t.draftId, factId: t.factId, status: "rejected" }),
  },
  [`${IMPORT_ACTIONS}#editFactAction`]: {
    allowed: ["teacher"],
    form: (cell) => ({ ...factForm(cell), factId: cell.t.factId }),
  },
  [`${IMPORT_ACTIONS}#previewFactEditAction`]: {
    allowed: ["teacher"],
    form: (cell) => ({ ...factForm(cell), factId: cell.t.factId }),
  },
  [`${IMPORT_ACTIONS}#addFactAction`]: { allowed: ["teacher"], form: factForm },
  [`${IMPORT_ACTIONS}#publishDraftAction`]: { allowed: ["teacher"], form: ({ t }) => ({ draftId: t.draftId }) },
  [`${IMPORT_ACTIONS}#deleteDraftAction`]: { allowed: ["teacher"], form: ({ t }) => ({ draftId: t.draftId }) },
  [`${IMPORT_ACTIONS}#shareArticleAction`]: {
    allowed: ["teacher"],
    form: ({ t }) => ({ slug: t.slug, shared: "true" }),
  },
  // Question banks: anyone who teaches may preview and import one (it becomes their own).
  [`${IMPORT_ACTIONS}#previewBankAction`]: {
    allowed: TEACHERS,
    form: () => ({ fileName: `Bank ${MARK}.gift`, text: BANK_GIFT }),
  },
  [`${IMPORT_ACTIONS}#importBankAction`]: {
    allowed: TEACHERS,
    form: () => ({ fileName: `Bank ${MARK}.gift`, text: BANK_GIFT }),
  },

  // Feeds: anyone who teaches follows one (here one already stored, so nothing is fetched); a
  // follow and an inbox are their teacher's; an admin alone adds a feed for every teacher.
  [`${FEED_ACTIONS}#followFeedAction`]: { allowed: TEACHERS, form: ({ t }) => ({ url: t.feedUrl }) },
  [`${FEED_ACTIONS}#unfollowFeedAction`]: { allowed: ["teacher"], form: ({ t }) => ({ feedId: t.feedId }) },
  [`${ADMIN_ACTIONS}#setFeedForEveryoneAction`]: {
    allowed: ["admin"],
    form: ({ t }) => ({ feedId: t.feedId, forEveryone: "true" }),
  },
  [`${FEED_ACTIONS}#takeFeedItemAction`]: { allowed: ["teacher"], form: ({ t }) => ({ itemId: t.itemId }) },
  [`${FEED_ACTIONS}#dismissFeedItemAction`]: { allowed: ["teacher"], form: ({ t }) => ({ itemId: t.itemId }) },

  // Admin only; an admin's reset and disable reach any user, here the class's student.
  [`${ADMIN_ACTIONS}#setSignupModeAction`]: { allowed: ["admin"], form: () => ({ mode: "invite" }) },
  [`${ADMIN_ACTIONS}#setAllowedHostsAction`]: { allowed: ["admin"], form: () => ({ hosts: "intranet.school.test" }) },
  [`${ADMIN_ACTIONS}#createInvitationAction`]: { allowed: ["admin"], form: () => ({ email: "", role: "TEACHER" }) },
  [`${ADMIN_ACTIONS}#resetPasswordAction`]: { allowed: ["admin"], form: ({ t }) => ({ userId: t.studentId }) },
  [`${ADMIN_ACTIONS}#setDisabledAction`]: {
    allowed: ["admin"],
    form: ({ t }) => ({ userId: t.studentId, disabled: "true" }),
  },

  // The caller's own account, last: these end the caller's sessions, and deleting the
  // account (students and learners only; teachers and admins are deleted by an admin) ends
  // the students themselves, so nothing may run after it.
  [`${ACCOUNT_ACTIONS}#changePasswordAction`]: {
    allowed: SIGNED_IN,
    form: () => ({ current: PASSWORD, next: PASSWORD }),
    endsSession: true,
  },
  [`${ACCOUNT_ACTIONS}#signOutAction`]: { allowed: ROLES, endsSession: true },
  [`${ACCOUNT_ACTIONS}#deleteAccountAction`]: { allowed: STUDENTS, form: () => ({ confirm: "DELETE" }) },
};

/** A shipped fact due for review now for each of these students (by username). */
async function makeReviewDue(db: Db, usernames: string[]): Promise<void> {
  const fact = await db.fact.findFirstOrThrow({
    where: {
      retiredAt: null,
      supersededById: null,
      questions: { some: { question: { status: "SERVED", copyOfId: null } } },
    },
    select: { id: true },
  });
  const past = new Date(Date.now() - 3_600_000);
  for (const username of usernames) {
    const { id: userId } = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
    await db.reviewState.upsert({
      where: { userId_factId: { userId, factId: fact.id } },
      create: { userId, factId: fact.id, due: past, stability: 1, difficulty: 5, reps: 1, state: 2, lastReview: past },
      update: { due: past },
    });
  }
}

/** The caller's own class, where they may assign (students and anonymous send the other teacher's). */
function ownClassOf({ cast, t }: Cell, role: Role): string {
  if (role === "teacher") return t.classId;
  return role === "admin" ? cast.adminClassroom.id : cast.otherClassroom.id;
}

/** The caller's own account id (students and anonymous act as if the other teacher's). */
function ownIdOf({ cast }: Cell, role: Role): string {
  if (role === "teacher") return cast.teacher.id;
  return role === "admin" ? cast.admin.id : cast.otherTeacher.id;
}

/**
 * Across owners: everyone but the teacher sends the ids of the teacher's private import (its
 * quiz, the shared set of its questions, its article, its facts) with their own class or
 * draft, and must be denied and change nothing; the teacher's own call comes last and must be
 * allowed when ownerAllowed (so the form is one that works). Also an admin acting on another admin.
 */
interface CrossCell {
  action: string;
  label: string;
  form: (cell: Cell, role: Role) => Form | Promise<Form>;
  ownerAllowed: boolean;
}

const CROSS_OWNER: CrossCell[] = [
  {
    action: `${SET_ACTIONS}#createAssignmentAction`,
    label: "assign the shared set of a private question bank to one's own class",
    form: (cell, role) => ({ ...assignmentForm(cell), classId: ownClassOf(cell, role), setId: cell.t.bankSetId }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#createSetAction`,
    label: "build a set of the whole question bank",
    form: ({ t }) => ({ title: `Whole bank ${MARK}`, articleSlugs: t.bankSlug }),
    ownerAllowed: true,
  },
  {
    action: `${IMPORT_ACTIONS}#shareArticleAction`,
    label: "share the question bank",
    form: ({ t }) => ({ slug: t.bankSlug, shared: "true" }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#createAssignmentAction`,
    label: "assign the import's quiz to one's own class",
    form: (cell, role) => ({ ...assignmentForm(cell), classId: ownClassOf(cell, role), setId: cell.t.quizId }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#createAssignmentAction`,
    label: "assign a shared set of the import's questions to one's own class",
    form: (cell, role) => ({ ...assignmentForm(cell), classId: ownClassOf(cell, role), setId: cell.t.sharedSetId }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#createSetAction`,
    label: "build a set of the whole import",
    form: ({ t }) => ({ title: `Whole import ${MARK}`, articleSlugs: t.slug }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#createSetAction`,
    label: "build a set of the import's other question",
    form: ({ t }) => ({ title: `Picked ${MARK}`, questionIds: t.questionIds[1] }),
    ownerAllowed: true,
  },
  {
    action: `${SET_ACTIONS}#addToSetAction`,
    label: "add a question of the import to one's own set",
    form: async (cell, role) => {
      const set = await cell.db.questionSet.create({
        data: {
          title: `Own set ${MARK}`,
          kind: "CUSTOM",
          ownerId: ownIdOf(cell, role),
          items: { create: { questionId: await shippedQuestion(cell), position: 0 } },
        },
      });
      return { setId: set.id, questionIds: cell.t.questionIds[0] };
    },
    ownerAllowed: true,
  },
  {
    action: `${IMPORT_ACTIONS}#publishDraftAction`,
    label: "publish one's own draft that replaces a fact of the import",
    form: async (cell, role) => {
      const fact = {
        id: "council-chair-again",
        kind: "person-role",
        subject: "the city council",
        relation: "chair",
        answer: "Maria Novak",
        type: "person",
        aliases: [],
        quote: DRAFT_QUOTE,
        asOf: "2025-06-02",
        status: "accepted",
        supersedes: cell.t.factRefs[0],
      };
      const draft = await cell.db.articleDraft.create({
        data: {
          ownerId: ownIdOf(cell, role),
          title: `Replacing ${MARK}`,
          outlet: "Wire",
          publishedOn: new Date("2025-06-02"),
          body: IMPORT_BODY,
          factsJson: JSON.stringify([fact]),
        },
      });
      return { draftId: draft.id };
    },
    ownerAllowed: true,
  },
  {
    action: `${ADMIN_ACTIONS}#resetPasswordAction`,
    label: "reset another admin's password",
    form: async ({ make }) => ({ userId: (await make.admin()).id }),
    ownerAllowed: false,
  },
  {
    action: `${ADMIN_ACTIONS}#setDisabledAction`,
    label: "disable another admin",
    form: async ({ make }) => ({ userId: (await make.admin()).id, disabled: "true" }),
    ownerAllowed: false,
  },
];

/**
 * Copy on write: another teacher's (or an admin's) rewording or retiring of content they do
 * not own is allowed, and makes their own version: the shared question, its versions and the
 * article's quiz must not change.
 */
interface CopyCell {
  action: string;
  label: string;
  setUp?: (cell: Cell) => Promise<unknown>;
  /** The question the change is sent for. */
  question: (cell: Cell) => Promise<string>;
  form: (questionId: string, cell: Cell) => Form;
  roles: Role[];
}

async function shippedQuestion({ db }: Cell): Promise<string> {
  const item = await db.questionSetItem.findFirstOrThrow({
    where: { set: { kind: "ARTICLE", article: { slug: "istanbul-talks-2025-05-16" } }, question: { status: "SERVED" } },
    orderBy: { position: "asc" },
    select: { questionId: true },
  });
  return item.questionId;
}

const reword = (questionId: string, { t }: Cell) => ({
  questionId,
  stem: `My own wording ${MARK}: who chairs it?`,
  explanation: "As the article says.",
  slug: t.slug,
});

/** A question of the shipped quiz whose statement is true: editing it to false is a change. */
async function shippedTrueStatement({ db }: Cell): Promise<string> {
  const item = await db.questionSetItem.findFirstOrThrow({
    where: {
      set: { kind: "ARTICLE", article: { slug: "istanbul-talks-2025-05-16" } },
      question: { status: "SERVED", type: "TRUE_FALSE", options: { some: { text: "True", isCorrect: true } } },
    },
    orderBy: { position: "asc" },
    select: { questionId: true },
  });
  return item.questionId;
}

const COPY_ON_WRITE: CopyCell[] = [
  {
    action: `${ARTICLE_ACTIONS}#editAnswerAction`,
    label: "edit the answer of a shipped question",
    question: shippedTrueStatement,
    form: (questionId, { t }) => ({ questionId, slug: t.slug, type: "TRUE_FALSE", truth: "false" }),
    roles: ["otherTeacher"],
  },
  {
    action: `${SET_ACTIONS}#editQuestionAction`,
    label: "reword a shipped question",
    question: shippedQuestion,
    form: reword,
    roles: ["otherTeacher"],
  },
  {
    action: `${SET_ACTIONS}#retireQuestionAction`,
    label: "retire a shipped question",
    question: shippedQuestion,
    form: (questionId, { t }) => ({ questionId, slug: t.slug }),
    roles: ["otherTeacher"],
  },
  {
    action: `${SET_ACTIONS}#editQuestionAction`,
    label: "reword a question of the teacher's shared import",
    setUp: ({ db, t }) => db.article.update({ where: { slug: t.slug }, data: { shared: true } }),
    question: async ({ t }) => t.questionIds[0],
    form: reword,
    roles: ["otherTeacher", "admin"],
  },
  {
    action: `${SET_ACTIONS}#retireQuestionAction`,
    label: "retire a question of the teacher's shared import",
    setUp: ({ db, t }) => db.article.update({ where: { slug: t.slug }, data: { shared: true } }),
    question: async ({ t }) => t.questionIds[1],
    form: (questionId, { t }) => ({ questionId, slug: t.slug }),
    roles: ["otherTeacher", "admin"],
  },
];

/** The shared question as everyone sees it: its text, status and versions, and its article's quiz. */
async function sharedQuestionPrint(db: Db, questionId: string): Promise<string> {
  const question = await db.question.findUniqueOrThrow({
    where: { id: questionId },
    select: {
      stem: true,
      explanation: true,
      status: true,
      version: true,
      retiredById: true,
      editedById: true,
      updatedAt: true,
      _count: { select: { versions: true } },
      options: { orderBy: { position: "asc" }, select: { text: true, isCorrect: true } },
      article: { select: { questionSets: { select: { items: { orderBy: { position: "asc" } } } } } },
    },
  });
  return JSON.stringify(question);
}

/** What the server said, as the matrix reads it. */
interface Outcome {
  kind: "allowed" | "denied" | "invalid" | "refused" | "unexpected";
  detail: string;
}

/**
 * Reads an action's response: a redirect (to sign in: denied), Next's notFound() (denied),
 * { ok: true } (allowed), { ok: false } from an AppError (denied) or from validation (invalid
 * input: the test's fault), or a server error (refused, for a cross-site request).
 */
function outcomeOf(status: number, redirect: string | null, body: string): Outcome {
  if (redirect) {
    // "/sign-in?next=%2Fjoin;push": where to, then how the router should go there.
    const toSignIn = new URL(redirect.split(";")[0]!, E2E_BASE_URL).pathname === "/sign-in";
    return { kind: toSignIn ? "denied" : "allowed", detail: `to ${redirect}` };
  }
  if (status >= 500) return { kind: "refused", detail: `${status}` };
  const rows = new Map(
    body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]),
  );
  // Row 0 points at the row that holds the action's result.
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const result = root?.a?.startsWith("$@") ? rows.get(root.a.slice(2)) : undefined;
  if (result === undefined) return { kind: "unexpected", detail: `${status}, no result: ${body.slice(0, 200)}` };
  if (result.startsWith("E")) {
    const notFound = result.includes("NEXT_HTTP_ERROR_FALLBACK;404");
    return { kind: notFound ? "denied" : "unexpected", detail: result.slice(0, 200) };
  }
  const value = JSON.parse(result) as { ok: boolean; error?: string; fieldErrors?: unknown };
  if (value.ok) return { kind: "allowed", detail: "ok" };
  if (value.error === INVALID_FORM) return { kind: "invalid", detail: JSON.stringify(value.fieldErrors) };
  return { kind: "denied", detail: value.error ?? "" };
}

/** Posts an action to its page as the browser does: React's encoding, the action's id, the user's cookies. */
async function post(action: ActionRef, t: Target | undefined, cookie: string, form?: Form, origin = E2E_BASE_URL) {
  let args: unknown[] = [];
  if (form) {
    const data = new FormData();
    for (const [key, value] of Object.entries(form)) data.set(key, value);
    // A form action is called as (previous state, form data).
    args = [null, data];
  }
  const page = action.page.replace(/\[(\w+)\]/g, (_m, name: string) => {
    const value = (t as unknown as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== "string") throw new Error(`No id for [${name}] in ${action.page}`);
    return value;
  });
  return fetch(`${E2E_BASE_URL}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      Origin: origin,
      ...(cookie && { Cookie: cookie }),
    },
    body: await encodeReply(args),
  });
}

/**
 * A session as the sign-in form gets one: its action posted with the user's credentials, and
 * the cookies it sets (much faster than a browser, which matters when sessions are ended and made again).
 */
async function signInOverHttp(signInAction: ActionRef, identifier: string): Promise<string> {
  if (!identifier) return "";
  const response = await post(signInAction, undefined, "", { identifier, password: PASSWORD });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .join("; ");
  expect(cookie, `signing in as ${identifier}`).toContain("session-token=");
  return cookie;
}

/**
 * Everything an action can change, as text per table; left out is what the app writes on
 * its own when someone merely asks (lastActiveAt, and so the user's updatedAt; rate-limit counters).
 */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const byId = { orderBy: { id: "asc" as const } };
  const tables: Record<string, Promise<unknown>> = {
    users: db.user.findMany({
      ...byId,
      select: {
        id: true,
        role: true,
        email: true,
        username: true,
        displayName: true,
        passwordHash: true,
        sessionVersion: true,
        disabledAt: true,
        timeZone: true,
      },
    }),
    classes: db.class.findMany(byId),
    enrolments: db.enrolment.findMany(byId),
    sets: db.questionSet.findMany(byId),
    setItems: db.questionSetItem.findMany(byId),
    assignments: db.assignment.findMany(byId),
    drafts: db.articleDraft.findMany({ ...byId, omit: { body: true } }),
    feeds: db.feed.findMany({ ...byId, select: { id: true, url: true, title: true, forEveryone: true } }),
    feedFollows: db.feedFollow.findMany({ orderBy: [{ feedId: "asc" }, { userId: "asc" }] }),
    feedItemsSeen: db.feedItemSeen.findMany({ orderBy: [{ itemId: "asc" }, { userId: "asc" }] }),
    articles: db.article.findMany({ ...byId, omit: { body: true } }),
    facts: db.fact.findMany({ ...byId, select: { id: true, supersededById: true, retiredAt: true, updatedAt: true } }),
    questions: db.question.findMany({
      ...byId,
      select: { id: true, status: true, version: true, stem: true, explanation: true, updatedAt: true },
    }),
    questionVersions: db.questionVersion.count(),
    invitations: db.invitation.findMany(byId),
    resetTokens: db.passwordResetToken.findMany(byId),
    settings: db.setting.findMany({ orderBy: { key: "asc" } }),
    attempts: db.attempt.count(),
    responses: db.response.count(),
    reviewStates: db.reviewState.count(),
    reports: db.questionReport.count(),
    games: db.game.findMany({ ...byId, omit: { updatedAt: true } }),
    gamePlayers: db.gamePlayer.findMany(byId),
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, rows]) => [name, JSON.stringify(await rows)] as const),
  );
  return Object.fromEntries(entries);
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((name) => before[name] !== after[name]);
}

/** The target's data a denied response must not carry (unless the caller sent it), and a password or link made for someone. */
function leaksIn(body: string, t: Target, form: Form | undefined): string[] {
  const sent = Object.values(form ?? {});
  const secrets = [
    t.className,
    t.joinCode,
    t.studentName,
    t.studentUsername,
    t.setTitle,
    t.assignmentTitle,
    t.draftTitle,
    t.articleTitle,
    t.itemTitle,
  ];
  const found = secrets.filter((secret) => body.includes(secret) && !sent.some((value) => value.includes(secret)));
  if (/"password":"/.test(body)) found.push("a password");
  if (body.includes("invite=")) found.push("an invitation link");
  return found;
}

test("every server action allows exactly whom it should; a denial changes and reveals nothing; other sites are refused", async ({
  make,
  db,
}) => {
  test.setTimeout(300_000);
  const discovered = discoverActions();
  const manifest = readManifest();
  expect(discovered.size).toBeGreaterThan(30);
  for (const key of discovered) {
    expect(POLICY[key], `No policy for ${key}: add it to e2e/ops/actions.spec.ts.`).toBeDefined();
    expect(manifest.has(key), `${key} is not in the build's server-reference-manifest.json: rebuild?`).toBe(true);
  }
  expect(Object.keys(POLICY).filter((key) => !discovered.has(key))).toEqual([]);
  expect([...manifest.keys()].filter((key) => !discovered.has(key))).toEqual([]);

  const cast = await makeCast(db, make, {
    className: `Actions class ${MARK}`,
    studentName: `Actions student ${MARK}`,
  });
  const signInAction = manifest.get("app/(auth)/sign-in/actions.ts#signInAction")!;
  const signInAs = (role: Role) => signInOverHttp(signInAction, cast.identifiers[role]);
  const cookies = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await signInAs(role)] as const)),
  ) as Record<Role, string>;

  const makeMore: Cell["make"] = {
    ...make,
    admin: () =>
      db.user.create({
        data: {
          role: "ADMIN",
          email: `admin-${randomUUID()}@quizwire.test`,
          displayName: "Another admin",
          passwordHash: "not-a-hash",
        },
        select: { id: true },
      }),
  };

  const failures: string[] = [];
  let cells = 0;
  let crossSiteCells = 0;
  let crossOwnerCells = 0;
  try {
    // Across owners first: the policy's last cells end the students' accounts.
    for (const cross of CROSS_OWNER) {
      const action = manifest.get(cross.action)!;
      const label = `cross-${crossOwnerCells}`;
      const cell: Cell = { t: await makeTarget(db, make, cast, label), db, cast, make: makeMore };
      const runs = [...ROLES.filter((role) => role !== "teacher"), ...(cross.ownerAllowed ? ["teacher" as const] : [])];
      for (const role of runs) {
        const where = `${role} ${cross.label} (${action.name})`;
        const expected = role === "teacher" ? "allowed" : "denied";
        const form = await cross.form(cell, role);
        const before = expected === "denied" ? await fingerprint(db) : undefined;
        const response = await post(action, cell.t, cookies[role], form);
        const body = await response.text();
        const outcome = outcomeOf(response.status, response.headers.get("x-action-redirect"), body);
        crossOwnerCells++;
        if (outcome.kind !== expected)
          failures.push(`${where}: expected ${expected}, got ${outcome.kind} (${outcome.detail})`);
        if (before) {
          const changed = changedTables(before, await fingerprint(db));
          if (changed.length) failures.push(`${where}: denied, but it changed ${changed.join(", ")}`);
          const leaks = leaksIn(body, cell.t, form);
          if (leaks.length) failures.push(`${where}: denied, but the response carries ${leaks.join(", ")}`);
        }
      }
    }

    for (const copy of COPY_ON_WRITE) {
      const action = manifest.get(copy.action)!;
      const cell: Cell = { t: await makeTarget(db, make, cast, `copy-${crossOwnerCells}`), db, cast, make: makeMore };
      await copy.setUp?.(cell);
      const questionId = await copy.question(cell);
      for (const role of copy.roles) {
        const where = `${role} ${copy.label} (${action.name})`;
        const before = await sharedQuestionPrint(db, questionId);
        const copies = await db.question.count({ where: { copyOfId: questionId, ownerId: ownIdOf(cell, role) } });
        const response = await post(action, cell.t, cookies[role], copy.form(questionId, cell));
        const outcome = outcomeOf(response.status, response.headers.get("x-action-redirect"), await response.text());
        crossOwnerCells++;
        if (outcome.kind !== "allowed")
          failures.push(`${where}: expected allowed, got ${outcome.kind} (${outcome.detail})`);
        if ((await sharedQuestionPrint(db, questionId)) !== before)
          failures.push(`${where}: it changed the shared question or its article's quiz`);
        const after = await db.question.count({ where: { copyOfId: questionId, ownerId: ownIdOf(cell, role) } });
        if (after !== Math.max(copies, 1)) failures.push(`${where}: expected one own version, found ${after}`);
      }
    }

    for (const [key, policy] of Object.entries(POLICY)) {
      const action = manifest.get(key)!;
      const label = `${action.name}-${path.basename(path.dirname(action.file))}`.replace(/[^A-Za-z0-9]+/g, "-");
      const cell: Cell = { t: await makeTarget(db, make, cast, label), db, cast, make: makeMore };
      await policy.setUp?.(cell);
      const denied = ROLES.filter((role) => !policy.allowed.includes(role));
      // Across sites, as someone who may call it: refused all the same.
      const crossSiteRole: Role = policy.allowed.find((role) => role !== "anonymous") ?? "anonymous";
      const runs = [
        ...denied.map((role) => ({ role, crossSite: false })),
        { role: crossSiteRole, crossSite: true },
        ...policy.allowed.map((role) => ({ role, crossSite: false })),
      ];
      for (const { role, crossSite } of runs) {
        const where = `${crossSite ? "cross-site " : ""}${role} ${key}`;
        const allowed = !crossSite && policy.allowed.includes(role);
        const form = await policy.form?.(cell);
        const before = allowed ? undefined : await fingerprint(db);
        const response = await post(action, cell.t, cookies[role], form, crossSite ? CROSS_SITE : E2E_BASE_URL);
        const body = await response.text();
        const outcome = outcomeOf(response.status, response.headers.get("x-action-redirect"), body);
        if (crossSite) crossSiteCells++;
        else cells++;
        const expected = crossSite ? "refused" : allowed ? "allowed" : "denied";
        if (outcome.kind !== expected)
          failures.push(`${where}: expected ${expected}, got ${outcome.kind} (${outcome.detail})`);
        if (before) {
          const changed = changedTables(before, await fingerprint(db));
          if (changed.length) failures.push(`${where}: ${expected}, but it changed ${changed.join(", ")}`);
          const leaks = leaksIn(body, cell.t, form);
          if (leaks.length) failures.push(`${where}: ${expected}, but the response carries ${leaks.join(", ")}`);
        }
      }
      if (policy.endsSession) {
        const again = policy.allowed.filter((role) => role !== "anonymous");
        const renewed = await Promise.all(again.map(signInAs));
        again.forEach((role, i) => (cookies[role] = renewed[i]!));
      }
    }
  } finally {
    // The admin's allowed call made sign-up invitation-only; the specs after this one sign up.
    await setSignupMode(db, "open");
  }
  console.log(
    `Server actions: ${discovered.size} actions × ${ROLES.length} users = ${cells} cells checked (+${crossSiteCells} cross-site cells, +${crossOwnerCells} across owners).`,
  );
  expect(failures).toEqual([]);
});
