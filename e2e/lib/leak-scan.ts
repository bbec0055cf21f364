// The answer-leak scanner's rules: given one response the browser received (HTML, an RSC
// payload, JSON) and the answer keys of the questions the student has not answered yet,
// find what in it would tell a student a right answer. Pure, so it is unit-tested with
// payloads that leak (leak-scan.test.ts); e2e/lib/leak-recorder.ts feeds it a quiz's traffic.
//
// A cheating student reads the page source, the RSC payload and JSON replies, not just the
// screen. Some right answers are legitimately on screen (a multiple-choice question shows its
// right option among the others), so each type has its own rules for what gives it away:
//
// - Every type: the question's explanation and its source quote. Both are shown only with
//   feedback, and both name the answer ("Sputnik reported that...", "led by Defense Minister
//   Rustem Umerov").
// - Every type: anything attached to the question (a JSON object holding its id, or a React
//   element keyed by it) that carries a correctness or answer field (isCorrect, expected,
//   matchText, correctPosition, feedback, score...), a choice that is more than
//   {position, text}, or a correctness mark (a "Right answer" text, a good/bad colour class).
//   In the HTML, the stretch after the question's stem carries no such mark either.
// - Multiple choice and true/false: the right option's text may appear only as one of the
//   choices: anywhere else in what is attached to the question (or as the value of an
//   "expected"/"answer"/"correct" field anywhere) it marks the choice as right.
// - Fill in the blank: the expected text and every accepted alias, anywhere, in any case,
//   unless it is already on screen (in a stem, a choice or a title). Short or common words
//   ("two", "one") are not distinguishing and are left to the field rules.
// - Numeric: the number in any writing (1000, 1,000, 1 000) as a number of its own, and the
//   answer with its unit ("47 European countries"). Numbers below 10 are everywhere in a
//   page (question 3 of 12) and are left to the field rules.
// - Matching: a person next to their right role ("Merz → German Chancellor", "Merz: German
//   Chancellor", "German Chancellor Friedrich Merz"), both in one object or pair, or the
//   roles listed in the people's order (the app lists them alphabetically).
// - Ordering: the items in the right order, joined by anything but words (an arrow, a
//   comma, a JSON array), the choices sent in the right order, or the right order of
//   positions attached to the question.
import type { QuestionTypeName } from "@/lib/questions/types";

/** What the database knows about a question's right answer (e2e/lib/answer-keys.ts loads it). */
export interface AnswerKey {
  questionId: string;
  type: QuestionTypeName;
  stem: string;
  /** In display order. */
  options: {
    position: number;
    text: string;
    isCorrect: boolean;
    matchText: string | null;
    correctPosition: number | null;
  }[];
  answerText: string | null;
  answerNumber: number | null;
  /** Other accepted writings of a typed answer (the tested facts' aliases). */
  aliases: string[];
  explanation: string;
  quote: string;
}

export interface ScannedResponse {
  url: string;
  contentType: string;
  body: string;
  /** The question a reply to POST /api/answers is about: its answer may be in the body. */
  forQuestionId?: string;
}

export interface Finding {
  questionId: string;
  rule: string;
  evidence: string;
  /**
   * Found only in the feedback of another question the student answered. That feedback is
   * shown on purpose (the article's own sentence), so this says two questions of the quiz
   * share a source, not that the payload leaks: reported, and left to the quiz's makers.
   */
  inFeedback: boolean;
}

/** Keys that name a right answer or a judgment of one. */
const ANSWER_FIELD =
  /correct|expected|answer|solution|explanation|quote|feedback|score|right|matchText|tolerance|accepted|alias/i;
/** Marks of correctness in text or markup. */
const CORRECTNESS_MARK =
  /\bright answer\b|\bcorrect answer\b|\bis-?correct\b|\bRight!|\bNot quite\b|\bPartly right\b|\b(?:bg|text|border)-(?:good|bad)\b|\bdata-(?:correct|answer|right)\b/i;
const SEPARATOR = "\n\u00b6\n";
/** What the player and the results show of an answered question: its feedback and rendered text. */
const FEEDBACK_FIELDS = new Set(["given", "expected", "explanation", "quote", "children", "stem", "text"]);

export function scanResponse(
  response: ScannedResponse,
  keys: readonly AnswerKey[],
  unanswered: ReadonlySet<string>,
  titles: readonly string[] = [],
): Finding[] {
  const open = keys.filter((k) => unanswered.has(k.questionId));
  if (open.length === 0) return [];
  const decoded = decode(response);
  const findings: Finding[] = [];
  const report = (key: AnswerKey, rule: string, evidence: string, inFeedback = false) =>
    findings.push({ questionId: key.questionId, rule, evidence: excerpt(evidence), inFeedback });
  const byId = new Map(keys.map((k) => [k.questionId, k]));
  const isAnswered = (id: string | null) => id !== null && byId.has(id) && !unanswered.has(id);

  // The text of the response, split into the feedback shown for answered questions (in the
  // markup, what follows their stem; in data, their feedback's fields and rendered text) and
  // everything else.
  const text = { other: [...decoded.loose], feedback: [] as string[] };
  for (const { questionId, segment } of segmentsByStem(decoded.markupText, keys))
    (isAnswered(questionId) ? text.feedback : text.other).push(segment);
  for (const value of decoded.values) {
    if (typeof value === "string") text.other.push(value);
    walk(value, response.forQuestionId ?? null, new Set(byId.keys()), (node, scope, parentKey) => {
      const entries: [string | null, unknown][] = Array.isArray(node)
        ? node.map((item) => [parentKey, item])
        : Object.entries(node);
      for (const [field, item] of entries) {
        if (typeof item !== "string") continue;
        const shownAsFeedback = isAnswered(scope) && (field === null || FEEDBACK_FIELDS.has(field));
        (shownAsFeedback ? text.feedback : text.other).push(unescapeString(item));
      }
      const owner = scope === null ? undefined : byId.get(scope);
      if (owner && unanswered.has(owner.questionId)) checkScoped(owner, node, parentKey, report);
      if (scope === null) checkUnscoped(open, node, report);
    });
  }
  for (const { questionId, segment } of segmentsByStem(decoded.markup, keys)) {
    const key = questionId === null ? undefined : byId.get(questionId);
    const found = key && unanswered.has(key.questionId) && CORRECTNESS_MARK.exec(segment.slice(key.stem.length));
    if (found) report(key, "correctness mark after the stem", contextOf(found));
  }

  const stems = keys.map((k) => k.stem);
  const onScreen = [
    ...stems,
    ...titles,
    ...keys.filter(showsChoices).flatMap((k) => k.options.flatMap((o) => [o.text, o.matchText ?? ""])),
  ];
  for (const [inFeedback, parts] of [
    [false, text.other],
    [true, text.feedback],
  ] as const) {
    const joined = parts.join(SEPARATOR);
    const withoutStems = mask(joined, [...stems, ...titles]);
    const withoutShown = mask(joined, onScreen);
    for (const key of open) {
      for (const [rule, needle] of [
        ["explanation", key.explanation],
        ...quoteParts(key.quote).map((part) => ["source quote", part] as const),
      ] as const) {
        const found = findText(withoutStems, needle, true);
        if (found) report(key, rule, found, inFeedback);
      }
      for (const [rule, pattern] of textPatterns(key)) {
        const found = (rule.startsWith("pair") || rule.startsWith("order") ? withoutStems : withoutShown).match(
          pattern,
        );
        if (found) report(key, rule, contextOf(found), inFeedback);
      }
    }
  }
  return dedupe(findings);
}

/**
 * The text from each question's stem up to the next question's stem (the question's card or
 * its row of results), and what comes before any stem (questionId null).
 */
function segmentsByStem(text: string, keys: readonly AnswerKey[]): { questionId: string | null; segment: string }[] {
  if (!text) return [];
  const starts = keys
    .map((key) => ({ questionId: key.questionId, at: text.indexOf(key.stem) }))
    .filter((start) => start.at >= 0)
    .sort((a, b) => a.at - b.at);
  return [{ questionId: null, at: 0 }, ...starts].map((start, i, all) => ({
    questionId: start.questionId,
    segment: text.slice(start.at, all[i + 1]?.at ?? text.length),
  }));
}

/** The types whose choices (or pairs' two sides) are on screen before the answer. */
function showsChoices(key: AnswerKey): boolean {
  return key.type !== "FILL_BLANK" && key.type !== "NUMERIC";
}

// ---------------------------------------------------------------- decoding

interface Decoded {
  /** HTML outside scripts, entities decoded, tags kept (for attribute marks). */
  markup: string;
  /** The same as text: tags replaced by breaks. */
  markupText: string;
  /** Text outside the JSON values: RSC text rows, rows that do not parse, a body that is neither. */
  loose: string[];
  /** The JSON values: a JSON body, or each row of an RSC payload. */
  values: unknown[];
}

function decode(response: ScannedResponse): Decoded {
  const { body, contentType } = response;
  if (/html/.test(contentType) || /^\s*<(!doctype|html)/i.test(body)) {
    const flight = [...body.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)]
      .map((m) => {
        try {
          const entry = JSON.parse(m[1]!) as unknown[];
          return entry[0] === 1 && typeof entry[1] === "string" ? entry[1] : "";
        } catch {
          return "";
        }
      })
      .join("");
    const markup = decodeEntities(body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, " "));
    return { markup, markupText: markupText(markup), ...parseFlight(flight) };
  }
  if (/x-component/.test(contentType)) return { markup: "", markupText: "", ...parseFlight(body) };
  if (/json/.test(contentType)) {
    try {
      const value = JSON.parse(body) as unknown;
      return { markup: "", markupText: "", loose: [], values: [value] };
    } catch {
      // Not JSON after all: searched as text below.
    }
  }
  return { markup: "", markupText: "", loose: [body], values: [] };
}

/**
 * The text of markup, attribute values included (a hidden input's value is as readable as a
 * paragraph; links decoded). Tags become breaks, so text in neighbouring elements does not read
 * as one phrase.
 */
function markupText(markup: string): string {
  return markup.replace(/<[^>]*>/g, (tag) => {
    const values = [...tag.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g)].map((m) => {
      const value = m[1] ?? m[2] ?? "";
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    });
    return [SEPARATOR, ...values, SEPARATOR].join(SEPARATOR);
  });
}

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[lower]!;
  });
}

/**
 * An RSC payload: rows of `id:JSON` (some with a one-letter tag before the JSON, such as I
 * for a module reference) and `id:T<hex byte length>,<text>` rows of raw text.
 */
export function parseFlight(text: string): { loose: string[]; values: unknown[] } {
  const loose: string[] = [];
  const values: unknown[] = [];
  let at = 0;
  while (at < text.length) {
    const row = /^([0-9a-f]*):/.exec(text.slice(at, at + 16));
    if (!row) {
      const newline = text.indexOf("\n", at);
      loose.push(text.slice(at, newline < 0 ? text.length : newline));
      at = newline < 0 ? text.length : newline + 1;
      continue;
    }
    at += row[0].length;
    const chunk = /^T([0-9a-f]+),/.exec(text.slice(at, at + 16));
    if (chunk) {
      at += chunk[0].length;
      const end = advanceBytes(text, at, parseInt(chunk[1]!, 16));
      loose.push(text.slice(at, end));
      at = end;
      continue;
    }
    const newline = text.indexOf("\n", at);
    const payload = text.slice(at, newline < 0 ? text.length : newline);
    at = newline < 0 ? text.length : newline + 1;
    const value = parseRow(payload);
    if (value === undefined) loose.push(payload);
    else values.push(value);
  }
  return { loose, values };
}

function parseRow(payload: string): unknown {
  for (const skip of [0, 1, 2]) {
    try {
      return JSON.parse(payload.slice(skip)) as unknown;
    } catch {
      // Try again without a tag letter.
    }
  }
  return undefined;
}

/** The index `bytes` UTF-8 bytes after `from`. */
function advanceBytes(text: string, from: number, bytes: number): number {
  let at = from;
  for (let left = bytes; left > 0 && at < text.length;) {
    const code = text.codePointAt(at)!;
    left -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    at += code >= 0x10000 ? 2 : 1;
  }
  return at;
}

/** RSC escapes a string that starts with "$" by doubling it. */
function unescapeString(value: string): string {
  return value.startsWith("$$") ? value.slice(1) : value;
}

// ---------------------------------------------------------------- text rules

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A needle as a pattern: any run of spaces matches any whitespace, with word edges. */
function phrase(text: string): string {
  const body = text.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}

function mask(text: string, shown: readonly string[]): string {
  let masked = text;
  for (const item of [...new Set(shown)].filter((s) => s.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    masked = masked.split(item).join(" \u25ae ");
  }
  return masked;
}

function findText(haystack: string, needle: string, caseSensitive: boolean): string | null {
  if (!needle.trim()) return null;
  const found = new RegExp(phrase(needle), caseSensitive ? "u" : "iu").exec(haystack);
  return found ? contextOf(found) : null;
}

function contextOf(found: RegExpMatchArray | RegExpExecArray): string {
  const input = found.input ?? "";
  const at = found.index ?? 0;
  return input.slice(Math.max(0, at - 60), at + found[0].length + 60);
}

function excerpt(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 240);
}

/** The quote, and each part of a quote made of several (" … ") long enough to be telling. */
function quoteParts(quote: string): string[] {
  const parts = quote.split(" … ").filter((part) => part.length >= 30);
  return [...new Set([quote, ...parts])];
}

const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|half|both|none)$/i;

/** A typed answer that would give the answer away wherever it appears. */
function isDistinguishing(text: string): boolean {
  const trimmed = text.trim();
  if (parseNumberText(trimmed) !== null) return false;
  if (NUMBER_WORD.test(trimmed)) return false;
  return trimmed.length >= 4 || /[A-Z]/.test(trimmed);
}

function parseNumberText(text: string): number | null {
  return /^-?\d{1,3}(?:[, ]\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/.test(text) ? Number(text.replace(/[, ]/g, "")) : null;
}

/** The writings of a number a page could use: 1000, 1,000, 1 000 (also thin spaces), 1000.0. */
function numberPattern(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split(".") as [string, string | undefined];
  const groups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u0000").split("\u0000");
  const grouped = groups.map(escapeRegExp).join("[,\\s\u2009\u202f]?");
  const decimals = fraction ? `\\.${fraction}0*` : "(?:\\.0+)?";
  const sign = value < 0 ? "-" : "";
  // Not part of a longer number, a word, an id, an RSC reference ("$L47") or a time or date
  // ("13:47", "4/12").
  return `(?<![\\p{L}\\p{N}$@#_.,-])(?<!\\d[:/])${sign}${grouped}${decimals}(?![\\p{L}\\p{N}_]|[.,:/]\\d)`;
}

/** Patterns that give the question away in any text, by its type. */
function textPatterns(key: AnswerKey): [string, RegExp][] {
  const patterns: [string, RegExp][] = [];
  const typed = key.type === "FILL_BLANK" || key.type === "NUMERIC";
  if (typed) {
    for (const answer of [key.answerText ?? "", ...key.aliases]) {
      const number = parseNumberText(answer.trim());
      if (number !== null && Math.abs(number) >= 10)
        patterns.push(["typed answer (number)", new RegExp(numberPattern(number), "u")]);
      else if (isDistinguishing(answer)) patterns.push(["typed answer", new RegExp(phrase(answer), "iu")]);
    }
  }
  if (key.type === "NUMERIC" && key.answerNumber !== null && Math.abs(key.answerNumber) >= 10)
    patterns.push(["number", new RegExp(numberPattern(key.answerNumber), "u")]);
  if (key.type === "MATCHING") {
    for (const option of key.options) {
      if (!option.matchText) continue;
      const [person, role] = [phrase(option.text), phrase(option.matchText)];
      patterns.push(
        ["pair", new RegExp(`${person}\\s*(?:→|->|=>|:|=|–|—|-|,)\\s*${role}`, "iu")],
        ["pair", new RegExp(`${role}\\s*(?:→|->|=>|:|=|–|—|-|,)\\s*${person}`, "iu")],
        ["pair (title before name)", new RegExp(`${role}\\s+${person}`, "u")],
      );
    }
    const inPairOrder = key.options.map((o) => o.matchText ?? "");
    if (inPairOrder.length >= 2)
      patterns.push([
        "pairs (roles in the people's order)",
        new RegExp(inPairOrder.map(phrase).join(SEPARATOR_RUN), "u"),
      ]);
  }
  if (key.type === "ORDERING") {
    const inOrder = [...key.options].sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0));
    patterns.push(["order", new RegExp(inOrder.map((o) => phrase(o.text)).join(SEPARATOR_RUN), "iu")]);
  }
  return patterns;
}

/** Between items of a list: punctuation, arrows, quotes, brackets, whitespace; never words. */
const SEPARATOR_RUN = "[^\\p{L}\\p{N}]{1,16}";

// ---------------------------------------------------------------- structured rules

/**
 * Visits every object and array of a JSON value with the question it is attached to: an
 * object holding a question id as a value, or a React element (["$", type, key, props])
 * keyed by one, attaches itself and everything inside it to that question.
 */
function walk(
  value: unknown,
  scope: string | null,
  questionIds: ReadonlySet<string>,
  visit: (node: object, scope: string | null, parentKey: string | null) => void,
  parentKey: string | null = null,
): void {
  if (!value || typeof value !== "object") return;
  const isQuestionId = (v: unknown): v is string => typeof v === "string" && questionIds.has(v);
  let own = scope;
  if (Array.isArray(value)) {
    if (value.length === 4 && value[0] === "$" && isQuestionId(value[2])) own = value[2];
  } else {
    own = Object.values(value).find(isQuestionId) ?? scope;
  }
  visit(value, own, parentKey);
  if (Array.isArray(value)) for (const item of value) walk(item, own, questionIds, visit, parentKey);
  else for (const [key, item] of Object.entries(value)) walk(item, own, questionIds, visit, key);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === false ||
    value === "" ||
    value === "$undefined" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Whether an object is one of the question's choices as the player may see them. */
function isPlainChoice(node: object, key: AnswerKey): boolean {
  if (Array.isArray(node)) return false;
  const entries = Object.entries(node);
  return (
    entries.every(([k]) => k === "position" || k === "text") &&
    key.options.some((o) => o.text === (node as { text?: unknown }).text)
  );
}

function checkScoped(
  key: AnswerKey,
  node: object,
  parentKey: string | null,
  report: (key: AnswerKey, rule: string, evidence: string) => void,
): void {
  const isChoice = key.type === "MULTIPLE_CHOICE" || key.type === "TRUE_FALSE";
  const right = key.options.filter((o) => o.isCorrect).map((o) => o.text);
  const plainChoice = isPlainChoice(node, key);
  const entries: [string | null, unknown][] = Array.isArray(node)
    ? node.map((item) => [parentKey, item])
    : Object.entries(node);
  for (const [field, value] of entries) {
    if (!Array.isArray(node) && field !== null && ANSWER_FIELD.test(field) && !isEmpty(value))
      report(key, `field "${field}"`, `${field}: ${JSON.stringify(value)}`);
    if (typeof value !== "string") continue;
    if (CORRECTNESS_MARK.test(value)) report(key, "correctness mark", value);
    if (!isChoice || plainChoice || value === key.stem) continue;
    for (const text of right) {
      const hit =
        value.trim().toLowerCase() === text.toLowerCase() || (text.length >= 4 && findText(value, text, true));
      if (hit) report(key, "right choice outside the choices", `${field}: ${value}`);
    }
  }

  if (!Array.isArray(node)) {
    const record = node as Record<string, unknown>;
    if (key.options.some((o) => o.text === record.text) && !plainChoice)
      report(key, "choice with more than position and text", JSON.stringify(node));
    const values = Object.values(record);
    for (const option of key.options) {
      if (option.matchText && values.includes(option.text) && values.includes(option.matchText))
        report(key, "pair (in one object)", JSON.stringify(node));
    }
    return;
  }
  if (key.type === "ORDERING") {
    const inOrder = [...key.options].sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0));
    const texts = node.map((item: unknown) => (item as { text?: unknown } | null)?.text ?? item);
    if (texts.length === inOrder.length && inOrder.every((o, i) => texts[i] === o.text))
      report(key, "order (choices sent in the right order)", JSON.stringify(node));
    const rightPositions = node.length === inOrder.length && inOrder.every((o, i) => node[i] === o.position);
    const shuffled = key.options.some((o, i) => o.position !== inOrder[i]!.position);
    if (rightPositions && shuffled) report(key, "order (right positions)", `${parentKey}: ${JSON.stringify(node)}`);
  }
  if (key.type === "MATCHING" && node[0] !== "$") {
    const inPairOrder = key.options.map((o) => o.matchText);
    if (node.length >= 2 && node.length === inPairOrder.length && inPairOrder.every((t, i) => node[i] === t))
      report(key, "pairs (roles in the people's order)", JSON.stringify(node));
    for (const option of key.options) {
      if (option.matchText && node.includes(option.text) && node.includes(option.matchText))
        report(key, "pair (in one list)", JSON.stringify(node));
    }
  }
}

/** Right choices named as an answer in data attached to no question. */
function checkUnscoped(
  open: readonly AnswerKey[],
  node: object,
  report: (key: AnswerKey, rule: string, evidence: string) => void,
): void {
  if (Array.isArray(node)) return;
  for (const [field, value] of Object.entries(node)) {
    if (!/correct|expected|answer|solution|right/i.test(field)) continue;
    for (const key of open) {
      if (key.type === "NUMERIC" && typeof value === "number" && value === key.answerNumber)
        report(key, `field "${field}" (number)`, `${field}: ${value}`);
      if (typeof value !== "string") continue;
      for (const option of key.options) {
        if (option.isCorrect && (key.type === "MULTIPLE_CHOICE" || key.type === "TRUE_FALSE") && value === option.text)
          report(key, `field "${field}" names the right choice`, `${field}: ${value}`);
      }
    }
  }
}

/** One finding per question, rule and evidence; one found outside feedback wins. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => Number(a.inFeedback) - Number(b.inFeedback))
    .filter((finding) => {
      const id = `${finding.questionId}|${finding.rule}|${finding.evidence}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}
