import type { Metadata } from "next";

import { ProgressBar } from "@/components/ui/progress-bar";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findProgress } from "@/lib/learning/queries";
import { timelineDayLabel, timelineSummary, type TimelineDay } from "@/lib/learning/timeline";

export const metadata: Metadata = { title: "Your progress" };

/**
 * Bars: answers per day (right in green) on the left axis; line: mastery (0-100%) on the right
 * axis; days along the bottom. Plain SVG, no script, with the same in words below it.
 */
function Chart({ timeline }: { timeline: TimelineDay[] }) {
  const width = 600;
  const height = 160;
  const maxAnswers = Math.max(1, ...timeline.map((d) => d.answers));
  const step = width / timeline.length;
  const line = timeline.map((d, i) => `${(i + 0.5) * step},${height - d.mastery * height}`).join(" ");
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex justify-between text-xs text-muted" aria-hidden="true">
        <span>Answers a day (up to {maxAnswers})</span>
        <span>Mastery (0–100%)</span>
      </div>
      <div className="flex items-stretch gap-1">
        <div className="flex flex-col justify-between text-xs text-muted" aria-hidden="true">
          <span>{maxAnswers}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="h-40 w-full border-b border-l border-line"
          role="img"
          aria-labelledby="chart-caption"
          aria-describedby="chart-summary"
        >
          {timeline.map((d, i) => {
            const total = (d.answers / maxAnswers) * height * 0.9;
            const right = (d.right / maxAnswers) * height * 0.9;
            return (
              <g key={d.day}>
                <rect x={i * step + 2} y={height - total} width={step - 4} height={total} className="fill-line" />
                <rect x={i * step + 2} y={height - right} width={step - 4} height={right} className="fill-good" />
              </g>
            );
          })}
          <polyline points={line} fill="none" strokeWidth={3} className="stroke-brand" />
        </svg>
        <div className="flex flex-col justify-between text-xs text-muted" aria-hidden="true">
          <span>100%</span>
          <span>0%</span>
        </div>
      </div>
      <div className="flex justify-between px-4 text-xs text-muted" aria-hidden="true">
        <span>{timelineDayLabel(timeline[0]!.day)}</span>
        <span>{timelineDayLabel(timeline.at(-1)!.day)}</span>
      </div>
      <figcaption id="chart-caption" className="text-sm text-muted">
        The last {timeline.length} days: answers per day (right answers in green) and your mastery of what you have
        studied (blue line).
      </figcaption>
      <p id="chart-summary" className="text-sm" data-testid="chart-summary">
        {timelineSummary(timeline)}
      </p>
    </figure>
  );
}

export default async function ProgressPage() {
  const user = await requireRole(["STUDENT", "LEARNER"], "/progress");
  const { articles, timeline } = await findProgress(db, user);
  const answers = timeline.reduce((sum, d) => sum + d.answers, 0);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your progress</h1>
      {articles.length === 0 ? (
        <p className="text-muted">Take a quiz to start tracking what you know.</p>
      ) : (
        <>
          <section aria-labelledby="mastery-heading" className="flex flex-col gap-3">
            <h2 id="mastery-heading" className="text-xl font-semibold">
              Mastery by article
            </h2>
            <p className="text-sm text-muted">
              How much of each article you know today: a fact counts when your latest answer to it was right, and less
              as time passes since. Facts you have not answered yet, or got wrong last time, count as not known.
            </p>
            <ul className="flex flex-col gap-4">
              {articles.map((a) => (
                <li key={a.slug} className="flex flex-col gap-1">
                  <span className="flex justify-between gap-2">
                    <span className="font-medium">{a.title}</span>
                    <span>{Math.round(a.mastery * 100)}%</span>
                  </span>
                  <ProgressBar value={a.mastery} label={`Mastery of ${a.title}`} />
                  <span className="text-sm text-muted">
                    {a.studied} of {a.facts} facts studied
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="chart-heading" className="flex flex-col gap-3">
            <h2 id="chart-heading" className="text-xl font-semibold">
              Over time ({answers} answers in 30 days)
            </h2>
            <Chart timeline={timeline} />
          </section>
        </>
      )}
    </div>
  );
}
