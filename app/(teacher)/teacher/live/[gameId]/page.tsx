import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ProgressBar } from "@/components/ui/progress-bar";
import { requireTeacher } from "@/lib/auth/session";
import { formatDateTimeInZone } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ReportCell } from "@/lib/live/report";
import { findGameReport } from "@/lib/live/report-queries";

export const metadata: Metadata = { title: "Game report" };

const pct = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);
const seconds = (ms: number | null) => (ms === null ? "–" : `${(Math.round(ms / 100) / 10).toFixed(1)} s`);

function CellText({ cell, skipped }: { cell: ReportCell | null; skipped: boolean }) {
  if (!cell) return <span className="text-muted">no answer</span>;
  return (
    <span className="flex flex-col">
      <span className={cn(cell.mark === "right" && "font-semibold")}>
        {cell.answer}
        <span className="text-sm text-muted"> ({cell.mark})</span>
      </span>
      <span className="text-sm text-muted">
        {cell.points === null
          ? skipped
            ? "skipped"
            : "not scored"
          : `${cell.points} pts · ${seconds(cell.elapsedMs)}`}
      </span>
    </span>
  );
}

// A finished live game's report for its host: per player and per question, with the CSVs.
export default async function GameReportPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  const teacher = await requireTeacher(`/teacher/live/${gameId}`);
  const [game, me] = await Promise.all([
    findGameReport(db, teacher, gameId),
    db.user.findUnique({ where: { id: teacher.id }, select: { timeZone: true } }),
  ]);
  if (!game) notFound();
  const zone = me?.timeZone ?? "UTC";
  const report = game.report;
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/teacher/live"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Live games
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Report: {game.title}</h1>
        <p className="text-muted">
          {game.className}
          {game.startedAt && ` · started ${formatDateTimeInZone(game.startedAt, zone)}`}
          {game.endedAt && ` · ended ${formatDateTimeInZone(game.endedAt, zone)}`} ({zone})
        </p>
        <div className="flex flex-wrap gap-2">
          {report && (
            <>
              <a href={`/api/live/games/${game.id}/export`} className={buttonClasses("secondary")}>
                Players CSV<span className="sr-only"> (one row per player per question)</span>
              </a>
              <a href={`/api/live/games/${game.id}/export?layout=questions`} className={buttonClasses("secondary")}>
                Questions CSV<span className="sr-only"> (one row per question)</span>
              </a>
            </>
          )}
          <Link href={`/teacher/assignments/${game.assignmentId}`} className={buttonClasses("secondary")}>
            Class results
          </Link>
        </div>
      </div>

      {!report ? (
        <p role="status">
          This game has not ended yet: its report is ready when it ends.{" "}
          <Link href={`/present/live/${game.id}`} className="font-semibold text-brand underline underline-offset-4">
            Open it on the projector
          </Link>
        </p>
      ) : (
        <>
          <section aria-labelledby="players-heading" className="flex flex-col gap-3">
            <h2 id="players-heading" className="text-xl font-semibold">
              Players
            </h2>
            <p className="text-sm text-muted">
              Ranked as the game&apos;s leaderboard. Time: from each question opening to the answer, pauses left out,
              summed over the player&apos;s scored answers.
            </p>
            {report.players.length === 0 ? (
              <p>Nobody joined this game.</p>
            ) : (
              // Focusable, so that a keyboard can scroll a table wider than the screen.
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="players-heading">
                <table className="w-full min-w-[40rem] text-left">
                  <caption className="sr-only">Each player&apos;s rank, points and answers</caption>
                  <thead className="text-sm text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3">
                        Rank
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Player
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Points
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Right
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Time
                      </th>
                      {report.questions.map((q) => (
                        <th key={q.number} scope="col" className="py-2 pr-3">
                          Q{q.number}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.players.map((p) => (
                      <tr key={p.id} className="border-t border-line align-top" data-testid="report-player">
                        <td className="py-2 pr-3 font-mono">{p.rank ?? "–"}</td>
                        <th scope="row" className="py-2 pr-3 font-medium">
                          {p.nickname}
                          {p.removed && <span className="text-sm font-normal text-muted"> (removed)</span>}
                        </th>
                        <td className="py-2 pr-3 font-mono">{p.points}</td>
                        <td className="py-2 pr-3">
                          {p.right}/{report.questions.length}
                        </td>
                        <td className="py-2 pr-3">{seconds(p.timeMs)}</td>
                        {p.cells.map((cell, i) => (
                          <td key={i} className="py-2 pr-3">
                            <CellText cell={cell} skipped={report.questions[i]?.status === "skipped"} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
            <h2 id="questions-heading" className="text-xl font-semibold">
              Questions
            </h2>
            <ol className="flex flex-col gap-3" aria-label="Question report">
              {report.questions.map((q) => (
                <li
                  key={q.number}
                  className="flex flex-col gap-2 rounded-2xl border border-line p-4"
                  data-testid="report-question"
                >
                  <p className="font-semibold">
                    {q.number}. {q.stem}
                  </p>
                  {q.status !== "played" ? (
                    <p className="text-sm text-muted">
                      {q.status === "skipped"
                        ? "Skipped: no points for anyone."
                        : "Not reached: the game ended before it."}
                    </p>
                  ) : (
                    <>
                      <div className="flex flex-wrap items-center gap-3">
                        <ProgressBar
                          value={q.shareRight ?? 0}
                          label={`Share right for question ${q.number}`}
                          className="max-w-xs"
                        />
                        <span className="text-sm">
                          {pct(q.shareRight)} right ({q.right}/{q.answered}) · {q.answered} of {q.players} answered ·
                          average time {seconds(q.averageMs)}
                        </span>
                      </div>
                      <ul className="flex flex-col gap-1 text-sm" aria-label={`Answers to question ${q.number}`}>
                        {q.distribution.map((group) => (
                          <li key={group.label} className="flex justify-between gap-3 sm:max-w-md">
                            <span className={cn(group.right && "font-semibold")}>
                              {group.label}
                              {group.right && " (right answer)"}
                            </span>
                            <span className="font-mono">{group.count}</span>
                          </li>
                        ))}
                        {q.noAnswer > 0 && (
                          <li className="flex justify-between gap-3 text-muted sm:max-w-md">
                            <span>No answer</span>
                            <span className="font-mono">{q.noAnswer}</span>
                          </li>
                        )}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
