// GET /api/assignments/:id/export - the results as CSV, for the class's teacher: one row per
// student per question (the default), or ?layout=gradebook, one row per student.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { assignmentCsvRows } from "@/lib/results/queries";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ assignmentId: z.string() }),
    query: z.object({ layout: z.enum(["answers", "gradebook"]).default("answers") }),
  },
  async ({ user, params, query }) => {
    const csv = await assignmentCsvRows(db, user, params.assignmentId, query.layout);
    if (!csv) return notFoundResponse();
    // BOM: spreadsheets read it as UTF-8; escape_formulas: a typed answer never runs as a formula.
    const body = stringify(csv.rows, { bom: true, escape_formulas: true });
    const kind = query.layout === "gradebook" ? " gradebook" : "";
    return download(body, `${csv.title}${kind} ${new Date().toISOString().slice(0, 10)}.csv`, "text/csv");
  },
);
