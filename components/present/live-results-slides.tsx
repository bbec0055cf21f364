"use client";

// An assignment's results on the projector, as slides that each fit the screen: first the
// class's progress and every question's share right at a glance, then one question per slide
// at projector size (share right, the most chosen wrong answer). Never a student's name.
// Arrow keys, Page Up/Down or the buttons move between slides; the numbers update live.
import { useEffect, useState } from "react";

import { Presentation, SlideHeading } from "@/components/present/presentation";
import { projectorSize } from "@/components/present/sizes";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useLive } from "@/components/ui/use-live";
import type { ProjectorView } from "@/lib/results/analysis";

const slideButton =
  "inline-flex min-h-11 items-center rounded-lg px-4 text-base font-semibold text-brand disabled:opacity-40";

const percentRight = (share: number | null) =>
  share === null ? "no answers yet" : `${Math.round(share * 100)}% right`;

export function LiveResultsSlides({
  assignmentId,
  initial,
}: {
  assignmentId: string;
  initial: { title: string; projector: ProjectorView };
}) {
  const { data } = useLive(`/api/assignments/${assignmentId}/results?view=projector`, initial, 2000);
  const p = data.projector;
  const total = p.notStarted + p.inProgress + p.done;
  const [slide, setSlide] = useState(0);
  const last = p.questions.length;
  const go = (to: number) => setSlide(Math.max(0, Math.min(last, to)));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (["ArrowRight", "PageDown", " "].includes(event.key)) go(slide + 1);
      else if (["ArrowLeft", "PageUp"].includes(event.key)) go(slide - 1);
      else if (event.key === "Home") go(0);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const question = slide > 0 ? p.questions[slide - 1] : undefined;
  return (
    <Presentation
      exitHref={`/teacher/assignments/${assignmentId}`}
      exitLabel="Back to the results"
      footer={
        <>
          <button type="button" className={slideButton} disabled={slide === 0} onClick={() => go(slide - 1)}>
            ← Previous
          </button>
          <span className="text-base text-muted" aria-live="polite">
            {slide === 0 ? "Overview" : `Question ${slide} of ${last}`}
          </span>
          <button type="button" className={slideButton} disabled={slide === last} onClick={() => go(slide + 1)}>
            Next →
          </button>
        </>
      }
    >
      {question ? (
        <section className="flex flex-1 flex-col justify-center gap-[4vh]" aria-label={`Question ${question.number}`}>
          <p className="text-muted" style={{ fontSize: projectorSize(3.5) }}>
            Question {question.number} of {last} · {data.title}
          </p>
          <h1 className="line-clamp-4 leading-tight font-bold" style={{ fontSize: projectorSize(6.5) }}>
            {question.stem}
          </h1>
          <ProgressBar
            value={question.shareRight ?? 0}
            label={`Share right for question ${question.number}`}
            className="h-[3vh]"
          />
          <p style={{ fontSize: projectorSize(5) }}>
            <span className="font-bold">{percentRight(question.shareRight)}</span>
            {question.shareRight !== null && <span className="text-muted"> · {question.answered} answers</span>}
          </p>
          {question.mostChosenWrong && (
            <p className="text-muted" style={{ fontSize: projectorSize(4) }}>
              Most chosen wrong: <span className="text-ink">{question.mostChosenWrong.answer}</span>
            </p>
          )}
        </section>
      ) : (
        <section className="flex min-h-0 flex-1 flex-col justify-center gap-[3vh]" aria-label="Overview">
          <SlideHeading className="line-clamp-2">{data.title}</SlideHeading>
          <p role="status" style={{ fontSize: projectorSize(4.5) }}>
            {p.done} of {total} done · {p.inProgress} answering · {p.notStarted} not started
          </p>
          <ProgressBar value={p.done} max={Math.max(1, total)} label="Students done" className="h-[2.5vh]" />
          <ol className="grid grid-cols-5 gap-[1.5vh]" aria-label="Share right by question">
            {p.questions.map((q) => (
              <li key={q.id}>
                <button
                  type="button"
                  onClick={() => go(q.number)}
                  className="flex w-full flex-col gap-[0.8vh] rounded-xl border border-line p-[1.2vh] text-left hover:border-brand"
                  style={{ fontSize: projectorSize(2.8) }}
                >
                  <span className="font-semibold">
                    {q.number}. {percentRight(q.shareRight)}
                  </span>
                  <ProgressBar
                    value={q.shareRight ?? 0}
                    label={`Share right for question ${q.number}`}
                    className="h-[1.2vh]"
                  />
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </Presentation>
  );
}
