// GET /api/assignments/:id/results[?view=projector] - live results for the class's teacher (polled).
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findAssignmentResults } from "@/lib/results/queries";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ assignmentId: z.string() }),
    query: z.object({ view: z.string().optional() }),
  },
  async ({ user, params, query }) => {
    const results = await findAssignmentResults(db, user, params.assignmentId);
    if (!results) return notFoundResponse();
    // The projector view carries no student name or id.
    return query.view === "projector" ? { title: results.title, projector: results.projector } : results;
  },
);
