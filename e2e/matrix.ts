// The six kinds of user the authorization matrices try every cell as: pages and route handlers
// in e2e/ops/authorization.spec.ts, server actions in e2e/ops/actions.spec.ts. Kept outside
// e2e/ops/ so Playwright does not take it for a spec.
import type { Db } from "@/lib/db/client";
import { importBank } from "@/lib/banks/mutations";
import { publishDraft } from "@/lib/imports/mutations";
import { makeUser } from "@/tests/support/factories";

import type { Factory } from "./fixtures";

export type Role = "anonymous" | "student" | "otherStudent" | "teacher" | "otherTeacher" | "admin";
export const ROLES: Role[] = ["anonymous", "student", "otherStudent", "teacher", "otherTeacher", "admin"];
export const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");
export const TEACHERS: Role[] = ["teacher", "otherTeacher", "admin"];
export const STUDENTS: Role[] = ["student", "otherStudent"];

export interface Cast {
  teacher: { id: string; email: string };
  classroom: { id: string; name: string; joinCode: string };
  otherTeacher: { id: string; email: string };
  /** The other teacher's class (the "otherStudent" is in it), and one the admin teaches. */
  otherClassroom: { id: string };
  adminClassroom: { id: string };
  student: { id: string; username: string };
  admin: { id: string; email: string };
  /** What each signs in with ("" for anonymous). */
  identifiers: Record<Role, string>;
}

/**
 * The class's teacher and a student of the class, another teacher with a class and a student
 * of their own, and an admin (who may also teach, but not this class).
 */
export async function makeCast(
  db: Db,
  make: Factory,
  names: { className: string; studentName: string },
): Promise<Cast> {
  const teacher = await make.teacher();
  const otherTeacher = await make.teacher();
  const classroom = await make.classroom(teacher.id, names.className);
  const otherClass = await make.classroom(otherTeacher.id);
  const student = await make.student(classroom.id, names.studentName);
  const otherStudent = await make.student(otherClass.id);
  const admin = await makeUser(db, "ADMIN", "Admin");
  const email = admin.email!;
  const adminClassroom = await make.classroom(admin.id);
  return {
    teacher,
    classroom,
    otherTeacher,
    otherClassroom: { id: otherClass.id },
    adminClassroom: { id: adminClassroom.id },
    student,
    admin: { id: admin.id, email },
    identifiers: {
      anonymous: "",
      student: student.username,
      otherStudent: otherStudent.username,
      teacher: teacher.email,
      otherTeacher: otherTeacher.email,
      admin: email,
    },
  };
}

export const IMPORT_QUOTE = "The city council elected Maria Novak as its new chair on Monday.";
export const IMPORT_BODY = `${IMPORT_QUOTE} The vote was held in the town hall, and the council said that the new chair would serve for two years.`;

export interface PublishedImport {
  slug: string;
  title: string;
  /** The article's own quiz (an ARTICLE set). */
  quizId: string;
  /** Served questions of the quiz, at least two. */
  questionIds: string[];
  /** "slug#key" of each of its facts, as a later draft's supersedes names them. */
  factRefs: string[];
}

/**
 * A teacher's unshared import, made as the app makes one: a draft with accepted facts,
 * published through publishDraft (the article, its facts, its questions and its quiz).
 */
export async function publishImport(
  db: Db,
  owner: { id: string; role?: "TEACHER" | "ADMIN" },
  title: string,
  supersedes?: string,
): Promise<PublishedImport> {
  const facts = [
    {
      id: "council-chair",
      kind: "person-role",
      subject: "the city council",
      relation: "new chair",
      answer: "Maria Novak",
      type: "person",
      aliases: [],
      quote: IMPORT_QUOTE,
      asOf: "2025-06-01",
      status: "accepted",
      ...(supersedes ? { supersedes } : {}),
    },
    {
      id: "vote-place",
      kind: "place",
      subject: "the vote",
      relation: "held in",
      answer: "the town hall",
      type: "place",
      aliases: [],
      quote: "The vote was held in the town hall",
      asOf: "2025-06-01",
      status: "accepted",
    },
  ];
  const draft = await db.articleDraft.create({
    data: {
      ownerId: owner.id,
      title,
      outlet: "Wire",
      publishedOn: new Date("2025-06-01"),
      body: IMPORT_BODY,
      factsJson: JSON.stringify(facts),
    },
  });
  const { slug } = await publishDraft(db, { id: owner.id, role: owner.role ?? "TEACHER" }, draft.id, {
    leaveOutUnreviewed: true,
  });
  const quiz = await db.questionSet.findFirstOrThrow({
    where: { kind: "ARTICLE", article: { slug } },
    select: { id: true, items: { orderBy: { position: "asc" }, select: { questionId: true } } },
  });
  if (quiz.items.length < 2) throw new Error(`The import ${slug} has ${quiz.items.length} questions in its quiz`);
  return {
    slug,
    title,
    quizId: quiz.id,
    questionIds: quiz.items.map((i) => i.questionId),
    factRefs: facts.map((f) => `${slug}#${f.id}`),
  };
}

/** A small GIFT bank written for the tests: five questions Quizwire asks (every type GIFT has) and an essay it skips. */
export const BANK_GIFT = bankGift("");

function bankGift(mark: string): string {
  return [
    `::Capital::Which city is the capital of Freedonia? {=Fredville ~Sylvania City ~Marxburg####Fredville has been the capital since 1901${mark}.}`,
    "",
    "The Long River flows north.{F}",
    "",
    "The Long River rises in the {=Blue Hills =Blue Mountains} near the border.",
    "",
    "How long is the Long River, in kilometres?{#420:5}",
    "",
    "Match each town with its river. {=Fredville -> Long River =Marxburg -> Red River =Sylvania City -> Silver River}",
    "",
    "Write a paragraph about the river. {}",
  ].join("\n");
}

/** A teacher's question bank imported as the app imports one: private, with its set (here shared). */
export async function importBankFor(
  db: Db,
  owner: { id: string; role?: "TEACHER" | "ADMIN" },
  title: string,
): Promise<{ slug: string; title: string; setId: string }> {
  const { slug, setId } = await importBank(
    db,
    { id: owner.id, role: owner.role ?? "TEACHER" },
    {
      fileName: `${title}.gift`,
      // The title in a feedback too, so a test can tell this bank from others made of the same file.
      text: bankGift(` (${title})`),
    },
  );
  // Sharing the set shares none of its private bank's questions.
  await db.questionSet.update({ where: { id: setId }, data: { shared: true } });
  return { slug, title, setId };
}
