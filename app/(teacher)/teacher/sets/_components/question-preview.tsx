// A question as a teacher checks it before using it: its choices, the right one marked, and
// its right answer in words. Shared by the picker and the set page.
import type { QuestionPreview } from "@/lib/sets/picker";

export function QuestionChoices({ preview }: { preview: QuestionPreview }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      {preview.options.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Options">
          {preview.options.map((option, i) => (
            <li
              key={i}
              className={
                option.right
                  ? "rounded-lg bg-good-soft px-2 py-0.5 font-medium text-good"
                  : "rounded-lg border border-line px-2 py-0.5"
              }
            >
              {option.right && <span aria-hidden="true">✓ </span>}
              {option.text}
              {option.right && <span className="sr-only"> (right answer)</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <span className="font-medium">Answer:</span> {preview.answer}
      </p>
    </div>
  );
}
