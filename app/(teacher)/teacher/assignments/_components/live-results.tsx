"use client";

import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { AssignmentResults } from "@/lib/results/analysis";

import { useLive } from "@/components/ui/use-live";

const pct = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);

function duration(ms: number | null): string {
  if (ms === null) return "–";
  const minutes = Math.floor(ms / 60000);
  const seconds = Math.round((ms % 60000) / 1000);
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

export function LiveResults({ assignmentId, initial }: { assignmentId: string; initial: AssignmentResults }) {
  const { data, stale } = useLive(`/api/assignments/${assignmentId}/results`, initial);
  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="text-sm text-muted">
        {stale ? "Cannot reach the server: showing the last results." : "Updates by itself as students answer."}{" "}
        {data.summary.done} of {data.summary.total} students done
        {data.summary.meanScoreOfDone !== null && `, mean score ${pct(data.summary.meanScoreOfDone)}`}.
      </p>

      <section aria-labelledby="students-heading" className="flex flex-col gap-3">
        <h2 id="students-heading" className="text-xl font-semibold">
          Students
        </h2>
        {/* Focusable, so that a keyboard can scroll the table on a narrow screen. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="students-heading">
          <table className="w-full min-w-[36rem] text-left">
            <thead className="text-sm text-muted">
              <tr>
                <th className="py-2 pr-3">Student</th>
                <th className="py-2 pr-3">Score</th>
                <th className="py-2 pr-3">Answered</th>
                <th className="py-2 pr-3">Time</th>
                <th className="py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.students.map((s) => (
                <tr key={s.id} className="border-t border-line" data-testid="student-row">
                  <td className="py-2 pr-3 font-medium">{s.displayName}</td>
                  <td className="py-2 pr-3">{pct(s.score)}</td>
                  <td className="py-2 pr-3">
                    {s.answered}/{s.total}
                  </td>
                  <td className="py-2 pr-3">{duration(s.timeTakenMs)}</td>
                  <td className="flex flex-wrap gap-1 py-2">
                    <Badge tone={s.status === "done" ? "good" : s.status === "in progress" ? "warn" : "neutral"}>
                      {s.status}
                    </Badge>
                    {s.late && <Badge tone="bad">late</Badge>}
                    {s.timedOut && <Badge tone="warn">ran out of time</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
        <h2 id="questions-heading" className="text-xl font-semibold">
          Questions
        </h2>
        <ol className="flex flex-col gap-3" aria-label="Question results">
          {data.questions.map((q) => (
            <li
              key={q.id}
              className="flex flex-col gap-2 rounded-2xl border border-line p-4"
              data-testid="question-result"
            >
              <p className="font-semibold">
                {q.number}. {q.stem}
              </p>
              <div className="flex items-center gap-3">
                <ProgressBar
                  value={q.shareRight ?? 0}
                  label={`Share right for question ${q.number}`}
                  className="max-w-xs"
                />
                <span className="text-sm">
                  {pct(q.shareRight)} right ({q.right}/{q.answered})
                </span>
              </div>
              {q.mostChosenWrong && (
                <p className="text-sm">
                  Most chosen wrong answer: <span className="font-semibold">{q.mostChosenWrong.answer}</span> (
                  {q.mostChosenWrong.count})
                </p>
              )}
              {/* A question bank's question may come with no source sentence. */}
              {q.quote && (
                <blockquote className="border-l-4 border-line pl-3 text-sm text-muted italic">“{q.quote}”</blockquote>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="facts-heading" className="flex flex-col gap-3">
        <h2 id="facts-heading" className="text-xl font-semibold">
          What the class knows, weakest first
        </h2>
        <p className="text-sm text-muted">
          For each fact, where each student stands: <strong>know it</strong> (latest answer right and still remembered),{" "}
          <strong>fading</strong> (right, but long enough ago to need review), <strong>wrong</strong> (latest answer
          wrong), or not answered. The percentage is the class&apos;s average chance of recalling it now, counting wrong
          and unanswered as 0.
        </p>
        <ul className="flex flex-col gap-3">
          {data.facts.map((f) => (
            <li key={f.id} className="flex flex-col gap-1">
              <span className="flex justify-between gap-2 text-sm">
                <span>
                  {f.subject} — {f.relation}: <span className="font-medium">{f.answer}</span>
                </span>
                <span className="shrink-0 font-medium">{pct(f.mastery)}</span>
              </span>
              <ProgressBar value={f.mastery} label={`Class mastery of ${f.subject} ${f.relation}`} />
              <span className="text-sm text-muted" data-testid="fact-spread">
                {f.spread.know} know it · {f.spread.fading} fading · {f.spread.wrong} wrong · {f.spread.unanswered} not
                answered
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
