// GET /api/assignments/:id/export - one CSV row per student per question, for the class's teacher.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { assignmentCsvRows } from "@/lib/results/queries";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  { roles: TEACHER_ROLES, refuse: "not_found", params: z.object({ assignmentId: z.string() }) },
  async ({ user, params }) => {
    const csv = await assignmentCsvRows(db, user, params.assignmentId);
    if (!csv) return notFoundResponse();
    // BOM: spreadsheets read it as UTF-8; escape_formulas: a typed answer never runs as a formula.
    const body = stringify(csv.rows, { bom: true, escape_formulas: true });
    return download(body, `${csv.title} ${new Date().toISOString().slice(0, 10)}.csv`, "text/csv");
  },
);
