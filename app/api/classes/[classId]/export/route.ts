// GET /api/classes/:classId/export?format=csv|json - a class's roster and answers, for its teacher.
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { exportClass } from "@/lib/privacy/export";
import { route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ classId: z.string() }),
    query: z.object({ format: z.enum(["csv", "json"]).catch("csv") }),
  },
  async ({ user, params, query: { format } }) => {
    const { name, body } = await exportClass(db, user, params.classId, format);
    return download(
      body,
      `${name} ${new Date().toISOString().slice(0, 10)}.${format}`,
      format === "csv" ? "text/csv" : "application/json",
    );
  },
);
