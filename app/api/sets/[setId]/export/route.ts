// GET /api/sets/:setId/export?format=gift|moodle-xml|csv|kahoot - a question set as a question
// bank file for Moodle, a spreadsheet or Kahoot!, for teachers who can see the set.
import { z } from "zod";

import { exportSet } from "@/lib/banks/export";
import { findSetForExport } from "@/lib/banks/queries";
import { BANK_FORMATS } from "@/lib/banks/types";
import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { download } from "@/lib/http";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ setId: z.string() }),
    query: z.object({ format: z.enum(BANK_FORMATS).default("gift") }),
  },
  async ({ user, params, query }) => {
    const set = await findSetForExport(db, user, params.setId);
    if (!set) return notFoundResponse();
    const file = exportSet(query.format, set.title, set.questions);
    return download(file.body, file.fileName, file.type);
  },
);
