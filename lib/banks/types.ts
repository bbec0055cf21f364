// A question as the bank formats (GIFT, Moodle XML, CSV, Kahoot!'s sheet) carry it: its text, its
// options and answer in the shape a teacher's form gives them (lib/questions/authoring.ts checks
// that shape, for a written question and an imported one alike), and the words around it. Pure.
import type { AuthoredAnswer } from "@/lib/questions/authoring";
import type { QuestionTypeName } from "@/lib/questions/types";

export interface BankQuestion {
  type: QuestionTypeName;
  /** A name for the question (GIFT's ::title::); optional. */
  title?: string;
  /** The question's text. Fill in the blank: the sentence with its blank written as _____. */
  stem: string;
  answer: AuthoredAnswer;
  /** Shown after answering (GIFT's general feedback); may be empty. */
  explanation: string;
  /** The sentence the question was made from, and where it is from, when there is one. */
  source?: string;
}

/** A question read from a file, with the line it starts on. */
export interface ReadQuestion extends BankQuestion {
  line: number;
}

/** A question of the file that Quizwire has no type for: listed, never silently dropped. */
export interface SkippedQuestion {
  line: number;
  /** Its title or the start of its text. */
  label: string;
  reason: string;
}

/** What is wrong with a file, and on which line. */
export interface BankProblem {
  line: number;
  message: string;
}

export interface ReadResult {
  questions: ReadQuestion[];
  skipped: SkippedQuestion[];
  problems: BankProblem[];
}

/** A question a format cannot hold, left out of the file with a note in it. */
export interface Omission {
  /** Its place in the set, from 1. */
  number: number;
  stem: string;
  reason: string;
}

export const BANK_FORMATS = ["gift", "moodle-xml", "csv", "kahoot"] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

export const FORMAT_LABELS: Record<BankFormat, string> = {
  gift: "GIFT (Moodle)",
  "moodle-xml": "Moodle XML",
  csv: "CSV",
  kahoot: "Kahoot! spreadsheet",
};

/** The questions a format leaves out, or why it cannot hold one (undefined: it can). */
export type Fits = (question: BankQuestion) => string | undefined;

export function omissionsOf(questions: readonly BankQuestion[], fits: Fits): Omission[] {
  const omitted: Omission[] = [];
  questions.forEach((question, at) => {
    const reason = fits(question);
    if (reason) omitted.push({ number: at + 1, stem: question.stem, reason });
  });
  return omitted;
}

/** "Question 4 (“Put these events in …”): GIFT has no ordering question" */
export function omissionLine(omission: Omission): string {
  const stem = omission.stem.length > 60 ? `${omission.stem.slice(0, 57)}…` : omission.stem;
  return `Question ${omission.number} (“${stem}”): ${omission.reason}`;
}

/** The questions of a set that go into the file, and the notes for those that do not. */
export function splitByFit(questions: readonly BankQuestion[], fits: Fits) {
  const omitted = omissionsOf(questions, fits);
  const left = new Set(omitted.map((o) => o.number));
  return { kept: questions.filter((_, at) => !left.has(at + 1)), omitted };
}

/** The filled rows of a list field (options, items...), trimmed. */
export const filledRows = (rows: readonly string[]): string[] => rows.map((r) => r.trim()).filter(Boolean);

/** The pairs of a matching answer, both sides filled. */
export function pairsOf(answer: Extract<AuthoredAnswer, { type: "MATCHING" }>): [string, string][] {
  const pairs: [string, string][] = [];
  for (let at = 0; at < Math.max(answer.left.length, answer.right.length); at++) {
    const left = (answer.left[at] ?? "").trim();
    const right = (answer.right[at] ?? "").trim();
    if (left || right) pairs.push([left, right]);
  }
  return pairs;
}

/** Other writings of a fill-in answer, one a line in the form. */
export const alternativesOf = (answer: Extract<AuthoredAnswer, { type: "FILL_BLANK" }>): string[] =>
  filledRows(answer.alternatives.split(/\r?\n/));
