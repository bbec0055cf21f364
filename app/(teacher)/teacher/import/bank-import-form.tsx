"use client";

import { useActionState, useState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { kindOf } from "@/lib/questions/kinds";

import { QuestionChoices } from "../sets/_components/question-preview";

import { importBankAction, previewBankAction } from "./actions";

/**
 * A GIFT or CSV question bank: the file is read in the browser, previewed by the server (every
 * question with its right answer, what is skipped and why, each problem by line) and imported
 * only when the teacher confirms; a file with a problem imports nothing.
 */
export function BankImportForm() {
  const [file, setFile] = useState<{ fileName: string; text: string } | null>(null);
  const [preview, previewAction] = useActionState(previewBankAction, null);
  const [imported, importAction] = useActionState(importBankAction, null);
  const problems = preview && !preview.ok ? (preview.fieldErrors?.file?.split("\n") ?? []) : [];
  const ready = preview?.ok ? preview.data : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={previewAction} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1.5 font-medium">
          Question bank file
          <span className="text-sm font-normal text-muted">
            GIFT (from Moodle: .gift or .txt) or CSV with the columns Question, Answer, Type, Choice 1-6, Also accepted,
            Tolerance, Explanation, Source (as Quizwire&apos;s CSV download has them).
          </span>
          <input
            type="file"
            accept=".gift,.txt,.csv,text/plain,text/csv"
            className="min-h-11 font-normal"
            onChange={async (event) => {
              const chosen = event.currentTarget.files?.[0];
              setFile(chosen ? { fileName: chosen.name, text: await chosen.text() } : null);
            }}
          />
        </label>
        <input type="hidden" name="fileName" value={file?.fileName ?? ""} />
        <input type="hidden" name="text" value={file?.text ?? ""} />
        <SubmitButton variant="secondary" pendingText="Reading…" className="self-start" disabled={!file}>
          Preview the questions
        </SubmitButton>
      </form>
      {preview && !preview.ok && (
        <div className="flex flex-col gap-2" data-testid="bank-problems">
          <FormMessage tone="error">
            {problems.length > 0
              ? "The file has problems; nothing was imported. Fix them and choose the file again:"
              : preview.error}
          </FormMessage>
          {problems.length > 0 && (
            <ul className="list-disc pl-6" aria-label="Problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {ready && file && (
        <section aria-labelledby="bank-preview-heading" className="flex flex-col gap-3">
          <h3 id="bank-preview-heading" className="text-lg font-semibold">
            {ready.questions.length} {ready.questions.length === 1 ? "question" : "questions"} in {file.fileName}
          </h3>
          {ready.skipped.length > 0 && (
            <div className="rounded-xl border border-line p-3">
              <p className="font-medium">{ready.skipped.length} skipped: Quizwire has no question of their type</p>
              <ul className="list-disc pl-6 text-sm" aria-label="Skipped questions">
                {ready.skipped.map((s) => (
                  <li key={s.line}>
                    Line {s.line} (“{s.label}”): {s.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol className="flex flex-col gap-2" aria-label="Questions to import">
            {ready.questions.map((q) => (
              <li key={q.line} className="flex flex-col gap-1.5 rounded-2xl border border-line p-3">
                <span className="text-sm text-muted">
                  Line {q.line} · {kindOf(q.type).label}
                </span>
                <span>{q.stem}</span>
                <QuestionChoices preview={q.preview} />
              </li>
            ))}
          </ol>
          <form action={importAction} className="flex flex-col gap-2">
            <input type="hidden" name="fileName" value={file.fileName} />
            <input type="hidden" name="text" value={file.text} />
            {imported && !imported.ok && <FormMessage tone="error">{imported.error}</FormMessage>}
            <SubmitButton pendingText="Importing…" className="self-start">
              Import {ready.questions.length} {ready.questions.length === 1 ? "question" : "questions"}
            </SubmitButton>
          </form>
        </section>
      )}
    </div>
  );
}
