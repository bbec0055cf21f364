// A subject is a whole noun phrase or nothing. Drafting (lib/drafting/draft.ts) keeps no fact
// whose subject fails these checks, and the question gates (wellformed.ts) hold back any question
// that would name one, so what a drafter's pattern cut from a sentence the wrong way ("People the
// floods", "Rise in premarket (trading") never reaches a student. The checks read the phrase's
// shape, not its words: they carry to articles no pattern was written for.
import { analyseVerb, PREPOSITIONS } from "@/lib/questions/english";

const PERSONAL_PRONOUNS = new Set("it he she they we i you him her them us me one".split(" "));
const POSSESSIVE_PRONOUNS = new Set("its his her their our my your".split(" "));
const DEMONSTRATIVES = new Set("this that these those".split(" "));
const FUNCTION_WORDS = new Set([..."the a an of and or but nor to".split(" "), ...POSSESSIVE_PRONOUNS]);
/** Words after which a new phrase may start without a verb: "in the ...", "and the ...", "Japan's ...". */
const JOINERS = new Set([
  ...PREPOSITIONS,
  ..."and or but nor than as per whose that which who where when while half all both".split(" "),
  ..."aboard onto toward towards beyond near via despite amid inside outside throughout".split(" "),
  ..."the a an its his her their our my your this these those".split(" "),
]);
/** Openers of a clause inside a phrase, after which a verb is the clause's own. */
export const CLAUSE_OPENERS = new Set(
  "who whom whose which that where when while since after before until because as if once whether".split(" "),
);

function wordsOf(text: string): string[] {
  return text
    .replace(/[“”"‘]/g, " ")
    .replace(/’/g, "'")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}'-]+$/gu, ""))
    .filter(Boolean);
}

/** Why the brackets or quotation marks of `text` do not pair up, or undefined. */
export function unbalancedMarks(text: string): string | undefined {
  let depth = 0;
  for (const char of text) {
    if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    if (depth < 0) return "a closing bracket with no opening one";
  }
  if (depth > 0) return "an opening bracket that is never closed";
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/“/g) ?? []).length;
  const closing = (text.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || opening !== closing) return "a quotation mark that is never closed";
  return undefined;
}

/**
 * Why `subject` does not point at one thing a student can tell without the article: a bare
 * pronoun ("It", "They"), a pronoun owner ("Its quarterly revenue", "their seats"), or a
 * possessive with no owner ("'s share"). Undefined when it names what it means.
 */
export function pronounProblem(subject: string): string | undefined {
  const list = wordsOf(subject).map((w) => w.toLowerCase());
  const first = list[0] ?? "";
  if (/^'s?$/.test(first) || /^['’]s\b/.test(subject.trim()))
    return `the subject “${subject}” has a possessive with no owner`;
  if (list.length === 1 && (PERSONAL_PRONOUNS.has(first) || DEMONSTRATIVES.has(first)))
    return `the subject “${subject}” is a pronoun: it does not say who or what`;
  if (POSSESSIVE_PRONOUNS.has(first)) return `the subject “${subject}” does not say whose (“${wordsOf(subject)[0]}”)`;
  return undefined;
}

/** Finite verbs that are no content word: a zero relative's "the project will cost", "the two sides have". */
const AUXILIARIES = new Set(
  "is are was were be been will would shall should can could may might must has have had do does did".split(" "),
);

function isFiniteVerb(word: string): boolean {
  if (AUXILIARIES.has(word)) return true;
  const verb = analyseVerb(word);
  return verb !== undefined && verb.form !== "participle";
}

/**
 * Whether a verb follows the phrase that starts at `the` ("the new timetable affects"): a known
 * verb, or a word in -s or -ed after at least one word of that phrase (no lexicon knows every
 * verb; "the floods" alone is a phrase with no verb after it).
 */
function verbAfter(lower: string[], the: number): boolean {
  return lower.some((w, j) => j > the && (isFiniteVerb(w) || (j >= the + 2 && /(?:s|ed)$/.test(w))));
}

/**
 * Why `subject` is two phrases run together, or undefined. A phrase may hold a clause of its own
 * with no "that" ("Square miles the fire spanned", "the amount the project will cost"), but then
 * a verb follows the second phrase; without one, a cut has joined two pieces of a sentence
 * ("People the floods", "Seats in the lower house the Coalition"). A phrase after a comma is an
 * appositive ("television, the largest audience"); a clause opened inside the phrase ("while",
 * "because") needs its own verb too ("Kremlin aide Vladimir Medinsky while the Ukrainian team").
 */
export function runTogether(subject: string): string | undefined {
  const pieces = subject.split(/\s+/).filter(Boolean);
  const list: string[] = [];
  const afterComma: boolean[] = [];
  pieces.forEach((piece, at) => {
    const word = wordsOf(piece)[0];
    if (!word) return;
    afterComma.push(list.length > 0 && /[,;:(—–]$/.test(pieces[at - 1] ?? ""));
    list.push(word);
  });
  const lower = list.map((w) => w.toLowerCase());
  for (let i = 1; i < list.length; i++) {
    const previous = lower[i - 1]!;
    const opener = SUBORDINATORS.has(previous) && i - 1 > 0;
    if (opener && !lower.slice(i).some(isFiniteVerb))
      return `the subject “${subject}” breaks off: “${list[i - 1]}” opens a clause with no verb`;
    if (lower[i] !== "the" || afterComma[i]) continue;
    if (JOINERS.has(previous) || /'s?$/.test(previous) || /^\d/.test(previous) || /ing$/.test(previous)) continue;
    if (isFiniteVerb(previous) || analyseVerb(previous) || lower[i - 2] === "to") continue;
    if (!verbAfter(lower, i)) return `the subject “${subject}” runs two phrases together (“${list[i - 1]} ${list[i]}”)`;
    // The rest is the clause with no "that": its own phrases may follow its verb.
    return undefined;
  }
  return undefined;
}

/**
 * Where a clause with no "that" starts inside a phrase ("tonnes of copper | the mine was expected
 * to produce", "members | the two communities have"): a "the" after a noun, with a finite verb
 * after it. -1 when there is none.
 */
export function zeroRelativeStart(subject: string): number {
  const list = wordsOf(subject);
  const lower = list.map((w) => w.toLowerCase());
  for (let i = 1; i < lower.length; i++) {
    const previous = lower[i - 1]!;
    // "customers Skyway Air has": a name may open the clause as "the" does.
    const opens = lower[i] === "the" || (/^\p{Lu}/u.test(list[i]!) && (i === 1 || /^\p{Ll}/u.test(list[i - 1]!)));
    if (!opens || JOINERS.has(previous) || /'s?$/.test(previous) || analyseVerb(previous)) continue;
    if (verbAfter(lower, i)) return i;
  }
  // "Time | teachers in the district have been striking": a bare noun after the head, and an
  // auxiliary after it.
  if (
    MEASURE_HEADS.has(lower[0]!) &&
    lower.length > 3 &&
    /^\p{Ll}/u.test(list[1]!) &&
    !JOINERS.has(lower[1]!) &&
    !analyseVerb(lower[1]!)
  ) {
    const auxiliary = lower.findIndex((w, j) => j > 1 && AUXILIARIES.has(w));
    const between = lower.slice(2, Math.max(2, auxiliary));
    if (auxiliary > 1 && !between.some((w) => CLAUSE_OPENERS.has(w) || /^(and|or|but)$/.test(w))) return 1;
  }
  return -1;
}

/** Heads a number's subject opens with before a clause of what was measured: "Days | nurses have been on strike". */
const MEASURE_HEADS = new Set(
  "time amount sum money distance seconds minutes hours days weeks months years decades".split(" "),
);

/** Openers of a clause that must bring its own verb. */
const SUBORDINATORS = new Set("while because although though whereas unless".split(" "));

/** Why `subject` repeats or strands a function word inside ("The the rate", "Rate of the of inflation"). */
export function brokenInside(subject: string): string | undefined {
  const lower = wordsOf(subject).map((w) => w.toLowerCase());
  for (let i = 1; i < lower.length; i++) {
    const a = lower[i - 1]!;
    const b = lower[i]!;
    if (a === b && FUNCTION_WORDS.has(a)) return `the subject “${subject}” repeats “${a} ${b}”`;
    if (
      /^(the|a|an)$/.test(a) &&
      (PREPOSITIONS.has(b) || /^(and|or|but|the|a|an)$/.test(b)) &&
      !/^(over|about|around|under)$/.test(b)
    )
      return `the subject “${subject}” reads “${a} ${b}”`;
  }
  return undefined;
}

/**
 * Why `subject` is not one whole noun phrase that stands on its own, or undefined: the shape
 * checks above, in one place for drafting and the gates. The edge and clause checks live in
 * wellformed.ts's subjectProblem, which calls this first.
 */
export function phraseShapeProblem(subject: string): string | undefined {
  const marks = unbalancedMarks(subject);
  if (marks) return `the subject “${subject}” has ${marks}`;
  return pronounProblem(subject) ?? brokenInside(subject) ?? runTogether(subject);
}

/** Why an event's clause used as a subject is not whole: its marks, its owner, a stranded function word. */
export function clauseShapeProblem(subject: string): string | undefined {
  const marks = unbalancedMarks(subject);
  if (marks) return `the subject “${subject}” has ${marks}`;
  return pronounProblem(subject) ?? brokenInside(subject);
}
