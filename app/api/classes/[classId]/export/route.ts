// GET /api/classes/:classId/export?format=csv|json - a class's roster and answers, for its teacher.
import { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download, errorResponse } from "@/lib/http";
import { exportClass } from "@/lib/privacy/export";

const Format = z.enum(["csv", "json"]).catch("csv");

export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const user = await getCurrentUser();
  if (!user || (user.role !== "TEACHER" && user.role !== "ADMIN"))
    return Response.json({ error: "not_found" }, { status: 404 });
  const format = Format.parse(new URL(request.url).searchParams.get("format"));
  try {
    const { name, body } = await exportClass(db, user, (await params).classId, format);
    return download(
      body,
      `${name} ${new Date().toISOString().slice(0, 10)}.${format}`,
      format === "csv" ? "text/csv" : "application/json",
    );
  } catch (error) {
    return errorResponse(error);
  }
}
