// GET /api/students/:studentId/export?format=json|csv - one student's work in the teacher's classes.
import { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download, errorResponse } from "@/lib/http";
import { exportStudent } from "@/lib/privacy/export";

const Format = z.enum(["csv", "json"]).catch("json");

export async function GET(request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const user = await getCurrentUser();
  if (!user || (user.role !== "TEACHER" && user.role !== "ADMIN"))
    return Response.json({ error: "not_found" }, { status: 404 });
  const format = Format.parse(new URL(request.url).searchParams.get("format"));
  const { studentId } = await params;
  try {
    const body = await exportStudent(db, user, studentId, format);
    return download(
      body,
      `quizwire-student-${studentId}.${format}`,
      format === "csv" ? "text/csv" : "application/json",
    );
  } catch (error) {
    return errorResponse(error);
  }
}
