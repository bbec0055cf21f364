"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import type { ProjectorView } from "@/lib/results/analysis";

import { useLive } from "./use-live";

export function LiveProjector({
  assignmentId,
  initial,
}: {
  assignmentId: string;
  initial: { title: string; projector: ProjectorView };
}) {
  const { data } = useLive(`/api/assignments/${assignmentId}/results?view=projector`, initial, 2000);
  const p = data.projector;
  const total = p.notStarted + p.inProgress + p.done;
  return (
    <div className="flex flex-col gap-8 text-lg">
      <h1 className="text-3xl font-bold">{data.title}</h1>
      <div className="flex flex-col gap-2">
        <p className="text-2xl" role="status">
          {p.done} of {total} done · {p.inProgress} answering · {p.notStarted} not started
        </p>
        <ProgressBar value={p.done} max={Math.max(1, total)} label="Students done" className="h-4" />
      </div>
      <ol className="grid gap-4 lg:grid-cols-2">
        {p.questions.map((q) => (
          <li key={q.id} className="flex flex-col gap-2 rounded-2xl border border-line p-4">
            <p className="font-semibold">
              {q.number}. {q.stem}
            </p>
            <ProgressBar value={q.shareRight ?? 0} label={`Share right for question ${q.number}`} className="h-4" />
            <p>
              {q.shareRight === null
                ? "No answers yet"
                : `${Math.round(q.shareRight * 100)}% right (${q.answered} answers)`}
            </p>
            {q.mostChosenWrong && <p className="text-base text-muted">Most chosen wrong: {q.mostChosenWrong.answer}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
