// GET /api/assignments/:id/export - one CSV row per student per question, for the class's teacher.
import { stringify } from "csv-stringify/sync";

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { assignmentCsvRows } from "@/lib/results/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await getCurrentUser();
  const csv =
    user && (user.role === "TEACHER" || user.role === "ADMIN")
      ? await assignmentCsvRows(db, user, (await params).assignmentId)
      : null;
  if (!csv) return Response.json({ error: "not_found" }, { status: 404 });
  // BOM: spreadsheets read it as UTF-8; escape_formulas: a typed answer never runs as a formula.
  const body = stringify(csv.rows, { bom: true, escape_formulas: true });
  return download(body, `${csv.title} ${new Date().toISOString().slice(0, 10)}.csv`, "text/csv");
}
