// Student data of archived classes is deleted after RETENTION_DAYS (365 by default): the
// class's enrolments and the attempts made for its assignments; a student left with no class
// and no other work is deleted altogether. A live game's guests (decision 0008) go with the
// game's players, and at the latest RETENTION_DAYS after their game ended, class archived or not
// (a game never ended counts as ended 12 hours after it was made, when it stopped taking guests).
import "server-only";

import type { Db } from "@/lib/db/client";
import { GUEST_GAME_MS } from "@/lib/live/machine";

export const DEFAULT_RETENTION_DAYS = 365;

export interface RetentionReport {
  classes: number;
  attempts: number;
  students: number;
  /** Guests of live games deleted (with their attempt, answers and player). */
  guests: number;
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
    let attempts = 0;
    let students = 0;
    if (classes.length > 0) {
      const classIds = classes.map((c) => c.id);
      const studentIds = [...new Set(classes.flatMap((c) => c.enrolments.map((e) => e.studentId)))];
      attempts = (await tx.attempt.deleteMany({ where: { assignment: { classId: { in: classIds } } } })).count;
      await tx.enrolment.deleteMany({ where: { classId: { in: classIds } } });
      students = (
        await tx.user.deleteMany({
          where: { id: { in: studentIds }, role: "STUDENT", enrolments: { none: {} }, attempts: { none: {} } },
        })
      ).count;
    }
    // A guest whose player went (their attempt above, or the game) or whose game ended before the
    // cutoff: the user, and by cascade their attempt, answers and player. A game never ended
    // counts as ended when it stopped taking guests, 12 hours after it was made.
    const guests = await tx.user.deleteMany({
      where: {
        role: "GUEST",
        OR: [
          { gamePlayers: { none: {} } },
          { gamePlayers: { some: { game: { endedAt: { lt: cutoff } } } } },
          {
            gamePlayers: {
              some: { game: { endedAt: null, createdAt: { lt: new Date(cutoff.getTime() - GUEST_GAME_MS) } } },
            },
          },
        ],
      },
    });
    return { classes: classes.length, attempts, students, guests: guests.count };
  });
}
