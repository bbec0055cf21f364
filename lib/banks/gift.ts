// Moodle's GIFT text format, read and written. Pure.
//
// Reading: questions are separated by blank lines; `//` lines are comments and `$CATEGORY:` lines
// are skipped. A question is an optional `::title::`, an optional `[format]`, its text, and one
// answer block in braces, which may sit inside the text (the "missing word" form: a blank where
// the braces were). In the block, `=` marks a right answer, `~` a wrong one, `%50%` a weight,
// `#` an answer's own feedback and `####` the question's general feedback; `{T}` and `{F}` are
// true/false, `{#3.5:0.1}` and `{#1..5}` numbers, `{=a -> b ...}` matching pairs, `{}` an essay.
// A backslash escapes `~ = # { } :` and `\n` is a line break. What Quizwire has no type for (an
// essay, a description, several right options) is skipped with its line and the reason.
//
// Writing: each question as GIFT holds it, with the explanation and source sentence as general
// feedback; a fill-in question's typing tolerance as a `// Quizwire typos: N` comment, which
// Moodle ignores and the reader here takes back. Types GIFT cannot hold are left out with a note.
import { checkBankQuestions } from "@/lib/banks/check";
import {
  alternativesOf,
  omissionLine,
  pairsOf,
  splitByFit,
  type BankProblem,
  type BankQuestion,
  type Fits,
  type Omission,
  type ReadQuestion,
  type ReadResult,
  type SkippedQuestion,
} from "@/lib/banks/types";
import type { AuthoredAnswer } from "@/lib/questions/authoring";
import { BLANK } from "@/lib/questions/gates";
import { parseNumber } from "@/lib/questions/numbers";

const SPECIAL = /[~=#{}:\\]/g;
const SOURCE_MARK = "\n\nSource: ";
const TYPOS_COMMENT = /^\/\/\s*Quizwire typos:\s*(\d+)\s*$/i;
/** Moodle's short answers match exactly (case aside): a file without our comment forgives no typos. */
const DEFAULT_TYPOS = "0";

// ---------------------------------------------------------------- writing

function escapeGift(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** Why GIFT cannot hold a question, or undefined. */
export const giftFits: Fits = (question) => {
  if (question.type === "ORDERING") return "GIFT has no ordering question";
  if (question.answer.type === "MATCHING" && pairsOf(question.answer).length < 3)
    return "GIFT's matching questions need at least three pairs";
  return undefined;
};

function generalFeedback(question: BankQuestion): string {
  const text = question.explanation.trim() + (question.source ? `${SOURCE_MARK}${question.source}` : "");
  return text.trim() ? `####${escapeGift(text.trim())}` : "";
}

function answerBlock(answer: AuthoredAnswer): string[] {
  switch (answer.type) {
    case "MULTIPLE_CHOICE": {
      const right = Number(answer.correct);
      return answer.options
        .map((text, at) => ({ text: text.trim(), at }))
        .filter((o) => o.text)
        .map((o) => `${o.at === right ? "=" : "~"}${escapeGift(o.text)}`);
    }
    case "TRUE_FALSE":
      return [answer.truth === "true" ? "TRUE" : "FALSE"];
    case "FILL_BLANK":
      return [answer.answerText, ...alternativesOf(answer)].map((text) => `=${escapeGift(text.trim())}`);
    case "NUMERIC": {
      const value = parseNumber(answer.answerText.trim());
      const tolerance = Number(answer.tolerance || 0);
      return [`#${value ?? answer.answerText}${tolerance ? `:${tolerance}` : ""}`];
    }
    case "MATCHING":
      return pairsOf(answer).map(([left, right]) => `=${escapeGift(left)} -> ${escapeGift(right)}`);
    case "ORDERING":
      return [];
  }
}

function giftQuestion(question: BankQuestion, number: number): string {
  const lines: string[] = [];
  if (question.answer.type === "FILL_BLANK") lines.push(`// Quizwire typos: ${question.answer.tolerance || 0}`);
  const title = `::${escapeGift(question.title ?? `Question ${number}`)}::`;
  const block = [...answerBlock(question.answer), generalFeedback(question)].filter(Boolean);
  // A fill-in question's blank is where the answer block goes (GIFT's missing-word form).
  const [before, after] =
    question.type === "FILL_BLANK" && question.stem.includes(BLANK)
      ? [question.stem.slice(0, question.stem.indexOf(BLANK)), question.stem.slice(question.stem.indexOf(BLANK) + 5)]
      : [`${question.stem} `, ""];
  const open = block.length > 1 ? `{\n${block.map((b) => `\t${b}`).join("\n")}\n}` : `{${block.join("")}}`;
  lines.push(`${title} ${escapeGift(before.trimEnd())} ${open}${after.trim() ? ` ${escapeGift(after.trim())}` : ""}`);
  return lines.join("\n");
}

/** The set as a GIFT file, with a note at the top for each question it leaves out. */
export function writeGift(title: string, questions: readonly BankQuestion[]): { text: string; omitted: Omission[] } {
  const { omitted } = splitByFit(questions, giftFits);
  const left = new Set(omitted.map((o) => o.number));
  const head = [
    `// ${title}`,
    `// Exported from Quizwire: ${questions.length - omitted.length} of ${questions.length} questions.`,
    ...omitted.map((o) => `// Left out: ${omissionLine(o)}.`),
  ];
  const body = questions.flatMap((q, at) => (left.has(at + 1) ? [] : [giftQuestion(q, at + 1)]));
  return { text: `${[head.join("\n"), ...body].join("\n\n")}\n`, omitted };
}

// ---------------------------------------------------------------- reading

/** Positions of `token` in `text` that no backslash escapes. */
function unescapedIndexes(text: string, token: string, from = 0): number[] {
  const found: number[] = [];
  for (let at = from; at < text.length; at++) {
    if (text[at] === "\\") {
      at++;
      continue;
    }
    if (text.startsWith(token, at)) {
      found.push(at);
      at += token.length - 1;
    }
  }
  return found;
}

const firstUnescaped = (text: string, token: string, from = 0): number => unescapedIndexes(text, token, from)[0] ?? -1;

function unescapeGift(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

const stripTags = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Plain text of a piece of GIFT: unescaped, tags removed for [html], spaces tidied. */
function plain(text: string, html: boolean): string {
  const unescaped = unescapeGift(text);
  return (html ? stripTags(unescaped) : unescaped)
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .trim();
}

interface Block {
  line: number;
  text: string;
  typos?: string;
}

/** Splits the file into question blocks at blank lines; comments and categories go. */
function blocksOf(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: { line: number; lines: string[]; typos?: string } | undefined;
  let typos: string | undefined;
  const close = () => {
    if (current && current.lines.length > 0)
      blocks.push({ line: current.line, text: current.lines.join("\n"), typos: current.typos });
    current = undefined;
  };
  lines.forEach((raw, at) => {
    const line = raw.trim();
    if (line === "") {
      close();
      return;
    }
    if (line.startsWith("//")) {
      const match = TYPOS_COMMENT.exec(line);
      if (match) typos = match[1];
      return;
    }
    if (/^\$CATEGORY:/i.test(line)) {
      close();
      return;
    }
    if (!current) {
      current = { line: at + 1, lines: [], typos };
      typos = undefined;
    }
    current.lines.push(raw);
  });
  close();
  return blocks;
}

interface Item {
  right: boolean;
  weight?: number;
  text: string;
}

/** The `=` and `~` answers of a block's body, each with its weight and without its own feedback. */
function itemsOf(body: string): Item[] | string {
  const starts = [...unescapedIndexes(body, "="), ...unescapedIndexes(body, "~")].sort((a, b) => a - b);
  if (starts.length === 0 || body.slice(0, starts[0]).trim())
    return "Each answer must start with = (right) or ~ (wrong).";
  const marks = starts;
  return marks.map((at, n) => {
    let text = body.slice(at + 1, marks[n + 1] ?? body.length);
    let weight: number | undefined;
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (weighted) {
      weight = Number(weighted[1]);
      text = text.slice(weighted[0].length);
    }
    const feedback = firstUnescaped(text, "#");
    if (feedback >= 0) text = text.slice(0, feedback);
    return { right: body[at] === "=", ...(weight !== undefined ? { weight } : {}), text };
  });
}

type Parsed = { answer: AuthoredAnswer } | { skip: string } | { problem: string };

function numericAnswer(body: string): Parsed {
  let spec = body.slice(1).trim();
  if (spec.startsWith("=")) {
    const items = itemsOf(spec);
    if (typeof items === "string") return { problem: items };
    const full = items.find((i) => i.weight === undefined || i.weight === 100);
    if (!full) return { problem: "A numerical question needs one answer worth full marks." };
    spec = full.text.trim();
  } else {
    const feedback = firstUnescaped(spec, "#");
    if (feedback >= 0) spec = spec.slice(0, feedback).trim();
  }
  const range = /^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$/.exec(spec);
  if (range) {
    const [low, high] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
    return {
      answer: { type: "NUMERIC", answerText: String((low + high) / 2), tolerance: String((high - low) / 2) },
    };
  }
  const single = /^(-?\d+(?:\.\d+)?)(?:\s*:\s*(\d+(?:\.\d+)?))?$/.exec(spec);
  if (!single) return { problem: `“${spec}” is not a number (write {#3.5}, {#3.5:0.1} or {#1..5}).` };
  return { answer: { type: "NUMERIC", answerText: single[1]!, tolerance: single[2] ?? "0" } };
}

function answerOf(body: string, html: boolean, typos: string | undefined): Parsed {
  const trimmed = body.trim();
  if (trimmed === "") return { skip: "an essay question (Quizwire has no essay questions)" };
  const truth = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(trimmed);
  if (truth)
    return { answer: { type: "TRUE_FALSE", truth: truth[1]!.toUpperCase().startsWith("T") ? "true" : "false" } };
  if (trimmed.startsWith("#")) return numericAnswer(trimmed);
  const items = itemsOf(trimmed);
  if (typeof items === "string") return { problem: items };
  const text = (item: Item) => plain(item.text, html);
  if (items.some((i) => firstUnescaped(i.text, "->") >= 0)) {
    const left: string[] = [];
    const right: string[] = [];
    for (const item of items) {
      const arrow = firstUnescaped(item.text, "->");
      if (!item.right || arrow < 0) return { problem: "Each matching pair is written = left -> right." };
      left.push(plain(item.text.slice(0, arrow), html));
      right.push(plain(item.text.slice(arrow + 2), html));
    }
    return { answer: { type: "MATCHING", left, right } };
  }
  const isRight = (i: Item) => (i.right && (i.weight === undefined || i.weight === 100)) || i.weight === 100;
  if (items.every((i) => i.right)) {
    const accepted = items.filter(isRight).map(text);
    if (accepted.length === 0) return { problem: "A short-answer question needs one answer worth full marks." };
    return {
      answer: {
        type: "FILL_BLANK",
        answerText: accepted[0]!,
        alternatives: accepted.slice(1).join("\n"),
        tolerance: typos ?? DEFAULT_TYPOS,
      },
    };
  }
  const right = items.filter(isRight);
  if (right.length > 1 || items.some((i) => !i.right && i.weight !== undefined && i.weight > 0 && i.weight < 100))
    return { skip: "several right answers (Quizwire's multiple choice has one right option)" };
  if (right.length === 0) return { problem: "No answer is marked right: mark one with =." };
  return {
    answer: { type: "MULTIPLE_CHOICE", options: items.map(text), correct: String(items.indexOf(right[0]!)) },
  };
}

function labelOf(title: string | undefined, text: string): string {
  const words = title ?? text.replace(/\s+/g, " ").trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

function readBlock(block: Block): ReadQuestion | SkippedQuestion | BankProblem {
  let text = block.text;
  let title: string | undefined;
  const lineAt = (offset: number) => block.line + (block.text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const leading = text.length - text.trimStart().length;
  if (text.trimStart().startsWith("::")) {
    const end = firstUnescaped(text, "::", leading + 2);
    if (end < 0)
      return { line: block.line, message: "The question's title opens with :: but is never closed with ::." };
    title = plain(text.slice(leading + 2, end), false);
    text = text.slice(end + 2);
  }
  const offsetBase = block.text.length - text.length;
  const format = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(text);
  const html = format?.[1]?.toLowerCase() === "html";
  const afterFormat = format ? text.slice(format[0].length) : text;
  const base = offsetBase + (text.length - afterFormat.length);
  text = afterFormat;
  const open = firstUnescaped(text, "{");
  if (open < 0) {
    const stray = firstUnescaped(text, "}");
    if (stray >= 0)
      return { line: lineAt(base + stray), message: "“}” closes an answer block that was never opened with “{”." };
    return {
      line: block.line,
      label: labelOf(title, plain(text, html)),
      reason: "a description (text with no question)",
    };
  }
  const close = firstUnescaped(text, "}", open + 1);
  if (close < 0)
    return { line: lineAt(base + open), message: "“{” opens an answer block that is never closed with “}”." };
  const nested = firstUnescaped(text.slice(open + 1, close), "{");
  if (nested >= 0)
    return {
      line: lineAt(base + open + 1 + nested),
      message: "“{” inside an answer block: write \\{ for a brace in text.",
    };
  const again = firstUnescaped(text, "{", close + 1);
  if (again >= 0)
    return {
      line: lineAt(base + again),
      message:
        "A question has one answer block: a second “{” opens another (is a blank line missing between questions?).",
    };
  const before = plain(text.slice(0, open), html);
  const after = plain(text.slice(close + 1), html);
  const content = text.slice(open + 1, close);
  const general = firstUnescaped(content, "####");
  const body = general >= 0 ? content.slice(0, general) : content;
  const feedback = general >= 0 ? plain(content.slice(general + 4), html) : "";
  const parsed = answerOf(body, html, block.typos);
  const label = labelOf(title, `${before} ${after}`);
  if ("skip" in parsed) return { line: block.line, label, reason: parsed.skip };
  if ("problem" in parsed) return { line: lineAt(base + open), message: parsed.problem };
  const source = feedback.lastIndexOf(SOURCE_MARK.trim());
  const [explanation, from] =
    source >= 0 && feedback.slice(0, source).endsWith("\n")
      ? [feedback.slice(0, source).trim(), feedback.slice(source + SOURCE_MARK.trim().length).trim()]
      : source === 0
        ? ["", feedback.slice(SOURCE_MARK.trim().length).trim()]
        : [feedback, ""];
  const stem =
    after !== ""
      ? `${before} ${BLANK} ${after}`.replace(/\s+([.,;:!?])/g, "$1")
      : parsed.answer.type === "FILL_BLANK"
        ? `${before} ${BLANK}`
        : before;
  return {
    line: block.line,
    type: parsed.answer.type,
    ...(title ? { title } : {}),
    stem: stem.trim(),
    answer: parsed.answer,
    explanation,
    ...(from ? { source: from } : {}),
  };
}

/** Reads a GIFT file: its questions, what it skips and why, and its problems by line. */
export function parseGift(source: string): ReadResult {
  const questions: ReadQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  const problems: BankProblem[] = [];
  for (const block of blocksOf(source)) {
    const read = readBlock(block);
    if ("type" in read) questions.push(read);
    else if ("reason" in read) skipped.push(read);
    else problems.push(read);
  }
  const checked = checkBankQuestions(questions);
  return { questions, skipped, problems: [...problems, ...checked.problems].sort((a, b) => a.line - b.line) };
}
