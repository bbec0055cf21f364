// POST /api/reports - a student flags a question as wrong, unclear or out of date (one per student and question).
import { reportQuestion } from "@/lib/attempts/mutations";
import { ReportSchema } from "@/lib/attempts/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { crossSiteResponse, errorResponse, isCrossSite, MAX_JSON_BODY_BYTES, readJsonBody } from "@/lib/http";

export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const body = await readJsonBody(request, MAX_JSON_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ReportSchema.safeParse(body.value);
  if (!parsed.success)
    return Response.json({ error: "invalid_input", message: "Choose wrong, unclear or out of date." }, { status: 400 });
  try {
    await reportQuestion(db, user, parsed.data.questionId, parsed.data.reason);
    return Response.json({ status: "reported" });
  } catch (error) {
    return errorResponse(error);
  }
}
