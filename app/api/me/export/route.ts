// GET /api/me/export?format=json|csv - everything Quizwire keeps about the signed-in user.
import { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { exportStudent } from "@/lib/privacy/export";

const Format = z.enum(["csv", "json"]).catch("json");

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const format = Format.parse(new URL(request.url).searchParams.get("format"));
  const body = await exportStudent(db, user, user.id, format);
  return download(
    body,
    `quizwire-${user.username ?? "account"}.${format}`,
    format === "csv" ? "text/csv" : "application/json",
  );
}
