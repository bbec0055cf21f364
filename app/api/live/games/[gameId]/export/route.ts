// GET /api/live/games/:id/export - a finished game's report as CSV, for its host: one row per
// player per question (the default), or ?layout=questions, one row per question.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

import { TEACHER_ROLES } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { download } from "@/lib/http";
import { gameReportPlayerRows, gameReportQuestionRows } from "@/lib/live/report";
import { findGameReport } from "@/lib/live/report-queries";
import { notFoundResponse, route } from "@/lib/route";

export const GET = route(
  {
    roles: TEACHER_ROLES,
    refuse: "not_found",
    params: z.object({ gameId: z.string() }),
    query: z.object({ layout: z.enum(["players", "questions"]).default("players") }),
  },
  async ({ user, params, query }) => {
    const game = await findGameReport(db, user, params.gameId);
    if (!game) return notFoundResponse();
    if (!game.report) throw new AppError("conflict", "This game has not ended yet: its report is ready when it ends.");
    const rows = query.layout === "questions" ? gameReportQuestionRows(game.report) : gameReportPlayerRows(game.report);
    // BOM: spreadsheets read it as UTF-8; escape_formulas: a nickname or typed answer never runs as a formula.
    const body = stringify(rows, { bom: true, escape_formulas: true });
    const kind = query.layout === "questions" ? "questions" : "players";
    const day = (game.endedAt ?? new Date()).toISOString().slice(0, 10);
    return download(body, `${game.className} - ${game.title} ${kind} ${day}.csv`, "text/csv");
  },
);
