// A question set as Moodle XML (Moodle's own import format). Pure. The explanation and source
// sentence are each question's general feedback; fill in the blank becomes a short-answer
// question (the fact's other writings as more answers at full marks, typing mistakes not: Moodle
// matches short answers exactly), ordering Moodle's ordering question (in Moodle since 4.4).
import {
  alternativesOf,
  filledRows,
  omissionLine,
  pairsOf,
  splitByFit,
  type BankQuestion,
  type Fits,
  type Omission,
} from "@/lib/banks/types";
import { BLANK } from "@/lib/questions/gates";
import { parseNumber } from "@/lib/questions/numbers";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Text in a comment: "--" may not appear there. */
const commentText = (text: string) => text.replace(/-{2,}/g, "–");

const text = (value: string) => `<text>${escapeXml(value)}</text>`;

/** Moodle's matching question needs at least three pairs (its form refuses fewer). */
export const moodleXmlFits: Fits = (question) =>
  question.answer.type === "MATCHING" && pairsOf(question.answer).length < 3
    ? "Moodle's matching questions need at least three pairs"
    : undefined;

function answer(fraction: number, value: string): string {
  return `    <answer fraction="${fraction}" format="plain_text">${text(value)}</answer>`;
}

function body(question: BankQuestion): { type: string; lines: string[] } {
  const a = question.answer;
  switch (a.type) {
    case "MULTIPLE_CHOICE": {
      const right = Number(a.correct);
      const options = a.options.map((o, at) => ({ o: o.trim(), at })).filter((x) => x.o);
      return {
        type: "multichoice",
        lines: [
          "    <single>true</single>",
          "    <shuffleanswers>true</shuffleanswers>",
          "    <answernumbering>abc</answernumbering>",
          ...options.map(({ o, at }) => answer(at === right ? 100 : 0, o)),
        ],
      };
    }
    case "TRUE_FALSE":
      return {
        type: "truefalse",
        lines: [answer(a.truth === "true" ? 100 : 0, "true"), answer(a.truth === "true" ? 0 : 100, "false")],
      };
    case "FILL_BLANK":
      return {
        type: "shortanswer",
        lines: ["    <usecase>0</usecase>", ...[a.answerText.trim(), ...alternativesOf(a)].map((w) => answer(100, w))],
      };
    case "NUMERIC":
      return {
        type: "numerical",
        lines: [
          `    <answer fraction="100" format="plain_text">${text(String(parseNumber(a.answerText.trim()) ?? a.answerText))}`,
          `      <tolerance>${Number(a.tolerance || 0)}</tolerance>`,
          "    </answer>",
        ],
      };
    case "MATCHING":
      return {
        type: "matching",
        lines: [
          "    <shuffleanswers>true</shuffleanswers>",
          ...pairsOf(a).flatMap(([left, right]) => [
            `    <subquestion format="plain_text">${text(left)}`,
            `      <answer>${text(right)}</answer>`,
            "    </subquestion>",
          ]),
        ],
      };
    case "ORDERING":
      return {
        type: "ordering",
        lines: [
          "    <layouttype>VERTICAL</layouttype>",
          "    <selecttype>ALL</selecttype>",
          "    <selectcount>0</selectcount>",
          "    <gradingtype>ABSOLUTE_POSITION</gradingtype>",
          // The fraction of an ordering answer is its place in the right order.
          ...filledRows(a.items).map((item, at) => answer(at + 1, item)),
        ],
      };
  }
}

function questionXml(question: BankQuestion, number: number): string {
  const { type, lines } = body(question);
  const feedback = [question.explanation.trim(), question.source ? `Source: ${question.source}` : ""]
    .filter(Boolean)
    .join("\n\n");
  // Moodle's short answer shows a blank where its text has one; other types read the stem as it is.
  const stem = question.stem.replace(BLANK, "_____");
  return [
    `  <question type="${type}">`,
    `    <name>${text(question.title ?? `Question ${number}`)}</name>`,
    `    <questiontext format="plain_text">${text(stem)}</questiontext>`,
    `    <generalfeedback format="plain_text">${text(feedback)}</generalfeedback>`,
    "    <defaultgrade>1</defaultgrade>",
    ...lines,
    "  </question>",
  ].join("\n");
}

/** The set as a Moodle XML file, with a comment for each question it leaves out. */
export function writeMoodleXml(
  title: string,
  questions: readonly BankQuestion[],
): { text: string; omitted: Omission[] } {
  const { omitted } = splitByFit(questions, moodleXmlFits);
  const left = new Set(omitted.map((o) => o.number));
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<quiz>",
    `  <!-- ${commentText(title)}: exported from Quizwire, ${questions.length - omitted.length} of ${questions.length} questions. -->`,
    ...omitted.map((o) => `  <!-- Left out: ${commentText(omissionLine(o))}. -->`),
    '  <question type="category">',
    `    <category>${text(`$course$/${title}`)}</category>`,
    "  </question>",
    ...questions.flatMap((q, at) => (left.has(at + 1) ? [] : [questionXml(q, at + 1)])),
    "</quiz>",
  ];
  return { text: `${parts.join("\n")}\n`, omitted };
}
