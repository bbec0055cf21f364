// A question bank as CSV: one row a question, a header row naming the columns. The first two
// columns are Question and Answer, so the file pastes into a flashcard tool such as Quizlet as
// term and definition; the rest say what Quizwire needs to ask it again. Pure.
//
//   Question, Answer, Type, Choice 1 … Choice 6, Also accepted, Tolerance, Explanation, Source
//
// multiple choice: Answer is the right choice's text, the choices in the order shown;
// true/false: Answer True or False; fill in the blank: the Question has its blank as _____,
// Also accepted lists other writings separated by " | ", Tolerance is the typing mistakes
// forgiven; numeric: Answer is the number, Tolerance how far off still counts; matching: each
// choice is "left -> right"; ordering: the choices in the right order. Every type fits, so the
// CSV leaves nothing out.
import { stringify } from "csv-stringify/sync";

import { checkBankQuestions } from "@/lib/banks/check";
import {
  alternativesOf,
  filledRows,
  pairsOf,
  type BankProblem,
  type BankQuestion,
  type ReadQuestion,
  type ReadResult,
} from "@/lib/banks/types";
import type { AuthoredAnswer } from "@/lib/questions/authoring";
import { MAX_CHOICES } from "@/lib/questions/authoring";
import type { QuestionTypeName } from "@/lib/questions/types";

const CHOICES = Array.from({ length: MAX_CHOICES }, (_, at) => `Choice ${at + 1}`);
export const CSV_COLUMNS = [
  "Question",
  "Answer",
  "Type",
  ...CHOICES,
  "Also accepted",
  "Tolerance",
  "Explanation",
  "Source",
] as const;

const TYPE_NAMES: Record<QuestionTypeName, string> = {
  MULTIPLE_CHOICE: "multiple choice",
  TRUE_FALSE: "true/false",
  FILL_BLANK: "fill in the blank",
  NUMERIC: "numeric",
  MATCHING: "matching",
  ORDERING: "ordering",
};
const TYPE_BY_NAME = new Map<string, QuestionTypeName>(
  Object.entries(TYPE_NAMES).flatMap(([type, name]) => [
    [name, type as QuestionTypeName],
    [type.toLowerCase(), type as QuestionTypeName],
    [type.toLowerCase().replace(/_/g, " "), type as QuestionTypeName],
  ]),
);
TYPE_BY_NAME.set("true or false", "TRUE_FALSE");
TYPE_BY_NAME.set("fill in", "FILL_BLANK");

const ARROW = " -> ";
const SEPARATOR = " | ";

// ---------------------------------------------------------------- writing

function rowOf(question: BankQuestion): string[] {
  const { answer } = question;
  let right = "";
  let choices: string[] = [];
  let accepted = "";
  let tolerance = "";
  switch (answer.type) {
    case "MULTIPLE_CHOICE":
      choices = filledRows(answer.options);
      right = answer.options[Number(answer.correct)]?.trim() ?? "";
      break;
    case "TRUE_FALSE":
      right = answer.truth === "true" ? "True" : "False";
      break;
    case "FILL_BLANK":
      right = answer.answerText.trim();
      accepted = alternativesOf(answer).join(SEPARATOR);
      tolerance = answer.tolerance;
      break;
    case "NUMERIC":
      right = answer.answerText.trim();
      tolerance = answer.tolerance || "0";
      break;
    case "MATCHING":
      choices = pairsOf(answer).map(([left, r]) => `${left}${ARROW}${r}`);
      right = choices.join("; ");
      break;
    case "ORDERING":
      choices = filledRows(answer.items);
      right = choices.join(" → ");
      break;
  }
  return [
    question.stem,
    right,
    TYPE_NAMES[question.type],
    ...CHOICES.map((_, at) => choices[at] ?? ""),
    accepted,
    tolerance,
    question.explanation,
    question.source ?? "",
  ];
}

/** The set as CSV (with a byte-order mark so spreadsheets read UTF-8; formulas never run). */
export function writeCsv(questions: readonly BankQuestion[]): string {
  return stringify([[...CSV_COLUMNS], ...questions.map(rowOf)], { bom: true, escape_formulas: true });
}

// ---------------------------------------------------------------- reading

/** RFC 4180 records, each with the line it starts on (a quoted field may span lines). */
export function csvRecords(text: string): { line: number; fields: string[] }[] | BankProblem {
  const source = text.replace(/^\uFEFF/, "");
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) records.push({ line: start, fields });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  for (let at = 0; at < source.length; at++) {
    const c = source[at]!;
    if (quoted) {
      if (c === '"' && source[at + 1] === '"') {
        field += '"';
        at++;
      } else if (c === '"') {
        quoted = false;
        const next = source[at + 1];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r")
          return { line, message: 'A quoted field must end right after its closing quote mark (“"”).' };
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[at + 1] === "\n") at++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) return { line: quoteLine, message: 'A quote mark (“"”) opens a field that is never closed.' };
  endRecord();
  return records;
}

/** A spreadsheet guard against formulas ("'=1+1") is undone on the way back. */
const cell = (value: string | undefined) => (value ?? "").trim().replace(/^'(?=[=+\-@\t\r])/, "");

function answerOfRow(type: QuestionTypeName, get: (column: string) => string): AuthoredAnswer | string {
  const choices = CHOICES.map(get).filter(Boolean);
  const answer = get("Answer");
  switch (type) {
    case "MULTIPLE_CHOICE": {
      if (!answer) return "Give the right choice's text in the Answer column.";
      const correct = choices.findIndex((c) => c.toLowerCase() === answer.toLowerCase());
      if (correct < 0) return `The answer “${answer}” is not one of the choices.`;
      return { type, options: choices, correct: String(correct) };
    }
    case "TRUE_FALSE": {
      const truth = answer.toLowerCase();
      if (!["true", "false", "t", "f"].includes(truth)) return "The Answer of a true/false question is True or False.";
      return { type, truth: truth.startsWith("t") ? "true" : "false" };
    }
    case "FILL_BLANK":
      return {
        type,
        answerText: answer,
        alternatives: get("Also accepted")
          .split("|")
          .map((a) => a.trim())
          .filter(Boolean)
          .join("\n"),
        tolerance: get("Tolerance") || "1",
      };
    case "NUMERIC":
      return { type, answerText: answer, tolerance: get("Tolerance") || "0" };
    case "MATCHING": {
      const left: string[] = [];
      const right: string[] = [];
      for (const choice of choices) {
        const arrow = choice.indexOf("->");
        if (arrow < 0) return `Write each pair as left -> right (“${choice}” has no ->).`;
        left.push(choice.slice(0, arrow).trim());
        right.push(choice.slice(arrow + 2).trim());
      }
      return { type, left, right };
    }
    case "ORDERING":
      return { type, items: choices };
  }
}

/** Reads a CSV bank: a header row, then one question a row; problems by line. */
export function readCsv(text: string): ReadResult {
  const records = csvRecords(text);
  if (!Array.isArray(records)) return { questions: [], skipped: [], problems: [records] };
  const [header, ...rows] = records;
  if (!header) return { questions: [], skipped: [], problems: [{ line: 1, message: "The file is empty." }] };
  const columns = new Map(header.fields.map((name, at) => [name.trim().toLowerCase(), at]));
  const missing = ["Question", "Answer", "Type"].filter((name) => !columns.has(name.toLowerCase()));
  if (missing.length > 0)
    return {
      questions: [],
      skipped: [],
      problems: [
        {
          line: header.line,
          message: `The first row must name the columns; missing: ${missing.join(", ")} (the columns are ${CSV_COLUMNS.join(", ")}).`,
        },
      ],
    };
  const questions: ReadQuestion[] = [];
  const problems: BankProblem[] = [];
  for (const row of rows) {
    const get = (column: string) => cell(row.fields[columns.get(column.toLowerCase()) ?? -1]);
    const typeName = get("Type").toLowerCase();
    const type = TYPE_BY_NAME.get(typeName);
    if (!type) {
      problems.push({
        line: row.line,
        message: `“${get("Type")}” is not a question type (use one of: ${Object.values(TYPE_NAMES).join(", ")}).`,
      });
      continue;
    }
    const answer = answerOfRow(type, get);
    if (typeof answer === "string") {
      problems.push({ line: row.line, message: answer });
      continue;
    }
    const source = get("Source");
    questions.push({
      line: row.line,
      type,
      stem: get("Question"),
      answer,
      explanation: get("Explanation"),
      ...(source ? { source } : {}),
    });
  }
  if (rows.length === 0) problems.push({ line: header.line, message: "The file has no questions under its header." });
  const checked = checkBankQuestions(questions);
  return { questions, skipped: [], problems: [...problems, ...checked.problems].sort((a, b) => a.line - b.line) };
}
