// Fact -> questions. For each fact: multiple choice, a true and a false statement, fill in the
// blank on its source sentence and, for numbers, a typed number; across facts: matching (people
// to their posts) and ordering (events by date). Every question goes through the quality gates;
// one that fails is returned with its reason, never dropped. Same input, same output, byte for
// byte: keys hash the generator version, type, facts and variant (never the wording), options
// are shuffled by a seeded hash.
import { buildContext, type FactRecord, type GenerationContext } from "@/lib/questions/context";
import { dateWritings, formatDate, isIsoDate, weekdayOf, WEEKDAYS } from "@/lib/questions/dates";
import {
  buildDistractorPool,
  commonNoun,
  countryOfRole,
  placeKindProblem,
  placeListNoun,
  type Candidate,
  type DistractorPool,
} from "@/lib/questions/distractors";
import { capitaliseFirst } from "@/lib/questions/english";
import { feedbackQuote } from "@/lib/questions/excerpt";
import { isPastPost, postAnchor } from "@/lib/questions/world";
import { BLANK, checkDraft, foundIn, holderForms, revealingForms, type QuestionDraft } from "@/lib/questions/gates";
import { hash32, seededShuffle, stableKey } from "@/lib/questions/hash";
import { referentProblem, resolvedSubject } from "@/lib/questions/referents";
import { containsWords, editDistance, normaliseAnswer, normaliseText, typoBudget } from "@/lib/questions/normalise";
import { acceptedBand, formatNumberLike, numberToWords, parseNumber, qualifierSense } from "@/lib/questions/numbers";
import { buildPhrasing, numberInText, type Phrasing } from "@/lib/questions/stems";
import { measureProblem } from "@/lib/questions/measures";
import { ambiguityProblem, countProblem, eventProblem, stemProblem, subjectProblem } from "@/lib/questions/wellformed";
import {
  GENERATOR_VERSION,
  type GeneratedOption,
  type GeneratedQuestion,
  type GeneratorArticle,
  type GeneratorEntity,
  type GeneratorFact,
  type QuestionTypeName,
} from "@/lib/questions/types";

/** Longest answer (in words) a student is asked to type. */
const MAX_TYPED_WORDS = 4;

type Phrasings = Map<string, Phrasing>;

function questionKey(ctx: GenerationContext, type: QuestionTypeName, records: FactRecord[], variant: string): string {
  const facts = records.map((r) => `${ctx.article.slug}#${r.fact.key}`);
  return stableKey([GENERATOR_VERSION, type, ...facts, variant]);
}

function timeSensitive(record: FactRecord, phrasing: Phrasing): string | undefined {
  const { frame } = phrasing;
  const changes =
    record.fact.type === "role" ||
    record.fact.type === "number" ||
    (frame.kind === "active" && frame.verb.form === "present") ||
    (frame.kind === "passive-prep" && frame.stative);
  return changes ? record.fact.asOf : undefined;
}

/** Lower-cases the first letter of a sentence unless it starts with a name. */
function continueSentence(text: string, ctx: GenerationContext): string {
  const first = text.split(/\s/)[0] ?? "";
  return ctx.isProperWord(first) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A second sentence for the explanation: what a weekday in the quote stands for. */
function explanationNote(record: FactRecord, ctx: GenerationContext): string {
  const { fact } = record;
  const notes: string[] = [];
  if (fact.type === "date" && isIsoDate(fact.answer)) {
    const said = WEEKDAYS.find((day) => new RegExp(`\\b${day}\\b`).test(fact.quote));
    const written = dateWritings(fact.answer).some((w) => fact.quote.includes(w));
    if (said && !written) {
      const published = ctx.article.publishedOn;
      notes.push(`The article, published on ${weekdayOf(published)} ${formatDate(published)}, says “${said}”.`);
    }
  }
  return notes.length ? ` ${notes.join(" ")}` : "";
}

function shuffledOptions(options: GeneratedOption[], seed: string): GeneratedOption[] {
  return seededShuffle(options, seed);
}

// --- per fact ------------------------------------------------------------------------------

interface FactWork {
  record: FactRecord;
  phrasing: Phrasing;
  pool: DistractorPool;
  forms: string[];
  asOf?: string;
  ctx: GenerationContext;
  phrasings: Phrasings;
  /** Why the fact's subject cannot stand in a question of its own (the fill-in form still can). */
  subjectReason?: string;
}

function draft(
  work: FactWork,
  type: QuestionTypeName,
  variant: string,
  fields: Omit<GeneratedQuestion, "key" | "type" | "factKeys" | "quote" | "asOf"> & Partial<QuestionDraft>,
): QuestionDraft {
  const { statesAnswer, distractors, kindNoun, ...question } = fields;
  const presetReason = type === "FILL_BLANK" ? fields.presetReason : (work.subjectReason ?? fields.presetReason);
  return {
    question: {
      key: questionKey(work.ctx, type, [work.record], variant),
      type,
      factKeys: [work.record.fact.key],
      stem: question.stem,
      explanation: question.explanation,
      quote: feedbackQuote(work.record, work.ctx),
      ...(work.asOf ? { asOf: work.asOf } : {}),
      options: question.options,
      ...(question.answerText !== undefined ? { answerText: question.answerText } : {}),
      ...(question.answerNumber !== undefined ? { answerNumber: question.answerNumber } : {}),
      ...(question.tolerance !== undefined ? { tolerance: question.tolerance } : {}),
    },
    records: [work.record],
    answerForms: work.forms,
    statesAnswer,
    distractors,
    kindNoun,
    presetReason,
  };
}

function optionNoun(work: FactWork, distractors: Candidate[]): string | undefined {
  const { record, pool, ctx } = work;
  const type = record.fact.type;
  if (type === "phrase") return placeListNoun(record, ctx);
  if (type !== "place" && type !== "organisation") return undefined;
  const noun = commonNoun(type, [pool.answerKind, ...distractors.map((d) => d.kind)]);
  if (
    type === "place" &&
    noun &&
    !["city", "country", "region", "palace", "continent", "sea", "province", "state", "island"].includes(noun)
  ) {
    return undefined;
  }
  return noun;
}

/** Whether every option is one of what the relation names ("palace" in "held at the palace"). */
function hintFits(hint: string | undefined, distractors: Candidate[]): boolean {
  if (!hint) return true;
  const word = normaliseText(hint);
  const stem = word.replace(/(ies|es|s)$/, "");
  return distractors.every(
    (d) => d.kind === word || d.forms.some((f) => f.split(" ").some((w) => w === word || w.startsWith(stem))),
  );
}

/** "At least how many ...?" for a figure given with a bound, when the fact's frame can ask it. */
function boundedStem(work: FactWork): string | undefined {
  const { fact } = work.record;
  const sense = qualifierSense(fact.qualifier);
  if (sense !== "at-least" && sense !== "at-most") return undefined;
  return work.phrasing.boundedQuestion(sense === "at-least" ? "at least" : "at most");
}

function multipleChoice(work: FactWork): QuestionDraft {
  const { record, phrasing, pool } = work;
  const { fact } = record;
  const sense = fact.type === "number" ? qualifierSense(fact.qualifier) : "exact";
  // A bound stays in the stem ("At least how many ...?"); where the frame cannot ask that, the
  // question asks for the figure the article gave, with the bound on every option.
  const bounded = fact.type === "number" ? boundedStem(work) : undefined;
  const figure = (sense === "at-least" || sense === "at-most" || sense === "vague") && !bounded;
  const distractors = pool.ranked.slice(0, 3);
  const noun = optionNoun(work, distractors);
  const stem =
    fact.type === "number"
      ? (bounded ?? (figure ? phrasing.figureQuestion() : phrasing.numberQuestion(false)))
      : phrasing.question({ noun, dropHint: !hintFits(phrasing.hint, distractors) });
  const key = questionKey(work.ctx, "MULTIPLE_CHOICE", [record], "mc");
  const texts = [fact.answer, ...distractors.map((d) => d.text)].map((t) => phrasing.optionText(t, figure));
  // "Chief Judge" among "district judge" and "prosecutor" is picked by its capitals alone: posts
  // are written alike, each word capitalised, when the options mix the two.
  const cased = fact.type === "role" && mixedCase(texts) ? texts.map(titleCasePost) : texts;
  const options = shuffledOptions(
    cased.map((text, i) => ({ text, isCorrect: i === 0 })),
    key,
  );
  const explanation = `${phrasing.statement(fact.answer)}.${explanationNote(record, work.ctx)}`;
  const standsOut =
    fact.type === "role" && distractors.length === 3 ? roleStandsOut(fact.answer, distractors) : undefined;
  return draft(work, "MULTIPLE_CHOICE", "mc", {
    stem,
    explanation,
    options,
    distractors,
    kindNoun: noun,
    presetReason:
      distractors.length === 0
        ? "no plausible wrong answer of the same kind (needs 3)"
        : distractors.length < 3
          ? `only ${distractors.length} plausible wrong answer${distractors.length === 1 ? "" : "s"} of the same kind (needs 3)`
          : standsOut,
  });
}

/**
 * Why the right post would be picked without reading: it alone names where it is held ("ABC
 * chief elections analyst" among "radio host", "correspondent"...) or alone says "former".
 */
const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));

/** Whether some options write a post's words with capitals and others without. */
function mixedCase(texts: string[]): boolean {
  const capitalised = texts.map((t) => wordsOf(t).every((w) => /^\p{Lu}/u.test(w) || SMALL_WORDS.test(w)));
  return capitalised.some(Boolean) && !capitalised.every(Boolean);
}

const SMALL_WORDS = /^(of|the|for|and|to|in|at|on|a|an)$/;

/** "district judge" -> "District Judge"; "Minister of Foreign Affairs" stays as it is. */
function titleCasePost(text: string): string {
  return text
    .split(" ")
    .map((word, i) => (i > 0 && SMALL_WORDS.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}

function roleStandsOut(answer: string, distractors: Candidate[]): string | undefined {
  const anchor = postAnchor(answer);
  if (anchor && !distractors.some((d) => postAnchor(d.text)))
    return `the right option stands out: only it names where the post is held (“${anchor}”), so no wrong options of its kind`;
  if (isPastPost(answer) && !distractors.some((d) => isPastPost(d.text)))
    return "the right option stands out: only it is a former post";
  return undefined;
}

const TRUE_FALSE = (answerIsTrue: boolean): GeneratedOption[] => [
  { text: "True", isCorrect: answerIsTrue },
  { text: "False", isCorrect: !answerIsTrue },
];

function trueStatement(work: FactWork): QuestionDraft {
  const { record, phrasing } = work;
  const statement = phrasing.statement(record.fact.answer);
  return draft(work, "TRUE_FALSE", "true", {
    stem: `True or false? ${statement}.`,
    explanation: `True. ${statement}.${explanationNote(record, work.ctx)}`,
    options: TRUE_FALSE(true),
    statesAnswer: true,
  });
}

function falseStatement(work: FactWork): QuestionDraft {
  const { record, phrasing, pool, ctx } = work;
  const { fact } = record;
  const sense = fact.type === "number" ? qualifierSense(fact.qualifier) : "exact";
  const answerValue = parseNumber(fact.answer) ?? 0;
  const usable = pool.ranked.filter((c) => {
    if (fact.type !== "number") return true;
    if (sense === "approximate")
      return c.value !== undefined && Math.abs(c.value - answerValue) > 0.15 * Math.abs(answerValue);
    return sense === "exact";
  });
  const truth = phrasing.statement(fact.answer);
  // "100 New Zealanders registered in Samoa are safe" is true when 130 are: a count that opens its
  // statement reads as "at least", so it is made false with a larger number only.
  const countFirst = fact.type === "number" && sense === "exact" && /^\d/.test(truth);
  const swap = countFirst ? usable.find((c) => c.value !== undefined && c.value > answerValue) : usable[0];
  if (!swap) {
    const reason =
      fact.type === "number" && sense !== "exact"
        ? `a figure given as “${numberInText(fact, fact.answer, true)}” cannot be made false by changing the number`
        : "no plausible wrong answer to swap in for a false statement";
    // Kept (held back) so that teachers see why there is no false statement for this fact.
    return draft(work, "TRUE_FALSE", "false", {
      stem: `True or false? ${truth}.`,
      explanation: `True. ${truth}.`,
      options: TRUE_FALSE(true),
      presetReason: reason,
    });
  }
  // A swap of a person, place or organisation may be true in the world even though the article
  // says otherwise (another outlet may have reported it too): such statements are framed as what
  // the article says. A different number, date or phrase contradicts the article outright.
  const isEntity = ["person", "organisation", "place", "role"].includes(fact.type);
  const marked = isEntity && (!swap.inArticle || phrasing.reporting);
  const stem = `True or false? ${marked ? phrasing.articleStatement(swap.text) : phrasing.statement(swap.text)}.`;
  let explanation: string;
  if (marked) {
    const verb = fact.type === "role" ? "gives" : "names";
    explanation = `False. The article ${verb} ${phrasing.inText(fact.answer)}, not ${phrasing.inText(swap.text)}: ${continueSentence(truth, ctx)}.`;
  } else {
    const otherKey = swap.factKeys[0];
    const other = otherKey ? work.phrasings.get(otherKey) : undefined;
    const otherFact = otherKey ? ctx.factByKey.get(otherKey)?.fact : undefined;
    const note = other && otherFact && otherFact.type === fact.type ? ` ${other.statement(otherFact.answer)}.` : "";
    explanation = `False. ${truth}.${note}`;
  }
  return draft(work, "TRUE_FALSE", "false", {
    stem,
    explanation: explanation + explanationNote(record, ctx),
    options: TRUE_FALSE(false),
    distractors: [swap],
  });
}

// --- fill in the blank ------------------------------------------------------------------------

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Ltd|Co|No|vs|etc|U\.S|U\.K|U\.N|E\.U)\.$/;

function sentenceStarts(paragraph: string): number[] {
  const starts = [0];
  const pattern = /[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const match of paragraph.matchAll(pattern)) {
    const end = match.index + match[0].length;
    const before = paragraph.slice(Math.max(0, match.index - 6), match.index + 1);
    if (ABBREVIATIONS.test(before)) continue;
    starts.push(end);
  }
  // A bulleted list item ends where the next bullet begins, full stop or not.
  for (const match of paragraph.matchAll(/[•▪◦]\s*/g)) starts.push(match.index + match[0].length);
  return [...new Set(starts)].sort((a, b) => a - b);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `writing` occurs as whole words (any case) between `from` and `to` of `text`. */
function findWriting(
  text: string,
  writing: string,
  from: number,
  to: number,
): { start: number; end: number } | undefined {
  const region = text.slice(from, to).toLowerCase();
  const needle = writing.replace(/\s+/g, " ").trim().toLowerCase();
  if (!needle) return undefined;
  for (let at = region.indexOf(needle); at >= 0; at = region.indexOf(needle, at + 1)) {
    const before = region.charAt(at - 1);
    const after = region.charAt(at + needle.length);
    if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) {
      return { start: from + at, end: from + at + needle.length };
    }
  }
  return undefined;
}

/** The writings of an answer to look for in its quote, most specific first. */
function blankWritings(fact: GeneratorFact): string[] {
  const writings = [...fact.aliases].sort((a, b) => b.length - a.length);
  if (fact.type === "date" && isIsoDate(fact.answer)) writings.push(...dateWritings(fact.answer).slice(0, 5));
  if (fact.type === "number") {
    const value = parseNumber(fact.answer);
    if (value !== undefined) {
      writings.push(formatNumberLike(value, "1,000"), String(value));
      const words = numberToWords(value);
      if (words) writings.push(words);
    }
  }
  return [...new Set([fact.answer, ...writings])];
}

/** Keeps at most `maxEachSide` words either side of the blank, marking cuts with "…". */
function trimAroundBlank(text: string, maxEachSide: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => w.includes(BLANK));
  if (at < 0) return text;
  const from = Math.max(0, at - maxEachSide);
  const to = Math.min(words.length, at + maxEachSide + 1);
  let result = words.slice(from, to).join(" ");
  if (from > 0) result = `…${result}`;
  if (to < words.length) result = `${result.replace(/[,;:]$/, "")}…`;
  return result;
}

/** Straight double quotes inside a quoted sentence become single curly ones, opening or closing by position. */
function innerQuotes(text: string): string {
  return text.replace(/"/g, (_, offset: number) =>
    offset === 0 || /[\s(\[—–-]/.test(text.charAt(offset - 1)) ? "‘" : "’",
  );
}

function blankedSentence(work: FactWork): { text: string; answerText: string } | string {
  const { record, ctx } = work;
  const { fact } = record;
  const quote = fact.quote.replace(/\s+/g, " ").trim();
  const paragraph = ctx.paragraphs.find((p) => p.includes(quote));
  if (!paragraph) {
    return ctx.bodySpaced.includes(quote)
      ? "the quote runs across paragraphs, so there is no one sentence to blank"
      : "the quote is not in the article body";
  }
  const quoteStart = paragraph.indexOf(quote);
  const quoteEnd = quoteStart + quote.length;
  let found: { start: number; end: number; writing: string } | undefined;
  for (const writing of blankWritings(fact)) {
    const at = findWriting(paragraph, writing, quoteStart, quoteEnd);
    if (at) {
      found = { ...at, writing: paragraph.slice(at.start, at.end) };
      break;
    }
  }
  if (!found) return "the answer is not written in its quote, so there is nothing to blank";
  const starts = sentenceStarts(paragraph);
  let from = [...starts].reverse().find((s) => s <= quoteStart) ?? 0;
  const next = starts.find((s) => s >= quoteEnd);
  const to = next ?? paragraph.length;
  if (paragraph.slice(from, to).split(/\s+/).length < 7) from = [...starts].reverse().find((s) => s < from) ?? from;
  const attempts = [
    [from, to],
    [quoteStart, quoteEnd],
  ];
  let reason = "";
  for (const [start = 0, end = 0] of attempts) {
    const raw = `${paragraph.slice(start, found.start)}${BLANK}${paragraph.slice(found.end, end)}`
      .replace(/\s*[•▪◦]\s*$/, "")
      .trim();
    let text = trimAroundBlank(raw, 12);
    if (start > from && !text.startsWith("…")) text = `…${text}`;
    if (end < to && !text.endsWith("…")) text = `${text}…`;
    text = innerQuotes(text);
    const leak = foundIn(normaliseText(text.replace(BLANK, " ")), work.forms);
    if (!leak) {
      const answerText = fact.type === "date" ? found.writing : fact.answer;
      return { text, answerText };
    }
    reason = `the sentence shows the answer "${leak}" outside the blank`;
  }
  return reason;
}

/** How many typing mistakes to forgive: by length, but never so many that another candidate would pass. */
function typedTolerance(work: FactWork, answerText: string): number {
  const { record, pool } = work;
  if (record.fact.type === "number" || record.fact.type === "date") return 0;
  const own = new Set(record.answerForms);
  const accepted = [normaliseAnswer(answerText), ...record.answerForms].filter((f) => typoBudget(f) > 0);
  let tolerance = typoBudget(normaliseAnswer(answerText));
  const others = new Set(
    [...pool.ranked, ...pool.excluded.map((e) => e.candidate)].flatMap((c) => c.forms).filter((f) => !own.has(f)),
  );
  for (const form of accepted) {
    for (const other of others) {
      const distance = editDistance(form, other, tolerance);
      if (distance <= tolerance) tolerance = Math.max(0, distance - 1);
    }
  }
  return tolerance;
}

function fillBlank(work: FactWork): QuestionDraft | undefined {
  const { record, phrasing } = work;
  const { fact } = record;
  const words = fact.answer.trim().split(/\s+/).length;
  if (fact.type !== "date" && (words > MAX_TYPED_WORDS || fact.answer.length > 40)) return undefined;
  const blank = blankedSentence(work);
  if (typeof blank === "string" && blank.startsWith("the answer is not written")) return undefined;
  // A subject that does not read as a phrase would garble the explanation too: the quote says it.
  const explanation = work.subjectReason
    ? `The article says “${fact.quote.trim()}”`
    : `${phrasing.statement(fact.answer)}.${explanationNote(record, work.ctx)}`;
  if (typeof blank === "string") {
    return draft(work, "FILL_BLANK", "blank", {
      stem: `Fill in the blank: “${fact.quote}”`,
      explanation,
      options: [],
      answerText: fact.answer,
      tolerance: 0,
      presetReason: blank,
    });
  }
  return draft(work, "FILL_BLANK", "blank", {
    stem: `Fill in the blank: “${blank.text}”`,
    explanation,
    options: [],
    answerText: blank.answerText,
    tolerance: typedTolerance(work, blank.answerText),
  });
}

// --- typed number ---------------------------------------------------------------------------

function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function decimalsIn(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

function typedNumber(work: FactWork): QuestionDraft | undefined {
  const { record, phrasing } = work;
  const { fact } = record;
  const value = parseNumber(fact.answer);
  if (fact.type !== "number" || value === undefined) return undefined;
  const sense = qualifierSense(fact.qualifier);
  const band = acceptedBand(value, fact.qualifier, decimalsIn(fact.answer));
  const bounded = boundedStem(work);
  const bound = sense === "at-least" || sense === "at-most";
  let stem = bounded ?? (bound ? phrasing.figureQuestion() : phrasing.numberQuestion(sense !== "exact"));
  if (!phrasing.numberOptionsBare && fact.unit) stem += ` Give the answer in ${fact.unit}.`;
  const written = numberInText(fact, fact.answer, true, true);
  const [low, high] = band ?? [value, value];
  const note =
    band && low !== high
      ? ` The article says “${written}”, so answers from ${formatNumberLike(low, "1,000")} to ${formatNumberLike(high, "1,000")} count as right.`
      : "";
  return draft(work, "NUMERIC", "numeric", {
    stem,
    explanation: `${phrasing.statement(fact.answer)}.${note}${explanationNote(record, work.ctx)}`,
    options: [],
    answerText: written,
    // The band as a centre and a distance (the stored shape): "over 1,400" accepts 1,400 to 1,540.
    answerNumber: roundTo((low + high) / 2, decimalsIn(fact.answer) + 1),
    tolerance: roundTo((high - low) / 2, decimalsIn(fact.answer) + 1),
    presetReason: !band
      ? `the qualifier “${fact.qualifier}” gives no figure a student could type`
      : /^dozens?\b/i.test(fact.unit ?? "")
        ? `a figure counted in dozens (“${written}”) would be typed as a number of ${fact.unit?.split(/\s+/).slice(1).join(" ") || "things"}`
        : undefined,
  });
}

// Each fact's subject is judged once per generation (the fact's own questions, matching and
// ordering all ask; the ambiguity check reads every other fact).
const subjectReasons = new WeakMap<FactRecord, string | null>();

/**
 * "Party's headquarters": a subject opening on a common noun's possessive with no "the" (the
 * article writes "party" in lower case: it is no name like "Labor's") does not say whose.
 */
function ownerProblem(subject: string, ctx: GenerationContext): string | undefined {
  const owner = /^(\p{L}[\p{L}-]*)['’]s\s/u.exec(subject.trim());
  if (!owner || ctx.isProperWord(owner[1]!)) return undefined;
  return `the subject “${subject.trim()}” does not say whose (“${owner[0].trim()}” has no “the”)`;
}

/** Why a question that names the fact's subject would not read well or would have two answers. */
function subjectReasonOf(record: FactRecord, ctx: GenerationContext): string | undefined {
  const known = subjectReasons.get(record);
  if (known !== undefined) return known ?? undefined;
  const { fact } = record;
  const reason =
    fact.type === "role"
      ? undefined
      : (subjectProblem(fact.subject) ??
        ownerProblem(fact.subject, ctx) ??
        countProblem(fact) ??
        measureProblem(fact) ??
        eventProblem(fact) ??
        referentProblem(fact, ctx.article.body) ??
        ambiguityProblem(
          fact,
          ctx.facts.map((r) => r.fact),
        ));
  subjectReasons.set(record, reason ?? null);
  return reason;
}

function factQuestions(record: FactRecord, ctx: GenerationContext, phrasings: Phrasings): QuestionDraft[] {
  const phrasing = phrasings.get(record.fact.key)!;
  const preStem = phrasing.question();
  const work: FactWork = {
    record,
    phrasing,
    pool: buildDistractorPool(record, ctx, preStem),
    forms: revealingForms(record),
    asOf: timeSensitive(record, phrasing),
    ctx,
    phrasings,
    subjectReason: subjectReasonOf(record, ctx) ?? placeKindProblem(record, ctx),
  };
  const drafts = [multipleChoice(work), trueStatement(work), falseStatement(work)];
  const blank = fillBlank(work);
  if (blank) drafts.push(blank);
  const numeric = typedNumber(work);
  if (numeric) drafts.push(numeric);
  return drafts;
}

// --- matching -------------------------------------------------------------------------------

function pairsConflict(a: FactRecord, b: FactRecord, ctx: GenerationContext): boolean {
  if (normaliseText(a.fact.subject) === normaliseText(b.fact.subject)) return true;
  const formsA = a.answerForms;
  const formsB = b.answerForms;
  if (formsA.some((f) => formsB.includes(f))) return true;
  if (formsA.some((fa) => formsB.some((fb) => containsWords(fa, fb) || containsWords(fb, fa)))) return true;
  if (a.entity && b.entity) {
    if (a.entity.ancestors.includes(b.entity.entity.key) || b.entity.ancestors.includes(a.entity.entity.key))
      return true;
  }
  if (a.fact.type === "role") {
    const kindA = a.subjectEntity?.entity.kind;
    const kindB = b.subjectEntity?.entity.kind;
    if (kindA && kindA === kindB) {
      // Two people of the same kind: only if both posts name different countries.
      const countryA = countryOfRole(a.fact.answer);
      const countryB = countryOfRole(b.fact.answer);
      if (!countryA || !countryB || countryA === countryB) return true;
    }
  }
  void ctx;
  return false;
}

function matchingQuestions(ctx: GenerationContext, phrasings: Phrasings): QuestionDraft[] {
  const groups = new Map<string, FactRecord[]>();
  for (const record of ctx.facts) {
    if (subjectReasonOf(record, ctx)) continue;
    const phrasing = phrasings.get(record.fact.key)!;
    const { frame, subject } = phrasing;
    let group: string | undefined;
    if (frame.kind === "role" && record.subjectEntity?.entity.type === "person") group = "role";
    else if (
      record.fact.type === "place" &&
      frame.kind === "passive-prep" &&
      !subject.quotation &&
      subject.raw.split(" ").length <= 8
    ) {
      group = `place|${record.relationRoot}`;
    }
    if (!group) continue;
    groups.set(group, [...(groups.get(group) ?? []), record]);
  }
  const drafts: QuestionDraft[] = [];
  for (const [group, records] of groups) {
    const ordered = [...records].sort(
      (a, b) => hash32(`${ctx.article.slug}|${a.fact.key}`) - hash32(`${ctx.article.slug}|${b.fact.key}`),
    );
    const sets: FactRecord[][] = [];
    for (const record of ordered) {
      const home = sets.find((set) => set.length < 5 && set.every((other) => !pairsConflict(record, other, ctx)));
      if (home) home.push(record);
      else sets.push([record]);
    }
    for (const set of sets.filter((s) => s.length >= 4)) {
      const sorted = [...set].sort((a, b) => a.index - b.index);
      drafts.push(matchingDraft(group, sorted, ctx, phrasings));
    }
  }
  return drafts;
}

function matchingDraft(
  group: string,
  records: FactRecord[],
  ctx: GenerationContext,
  phrasings: Phrasings,
): QuestionDraft {
  const isRole = group === "role";
  const left = (record: FactRecord) => {
    const subject = phrasings.get(record.fact.key)!.subject;
    return isRole ? subject.raw : capitaliseFirst(subject.np);
  };
  const key = questionKey(ctx, "MATCHING", records, "match");
  const options = shuffledOptions(
    records.map((record) => ({ text: left(record), isCorrect: true, matchText: record.fact.answer })),
    key,
  );
  const asOf = isRole
    ? records
        .map((r) => r.fact.asOf)
        .sort()
        .at(-1)
    : undefined;
  let stem: string;
  if (isRole) {
    // "The role the article gives them" already dates the roles; the as-of date travels in asOf
    // (a date in the stem would give away the answer to "On what date ...?" questions).
    stem = "Match each person to the role the article gives them.";
  } else {
    const first = phrasings.get(records[0]!.fact.key)!;
    const participle = first.frame.kind === "passive-prep" ? first.frame.verb.participle : "held";
    const nouns = records.map((r) => r.entity?.entity.kind);
    const noun = nouns.every((n) => n && n === nouns[0]) ? nouns[0] : "place";
    stem = `Match each event to the ${noun} where it was ${participle}.`;
  }
  const explanation = `${records.map((r) => `${left(r)}: ${r.fact.answer}`).join("; ")}.`;
  return {
    question: {
      key,
      type: "MATCHING",
      factKeys: records.map((r) => r.fact.key),
      stem,
      explanation,
      quote: records.map((r) => r.fact.quote).join(" … "),
      ...(asOf ? { asOf } : {}),
      options,
    },
    records,
    answerForms: records.flatMap((r) => revealingForms(r)),
  };
}

// --- ordering -------------------------------------------------------------------------------

function orderingQuestions(ctx: GenerationContext, phrasings: Phrasings): QuestionDraft[] {
  const byDate = new Map<string, FactRecord[]>();
  for (const record of ctx.facts) {
    if (record.fact.type !== "date" || !isIsoDate(record.fact.answer) || subjectReasonOf(record, ctx)) continue;
    byDate.set(record.fact.answer, [...(byDate.get(record.fact.answer) ?? []), record]);
  }
  const dates = [...byDate.keys()].sort();
  if (dates.length < 3) return [];
  // Five events at most per question: split longer runs into nearly equal chunks of 3 to 5.
  const chunkCount = Math.ceil(dates.length / 5);
  const chunks: string[][] = [];
  for (let i = 0; i < chunkCount; i++) {
    chunks.push(
      dates.slice(Math.round((i * dates.length) / chunkCount), Math.round(((i + 1) * dates.length) / chunkCount)),
    );
  }
  const drafts: QuestionDraft[] = [];
  for (const chunk of chunks) {
    if (chunk.length < 3) continue;
    const variants = Math.min(3, Math.max(...chunk.map((d) => byDate.get(d)!.length)));
    for (let variant = 0; variant < variants; variant++) {
      const records = chunk.map((date) => {
        const list = byDate.get(date)!;
        return list[variant % list.length]!;
      });
      drafts.push(orderingDraft(records, ctx, phrasings));
    }
  }
  const seen = new Set<string>();
  return drafts.filter((d) => !seen.has(d.question.key) && seen.add(d.question.key));
}

function orderingDraft(records: FactRecord[], ctx: GenerationContext, phrasings: Phrasings): QuestionDraft {
  const key = questionKey(ctx, "ORDERING", records, "order");
  const inOrder = records.map((record, position) => ({
    text: phrasings.get(record.fact.key)!.event(),
    isCorrect: true,
    correctPosition: position,
  }));
  let options = shuffledOptions(inOrder, key);
  if (options.every((o, i) => o.correctPosition === i)) options = [...options.slice(1), options[0]!];
  const explanation = `In order: ${records
    .map((r, i) => `${continueSentence(inOrder[i]!.text, ctx)} (${formatDate(r.fact.answer)})`)
    .join("; ")}.`;
  return {
    question: {
      key,
      type: "ORDERING",
      factKeys: records.map((r) => r.fact.key),
      stem: "Put these events in date order, earliest first.",
      explanation: capitaliseFirst(explanation),
      quote: records.map((r) => r.fact.quote).join(" … "),
      options,
    },
    records,
    answerForms: records.flatMap((r) => revealingForms(r)),
  };
}

// --- entry point ----------------------------------------------------------------------------

function finish(d: QuestionDraft, ctx: GenerationContext): GeneratedQuestion {
  const garbled = d.question.type === "FILL_BLANK" ? undefined : stemProblem(d.question.stem);
  const reason = checkDraft(d, ctx) ?? garbled;
  const holder = d.records.length === 1 ? holderForms(d.records[0]!) : [];
  const question: GeneratedQuestion = {
    ...d.question,
    answerForms: [...new Set(d.answerForms)],
    ...(holder.length > 0 ? { answerHolderForms: holder } : {}),
  };
  if (reason) question.heldBackReason = reason;
  return question;
}

/**
 * All questions for an article: several per fact and some across facts, in a fixed order,
 * each either servable or carrying the reason it is held back. Superseded facts give nothing.
 */
export function generateQuestions(
  article: GeneratorArticle,
  facts: GeneratorFact[],
  entities: GeneratorEntity[],
): GeneratedQuestion[] {
  // "Exports" asked as "Japan's exports" where the article names whose (else held back: referents.ts).
  const owned = facts.map((fact) => {
    const subject = fact.type === "role" ? undefined : resolvedSubject(fact, article);
    return subject ? { ...fact, subject } : fact;
  });
  const ctx = buildContext(article, owned, entities);
  const phrasings: Phrasings = new Map(ctx.facts.map((record) => [record.fact.key, buildPhrasing(record, ctx)]));
  const drafts: QuestionDraft[] = [];
  for (const record of ctx.facts) drafts.push(...factQuestions(record, ctx, phrasings));
  drafts.push(...matchingQuestions(ctx, phrasings), ...orderingQuestions(ctx, phrasings));
  const questions = drafts.map((d) => finish(d, ctx));
  // Two facts can yield the same sentence (a false statement swapping in the other's answer):
  // keep the first, hold back the repeat.
  const seen = new Map<string, GeneratedQuestion>();
  for (const question of questions) {
    if (question.heldBackReason) continue;
    const shown = [
      question.type,
      question.stem,
      ...question.options.map((o) => `${o.text}|${o.matchText ?? ""}`).sort(),
    ];
    const signature = normaliseText(shown.join(" \n "));
    const first = seen.get(signature);
    if (first)
      question.heldBackReason = `repeats another question word for word (on fact "${first.factKeys.join('", "')}")`;
    else seen.set(signature, question);
  }
  return questions;
}
