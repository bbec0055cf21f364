// GET /api/me/export?format=json|csv - everything Quizwire keeps about the signed-in user.
import { z } from "zod";

import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { exportStudent } from "@/lib/privacy/export";
import { route } from "@/lib/route";

export const GET = route(
  { query: z.object({ format: z.enum(["csv", "json"]).catch("json") }) },
  async ({ user, query: { format } }) =>
    download(
      await exportStudent(db, user, user.id, format),
      `quizwire-${user.username ?? "account"}.${format}`,
      format === "csv" ? "text/csv" : "application/json",
    ),
);
