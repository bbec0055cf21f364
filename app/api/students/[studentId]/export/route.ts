// GET /api/students/:studentId/export?format=json|csv - one student's work in the teacher's classes.
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { exportStudent } from "@/lib/privacy/export";
import { route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ studentId: z.string() }),
    query: z.object({ format: z.enum(["csv", "json"]).catch("json") }),
  },
  async ({ user, params: { studentId }, query: { format } }) =>
    download(
      await exportStudent(db, user, studentId, format),
      `quizwire-student-${studentId}.${format}`,
      format === "csv" ? "text/csv" : "application/json",
    ),
);
