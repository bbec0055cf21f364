// Reading a teacher's bank file: its format from its name, its questions checked, and the
// preview the import page shows (each question with its choices and right answer, what is
// skipped and why, every problem by line). Pure.
import { checkBankQuestions, type CheckedQuestion } from "@/lib/banks/check";
import { readCsv } from "@/lib/banks/csv";
import { parseGift } from "@/lib/banks/gift";
import type { BankProblem, SkippedQuestion } from "@/lib/banks/types";
import type { AuthoredContent } from "@/lib/questions/authoring";
import type { QuestionTypeName } from "@/lib/questions/types";
import { previewOf, type QuestionPreview } from "@/lib/sets/picker";

/** The most characters of a bank file (a server action's body holds at most 1 MB, and a character up to 3 bytes). */
export const MAX_BANK_CHARS = 300_000;

export type ImportFormat = "gift" | "csv";

export function importFormatOf(fileName: string): ImportFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".gift") || name.endsWith(".txt")) return "gift";
  return undefined;
}

export interface BankFile {
  format: ImportFormat;
  checked: CheckedQuestion[];
  skipped: SkippedQuestion[];
  problems: BankProblem[];
}

/** Reads a file; problems (a wrong name, nothing to import) come back by line like the rest. */
export function readBankFile(fileName: string, text: string): BankFile | { problems: BankProblem[] } {
  const format = importFormatOf(fileName);
  if (!format) return { problems: [{ line: 0, message: "Choose a GIFT file (.gift or .txt) or a CSV file (.csv)." }] };
  if (text.length > MAX_BANK_CHARS)
    return {
      problems: [
        { line: 0, message: `The file is longer than ${MAX_BANK_CHARS.toLocaleString("en")} characters: split it.` },
      ],
    };
  const read = format === "csv" ? readCsv(text) : parseGift(text);
  const { checked } = checkBankQuestions(read.questions);
  const problems = [...read.problems];
  if (problems.length === 0 && checked.length === 0)
    problems.push({
      line: 0,
      message:
        read.skipped.length > 0
          ? "None of the file's questions is of a type Quizwire asks (see the list of skipped questions)."
          : "The file has no questions.",
    });
  return { format, checked, skipped: read.skipped, problems };
}

/** "Line 12: …", or the message alone for the file as a whole. */
export const problemLine = (problem: BankProblem) =>
  problem.line > 0 ? `Line ${problem.line}: ${problem.message}` : problem.message;

/** The right answer in words, as the fact it tests states it. */
export function answerInWords(type: QuestionTypeName, content: AuthoredContent): string {
  const { options } = content;
  switch (type) {
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE":
      return options.find((o) => o.isCorrect)?.text ?? "";
    case "FILL_BLANK":
      return content.answerText ?? "";
    case "NUMERIC":
      return content.tolerance ? `${content.answerText} (±${content.tolerance})` : (content.answerText ?? "");
    case "MATCHING":
      return options.map((o) => `${o.text}: ${o.matchText ?? ""}`).join("; ");
    case "ORDERING":
      return [...options]
        .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
        .map((o) => o.text)
        .join(" → ");
  }
}

export interface BankPreview {
  format: ImportFormat;
  questions: {
    line: number;
    type: QuestionTypeName;
    stem: string;
    /** What the teacher checks: the choices with the right one marked, and the answer in words. */
    preview: QuestionPreview;
  }[];
  skipped: SkippedQuestion[];
}

/** The file's questions as the import page shows them before anything is stored. */
export function bankPreviewOf(file: BankFile): BankPreview {
  return {
    format: file.format,
    questions: file.checked.map(({ question, content }) => ({
      line: question.line,
      type: question.type,
      stem: content.stem,
      preview: previewOf({ type: question.type, ...content }),
    })),
    skipped: file.skipped,
  };
}
