// Assigning a question set to a class. Dates come in the teacher's time zone and are stored
// in UTC; "late" is judged in UTC.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import { zonedTimeToUtc } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { visibleSetWhere } from "@/lib/sets/queries";
import type { AssignmentInput } from "@/lib/sets/schemas";

type Actor = Pick<CurrentUser, "id" | "role">;

function toData(input: AssignmentInput) {
  return {
    title: input.title,
    opensAt: zonedTimeToUtc(input.opensAt, input.timeZone),
    dueAt: input.dueAt ? zonedTimeToUtc(input.dueAt, input.timeZone) : null,
    maxAttempts: input.maxAttempts,
    feedbackPolicy: input.feedbackPolicy,
    timeLimitMinutes: input.timeLimitMinutes ?? null,
  };
}

export async function requireAssignable(db: Db, teacher: Actor, classId: string, setId: string) {
  const [classroom, set] = await Promise.all([
    db.class.findFirst({ where: { id: classId, teacherId: teacher.id, archivedAt: null }, select: { id: true } }),
    db.questionSet.findFirst({
      where: { id: setId, kind: { not: "REVIEW" }, ...visibleSetWhere(teacher) },
      select: {
        id: true,
        _count: { select: { items: true } },
        // Questions of articles the teacher can no longer see (their author stopped sharing).
        items: {
          where: {
            question: { article: { shared: false, OR: [{ ownerId: null }, { ownerId: { not: teacher.id } }] } },
          },
          select: { id: true },
        },
      },
    }),
  ]);
  if (!classroom) throw notFound("That class");
  if (!set) throw notFound("That question set");
  if (set._count.items === 0) throw new AppError("invalid_input", "That set has no questions.");
  // Assignments made before stay as they are; a new one is made only of what the teacher may use.
  if (set.items.length > 0)
    throw new AppError(
      "invalid_input",
      `${set.items.length === 1 ? "A question" : `${set.items.length} questions`} of this set come from an article its author no longer shares: remove them, then assign the set.`,
    );
}

export async function createAssignment(db: Db, teacher: Actor, input: AssignmentInput) {
  await requireAssignable(db, teacher, input.classId, input.setId);
  const [assignment] = await db.$transaction([
    db.assignment.create({
      data: { classId: input.classId, setId: input.setId, createdById: teacher.id, ...toData(input) },
      select: { id: true },
    }),
    db.user.update({ where: { id: teacher.id }, data: { timeZone: input.timeZone } }),
  ]);
  return assignment;
}

export const LIVE_ASSIGNMENT_MESSAGE = "This is a live game's assignment: its dates and feedback follow the game.";

export const TIME_LIMIT_LOCKED_MESSAGE = "The time limit cannot change once a student has started an attempt.";

/**
 * Changes dates, attempts, feedback or the time limit; the class and set stay (students may have
 * answered). The time limit only while nobody has started: every attempt runs by one limit.
 */
export async function updateAssignment(
  db: Db,
  teacher: Actor,
  assignmentId: string,
  input: AssignmentInput,
): Promise<void> {
  const data = toData(input);
  const updated = await db.assignment.updateMany({
    where: {
      id: assignmentId,
      class: { teacherId: teacher.id },
      // A live game's assignment follows its game (its results show when the game ends).
      live: false,
      // In the same statement as the write, so an attempt started meanwhile cannot slip past.
      OR: [{ timeLimitMinutes: data.timeLimitMinutes }, { attempts: { none: {} } }],
    },
    data,
  });
  if (updated.count !== 1) {
    const exists = await db.assignment.findFirst({
      where: { id: assignmentId, class: { teacherId: teacher.id } },
      select: { id: true, live: true },
    });
    if (!exists) throw notFound("That assignment");
    if (exists.live) throw new AppError("conflict", LIVE_ASSIGNMENT_MESSAGE);
    throw new AppError("conflict", TIME_LIMIT_LOCKED_MESSAGE, { timeLimitMinutes: TIME_LIMIT_LOCKED_MESSAGE });
  }
  await db.user.update({ where: { id: teacher.id }, data: { timeZone: input.timeZone } });
}

/** Closes it: students no longer see it; what they answered stays. */
export async function closeAssignment(db: Db, teacher: Actor, assignmentId: string, now = new Date()): Promise<void> {
  const updated = await db.assignment.updateMany({
    where: { id: assignmentId, class: { teacherId: teacher.id }, closedAt: null },
    data: { closedAt: now },
  });
  if (updated.count !== 1) throw notFound("That assignment");
}
