// GET /api/assignments/:id/results[?view=projector] - live results for the class's teacher (polled).
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findAssignmentResults } from "@/lib/results/queries";

export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await getCurrentUser();
  const results =
    user && (user.role === "TEACHER" || user.role === "ADMIN")
      ? await findAssignmentResults(db, user, (await params).assignmentId)
      : null;
  if (!results) return Response.json({ error: "not_found" }, { status: 404 });
  const projector = new URL(request.url).searchParams.get("view") === "projector";
  // The projector view carries no student name or id.
  return Response.json(projector ? { title: results.title, projector: results.projector } : results, {
    headers: { "Cache-Control": "no-store" },
  });
}
