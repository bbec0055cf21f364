import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { omissionsByFormat } from "@/lib/banks/export";
import { BANK_FORMATS, FORMAT_LABELS, omissionLine, type BankQuestion } from "@/lib/banks/types";

/** The set as a question bank file, one button a format, each saying what that format leaves out. */
export function BankDownloads({ setId, questions }: { setId: string; questions: BankQuestion[] }) {
  const omitted = omissionsByFormat(questions);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">Download as a question bank</h2>
      <p className="text-muted">
        For Moodle (GIFT or Moodle XML), a spreadsheet or flashcards (CSV: question and answer first), or Kahoot!. The
        source sentence goes with each question where the format has a place for it.
      </p>
      <ul className="flex flex-col gap-3">
        {BANK_FORMATS.map((format) => {
          const left = omitted[format];
          return (
            <li key={format} className="flex flex-col gap-1">
              <a
                href={`/api/sets/${setId}/export?format=${format}`}
                download
                className={`${buttonClasses("secondary")} self-start`}
              >
                {FORMAT_LABELS[format]}
              </a>
              {left.length === 0 ? (
                <span className="text-sm text-muted">All {questions.length} questions.</span>
              ) : (
                <details className="text-sm text-muted">
                  <summary className="min-h-11 cursor-pointer py-2">
                    Leaves out {left.length} of {questions.length} {questions.length === 1 ? "question" : "questions"}
                  </summary>
                  <ul className="list-disc pl-5">
                    {left.map((o) => (
                      <li key={o.number}>{omissionLine(o)}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
