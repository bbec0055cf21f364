// Quality gates. Every generated question passes through checkDraft; one that fails is kept with
// a reason a teacher can read ("stem contains the answer "Istanbul"") and never served. givesAway
// is the set-level check: no question in a quiz may show another's answer.
import type { FactRecord, GenerationContext } from "@/lib/questions/context";
import { dateWritings, isIsoDate } from "@/lib/questions/dates";
import { exclusionReason, type Candidate } from "@/lib/questions/distractors";
import { singularUnit } from "@/lib/questions/english";
import { containsWords, normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import { formatNumberLike, numberToWords, parseNumber } from "@/lib/questions/numbers";
import type { GeneratedQuestion, GeneratorFact } from "@/lib/questions/types";

export const BLANK = "_____";

/**
 * The normalised writings that would give a fact's answer away if a student saw them: the answer
 * and its aliases; for a number, the number next to its unit ("1000 prisoners", "one thousand
 * prisoners", "two hours", "one day" as in "one-day"); for a date, its usual writings.
 */
export function revealingForms(record: FactRecord): string[] {
  const { fact } = record;
  if (fact.type === "number") return numberForms(fact);
  if (fact.type === "date" && isIsoDate(fact.answer)) return dateWritings(fact.answer).map(normaliseText);
  return record.answerForms.filter((form) => form.length >= 2);
}

function numberForms(fact: GeneratorFact): string[] {
  const value = parseNumber(fact.answer);
  const writings = new Set([fact.answer, ...fact.aliases].map(normaliseText));
  if (value !== undefined) {
    writings.add(normaliseText(formatNumberLike(value, "1,000")));
    writings.add(String(value));
    const words = numberToWords(value);
    if (words) writings.add(normaliseText(words));
  }
  const unit = fact.unit?.trim();
  if (!unit) return [...writings].filter((w) => value !== undefined && Math.abs(value) >= 100 && /\d/.test(w));
  const unitWords = new Set(
    [unit, singularUnit(unit)].flatMap((u) => {
      const norm = normaliseText(u);
      return [norm, norm.split(" ")[0] ?? norm];
    }),
  );
  const forms: string[] = [];
  for (const writing of writings) for (const u of unitWords) forms.push(`${writing} ${u}`);
  return forms;
}

/** Lower-case words inside a name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  "von",
  "van",
  "der",
  "den",
  "de",
  "del",
  "della",
  "da",
  "di",
  "du",
  "dos",
  "la",
  "le",
  "bin",
  "al",
  "el",
]);

/**
 * For a fact on a person's post, the writings of that person: their name as the fact gives it
 * (without a parenthesis), the entity's other names, and their surname. A post is a common word
 * ("lawyer", "president"): it tells whose post it is only next to one of these. Empty for any
 * other fact, or when the subject is not a name.
 */
export function holderForms(record: FactRecord): string[] {
  const { fact } = record;
  if (fact.type !== "role") return [];
  const name = fact.subject.replace(/\([^)]*\)/g, " ").trim();
  const words = name.split(/\s+/);
  // A name: capitalised words ("Mira Solberg", "S. M. Krishna"), not a phrase ("the court's lawyer").
  if (!words.some((w) => /^\p{Lu}/u.test(w)) || !words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w)))
    return [];
  const forms = new Set([normaliseAnswer(name)]);
  const person = record.subjectEntity?.entity.type === "person" ? record.subjectEntity : undefined;
  if (person) for (const form of person.forms) forms.add(form);
  const surname = normaliseText(words.at(-1)!).split(" ").at(-1);
  if (words.length > 1 && surname && surname.length >= 3) forms.add(surname);
  return [...forms].filter((form) => form.length >= 2);
}

/** The first form found in the normalised text, if any. */
export function foundIn(textNorm: string, forms: readonly string[]): string | undefined {
  return forms.find((form) => form.length > 0 && containsWords(textNorm, form));
}

const DIGITS = /^\d+$/;

/**
 * The first form found in a text as it is written (`raw`, read normalised), where a form that
 * starts or ends with a figure counts only as a figure of its own: "9 percent" is not in
 * "11.9 percent", nor "11" in "11.9" (normalising turns the decimal point into a space), while
 * "In 2019, 9 percent" still shows it.
 */
export function revealedIn(raw: string, forms: readonly string[]): string | undefined {
  const text = normaliseText(raw);
  return forms.find((form) => form.length > 0 && occursAlone(text, form, raw));
}

function occursAlone(text: string, form: string, raw: string): boolean {
  if (!containsWords(text, form)) return false;
  const words = form.split(" ");
  const first = DIGITS.test(words[0]!) ? words[0] : undefined;
  const last = DIGITS.test(words.at(-1)!) ? words.at(-1) : undefined;
  if (!first && !last) return true;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    if ((at > 0 && text[at - 1] !== " ") || (end < text.length && text[end] !== " ")) continue;
    const before =
      at === 0
        ? undefined
        : text
            .slice(0, at - 1)
            .split(" ")
            .at(-1);
    const after = end >= text.length ? undefined : text.slice(end + 1).split(" ")[0];
    const decimal = (whole?: string, part?: string) =>
      whole !== undefined && part !== undefined && DIGITS.test(whole) && DIGITS.test(part)
        ? new RegExp(`(?<![\\d.,])${whole}[.,]${part}(?!\\d)`).test(raw)
        : false;
    if ((first && decimal(before, first)) || (last && decimal(last, after))) continue;
    return true;
  }
  return false;
}

export interface QuestionDraft {
  question: GeneratedQuestion;
  records: FactRecord[];
  /** Writings that must not appear in the stem. */
  answerForms: string[];
  /** A true T/F statement: its stem states the answer on purpose. */
  statesAnswer?: boolean;
  /** The wrong answers offered (multiple choice) or swapped in (false T/F statement). */
  distractors?: Candidate[];
  /** The stem names the options' kind ("Which city ...?"): every option must be one. */
  kindNoun?: string;
  /** A problem found while building the question. */
  presetReason?: string;
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function quoteProblem(draft: QuestionDraft, ctx: GenerationContext): string | undefined {
  const body = ctx.bodySpaced;
  for (const record of draft.records) {
    if (!body.includes(normaliseSpace(record.fact.quote)))
      return `quote of fact "${record.fact.key}" is not in the article body`;
  }
  return undefined;
}

function structureProblem(question: GeneratedQuestion): string | undefined {
  const { options } = question;
  const correct = options.filter((o) => o.isCorrect).length;
  const distinct = new Set(options.map((o) => normaliseAnswer(o.text))).size === options.length;
  switch (question.type) {
    case "MULTIPLE_CHOICE":
      if (options.length !== 4) return `has ${options.length} options instead of 4`;
      if (correct !== 1) return `has ${correct} right options instead of exactly one`;
      if (!distinct) return "two options are the same after normalisation";
      return undefined;
    case "TRUE_FALSE":
      if (options.map((o) => o.text).join("/") !== "True/False") return 'options are not exactly "True" and "False"';
      if (correct !== 1) return `has ${correct} right options instead of exactly one`;
      return undefined;
    case "FILL_BLANK":
      if (!question.answerText) return "has no expected answer";
      if (question.stem.split(BLANK).length !== 2) return "the sentence must show exactly one blank";
      return undefined;
    case "NUMERIC":
      if (question.answerNumber === undefined || !Number.isFinite(question.answerNumber))
        return "has no number to compare with";
      if (question.tolerance === undefined || question.tolerance < 0) return "has no tolerance";
      return undefined;
    case "MATCHING": {
      if (options.length < 4 || options.length > 5) return `matches ${options.length} pairs instead of four or five`;
      const rights = new Set(options.map((o) => normaliseAnswer(o.matchText ?? "")));
      if (rights.size !== options.length || rights.has("")) return "two right-hand items are the same";
      if (!distinct) return "two left-hand items are the same";
      return undefined;
    }
    case "ORDERING": {
      if (options.length < 3) return "orders fewer than three events";
      const positions = options.map((o) => o.correctPosition ?? -1).sort((a, b) => a - b);
      if (positions.some((p, i) => p !== i)) return "correct positions are not 0..n-1";
      if (options.every((o, i) => o.correctPosition === i)) return "the events are already shown in the right order";
      if (!distinct) return "two events read the same";
      return undefined;
    }
  }
}

/** The answer or alias as the facts file writes it, for a normalised form found in a stem. */
function asWritten(form: string, records: FactRecord[]): string {
  for (const record of records) {
    for (const writing of [record.fact.answer, ...record.fact.aliases])
      if (normaliseAnswer(writing) === form) return writing;
  }
  return form;
}

/** Whether an option of this kind may stand under a stem that says "Which <noun> ...?". */
function kindFits(type: string, kind: string | undefined, noun: string): boolean {
  if (type !== "place" && type !== "organisation") return true;
  if (noun === "organisation" || noun === "place") return true;
  if (kind === noun) return true;
  return kind !== undefined && nounCovers(noun, kind);
}

/** The kind a place's own name gives: "central Gifu prefecture", "Butte County", "Fukushima nuclear plant". */
function kindByHead(name: string): string | undefined {
  const head =
    /\b(prefecture|county|district|state|province|region|city|village|town|palace|plant|airport|port|island|river|base)$/i.exec(
      name.trim(),
    );
  return head?.[1]?.toLowerCase();
}

function isList(text: string): boolean {
  return /,|\sand\s|\s&\s/.test(text);
}

/** Kinds of place that stand in for each other as options: a town among cities is no give-away. */
function placeFamily(kind: string): string {
  const k = kind.toLowerCase();
  if (/^(city|town|village|capital|port city|suburb|municipality)$/.test(k)) return "settlement";
  if (/^(state|province|region|prefecture|oblast|territory)$/.test(k)) return "region";
  return k;
}

function nounCovers(noun: string, kind: string): boolean {
  const family = ORG_FAMILY_NOUNS[noun];
  return family !== undefined && family.includes(kind);
}

const ORG_FAMILY_NOUNS: Record<string, string[]> = {
  "news outlet": [
    "news agency",
    "broadcaster",
    "newspaper",
    "photo agency",
    "magazine",
    "website",
    "news website",
    "tv channel",
    "radio station",
  ],
  agency: ["news agency", "photo agency", "government agency"],
  institution: ["think tank", "institute", "research institute", "university", "academy"],
  "government body": ["ministry", "government agency", "department"],
};

/** The reason a question must be held back, or undefined when it may be served. */
export function checkDraft(draft: QuestionDraft, ctx: GenerationContext): string | undefined {
  if (draft.presetReason) return draft.presetReason;
  const quote = quoteProblem(draft, ctx);
  if (quote) return quote;
  const { question } = draft;
  if (!draft.statesAnswer) {
    const leak = foundIn(normaliseText(question.stem), draft.answerForms);
    if (leak) return `stem contains the answer "${asWritten(leak, draft.records)}"`;
  }
  const structure = structureProblem(question);
  if (structure) return structure;

  const record = draft.records[0];
  if (record && draft.distractors) {
    const stemNorm = normaliseText(question.stem);
    const forms = new Set<string>();
    for (const distractor of draft.distractors) {
      if (distractor.type !== record.fact.type)
        return `option "${distractor.text}" is a ${distractor.type}, not a ${record.fact.type}`;
      if (draft.kindNoun && !kindFits(record.fact.type, distractor.kind, draft.kindNoun)) {
        return `option "${distractor.text}" is a ${distractor.kind ?? "thing of unknown kind"}, not a ${draft.kindNoun}`;
      }
      // For a false statement the distractor is in the stem by design.
      const stem = question.type === "TRUE_FALSE" ? "" : stemNorm;
      const reason = exclusionReason(record, distractor, ctx, stem);
      if (reason) return `option "${distractor.text}" ${reason}`;
      // "Where ...?" names no kind, yet a prefecture among cities stands out as the answer (or a
      // city among prefectures as wrong): every place offered is of the answer's kind.
      if (record.fact.type === "place" && !draft.kindNoun) {
        const answerKind = record.fact.kind ?? record.entity?.entity.kind ?? kindByHead(record.fact.answer);
        const optionKind = distractor.kind ?? kindByHead(distractor.text);
        if (answerKind && optionKind && placeFamily(optionKind) !== placeFamily(answerKind))
          return `option "${distractor.text}" is a ${optionKind}, and the answer a ${answerKind}`;
        // "Ankara and Istanbul" among single cities is the odd one out.
        if (isList(record.fact.answer) !== isList(distractor.text))
          return isList(record.fact.answer)
            ? `option "${distractor.text}" names one place, and the answer several`
            : `option "${distractor.text}" names several places, and the answer one`;
      }
      const form = distractor.forms[0] ?? normaliseAnswer(distractor.text);
      if (forms.has(form)) return `option "${distractor.text}" appears twice`;
      forms.add(form);
    }
  }
  return undefined;
}

// --- set level -------------------------------------------------------------------------------

/** What a student sees of a question before answering it, as written. */
function visibleRaw(question: GeneratedQuestion): string {
  const parts = [question.stem];
  if (question.type === "MATCHING" || question.type === "ORDERING") {
    for (const option of question.options) parts.push(option.text, option.matchText ?? "");
  }
  return parts.join(" \n ");
}

/** What a student sees of a question before answering it, normalised. */
export function visibleText(question: GeneratedQuestion): string {
  return normaliseText(visibleRaw(question));
}

/** The writings of a question's answer: its answerForms, or what its options and fields reveal. */
export function answerFormsOf(question: GeneratedQuestion): string[] {
  if (question.answerForms?.length) return question.answerForms;
  const forms: string[] = [];
  if (question.answerText) forms.push(normaliseAnswer(question.answerText));
  if (question.type === "MULTIPLE_CHOICE") {
    for (const option of question.options) if (option.isCorrect) forms.push(normaliseAnswer(option.text));
  }
  if (question.type === "MATCHING")
    for (const option of question.options) forms.push(normaliseAnswer(option.matchText ?? ""));
  return forms.filter(Boolean);
}

function feedbackRaw(question: GeneratedQuestion): string {
  return `${question.explanation} \n ${question.quote}`;
}

/** What the student reads once the question is answered: its explanation and source quote. */
export function feedbackText(question: GeneratedQuestion): string {
  return normaliseText(feedbackRaw(question));
}

/** What a question shows, before and after it is answered, and the writings of its answer. */
export interface Revealing {
  factKeys: string[];
  visible: string;
  feedback: string;
  forms: string[];
  /** Its answer counts as shown only next to one of these (a post next to its holder); none: anywhere. */
  holder: string[];
}

export function revealingOf(question: GeneratedQuestion): Revealing {
  return {
    factKeys: question.factKeys,
    visible: visibleRaw(question),
    feedback: feedbackRaw(question),
    forms: answerFormsOf(question),
    holder: question.answerHolderForms ?? [],
  };
}

/** Whether `a`, asked or answered, shows the answer of `b` (see givesAway). */
export function reveals(a: Revealing, b: Revealing): boolean {
  if (a.factKeys.some((key) => b.factKeys.includes(key))) return true;
  const shown = revealedIn(a.visible, b.forms) !== undefined || revealedIn(a.feedback, b.forms) !== undefined;
  if (!shown || b.holder.length === 0) return shown;
  return revealedIn(`${a.visible} \n ${a.feedback}`, b.holder) !== undefined;
}

/**
 * Whether showing `a` would give away the answer of `b`: a's stem (for a true T/F question, the
 * statement itself), or the items of a matching or ordering question, contain one of b's
 * answer's writings, and so does the feedback shown once `a` is answered (its explanation and
 * quote). Questions on the same fact always give each other away.
 */
export function givesAway(a: GeneratedQuestion, b: GeneratedQuestion): boolean {
  if (a === b || a.key === b.key) return false;
  return reveals(revealingOf(a), revealingOf(b));
}
