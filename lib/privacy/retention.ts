// Student data of archived classes is deleted after RETENTION_DAYS (365 by default): the
// class's enrolments and the attempts made for its assignments; a student left with no class
// and no other work is deleted altogether.
import "server-only";

import type { Db } from "@/lib/db/client";

export const DEFAULT_RETENTION_DAYS = 365;

export interface RetentionReport {
  classes: number;
  attempts: number;
  students: number;
}

export async function applyRetention(
  db: Db,
  { now = new Date(), days = DEFAULT_RETENTION_DAYS } = {},
): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const classes = await tx.class.findMany({
      where: { archivedAt: { lt: cutoff }, enrolments: { some: {} } },
      select: { id: true, enrolments: { select: { studentId: true } } },
    });
    if (classes.length === 0) return { classes: 0, attempts: 0, students: 0 };
    const classIds = classes.map((c) => c.id);
    const studentIds = [...new Set(classes.flatMap((c) => c.enrolments.map((e) => e.studentId)))];
    const attempts = await tx.attempt.deleteMany({ where: { assignment: { classId: { in: classIds } } } });
    await tx.enrolment.deleteMany({ where: { classId: { in: classIds } } });
    const students = await tx.user.deleteMany({
      where: { id: { in: studentIds }, role: "STUDENT", enrolments: { none: {} }, attempts: { none: {} } },
    });
    return { classes: classes.length, attempts: attempts.count, students: students.count };
  });
}
