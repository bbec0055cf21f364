// POST /api/answers - record one answer, idempotent by clientId (the offline queue retries it).
import { recordAnswer } from "@/lib/attempts/mutations";
import { AnswerRequestSchema } from "@/lib/attempts/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { crossSiteResponse, errorResponse, isCrossSite, MAX_JSON_BODY_BYTES, readJsonBody } from "@/lib/http";

export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await getCurrentUser();
  if (!user)
    return Response.json(
      {
        error: "unauthorized",
        message: "Your session has ended: sign in again. Your answers are kept on this device.",
      },
      { status: 401 },
    );
  const body = await readJsonBody(request, MAX_JSON_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = AnswerRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    return Response.json(
      {
        error: "invalid_input",
        message: "That answer is malformed.",
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      },
      { status: 400 },
    );
  }
  try {
    return Response.json(await recordAnswer(db, user, parsed.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
