// Stems and explanations: natural English from a fact's subject, relation and answer type.
//
// A relation is read as one of a few frames ("headed by" is a passive with its agent as the
// answer, "held in" a passive with a place, "lasted" an active verb with its object, "role" a
// post, "capital of" a noun). Each frame knows how to state the fact with any value in the
// answer's slot ("The Russian delegation was headed by Vladimir Medinsky") and how to ask for it
// ("Who headed the Russian delegation?"). Subjects become noun phrases ("the Russian
// delegation", "Erdogan's call for patience") and their notes become attributions ("(per CNN)"
// -> "According to CNN, ...").
import type { GenerationContext, FactRecord } from "@/lib/questions/context";
import { formatDate, isIsoDate } from "@/lib/questions/dates";
import {
  ADVERBS,
  analyseVerb,
  capitaliseFirst,
  indefiniteArticle,
  INTRANSITIVE_VERBS,
  isPluralNoun,
  PREPOSITIONS,
  singularise,
  singularUnit,
  STATIVE_PARTICIPLES,
  tidy,
  type VerbForms,
} from "@/lib/questions/english";
import { headOf, numberMeasure, type Measure } from "@/lib/questions/measures";
import { normaliseText } from "@/lib/questions/normalise";
import { parseNumber, qualifierFollows, qualifierSense } from "@/lib/questions/numbers";
import type { GeneratorFact } from "@/lib/questions/types";
import { isDescription } from "@/lib/questions/world";

// --- subjects -------------------------------------------------------------------------------

export interface SubjectInfo {
  /** The subject without its notes in brackets. */
  raw: string;
  /** As it reads in running text: "the Russian delegation", "Hakan Fidan", "Erdogan's call for patience". */
  np: string;
  plural: boolean;
  /** Whose account this is: "CNN" for "(per CNN)", or the fact's claimedBy. */
  source?: string;
  /** The subject is a quotation: its words, without the quotation marks. */
  quotation?: string;
  /** "Report that X" -> { noun: "report", connector: "that", rest: "X" }. */
  clause?: { noun: string; connector: "that" | "of"; rest: string };
  /** "(as the article describes him)": the answer is the article's description. */
  described: boolean;
}

const DETERMINERS = new Set(
  "the a an this that these those both all some each every many several no his her their its our last next another two three four five".split(
    " ",
  ),
);
const QUANTITY_STARTS =
  /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|millions|billions|dozens|scores|more|fewer|less|nearly|almost|about|around|roughly|some|several|many|most|both)$/i;
const FUNCTION_WORDS = new Set("and of for the in on at to de van von der del da di la le y with".split(" "));
const CLAUSE_VERBS: Record<string, string> = {
  report: "reported",
  view: "said",
  warning: "warned",
  claim: "claimed",
  statement: "stated",
  announcement: "announced",
  pledge: "pledged",
  promise: "promised",
  assessment: "assessed",
  prediction: "predicted",
  suggestion: "suggested",
  argument: "argued",
  belief: "said",
  fear: "feared",
  hope: "hoped",
  remark: "remarked",
  comment: "commented",
  observation: "observed",
  finding: "found",
  conclusion: "concluded",
  allegation: "alleged",
  accusation: "alleged",
  denial: "denied",
  confirmation: "confirmed",
};
/** Relations that mean "this is who said or reported it". */
const COMMUNICATION_VERBS = new Set(
  "report say make give issue voice express deliver announce raise publish state share offer put".split(" "),
);
const CLAUSE_START = /^(?:relative|who|whom|which|that|where|whose|when)$/;

function stripNotes(text: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  const stripped = text.replace(/\s*\(([^()]*)\)/g, (_, note: string) => {
    notes.push(note.trim());
    return "";
  });
  return { text: stripped.trim(), notes };
}

function lowerFirstWord(text: string, ctx: GenerationContext): string {
  const [first = "", ...rest] = text.split(" ");
  if (ctx.isProperWord(first)) return text;
  return [first.charAt(0).toLowerCase() + first.slice(1), ...rest].join(" ");
}

function isName(text: string, ctx: GenerationContext): boolean {
  const words = text.split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  return words.length > 0 && words.every((w) => ctx.isProperWord(w.replace(/[^\p{L}'’-]/gu, "")));
}

/** The head of a noun phrase ("exchange" in "Prisoner exchange agreed at the talks") and whether it lists several things. */
export function nounPhraseHead(text: string): { head: string; list: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const lower = word.toLowerCase();
    const previous = words[i - 1] ?? "";
    const capitalAfterLower = /^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(previous);
    if (
      PREPOSITIONS.has(lower) ||
      CLAUSE_START.test(lower) ||
      DETERMINERS.has(lower) ||
      (i > 1 && analyseVerb(lower) !== undefined && !isPluralNoun(lower)) ||
      /^\p{Ll}+ing$/u.test(word) ||
      capitalAfterLower
    ) {
      end = i;
      break;
    }
  }
  const phrase = words.slice(0, end);
  return { head: (phrase.at(-1) ?? "").replace(/['’]s?$/, ""), list: phrase.some((w) => w.toLowerCase() === "and") };
}

/** Whether a noun phrase is plural, from its head noun: "Russia-Ukraine direct talks" yes, "Russian delegation" no. */
export function isPluralPhrase(text: string): boolean {
  const { head, list } = nounPhraseHead(text);
  if (list) return true;
  return isPluralNoun(head) && !/['’]s$/.test(head);
}

/** "Russia and Ukraine" names two things; "China National Institute for ... and Judicial Cooperation" one. */
function namesSeveral(raw: string, ctx: GenerationContext): boolean {
  if (!/ and /.test(raw) || ctx.entityByForm.has(normaliseText(raw))) return false;
  const parts = raw.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  return parts.length > 1 && parts.every((part) => part.split(" ").length <= 3);
}

/** The first possessive word ("Cui Heng's comment") closes a name when every word up to it is one. */
function startsWithProperPossessive(raw: string, ctx: GenerationContext): boolean {
  const words = raw.split(/\s+/);
  const index = words.findIndex((w) => /['’]s?$/.test(w));
  if (index < 0 || index > 3) return false;
  return words.slice(0, index + 1).every((w) => ctx.isProperWord(w.replace(/['’]s?$/, "")));
}

/** Capitalised only because they open a sentence: "Today's vote", "The company's", "Its". */
const COMMON_POSSESSIVES =
  /^(?:today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|this year|last year|year|week|month|season|party|country|nation|company|government|city|town|world|state|team|club|council|court|it|one|everyone|nobody|somebody|someone)$/i;

/** Titles that stay capitalised before a name: "President Alassane Ouattara". */
const NAME_TITLES = new Set(
  "president king queen pope judge mayor governor senator dr mr mrs ms prince princess sheikh chancellor".split(" "),
);

/** Words that make a capitalised phrase an organisation or a group, not a person. */
const NOT_PERSON_WORDS =
  /^(ministry|office|party|council|court|bank|agency|department|committee|commission|house|assembly|parliament|government|army|police|union|university|institute|centre|center|museum|fire|service|news|times|post|group|company|airport|station|school|hospital|delegation|team|club)$/i;

/**
 * "Orla Brennan" when the article opens a sentence with her name: two or three capitalised
 * words, each after the first one the article writes as a name, none of them an institution's.
 */
function looksLikePersonName(words: string[], ctx: GenerationContext): boolean {
  if (words.length < 2 || words.length > 3 || /^the$/i.test(words[0] ?? "")) return false;
  if (!words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w))) return false;
  if (words.some((w) => NOT_PERSON_WORDS.test(w)) || /(ian|ese|ish|an)$/i.test(words[0] ?? "")) return false;
  return words.slice(1).every((w) => ctx.isProperWord(w));
}

/**
 * A name as running text writes it. "Who did the United States send?": a capital "The" that
 * opened the article's sentence is lower case where the article also writes the name after a
 * lower-case "the" ("The Hague" keeps its capital).
 */
function runningName(raw: string, ctx: GenerationContext): string {
  const running = ctx.runningName(raw);
  return /^The\s/.test(running) && ctx.bodySpaced.includes(` the ${running.slice(4)}`)
    ? `the${running.slice(3)}`
    : running;
}

export function analyseSubject(fact: GeneratorFact, ctx: GenerationContext): SubjectInfo {
  const { text: raw, notes } = stripNotes(fact.subject);
  const relationNotes = stripNotes(fact.relation).notes;
  let source: string | undefined;
  let described = false;
  for (const note of [...notes, ...relationNotes]) {
    const per = /^(?:per|according to|as reported by|reported by)\s+(.+)$/i.exec(note);
    const claim = /^(.+?)(?:'s|’s)?\s+claims?$/i.exec(note);
    if (per) source = per[1];
    else if (claim) source = claim[1];
    else if (/^as (?:the article|it) describes/i.test(note)) described = true;
  }
  if (fact.claimedBy) source = fact.claimedBy;

  const quoted = /^["“'‘](.+)["”'’]$/.exec(raw);
  if (quoted) return { raw, np: `“${quoted[1]}”`, plural: false, source, quotation: quoted[1], described };

  const clause = /^(\w+?)s? (that|of) (.+)$/i.exec(raw);
  const clauseNoun = clause?.[1]?.toLowerCase() ?? "";
  const info = (np: string, plural = isPluralPhrase(raw)): SubjectInfo => ({
    raw,
    np,
    plural,
    source,
    described,
    clause:
      clause && CLAUSE_VERBS[clauseNoun]
        ? {
            noun: clauseNoun,
            connector: clause[2]?.toLowerCase() as "that" | "of",
            // "... stated that exports climbed", not "that Exports climbed" (a name keeps its capital).
            rest: lowerFirstWord(clause[3] ?? "", ctx),
          }
        : undefined,
  });

  const entityMatch = ctx.entityByForm.get(normaliseText(raw));
  const isAnswerOfAFact = ctx.answerNorms.has(normaliseText(raw));
  if (entityMatch?.length || isAnswerOfAFact) return info(runningName(raw, ctx), namesSeveral(raw, ctx));

  const words = raw.split(/\s+/);
  const first = words[0] ?? "";
  // A person whose post is asked is named as the article names them ("Rami Abdulrahman", not
  // "the rami Abdulrahman"), as is a name that opens with two capitalised words ("Anne Schuchat's call").
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  if (ROLE_RELATIONS.test(stripNotes(fact.relation).text) && capitalised(first)) return info(raw, false);
  if (looksLikePersonName(words, ctx)) return info(raw);
  if (NAME_TITLES.has(first.toLowerCase()) && capitalised(words[1] ?? "") && isName(words.slice(1).join(" "), ctx))
    return info(raw);
  const possessiveAt = words.findIndex((w) => /['’]s$/.test(w));
  if (possessiveAt >= 1 && possessiveAt <= 3 && words.slice(0, possessiveAt + 1).every(capitalised)) return info(raw);
  // "Orvania's exports": a capitalised possessive opening a subject names an owner, even one the
  // article only writes at the start of its sentences ("Today's vote" is a time, not an owner).
  if (/^\p{Lu}[\p{L}-]*['’]s$/u.test(first) && !COMMON_POSSESSIVES.test(first.replace(/['’]s$/, ""))) return info(raw);
  if (/['’]s?$/.test(first) || DETERMINERS.has(first.toLowerCase()) || startsWithProperPossessive(raw, ctx)) {
    return info(lowerFirstWord(raw, ctx));
  }
  // "Six people died", "More than a million people were warned": a count doing something needs
  // no "the" (where one only was, "the 78 people killed were in Bangladesh" keeps it).
  if (QUANTITY_STARTS.test(first) && !/^(in|at|near|inside|outside)$/i.test(stripNotes(fact.relation).text)) {
    const last = words.at(-1) ?? "";
    const plural =
      !/^(one|1|a|an)$/i.test(first) && (isPluralPhrase(raw) || /^(people|children|men|women|police)$|s$/i.test(last));
    return info(lowerFirstWord(raw, ctx), plural);
  }
  if (isName(raw, ctx)) return info(runningName(raw, ctx), namesSeveral(raw, ctx));
  return info(`the ${lowerFirstWord(raw, ctx)}`);
}

// --- relations ------------------------------------------------------------------------------

export type Frame =
  /** "role": the post a person holds. */
  | { kind: "role" }
  /** "headed by", "contributed to by": the answer is the agent. */
  | { kind: "passive-by"; verb: VerbForms; between: string[] }
  /** "held in", "held at the palace", "adorned with the flags of": the answer follows the tail. */
  | { kind: "passive-prep"; verb: VerbForms; tail: string[]; hint?: string; stative: boolean }
  /** "lasted", "works at", "failed to materialize on", "covered the period": the subject acts. */
  | {
      kind: "active";
      /** "will", "would": the question asks "When will ...?" with the verb's base form. */
      modal?: string;
      pre: string[];
      verb: VerbForms;
      word: string;
      rest: string[];
      prep?: string;
      prepHint?: string;
      objectHint?: string;
    }
  /** "capital of": the subject is the noun of the answer. */
  | { kind: "noun-of"; noun: string }
  /** "shape": what shape the subject was. */
  | { kind: "attribute"; noun: string }
  /** "share in camouflage": what share of the subject. */
  | { kind: "share"; noun: string; rest: string }
  /** Numbers: "number" (the subject names what is counted). */
  | { kind: "number-count" }
  /** Numbers: "number of troops lost". */
  | { kind: "number-of"; rest: string; overlap: boolean }
  /** Numbers: "prisoners of war to be exchanged by each side" (starts with the unit). */
  | { kind: "unit-first"; rest: string }
  /** Places: a bare "in", "at", "near" (drafted as where something was): "Where were the attacks?". */
  | { kind: "located"; prep: string }
  /** Anything else: "the <relation> of <subject>". */
  | { kind: "noun"; phrase: string };

const ROLE_RELATIONS = /^(role|position|post|title|job|occupation|office)$/i;
const ATTRIBUTE_NOUNS =
  /^(shape|colou?r|size|name|nickname|type|kind|nationality|religion|age|height|weight|material|party|language|currency|motto|slogan|theme)$/i;
const SHARE_NOUNS = /^(share|proportion|fraction|percentage|part|portion)$/i;
const EVENT_HEADS = new Set(
  "summit meeting talks conference briefing session ceremony election rally match game hearing vote negotiations forum festival concert race tournament trial".split(
    " ",
  ),
);

export function analyseRelation(fact: GeneratorFact): Frame {
  // "was elected in" reads as "elected in"; "is the capital of" as "capital of".
  const relation = stripNotes(fact.relation)
    .text.replace(/^(is|are|was|were|be|been)\s+(?=\S)/i, "")
    .replace(/^the\s+(?=\S+\s+of$)/i, "");
  const tokens = relation.split(/\s+/).filter(Boolean);
  const lower = tokens.map((t) => t.toLowerCase());
  if (ROLE_RELATIONS.test(relation)) return { kind: "role" };
  // "The November 2008 terror attacks" "in" Mumbai: where they were, not "the in in" them.
  if (fact.type === "place" && /^(in|at|near|inside|outside)$/i.test(relation))
    return { kind: "located", prep: relation.toLowerCase() };

  if (fact.type === "number") {
    if (lower.join(" ") === "number" || lower.join(" ") === "count") return { kind: "number-count" };
    const numberOf = /^number of (.+)$/i.exec(relation);
    if (numberOf) {
      const unitWords = (fact.unit ?? "").toLowerCase().split(/\s+/);
      const unitHead = singularise(unitWords.find((w) => isPluralNoun(w)) ?? unitWords.at(-1) ?? "");
      const subjectWords = normaliseText(stripNotes(fact.subject).text).split(" ").map(singularise);
      const overlap = unitHead.length > 2 && subjectWords.includes(unitHead);
      return { kind: "number-of", rest: numberOf[1] ?? "", overlap };
    }
    const unit = (fact.unit ?? "").toLowerCase();
    if (unit && lower.join(" ").startsWith(`${unit} `)) {
      return { kind: "unit-first", rest: tokens.slice(unit.split(" ").length).join(" ") };
    }
  }

  let i = 0;
  // "will publish the first images in": a future deed, asked "When will ... publish ...?".
  const modal = /^(will|would)$/.test(lower[0] ?? "") && lower.length > 2 ? lower[0] : undefined;
  if (modal) i = 1;
  while (i < lower.length - 1 && ADVERBS.has(lower[i] ?? "")) i++;
  const verb = analyseVerb(lower[i] ?? "");
  // After "will", the verb's base form (a word the verb tables may not list): only it is used.
  if (modal && /^\p{Ll}+$/u.test(tokens[i] ?? "") && verb?.form !== "participle") {
    const base = lower[i] ?? "";
    const verbForms = verb ?? { base, past: base, participle: base, form: "present" as const };
    const rest = tokens.slice(i + 1);
    const frame: Frame = { kind: "active", modal, pre: [], verb: verbForms, word: base, rest };
    if (PREPOSITIONS.has(lower.at(-1) ?? "")) {
      frame.prep = rest.at(-1);
      frame.rest = rest.slice(0, -1);
    }
    return frame;
  }
  if (verb) {
    const pre = tokens.slice(0, i);
    const rest = tokens.slice(i + 1);
    const restLower = lower.slice(i + 1);
    const finite = verb.form !== "participle";
    if (restLower.at(-1) === "by" && verb.form !== "present") {
      return { kind: "passive-by", verb, between: rest.slice(0, -1) };
    }
    // A form that is only a past tense ("tore through", "swept across") is active: the subject
    // did it, and "was torn through" would turn it round.
    const passive =
      i === 0 &&
      verb.form !== "present" &&
      verb.form !== "past" &&
      PREPOSITIONS.has(restLower[0] ?? "") &&
      (!INTRANSITIVE_VERBS.has(verb.base) || !finite);
    if (passive || (verb.form === "participle" && rest.length === 0)) {
      const hint = rest.length === 3 && restLower[1] === "the" ? rest[2] : undefined;
      return { kind: "passive-prep", verb, tail: rest, hint, stative: STATIVE_PARTICIPLES.has(lower[i] ?? "") };
    }
    const frame: Frame = { kind: "active", pre, verb, word: tokens[i] ?? "", rest };
    const last = restLower.at(-1) ?? "";
    if (PREPOSITIONS.has(last)) {
      frame.prep = rest.at(-1);
      frame.rest = rest.slice(0, -1);
    } else if (restLower.length >= 3 && restLower.at(-2) === "the" && PREPOSITIONS.has(restLower.at(-3) ?? "")) {
      frame.prep = rest.at(-3);
      frame.prepHint = rest.at(-1);
      frame.rest = rest.slice(0, -3);
    } else if (restLower.length >= 2 && restLower.at(-2) === "the") {
      frame.objectHint = rest.at(-1);
      frame.rest = rest.slice(0, -2);
    }
    return frame;
  }

  const [head = "", ...tail] = tokens;
  if (tokens.length === 1 && ATTRIBUTE_NOUNS.test(head)) return { kind: "attribute", noun: head.toLowerCase() };
  if (SHARE_NOUNS.test(head) && tail.length > 0)
    return { kind: "share", noun: head.toLowerCase(), rest: tail.join(" ") };
  if (tokens.length <= 3 && lower.at(-1) === "of" && fact.type !== "number") {
    return { kind: "noun-of", noun: tokens.slice(0, -1).join(" ") };
  }
  return { kind: "noun", phrase: relation };
}

// --- values in running text -----------------------------------------------------------------

const TITLE_HEADS = new Set(
  "president minister chancellor secretary premier king queen mayor governor speaker chairman chairwoman chair ceo director chief head leader pope general commissioner".split(
    " ",
  ),
);

/** "a Kremlin aide", "Defense Minister", "Turkey's Foreign Minister", "a scholar". */
export function roleInText(role: string): string {
  const words = role.trim().split(/\s+/);
  const first = (words[0] ?? "").toLowerCase();
  const head = (words.at(-1) ?? "").toLowerCase();
  if (DETERMINERS.has(first) || /['’]s$/.test(words[0] ?? "")) return role;
  // "the Latvian counterpart of Interior Minister Hana Roe": one person, named by another's post.
  if (/\bcounterpart\b/i.test(role)) return `the ${role}`;
  if (/^(former|ex-|one-time|retired|outgoing|acting|deputy|assistant|vice)/.test(first) && words.length > 1) {
    // "a former French President", not "a Former French President".
    const text = /^(former|ex-|one-time|retired|outgoing|acting)/.test(first)
      ? `${first}${role.slice(first.length)}`
      : role;
    return `${indefiniteArticle(text)} ${text}`;
  }
  if (TITLE_HEADS.has(head) || words.some((w) => w.toLowerCase() === "of")) return role;
  return `${indefiniteArticle(role)} ${role}`;
}

/** A unit that opens with a scale word: "dozen civilians", "million people". */
const SCALE_UNIT = /^(dozens?|hundreds?|thousands?|millions?|billions?|trillions?)\b/i;

const TIME_UNITS = /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$/i;

function qualifierInRelation(fact: GeneratorFact): boolean {
  const q = (fact.qualifier ?? "").toLowerCase();
  return q !== "" && ` ${fact.relation.toLowerCase()} `.includes(` ${q} `);
}

/** A number with its unit and qualifier as a sentence states it: "over 1,400 troops", "1,000 each". */
export function numberInText(fact: GeneratorFact, value: string, withUnit: boolean, standalone = false): string {
  const n = parseNumber(value);
  // "1 million people", "two dozen civilians": the scale word belongs to the figure, so it stays
  // when the unit is left out ("more than two dozen", never "more than two") and the noun after
  // it stays plural.
  const scale = SCALE_UNIT.exec(fact.unit ?? "")?.[1];
  const unit = fact.unit ? (n === 1 && !scale ? singularUnit(fact.unit) : fact.unit) : "";
  if (!withUnit && scale) value = withUnitOnce(value, scale);
  // In a sentence whose relation already says "each side", the qualifier "each" is not repeated.
  const qualifier = !standalone && qualifierInRelation(fact) ? "" : (fact.qualifier ?? "");
  const before = qualifier && !qualifierFollows(qualifier) ? `${qualifier} ` : "";
  const after = qualifier && qualifierFollows(qualifier) ? ` ${qualifier}` : "";
  return `${before}${withUnit ? withUnitOnce(value, unit) : value}${after}`;
}

/**
 * The value followed by its unit, said once: a value that already ends with the unit, or with
 * the scale word the unit starts with ("2.7 billion" + "billion US dollars"), is not repeated.
 */
export function withUnitOnce(value: string, unit: string): string {
  if (!unit) return value;
  const lowerValue = value.toLowerCase();
  const lowerUnit = unit.toLowerCase();
  if (lowerValue.endsWith(` ${lowerUnit}`) || lowerValue === lowerUnit) return value;
  const firstWord = lowerUnit.split(/\s+/)[0]!;
  if (unit.includes(" ") && lowerValue.endsWith(` ${firstWord}`)) return `${value}${unit.slice(firstWord.length)}`;
  return `${value} ${unit}`;
}

// --- phrasing -------------------------------------------------------------------------------

export interface QuestionOptions {
  /** The kind of thing the options are: "city", "news agency" ("Which city ...?"). */
  noun?: string;
  /** Ask "Where does Zhang Hong work?" rather than "At which academy ...?" when the options are not all academies. */
  dropHint?: boolean;
}

export interface Phrasing {
  subject: SubjectInfo;
  frame: Frame;
  /** The fact stated with `value` in the answer's slot: a full sentence without its full stop. */
  statement(value: string): string;
  /** The same statement introduced by "According to the article" (for swaps from the entity bank). */
  articleStatement(value: string): string;
  /** The question asking for the answer. */
  question(options?: QuestionOptions): string;
  /** Numbers: "How many prisoners of war ...?"; `approximate` asks "About how many ...?". */
  numberQuestion(approximate: boolean | string): string;
  /** Numbers given with a bound: "At least how many ...?", or undefined when the frame cannot ask it. */
  boundedQuestion(bound: string): string | undefined;
  /** Numbers: whether numberQuestion's options are bare numbers ("how many") or carry the unit. */
  numberOptionsBare: boolean;
  /** Numbers given with "over", "under"...: "What figure did Reuters give for how long ...?". */
  figureQuestion(): string;
  /** Dates: the event without its date ("The Russia-Ukraine direct talks were held"). */
  event(): string;
  /** How an option shows a value: "16 May 2025", "over 1,400 troops". */
  optionText(value: string, figure?: boolean): string;
  /** A value as the statement writes it: "the BBC", "16 May 2025", "two hours". */
  inText(value: string): string;
  /** The noun a question may name its options by ("palace" in "held at the palace"), if the relation has one. */
  hint?: string;
  /** The relation is about saying or reporting something (a swap may be true outside the article). */
  reporting: boolean;
  /** "As of 16 May 2025" for posts and other facts that change, else undefined. */
  asOfLead?: string;
}

function sentence(lead: string | undefined, core: string, end = ""): string {
  return capitaliseFirst(tidy(`${lead ? `${lead}, ` : ""}${core}`)) + end;
}

function wordsOf(...parts: (string | string[] | undefined | false)[]): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(" ");
}

/** Events that last several days: "happened on" one date does not say which day is meant. */
export const MULTI_DAY_EVENTS = new Set(
  "talks negotiations conference summit festival exhibition tournament championship championships games olympics fair trial campaign offensive war strike protests floods fire outbreak show week season tour".split(
    " ",
  ),
);
/** Events that are held on a day: "On what date was the vote held?". */
const HELD_EVENTS = new Set(
  "meeting election elections vote ballot ceremony referendum session hearing briefing rally funeral inauguration runoff run-off primary poll debate".split(
    " ",
  ),
);

/**
 * A date's relation as its event needs it: "happened on" becomes "was held on" for a meeting
 * or a vote, "took place on" for other one-day events, and "was scheduled for" when the date is
 * after the article's own. (Events of several days and clauses are held back: wellformed.ts.)
 */
export function dateRelation(fact: GeneratorFact, publishedOn: string): string {
  const relation = stripNotes(fact.relation).text.toLowerCase();
  if (fact.type !== "date" || !/^(happened|occurred|took place) on$/.test(relation)) return fact.relation;
  if (isIsoDate(fact.answer) && fact.answer > publishedOn) return "scheduled for";
  return HELD_EVENTS.has(headOf(stripNotes(fact.subject).text)) ? "held on" : "took place on";
}

export function buildPhrasing(record: FactRecord, ctx: GenerationContext): Phrasing {
  const relation = dateRelation(record.fact, ctx.article.publishedOn);
  // "Dateline of the report names Beirut": asked as where the report was filed from.
  const dateline = record.fact.type === "place" && /^(the )?dateline\b/i.test(stripNotes(record.fact.subject).text);
  const fact = dateline
    ? { ...record.fact, subject: "This report", relation: "filed from" }
    : relation === record.fact.relation
      ? record.fact
      : { ...record.fact, relation };
  const subject = analyseSubject(fact, ctx);
  const frame = analyseRelation(fact);
  const S = subject.np;
  const plural = subject.plural;
  const attribution = subject.source ? `according to ${ctx.runningName(subject.source)}` : undefined;
  // A former post is how the article describes someone, not a post they hold "as of" a date.
  const isPolitical =
    frame.kind === "role" &&
    !subject.described &&
    !/occupation/i.test(fact.kind ?? "") &&
    !/^(former|ex-|one-time|previous|late)\b/i.test(fact.answer.trim()) &&
    // An heiress or a show's guest host is described, not holding a post "as of" a date.
    !isDescription(fact.answer);
  // A post is known as of the article's date at the latest: a later date drafted from the
  // sentence (a planned visit's) would claim what the article cannot know.
  const asOf =
    isIsoDate(fact.asOf) && isIsoDate(ctx.article.publishedOn) && fact.asOf > ctx.article.publishedOn
      ? ctx.article.publishedOn
      : fact.asOf;
  // "The number of homes destroyed has risen to 131": a tally under way is true as of its day only.
  const tally = fact.type === "number" && runningTally(fact.quote, fact.answer);
  const asOfLead = isPolitical || tally ? `as of ${formatDate(asOf)}` : undefined;
  const lead = [asOfLead, attribution].filter(Boolean).join(", ") || undefined;
  const pastBe = plural ? "were" : "was";
  const presentBe = plural ? "are" : "is";

  const valueText = (value: string, withUnit = true): string => {
    switch (fact.type) {
      case "place":
      case "organisation":
        return ctx.runningName(value);
      case "date":
        return isIsoDate(value) ? formatDate(value) : value;
      case "number":
        return numberInText(fact, value, withUnit);
      default:
        return value;
    }
  };

  const sBare = S.replace(/^the /, "");
  // "governed since 2012" reads "had governed since 2012".
  const perfect =
    frame.kind === "active" &&
    frame.verb.form !== "present" &&
    /^(since|for)$/i.test(frame.prep ?? "") &&
    fact.type !== "number";
  const linkFor = (phrase: string): string => {
    const words = phrase.toLowerCase().split(/\s+/);
    const endsOpen =
      PREPOSITIONS.has(words.at(-1) ?? "") || words.some((w, i) => i > 0 && analyseVerb(w) !== undefined);
    if (!endsOpen) return "of";
    const head = nounPhraseHead(stripNotes(fact.subject).text).head.toLowerCase();
    return EVENT_HEADS.has(head) && !/ (in|of|at)$/.test(phrase) ? "at" : "in";
  };
  const unit = fact.unit ?? "";
  const wh = (options?: QuestionOptions): string => {
    switch (fact.type) {
      case "person":
        return "who";
      case "date":
        return "what date";
      case "number":
        return `how many ${unit}`.trim();
      default:
        return options?.noun ? `which ${options.noun}` : "what";
    }
  };

  // statement: the core clause with `slot` (already in running text) in the answer's place.
  const core = (slot: string | null): string => {
    switch (frame.kind) {
      case "role":
        if (slot === null) return S;
        return subject.described || !isPolitical
          ? `the article describes ${S} as ${roleInText(slot)}`
          : `${S} was ${roleInText(slot)}`;
      case "passive-by": {
        const verbWord = frame.verb.participle;
        if (subject.clause && COMMUNICATION_VERBS.has(frame.verb.base)) {
          const said = CLAUSE_VERBS[subject.clause.noun] ?? "said";
          const connector = subject.clause.connector === "that" ? "that" : said === "reported" ? "" : "of";
          return wordsOf(slot ?? "someone", said, connector, subject.clause.rest);
        }
        if (subject.quotation && COMMUNICATION_VERBS.has(frame.verb.base)) {
          return `${slot ?? "someone"} said, “${subject.quotation}”`;
        }
        return wordsOf(S, pastBe, verbWord, frame.between, slot !== null && "by", slot ?? undefined);
      }
      case "passive-prep": {
        const be = frame.stative ? presentBe : pastBe;
        const tail = frame.hint ? [frame.tail[0] ?? ""] : frame.tail;
        return slot === null
          ? wordsOf(S, be, frame.verb.participle)
          : wordsOf(S, be, frame.verb.participle, tail, slot);
      }
      case "active": {
        const verbWord = frame.modal
          ? `${frame.modal} ${frame.verb.base}`
          : perfect
            ? `had ${frame.verb.participle}`
            : frame.verb.form === "present" && plural
              ? frame.verb.base
              : frame.word;
        const base = wordsOf(S, frame.pre, verbWord, frame.rest);
        if (slot === null) return base;
        if (frame.prep) return wordsOf(base, frame.prep, slot);
        if (frame.objectHint) return wordsOf(base, "the", frame.objectHint, slot);
        return wordsOf(base, slot);
      }
      case "noun-of": {
        const be = fact.type === "place" || fact.type === "organisation" ? presentBe : pastBe;
        return wordsOf(S, be, "the", frame.noun, "of", slot ?? "");
      }
      case "attribute":
        if (frame.noun === "shape" && slot !== null) {
          const adjective = /(ed|al|ar|und|are|ic)$/i.test(slot) || /^(round|square|oval|flat)$/i.test(slot);
          return wordsOf(S, pastBe, adjective ? slot : `${slot}-shaped`);
        }
        // "GSAT-9 was an advanced weather satellite", not "The type of GSAT-9 was advanced weather satellite".
        if (/^(type|kind)$/.test(frame.noun) && slot !== null && /^\p{Ll}/u.test(slot))
          return wordsOf(S, pastBe, indefiniteArticle(slot), slot);
        return wordsOf("the", frame.noun, "of", S, pastBe, slot ?? "");
      case "share":
        return wordsOf(slot ?? "", "of", S, pastBe, frame.rest);
      case "number-count": {
        // "people who have died of cholera" -> "Six people have died of cholera".
        const relative = relativeCount(sBare, unit);
        if (relative && slot !== null) return wordsOf(slot, relative);
        return wordsOf("the number of", sBare, "was", slot ?? "");
      }
      case "number-of":
        return frame.overlap
          ? wordsOf(S, "numbered", slot ?? "")
          : wordsOf("the number of", frame.rest, linkFor(frame.rest), S, "was", slot ?? "");
      case "unit-first":
        return wordsOf(slot ?? "", unit, needsBe(frame.rest) ? "were" : "", frame.rest, linkFor(frame.rest), S);
      case "located":
        return slot === null ? wordsOf(S, pastBe) : wordsOf(S, pastBe, frame.prep, slot);
      case "noun":
        return wordsOf("the", frame.phrase, linkFor(frame.phrase), S, "was", slot ?? "");
    }
  };

  const withUnitInSlot = !(
    frame.kind === "number-count" ||
    (frame.kind === "number-of" && !frame.overlap) ||
    frame.kind === "unit-first"
  );

  const statement = (value: string): string => sentence(lead, core(valueText(value, withUnitInSlot)));
  const articleStatement = (value: string): string => {
    const text = core(valueText(value, withUnitInSlot));
    if (text.startsWith("the article ")) return sentence(lead, text);
    if (attribution) return sentence(undefined, `the article reports that, ${lead}, ${text}`);
    // "According to the article, the 130 New Zealanders ...": the clause's own "The" is mid-sentence now.
    const running = text.replace(/^(The|A|An) (?=\S)/, (word) => word.toLowerCase());
    return sentence(["according to the article", asOfLead].filter(Boolean).join(", "), running);
  };

  const question = (options?: QuestionOptions): string => {
    const noun = options?.noun;
    const who = wh(options);
    switch (frame.kind) {
      case "role":
        return subject.described || !isPolitical
          ? sentence(lead, `how does the article describe ${S}`, "?")
          : sentence(lead, `what post did ${S} hold`, "?");
      case "passive-by": {
        if (subject.clause && COMMUNICATION_VERBS.has(frame.verb.base)) {
          const said = CLAUSE_VERBS[subject.clause.noun] ?? "said";
          const connector = subject.clause.connector === "that" ? "that" : said === "reported" ? "" : "of";
          return sentence(lead, wordsOf(who, said, connector, subject.clause.rest), "?");
        }
        if (subject.quotation && COMMUNICATION_VERBS.has(frame.verb.base)) {
          return sentence(lead, `${who} said, “${subject.quotation}”`, "?");
        }
        if (fact.type === "number" || fact.type === "date") {
          return sentence(lead, wordsOf("by", who, pastBe, S, frame.verb.participle, frame.between), "?");
        }
        return sentence(lead, wordsOf(who, frame.verb.past, frame.between, S), "?");
      }
      case "passive-prep": {
        const be = frame.stative ? presentBe : pastBe;
        const prep = (frame.tail[0] ?? "").toLowerCase();
        const simple = frame.tail.length === 1 || frame.hint !== undefined;
        const hintNoun = options?.dropHint ? undefined : (frame.hint ?? noun);
        if (
          simple &&
          fact.type === "phrase" &&
          isTimeLike(fact.answer) &&
          ["in", "on", "at", "during"].includes(prep)
        ) {
          return sentence(lead, wordsOf("when", be, S, frame.verb.participle), "?");
        }
        if (!simple || fact.type === "phrase" || fact.type === "number") {
          // "... a lucrative post in which place?", not "in what?".
          const asked = fact.type === "place" && who === "what" ? "which place" : who;
          return sentence(lead, wordsOf(S, be, frame.verb.participle, frame.tail, asked), "?");
        }
        if (fact.type === "date") return sentence(lead, wordsOf("on what date", be, S, frame.verb.participle), "?");
        if (fact.type === "person") return sentence(lead, wordsOf(prep, "whom", be, S, frame.verb.participle), "?");
        if (!hintNoun && (prep === "in" || prep === "at"))
          return sentence(lead, wordsOf("where", be, S, frame.verb.participle), "?");
        if (!hintNoun && prep === "from" && fact.type === "place")
          return sentence(lead, wordsOf("where", be, S, frame.verb.participle, "from"), "?");
        return sentence(
          lead,
          wordsOf(prep, hintNoun ? `which ${hintNoun}` : "what", be, S, frame.verb.participle),
          "?",
        );
      }
      case "active": {
        const aux = frame.modal ?? (perfect ? "had" : frame.verb.form === "present" ? (plural ? "do" : "does") : "did");
        const rest = perfect || frame.modal ? frame.rest : coordinatedToBase(frame.rest, frame.verb.form);
        const verbPart = wordsOf(frame.pre, perfect ? frame.verb.participle : frame.verb.base, rest);
        const prep = (frame.prep ?? "").toLowerCase();
        if (frame.objectHint) return sentence(lead, wordsOf("what", frame.objectHint, aux, S, verbPart), "?");
        if (frame.prepHint && !options?.dropHint)
          return sentence(lead, wordsOf(prep, "which", frame.prepHint, aux, S, verbPart), "?");
        if (frame.prepHint && ["in", "at"].includes(prep))
          return sentence(lead, wordsOf("where", aux, S, verbPart), "?");
        if (!frame.prep) return sentence(lead, wordsOf(who, aux, S, verbPart), "?");
        if (fact.type === "date") return sentence(lead, wordsOf("on what date", aux, S, verbPart), "?");
        if (fact.type === "phrase" && isTimeLike(fact.answer) && ["in", "on", "at", "during"].includes(prep)) {
          return sentence(lead, wordsOf("when", aux, S, verbPart), "?");
        }
        if (fact.type === "phrase" && isTimeLike(fact.answer) && ["since", "until", "till"].includes(prep)) {
          return sentence(lead, wordsOf(prep, "when", aux, S, verbPart), "?");
        }
        if ((fact.type === "place" || fact.type === "organisation") && ["in", "at"].includes(prep)) {
          return noun && fact.type === "place"
            ? sentence(lead, wordsOf(prep, `which ${noun}`, aux, S, verbPart), "?")
            : sentence(lead, wordsOf("where", aux, S, verbPart), "?");
        }
        return sentence(lead, wordsOf(who, aux, S, verbPart, frame.prep), "?");
      }
      case "noun-of":
        return sentence(
          lead,
          wordsOf(
            S,
            fact.type === "place" || fact.type === "organisation" ? presentBe : pastBe,
            "the",
            frame.noun,
            "of",
            who === "who" ? "whom" : who,
          ),
          "?",
        );
      case "attribute":
        // "What shape was the table?" but "What was the name of the party?"
        return /^(shape|colou?r|size|type|kind|material)$/.test(frame.noun)
          ? sentence(lead, wordsOf("what", frame.noun, pastBe, S), "?")
          : sentence(lead, wordsOf("what was the", frame.noun, "of", S), "?");
      case "share":
        return sentence(lead, wordsOf("what", frame.noun, "of", S, pastBe, frame.rest), "?");
      case "number-count":
      case "number-of":
      case "unit-first":
        return numberQuestion(false);
      case "located": {
        const hintNoun = options?.dropHint ? undefined : noun;
        return hintNoun && frame.prep === "in"
          ? sentence(lead, wordsOf("in which", hintNoun, pastBe, S), "?")
          : sentence(
              lead,
              wordsOf(frame.prep === "in" || frame.prep === "at" ? "where" : `${frame.prep} what`, pastBe, S),
              "?",
            );
      }
      case "noun":
        return sentence(lead, wordsOf("what was the", frame.phrase, linkFor(frame.phrase), S), "?");
    }
  };

  // `approximate` asks "about how many"; a bound ("at least") asks "at least how many".
  const howMany = (approximate: boolean | string) =>
    wordsOf(typeof approximate === "string" ? approximate : approximate && "about", "how many", unit);
  let numberOptionsBare = true;
  const numberQuestion = (approximate: boolean | string): string => {
    const approx = approximate === true ? "approximate" : "";
    switch (frame.kind) {
      case "number-count": {
        // "people who lost power overnight" -> how many people lost power overnight?
        const relative = relativeCount(sBare, unit);
        if (relative)
          return sentence(
            lead,
            wordsOf(typeof approximate === "string" ? approximate : approximate && "about", "how many", relative),
            "?",
          );
        const clause = countClause(sBare, unit);
        if (clause) {
          const aux = clause.verb.form === "present" ? "do" : "did";
          return sentence(
            lead,
            wordsOf(
              typeof approximate === "string" ? approximate : approximate && "about",
              "how many",
              clause.head,
              aux,
              clause.subject,
              clause.verb.base,
              clause.rest,
            ),
            "?",
          );
        }
        return sentence(lead, wordsOf("what was the", approx, "number of", sBare), "?");
      }
      case "number-of":
        return frame.overlap
          ? sentence(lead, wordsOf(S, "numbered", howMany(approximate)), "?")
          : sentence(lead, wordsOf("what was the", approx, "number of", frame.rest, linkFor(frame.rest), S), "?");
      case "unit-first":
        return sentence(
          lead,
          wordsOf(howMany(approximate), needsBe(frame.rest) ? "were" : "", frame.rest, linkFor(frame.rest), S),
          "?",
        );
      case "active": {
        const aux = frame.verb.form === "present" ? (plural ? "do" : "does") : "did";
        return sentence(
          lead,
          wordsOf(howMany(approximate), aux, S, frame.pre, frame.verb.base, frame.rest, frame.prep),
          "?",
        );
      }
      case "passive-by":
        return sentence(
          lead,
          wordsOf("by", howMany(approximate), pastBe, S, frame.verb.participle, frame.between),
          "?",
        );
      case "noun":
        return sentence(lead, wordsOf("what was the", approx, frame.phrase, linkFor(frame.phrase), S), "?");
      default:
        return sentence(lead, `${core(null)} ${howMany(approximate)}`, "?");
    }
  };
  // "How many ...?" and "What was the number of ...?" take bare numbers; "What was the length of ...?" needs the unit.
  numberOptionsBare = frame.kind !== "noun";

  /** "At least how many people lost power?", or undefined when the frame does not ask "how many". */
  const boundedQuestion = (bound: string): string | undefined => {
    switch (frame.kind) {
      case "number-count":
        return relativeCount(sBare, unit) || countClause(sBare, unit) ? numberQuestion(bound) : undefined;
      case "unit-first":
      case "active":
      case "passive-by":
        return unit ? numberQuestion(bound) : undefined;
      default:
        return undefined;
    }
  };

  const figureQuestion = (): string => {
    const source = subject.source ? ctx.runningName(subject.source) : "the article";
    let quantity: string;
    switch (frame.kind) {
      case "number-count":
        quantity = `the number of ${sBare}`;
        break;
      case "number-of":
        quantity = frame.overlap ? S : wordsOf("the number of", frame.rest, linkFor(frame.rest), S);
        break;
      case "unit-first":
        quantity = wordsOf("the number of", unit, frame.rest, linkFor(frame.rest), S);
        break;
      case "active": {
        const verbWord = frame.verb.form === "present" && plural ? frame.verb.base : frame.word;
        quantity =
          TIME_UNITS.test(unit) && frame.verb.base === "last"
            ? wordsOf("how long", S, frame.pre, verbWord)
            : wordsOf("how many", unit, S, frame.pre, verbWord, frame.rest, frame.prep);
        break;
      }
      case "passive-by":
        quantity = wordsOf(
          TIME_UNITS.test(unit) ? "how long" : "how much",
          S,
          pastBe,
          frame.verb.participle,
          frame.between,
          "by",
        );
        break;
      case "noun":
        quantity = wordsOf("the", frame.phrase, linkFor(frame.phrase), S);
        break;
      default:
        quantity = wordsOf("the", stripNotes(fact.relation).text, "of", S);
    }
    return sentence(undefined, `what figure did ${source} give for ${quantity}`, "?");
  };

  // "scheduled for 1 December": the event is the thing scheduled, not the scheduling.
  const planned =
    (frame.kind === "passive-prep" || frame.kind === "active") &&
    /^(schedule|set|plan|slate|due|expect|fix)$/.test(frame.verb.base);
  const event = (): string => (planned ? sentence(lead, S) : sentence(lead, core(null)));

  const optionText = (value: string, figure = false): string => {
    if (fact.type === "date") return isIsoDate(value) ? formatDate(value) : value;
    if (fact.type === "number") {
      if (figure) return numberInText(fact, value, true);
      const sense = qualifierSense(fact.qualifier);
      const scale = SCALE_UNIT.exec(fact.unit ?? "")?.[1];
      const scaled = scale ? withUnitOnce(value, scale) : value;
      const bare =
        sense === "approximate" && !qualifierFollows(fact.qualifier) ? `${fact.qualifier} ${scaled}` : scaled;
      return numberOptionsBare ? bare : numberInText(fact, value, true);
    }
    return value;
  };

  const measure = numberMeasure(fact);
  const measured =
    measure && measure.kind !== "held"
      ? measurePhrasing(fact, measure, ctx, lead, subject.source ? ctx.runningName(subject.source) : "the article")
      : undefined;
  if (measured) numberOptionsBare = measured.numberOptionsBare;

  return {
    subject,
    frame,
    statement,
    articleStatement,
    question,
    numberQuestion,
    boundedQuestion,
    numberOptionsBare,
    figureQuestion,
    event,
    optionText,
    inText: (value: string) => (frame.kind === "role" ? value : valueText(value, true)),
    hint: frame.kind === "passive-prep" ? frame.hint : frame.kind === "active" ? frame.prepHint : undefined,
    reporting:
      (frame.kind === "passive-by" || frame.kind === "active" || frame.kind === "passive-prep") &&
      COMMUNICATION_VERBS.has(frame.verb.base),
    asOfLead: asOfLead ? capitaliseFirst(asOfLead) : undefined,
    ...measured,
  };
}

type MeasuredParts = Pick<
  Phrasing,
  | "statement"
  | "articleStatement"
  | "question"
  | "numberQuestion"
  | "boundedQuestion"
  | "numberOptionsBare"
  | "figureQuestion"
  | "inText"
>;

/** Numbers asked by what they measure (lib/questions/measures.ts): "What was annual inflation in March?". */
function measurePhrasing(
  fact: GeneratorFact,
  measure: Exclude<Measure, { kind: "held" }>,
  ctx: GenerationContext,
  lead: string | undefined,
  source: string,
): MeasuredParts {
  const about = (approximate: boolean | string, plain: string) =>
    typeof approximate === "string" ? `${approximate} ${plain}` : approximate ? `about ${plain}` : plain;
  const valueOf = (value: string) => numberInText(fact, value, true);
  const one = (value: string) => parseNumber(value) === 1;
  let statementCore: (value: string) => string;
  let ask: (approximate: boolean | string) => string;
  let quantity: string;
  let bare = false;
  let bounds = false;
  switch (measure.kind) {
    case "value":
    case "money":
    case "extent": {
      const info = analyseSubject({ ...fact, subject: measure.subject }, ctx);
      const added = info.np.startsWith("the ") && !/^the\s/i.test(measure.subject);
      // "annual inflation", "imports in June": a rate or a plural read without an article.
      const np =
        added && ((measure.kind === "value" && measure.mass) || (measure.kind !== "extent" && info.plural))
          ? info.np.slice(4)
          : info.np;
      const be = info.plural ? "were" : "was";
      if (measure.kind === "value") {
        statementCore = (value) => wordsOf(np, be, valueOf(value));
        ask = (approximate) => (approximate === true ? wordsOf("approximately what", be, np) : wordsOf("what", be, np));
        quantity = np;
      } else if (measure.kind === "money") {
        const worth = measure.worth;
        statementCore = (value) => wordsOf(np, be, worth && "worth", valueOf(value));
        ask = (approximate) =>
          worth
            ? wordsOf(approximate === true ? "roughly what" : "what", be, np, "worth")
            : // "What was the value of the Chinese products?", not "How much was the value ...".
              wordsOf(
                /^the (?:value|cost|price|amount|sum|total|size) of /i.test(np)
                  ? typeof approximate === "string"
                    ? `${approximate} what`
                    : approximate
                      ? "approximately what"
                      : "what"
                  : about(approximate, "how much"),
                be,
                np,
              );
        quantity = worth ? wordsOf("what", np, be, "worth") : np;
        bounds = !worth;
      } else {
        const adjective = measure.adjective;
        statementCore = (value) => wordsOf(np, be, valueOf(value), adjective);
        ask = (approximate) => wordsOf(about(approximate === true, `how ${adjective}`), be, np);
        quantity = wordsOf(`how ${adjective}`, np, be);
      }
      break;
    }
    case "count": {
      const head = lowerFirstWord(measure.head, ctx);
      // "How many deaths ...?" even when the article counts one death.
      const heads = isPluralNoun(head.split(" ").at(-1) ?? "") ? head : `${head}s`;
      statementCore = (value) =>
        wordsOf("there", one(value) ? "was" : "were", numberInText(fact, value, false), head, measure.rest);
      ask = (approximate) => wordsOf(about(approximate, "how many"), heads, "were there", measure.rest);
      quantity = wordsOf("the number of", head, measure.rest);
      bare = true;
      bounds = true;
      break;
    }
    case "count-passive": {
      const head = lowerFirstWord(measure.head, ctx);
      statementCore = (value) =>
        wordsOf(numberInText(fact, value, false), head, one(value) ? "was" : "were", measure.participle, measure.rest);
      ask = (approximate) => wordsOf(about(approximate, "how many"), head, "were", measure.participle, measure.rest);
      quantity = wordsOf("how many", head, "were", measure.participle, measure.rest);
      bare = true;
      bounds = true;
      break;
    }
  }
  const statement = (value: string) => sentence(lead, statementCore(value));
  return {
    statement,
    articleStatement: (value) =>
      lead
        ? sentence(undefined, `the article reports that, ${lead}, ${statementCore(value)}`)
        : sentence("according to the article", statementCore(value)),
    question: () => sentence(lead, ask(false), "?"),
    numberQuestion: (approximate) => sentence(lead, ask(approximate), "?"),
    boundedQuestion: (bound) => (bounds ? sentence(lead, ask(bound), "?") : undefined),
    numberOptionsBare: bare,
    figureQuestion: () => sentence(undefined, `what figure did ${source} give for ${quantity}`, "?"),
    inText: (value) => valueOf(value),
  };
}

/** "to be exchanged" and "exchanged by" need a verb before them; "who died" does not. */
function needsBe(rest: string): boolean {
  const first = rest.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (first === "to") return true;
  const verb = analyseVerb(first);
  return verb !== undefined && verb.form !== "present" && verb.form !== "past";
}

/** "people who lost power overnight" (unit first) -> "people lost power overnight". */
function relativeCount(phrase: string, unit: string): string | undefined {
  const unitWords = unit.toLowerCase().split(/\s+/).filter(Boolean);
  const words = phrase.split(/\s+/);
  if (!unitWords.length || words.slice(0, unitWords.length).join(" ").toLowerCase() !== unitWords.join(" "))
    return undefined;
  const pronoun = (words[unitWords.length] ?? "").toLowerCase();
  const rest = words.slice(unitWords.length + 1);
  if (!["who", "that", "which"].includes(pronoun) || rest.length === 0) return undefined;
  return [...words.slice(0, unitWords.length), ...rest].join(" ");
}

/** "settlements Russian troops took control of over the past day" -> how many settlements did Russian troops take ... */
function countClause(
  phrase: string,
  unit: string,
): { head: string; subject: string; verb: VerbForms; rest: string } | undefined {
  const words = phrase.split(/\s+/);
  const unitWords = unit.toLowerCase().split(/\s+/).filter(Boolean);
  if (!unitWords.length || words.slice(0, unitWords.length).join(" ").toLowerCase() !== unitWords.join(" "))
    return undefined;
  for (let i = unitWords.length + 1; i < words.length; i++) {
    const verb = analyseVerb(words[i] ?? "");
    if (verb && verb.form !== "participle") {
      return {
        head: words.slice(0, unitWords.length).join(" "),
        subject: words.slice(unitWords.length, i).join(" "),
        verb,
        rest: words.slice(i + 1).join(" "),
      };
    }
  }
  return undefined;
}

/** "March 2022", "2022", "the spring of 2022": answers to "When ...?". */
export function isTimeLike(text: string): boolean {
  return /^(?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)?,?\s*(?:of\s+)?\d{4}$/i.test(
    text.trim(),
  );
}

/**
 * "arrested one man and seized drugs" after "did": the second verb of the pair takes its base
 * form too ("did gardaí arrest one man and seize drugs?"), when it is in the first one's tense.
 */
export function coordinatedToBase(rest: string[], form: string): string[] {
  return rest.map((word, i) => {
    // Two words at least before the "and": the first verb has its object ("new and used cars" has none).
    if (i < 3 || !/^(and|or)$/.test(rest[i - 1] ?? "") || !/^\p{Ll}+$/u.test(word)) return word;
    const verb = analyseVerb(word);
    if (!verb || verb.base === word) return word;
    const past = form !== "present" && verb.form !== "present" && verb.past === word;
    const present = form === "present" && verb.form === "present";
    return past || present ? verb.base : word;
  });
}

/** Whether `quote` gives `answer` as a count still moving: "has risen to 131", "so far", "climbed to at least 95". */
export function runningTally(quote: string, answer: string): boolean {
  const at = quote.indexOf(answer);
  if (at < 0) return false;
  const before = quote.slice(Math.max(0, at - 60), at);
  if (
    /\b(?:has|have|had)\s+(?:now\s+|since\s+)?(?:risen|climbed|grown|increased|reached|jumped|surged)\s+(?:to\s+)?(?:at least\s+|more than\s+|over\s+|nearly\s+|about\s+)?$/i.test(
      before,
    )
  )
    return true;
  return /\bso far\b/i.test(quote);
}
