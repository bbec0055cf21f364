// Drafts facts from a pasted news article, offline: compromise tags people, places and
// organisations; patterns on top of it find what the tagger alone misses (a title before a
// name, appositives, "led by", numbers with what they count, outlets after "according to",
// weekdays resolved against the publication date). Drafts are suggestions for a teacher to
// review: every one quotes its sentence verbatim and passes FactSchema once mapped.
import nlp from "compromise";
import datePlugin from "compromise-dates";
import { stringify } from "yaml";

import { FactSchema, type FactInput } from "@/lib/content/schemas";
import { clauseShapeProblem } from "@/lib/questions/noun-phrase";
import { subjectProblem } from "@/lib/questions/wellformed";

import { findDates, type DateMention } from "./dates";
import {
  BODY_NOUNS,
  COMMENTATOR_ROLE,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  DIRECTIONS,
  NUMBER_WORDS,
  OPINION_MARKERS,
  ORG_HEADS,
  ORG_TAILS,
  OUTLET_DESCRIPTORS,
  PARTY_NOUNS,
  PLACE_HEADS,
  PLACE_TAILS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  ROLE_HEADS,
  SCALES,
  SETTING_NOUNS,
  TITLE_MODIFIERS,
  UNIT_STOP,
} from "./lexicon";
import { findAppositiveNames, isAppositionAt } from "./appositives";
import { splitClauseSubjects } from "./clause-subjects";
import { findDoers } from "./doers";
import { findNamedThings } from "./named";
import { resolveBareSubjects } from "./references";
import { findVoteTallies } from "./votes";
import {
  ageOfNoun,
  amountOfMoney,
  doneToCount,
  handedTo,
  highestNumberOf,
  listedCount,
  participleCount,
} from "./number-frames";
import {
  absoluteWith,
  clauseAfterEllipsis,
  locatedNounPhrase,
  objectOfPronounClause,
  relativeClauseSubject,
  standsAlone,
  startsMidPhrase,
} from "./place-subjects";
import { ACTED_ON, NOT_AN_AGENT, NOT_A_NOUN, countedPlural, measureOf } from "./numbers";
import {
  findCharges,
  findGroupMembers,
  findOrganisationPeople,
  findPeopleSent,
  findRolesByExample,
  findRolesByVerb,
} from "./people";
import { COUNTING_WORDS, HELD_BY_PLACE, NOT_A_PLACE_TAIL } from "./places";
import {
  CAPITALISED_FUNCTION_WORDS,
  isCalendarWord,
  isCapitalised,
  isInside,
  splitSentences,
  stripPossessive,
  type Sentence,
  type Token,
} from "./text";

export const DRAFT_KINDS = ["person-role", "relation", "number", "place", "organisation", "date"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export type DraftAnswerType = "person" | "role" | "number" | "place" | "organisation" | "date" | "phrase";

export interface DraftFact {
  id: string;
  kind: DraftKind;
  subject: string;
  relation: string;
  answer: string;
  type: DraftAnswerType;
  unit?: string;
  qualifier?: string;
  aliases: string[];
  /** Verbatim substring of the body: the sentence stating the fact. */
  quote: string;
  /** YYYY-MM-DD: the date the sentence gives the fact, else the publication date. */
  asOf: string;
  claimedBy?: string;
  /** 0..1: how sure the pattern is. */
  confidence: number;
}

export interface DraftInput {
  title: string;
  body: string;
  /** YYYY-MM-DD */
  publishedOn: string;
}

type Nlp = typeof nlp;
let loadedNlp: Nlp | undefined;

/** compromise with its date plugin, loaded once per process (~0.4 s the first time). */
export function loadNlp(): Nlp {
  if (!loadedNlp) {
    (nlp as unknown as { plugin: (plugin: unknown) => void }).plugin(datePlugin);
    nlp("warm up the lexicon on Friday.").json();
    loadedNlp = nlp;
  }
  return loadedNlp;
}

// ---------------------------------------------------------------------------------------------
// Article context shared by the patterns
// ---------------------------------------------------------------------------------------------

export interface Context {
  sentences: Sentence[];
  publishedOn: string;
  /** Full names of people found so far. */
  people: Set<string>;
  /** Lower-case surname -> full names with that surname. */
  surnames: Map<string, Set<string>>;
  /** Names of people whose words are comment (scholars, analysts ...), full and surname. */
  commentators: Set<string>;
  taggedPeople: Set<string>;
  taggedPlaces: Set<string>;
  taggedOrganisations: Set<string>;
  /** compromise's part-of-speech tags of each word, by the word's offset in the body. */
  termTags: Map<number, Set<string>>;
  datesBySentence: DateMention[][];
  drafts: DraftFact[];
}

const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "ter"]);

const cleanTagged = (text: string): string =>
  stripPossessive(text.replace(/[.,;:"“”()]+$/g, "").replace(/^[("“]+/, "")).trim();

function tagArticle(body: string): Pick<Context, "taggedPeople" | "taggedPlaces" | "taggedOrganisations" | "termTags"> {
  const doc = loadNlp()(body);
  const termTags = new Map<number, Set<string>>();
  const json = doc.json({ offset: true }) as Array<{ terms: Array<{ tags: string[]; offset: { start: number } }> }>;
  for (const sentence of json) for (const term of sentence.terms) termTags.set(term.offset.start, new Set(term.tags));
  const people = new Set<string>();
  for (const name of doc.people().out("array") as string[]) {
    // compromise keeps the title: "President Recep Tayyip Erdogan" -> the name after it.
    const words = cleanTagged(name).split(/\s+/);
    while (words.length > 1 && ROLE_HEADS.has((words[0] ?? "").toLowerCase())) words.shift();
    people.add(words.join(" "));
  }
  const places = new Set((doc.places().out("array") as string[]).map(cleanTagged));
  const organisations = new Set((doc.organizations().out("array") as string[]).map(cleanTagged));
  return { taggedPeople: people, taggedPlaces: places, taggedOrganisations: organisations, termTags };
}

export const lower = (token: Token | undefined): string => (token ? token.text.toLowerCase() : "");
export const textOf = (sentence: Sentence, from: number, to: number): string => {
  const first = sentence.tokens[from];
  const last = sentence.tokens[to - 1];
  return first && last ? sentence.text.slice(first.start, last.end) : "";
};
/** Whether punctuation separates token i from the token before it. */
/** Whether punctuation stands before token i ("~" before a number is its bound, not a break). */
export const broken = (sentence: Sentence, i: number): boolean => !/^~?$/.test(sentence.tokens[i]?.gap ?? "");

/** "al-Hamdi", "el-Sayed", "bin-Talal": a lower-case particle joined to a name by a hyphen. */
const PARTICLE_NAME = /^(?:al|el|ad|ash|as|az|ibn|bin|abu|ben)-\p{Lu}[\p{L}'’-]*$/u;

export function isNameToken(token: Token | undefined): boolean {
  if (!token) return false;
  const word = token.text;
  if (PARTICLE_NAME.test(word)) return true;
  return (
    /^\p{Lu}[\p{L}'’-]*$/u.test(word) &&
    !CAPITALISED_FUNCTION_WORDS.has(word) &&
    !isCalendarWord(word) &&
    !ORG_HEADS.has(word) &&
    !PLACE_HEADS.has(word) &&
    !/['’]s$/u.test(word) &&
    !/^\p{Lu}+$/u.test(word)
  );
}

/** Tokens from..to (exclusive) of a person's name starting at `from`: 2-4 name tokens. */
/** "K", "S.M": initials written before a surname, each followed by a full stop. */
const isInitials = (token: Token | undefined): boolean => !!token && /^\p{Lu}(?:\.\p{Lu})*$/u.test(token.text);

export function nameRunAt(sentence: Sentence, from: number): number {
  let to = from;
  // "K. Sivan", "S.M. Krishna": initials first, the full stop after them is part of the name.
  while (
    to - from < 3 &&
    isInitials(sentence.tokens[to]) &&
    sentence.tokens[to + 1]?.gap === "." &&
    isNameToken(sentence.tokens[to + 1]) &&
    (to === from || sentence.tokens[to]?.gap === ".")
  )
    to++;
  while (to < sentence.tokens.length && to - from < 5) {
    // Jorge “Tuto” Quiroga: a nickname in quotation marks inside the name.
    if (
      to > from &&
      /^["“]$/.test(sentence.tokens[to]?.gap ?? "") &&
      isNameToken(sentence.tokens[to]) &&
      /^["”]$/.test(sentence.tokens[to + 1]?.gap ?? "") &&
      isNameToken(sentence.tokens[to + 1])
    ) {
      to += 2;
      continue;
    }
    if (to > from && broken(sentence, to) && !(sentence.tokens[to]?.gap === "." && isInitials(sentence.tokens[to - 1])))
      break;
    if (isNameToken(sentence.tokens[to])) to++;
    // "Anneke de Vries", "Ludwig van Beethoven": a lower-case particle inside a name.
    else if (
      to > from &&
      NAME_PARTICLES.has(lower(sentence.tokens[to])) &&
      isNameToken(sentence.tokens[to + 1]) &&
      !broken(sentence, to + 1)
    )
      to += 2;
    else break;
  }
  // A role head or an organisation word right after means the run was not a name.
  const after = sentence.tokens[to];
  if (after && !broken(sentence, to) && (ORG_HEADS.has(after.text) || PLACE_HEADS.has(after.text))) return from;
  return to;
}

function registerPerson(ctx: Context, name: string): void {
  if (ctx.people.has(name)) return;
  ctx.people.add(name);
  const surname = name.split(" ").at(-1)?.toLowerCase() ?? "";
  const set = ctx.surnames.get(surname) ?? new Set<string>();
  set.add(name);
  ctx.surnames.set(surname, set);
}

/** "Zhang" -> "Zhang Hong" when exactly one person of the article has that surname. */
export function resolveShortName(ctx: Pick<Context, "surnames" | "people">, name: string): string | undefined {
  if (ctx.people.has(name)) return name;
  if (name.includes(" ")) return undefined;
  const matches = ctx.surnames.get(name.toLowerCase());
  if (matches) return matches.size === 1 ? [...matches][0] : undefined;
  // "Wang" -> "Wang Yi": a two-word name may put the family name first, as Chinese, Korean and
  // Vietnamese names do; only when no one's surname is that word and one name opens with it.
  if (/^\p{Lu}+$/u.test(name)) return undefined;
  const opening = [...ctx.people].filter((person) => {
    const words = person.split(" ");
    return words.length === 2 && words[0] === name && !isCommonWord(words[1] ?? "");
  });
  return opening.length === 1 ? opening[0] : undefined;
}

export function looksLikePerson(ctx: Context, name: string): boolean {
  const words = name.split(" ");
  if (words.some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w))) return false;
  if (ctx.taggedOrganisations.has(name)) return false;
  // "General Education Certificate": every word a dictionary word, one at least a common noun, none a name
  // ("Will Humble" is a name of two words the dictionary knows otherwise).
  if (
    words.length > 1 &&
    words.every((w) => isCommonWord(w)) &&
    words.some((w) => /^(Singular|Plural|Uncountable|Noun)$/.test(lexiconTag(w) ?? ""))
  )
    return false;
  return true;
}

let lexicon: Record<string, string | undefined> | undefined;

/** compromise's lexicon tag of a word ("put" -> Infinitive, "Smith" -> LastName), if it has one. */
export function lexiconTag(word: string): string | undefined {
  lexicon ??= (loadNlp() as unknown as { world: () => { model: { one: { lexicon: Record<string, string> } } } }).world()
    .model.one.lexicon;
  return lexicon[word.toLowerCase()];
}

const NAME_TAGS = new Set(["FirstName", "LastName", "MaleName", "FemaleName", "Person", "Honorific"]);

/** A word the dictionary knows as something other than a name ("Education", "Certificate"). */
export function isCommonWord(word: string): boolean {
  const tag = lexiconTag(word.replace(/['’]s$/u, ""));
  return tag !== undefined && !NAME_TAGS.has(tag);
}

/**
 * "Mayor Provenzano", "Santos coach Cuca": one word as a whole name, after a title, only when it
 * is a name the dictionary does not know as a word, and not an organisation's or a place's.
 */
function singleNameAfterTitle(ctx: Context, sentence: Sentence, at: number): boolean {
  const token = sentence.tokens[at];
  const next = sentence.tokens[at + 1];
  if (!token || !isNameToken(token) || token.text.length < 3 || /['’-]/.test(token.text)) return false;
  if (next && !broken(sentence, at + 1) && isCapitalised(next.text)) return false;
  return !isCommonWord(token.text) && !ctx.taggedPlaces.has(token.text) && !ctx.taggedOrganisations.has(token.text);
}

/** What a scholar or analyst says is their view. */
function isCommentary(ctx: Context, sentence: Sentence): boolean {
  if (!/\b(said|says|told|according to|adding|added|emphasizing|emphasising|noting|argued)\b/i.test(sentence.text))
    return false;
  for (const name of ctx.commentators) if (new RegExp(`\\b${escapeRegExp(name)}\\b`).test(sentence.text)) return true;
  return false;
}

/** "because of fears that the dam might burst": what was feared, which hedges nothing else. */
const FEARED = /\b(?:worries|worry|fears?|concerns?|warnings?)\s+that\b[^,;]*/gi;

function isOpinion(ctx: Context, sentence: Sentence): boolean {
  const unquoted = sentence.text.replace(/["“][^"”]*["”]?/g, " ").replace(FEARED, " ");
  if (OPINION_MARKERS.test(unquoted)) return true;
  // "may" is a hedge except in a prohibition ("no construction may take place").
  if (/\bmay\b/.test(unquoted) && !/\b(no|not)\b(\s+\w+){0,2}\s+may\b|\bmay not\b/.test(unquoted)) return true;
  // What a scholar or analyst says is their view.
  if (/\b(said|says|told|according to|adding|added|emphasizing|emphasising|noting|argued)\b/i.test(sentence.text)) {
    for (const name of ctx.commentators) if (new RegExp(`\\b${escapeRegExp(name)}\\b`).test(sentence.text)) return true;
  }
  return false;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * "a premium over the closing price on October 20", "up from the level since May 3": a date the
 * figure is compared with, not the day the sentence's fact holds.
 */
const REFERENCE_DATE =
  /\b(?:over|compared (?:with|to)|than|versus|against|since|from)\b(?:\s+[\w'’-]+){0,5}\s+(?:on|of|at)?\s*$/i;

function asOfFor(ctx: Context, index: number): string {
  const text = ctx.sentences[index]?.text ?? "";
  const day = ctx.datesBySentence[index]?.find(
    (d) => d.type === "date" && !REFERENCE_DATE.test(text.slice(Math.max(0, d.start - 60), d.start)),
  );
  return day?.value ?? ctx.publishedOn;
}

export function add(
  ctx: Context,
  index: number,
  draft: Omit<DraftFact, "id" | "quote" | "asOf" | "aliases"> & { aliases?: string[]; asOf?: string },
): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const answer = draft.answer.trim();
  let subject = draft.subject
    .replace(/\s+/g, " ")
    .replace(/^[,;:\s"“”]+|[,;:\s"“”]+$/g, "")
    .trim();
  // "Locals awoke to major destruction on Saturday after": the clause cut, its opener left behind.
  if (draft.kind === "place" || draft.kind === "date")
    subject = subject.replace(/\s+(?:after|before|when|while|because|as|since|until|and|but)$/i, "");
  if (!answer || !subject) return;
  // "two cyclones that were very destructive" -> "Cyclones": a bare unit says nothing of which.
  if (draft.kind === "number" && draft.unit && subject.toLowerCase() === draft.unit.toLowerCase()) return;
  // A subject is a whole noun phrase or no fact: the gates would hold back every question on it.
  // A place's or a date's subject may be the clause of the event ("The talks were held"), whose
  // brackets, quotation marks and owner must still be whole.
  const problem =
    draft.kind === "number"
      ? subjectProblem(subject, { relational: false })
      : draft.kind === "person-role"
        ? undefined
        : (clauseShapeProblem(subject) ??
          (draft.kind === "place" || draft.kind === "date"
            ? eventClauseProblem(`${subject} ${draft.relation}`, draft.kind)
            : undefined));
  if (problem) return;
  ctx.drafts.push({
    ...draft,
    id: "",
    subject: subject.charAt(0).toUpperCase() + subject.slice(1),
    answer,
    aliases: (draft.aliases ?? []).filter((alias) => alias.toLowerCase() !== answer.toLowerCase()),
    quote: sentence.text,
    asOf: draft.asOf ?? asOfFor(ctx, index),
  });
}

/** Words reported: where or when the clause after them happened is unclear ("said trees that were swept into"). */
const REPORTING_IN_CLAUSE =
  /\bquoted\b|\b(said|says|saying|stated|states|added|adding)\s+(?!(in|at|on|after|before|during|to|from|by)\b)\w/i;

/**
 * Why the clause of a place's or a date's event is no event a question can ask where or when of:
 * words reported ("Mr Hurley said trees that were swept into", "Wang was quoted as saying after
 * the talks in"), or a speaker's aside ("Certainly it's definitely major").
 */
function eventClauseProblem(clause: string, kind: DraftKind): string | undefined {
  // "Chief Morin said his community would hold a celebration on Saturday": a date said is the event's.
  if (kind === "place" && REPORTING_IN_CLAUSE.test(clause)) return "the event is someone's words";
  if (/^\p{L}+ly\b/u.test(clause) && !/^(early|only|family|rally|italy|july|assembly)\b/i.test(clause))
    return "the event opens with an adverb";
  if (/\b(it['’]s|it is|it was|that['’]s)\b/i.test(clause)) return "the event is a pronoun's";
  // "Huawei Mate smartphones, which will be launched on October 16 | in": a clause inside the subject
  // (", who arrived" is split from its person later).
  if (/,\s*which\b/i.test(clause)) return "the subject carries a clause of its own";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// People and their roles
// ---------------------------------------------------------------------------------------------

export function isRoleHead(token: Token | undefined): boolean {
  if (!token) return false;
  const word = stripPossessive(token.text).toLowerCase();
  if (ROLE_HEADS.has(word)) return true;
  // "co-chairman", "Secretary-General", "vice-chair": the last part is the head.
  const parts = word.split("-");
  return parts.length > 1 && parts.every((part) => /^\p{L}+$/u.test(part)) && ROLE_HEADS.has(parts.at(-1) ?? "");
}

/** Lower-case words that may stand inside a title but are not one of its nouns. */
const NOT_IN_TITLE =
  /^(told|tells|says|said|saw|met|asked|urged|called|named|appointed|elected|according|including|like|such|whom|then|now|also|only|just|even|later|earlier|yesterday|today)$/;

/** Whether a lower-case word can be a noun inside a title ("elections", "operations", "disaster"). */
function isTitleNoun(word: string): boolean {
  return (
    /^\p{Ll}[\p{Ll}-]*$/u.test(word) &&
    !UNIT_STOP.has(word) &&
    !NOT_IN_TITLE.test(word) &&
    !/(ly|ing|ed)$/.test(word) &&
    !/['’]s$/u.test(word)
  );
}

/** Where a title may start: a name, a modifier ("former", "national") or a role word. */
const opensTitle = (token: Token | undefined): boolean =>
  !!token &&
  (isCapitalised(token.text) || TITLE_MODIFIERS.has(token.text.toLowerCase()) || isRoleHead(token)) &&
  !CAPITALISED_FUNCTION_WORDS.has(token.text) &&
  !isCalendarWord(token.text);

/**
 * Walks back from a role head over its modifiers: "Turkish Foreign Minister", "ABC chief
 * elections analyst". Lower-case nouns count only inside a title that starts with a name or a
 * modifier ("the elections analyst" -> "analyst").
 */
function titleStart(ctx: Context, sentence: Sentence, head: number): number {
  let start = head;
  for (let j = head - 1; j >= 0 && !broken(sentence, j + 1); j--) {
    const token = sentence.tokens[j];
    if (!token) break;
    const word = token.text;
    if (CAPITALISED_FUNCTION_WORDS.has(word) || isCalendarWord(word)) break;
    // "Results put centrist Senator Ana Paz": a verb ends the title.
    if (/^\p{Ll}/u.test(word) && ctx.termTags.get(sentence.start + token.start)?.has("Verb")) break;
    if (opensTitle(token) || isTitleNoun(word)) start = j;
    else break;
    if (head - j >= 5) break;
  }
  while (start < head && !opensTitle(sentence.tokens[start])) start++;
  return start;
}

/** Words after a role that end its complement ("spokesperson of the ministry hours before ..."). */
const COMPLEMENT_STOP =
  /^(hours?|days?|weeks?|months?|years?|minutes?|ago|before|after|earlier|later|since|until|when|while|who|which|that|said|says|told|as|but|because|if|by|on|was|were|is|are|has|have|had|will|would|could|should|can|may|might|did|does|do|not|also|said|saying|during|said|and)$/i;

/**
 * The complement of a role from token `from` (a preposition): "of the Valley Water Board",
 * "to the president", "for the city's department of roads". Returns its end (exclusive), or
 * `from` when there is none.
 */
function complementEnd(sentence: Sentence, from: number): number {
  const { tokens } = sentence;
  if (!/^(of|for|to)$/.test(lower(tokens[from])) || broken(sentence, from)) return from;
  let end = from + 1;
  while (
    end < tokens.length &&
    end - from <= 10 &&
    (!broken(sentence, end) || (tokens[end]?.text === "based" && /^\.?-$/.test(tokens[end]?.gap ?? "")))
  ) {
    const token = tokens[end];
    if (!token) break;
    const word = token.text;
    if (/^(and|of|for|to|at|the|a|an|in)$/.test(word)) {
      // "Higher Education and Scientific Research": "and" only between two names.
      if (word === "and" && !(isCapitalised(tokens[end + 1]?.text ?? "") && isCapitalised(tokens[end - 1]?.text ?? "")))
        break;
      end++;
      continue;
    }
    if (COMPLEMENT_STOP.test(word) || isCalendarWord(word) || /^\d/.test(word)) break;
    // "the Paris-based Union", "the U.S.-based Union": where it is based is no part of its name.
    if (/-based$/.test(word)) {
      end++;
      continue;
    }
    if (tokens[end + 1]?.text === "based" && /^\.?-$/.test(tokens[end + 1]?.gap ?? "")) {
      end += 2;
      continue;
    }
    if (isCapitalised(word) || isTitleNoun(word) || /['’]s$/u.test(word)) {
      end++;
      continue;
    }
    break;
  }
  while (end > from + 1 && /^(and|of|for|to|at|the|a|an|in)$/.test(lower(tokens[end - 1]))) end--;
  return end > from + 1 ? end : from;
}

export function addRole(ctx: Context, index: number, fullName: string, text: string, confidence: number): void {
  // Jorge “Tuto” Quiroga: the person is Jorge Quiroga; the nickname is the article's colour.
  const name = fullName.replace(/\s["“][^"”]{1,20}["”](?=\s)/u, "");
  // "manager for the Paris-based Union": where the body is based is no part of the post.
  const role = text.replace(/\s[\p{L}.]+-based(?=\s)/gu, "");
  registerPerson(ctx, name);
  add(ctx, index, { kind: "person-role", subject: name, relation: "role", answer: role, type: "role", confidence });
  if (COMMENTATOR_ROLE.test(role)) markCommentator(ctx, name);
}

function findTitledPeople(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!isRoleHead(tokens[i]) || /['’]s$/u.test(tokens[i]?.text ?? "") || broken(sentence, i + 1)) continue;
    // "Secretary General Tsutomu Hata": the title goes on to its last role word.
    if (isRoleHead(tokens[i + 1]) && isCapitalised(tokens[i + 1]?.text ?? "")) continue;
    if (lower(tokens[i + 1]) === "of" && isCapitalised(tokens[i]?.text ?? "")) {
      const titled = titleOfThenName(ctx, sentence, i);
      if (titled) {
        addRole(ctx, index, titled.name, textOf(sentence, titleStart(ctx, sentence, i), titled.nameFrom), 0.8);
        i = titled.end - 1;
      }
      continue;
    }
    let end = nameRunAt(sentence, i + 1);
    let start = titleStart(ctx, sentence, i);
    if (end - (i + 1) < 2) {
      // "Mayor Provenzano", "Santos coach Cuca": a capitalised title before one unknown name.
      const titled = sentence.tokens.slice(start, i + 1).some((t) => isCapitalised(t.text));
      if (!titled || !singleNameAfterTitle(ctx, sentence, i + 1)) continue;
      end = i + 2;
    }
    const name = textOf(sentence, i + 1, end);
    if (!looksLikePerson(ctx, name)) continue;
    // "The Evening Hour's guest host": a programme's name keeps its article.
    if (
      lower(tokens[start - 1]) === "the" &&
      /^\p{Lu}/u.test(tokens[start - 1]?.text ?? "") &&
      !broken(sentence, start)
    ) {
      if (tokens.slice(start, i).some((t) => /['’]s$/u.test(t.text) && isCapitalised(t.text))) start--;
    }
    addRole(ctx, index, name, textOf(sentence, start, i + 1), 0.85);
    i = end - 1;
  }
}

/**
 * "Education Minister, Douglous Syakalima says ...": a capitalised title that opens the sentence,
 * a comma, then the name and what they said or did.
 */
function findTitleCommaName(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const head = tokens.findIndex((t, k) => k <= 5 && tokens[k + 1]?.gap === ",");
  if (head < 0 || !isRoleHead(tokens[head]) || !isCapitalised(tokens[head]?.text ?? "")) return;
  const start = titleStart(ctx, sentence, head);
  if (start !== 0 || tokens.slice(0, head + 1).some((t, k) => k > 0 && broken(sentence, k))) return;
  const end = nameRunAt(sentence, head + 1);
  if (end - (head + 1) < 2 || end >= tokens.length) return;
  const after = tokens[end];
  if (!(
    after?.gap === "," ||
    (!broken(sentence, end) && /^(says|said|told|stated|added|announced)$/.test(after?.text ?? ""))
  ))
    return;
  const name = textOf(sentence, head + 1, end);
  if (!looksLikePerson(ctx, name) || ctx.people.has(name)) return;
  addRole(ctx, index, name, textOf(sentence, 0, head + 1), 0.75);
}

/**
 * "Minister of Culture and Heritage Carla Bonnici": a capitalised title with its "of" complement
 * runs straight into the name. The name is the tagger's person at the end of the run, else its
 * last two words.
 */
function titleOfThenName(
  ctx: Context,
  sentence: Sentence,
  head: number,
): { name: string; nameFrom: number; end: number } | undefined {
  const { tokens } = sentence;
  if (broken(sentence, head + 1) || broken(sentence, head + 2)) return undefined;
  let from = head + 2;
  if (lower(tokens[from]) === "the") from++;
  const run = properRun(sentence, from);
  if (!run || run.to - run.from < 3) return undefined;
  let nameFrom = run.to - 2;
  for (const person of ctx.taggedPeople) {
    const words = person.split(" ").length;
    if (
      words >= 2 &&
      words < run.to - run.from &&
      !CONNECTORS.has(lower(tokens[run.to - words - 1])) &&
      textOf(sentence, run.to - words, run.to) === person
    ) {
      nameFrom = run.to - words;
      break;
    }
  }
  // "Secretary of State for Economic Affairs": the run ends in the title's own words, not a name.
  if (CONNECTORS.has(lower(tokens[nameFrom - 1]))) return undefined;
  if (!tokens.slice(nameFrom, run.to).every((t) => isNameToken(t) && !TITLE_MODIFIERS.has(lower(t)))) return undefined;
  if (ROLE_HEADS.has(lower(tokens[nameFrom]))) return undefined;
  const name = textOf(sentence, nameFrom, run.to);
  if (!looksLikePerson(ctx, name)) return undefined;
  return { name, nameFrom, end: run.to };
}

/**
 * "Foreign Minister Jana Novak ... her Slovak counterpart Peter Hudak": the counterpart holds the
 * same post for another country, so the role names it: "Slovak counterpart of the Foreign Minister".
 */
function findCounterparts(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 1; i < tokens.length - 2; i++) {
    if (!/^counterparts?$/.test(lower(tokens[i])) || broken(sentence, i + 1)) continue;
    let start = i;
    while (start > 0 && isCapitalised(tokens[start - 1]?.text ?? "") && !broken(sentence, start)) start--;
    if (start === i || !/^(his|her|their)$/.test(lower(tokens[start - 1]))) continue;
    const end = nameRunAt(sentence, i + 1);
    if (end - (i + 1) < 2) continue;
    const name = textOf(sentence, i + 1, end);
    if (!looksLikePerson(ctx, name)) continue;
    // Whose counterpart: the last person with a post named before in the sentence.
    const before = sentence.text.slice(0, tokens[start - 1]?.start ?? 0);
    let role: string | undefined;
    let holder: string | undefined;
    let at = -1;
    for (const draft of ctx.drafts) {
      if (draft.kind !== "person-role" || draft.subject === name) continue;
      const surname = draft.subject.split(" ").at(-1) ?? "";
      const position = Math.max(
        before.lastIndexOf(draft.subject),
        new RegExp(`\\b${escapeRegExp(surname)}\\b`).test(before) ? before.lastIndexOf(surname) : -1,
      );
      if (position > at && (ctx.surnames.get(surname.toLowerCase())?.size ?? 0) <= 1) {
        at = position;
        role = draft.answer;
        holder = draft.subject;
      }
    }
    if (!role || !holder) continue;
    const post = role.replace(/^\p{Lu}\p{L}*['’]s\s+/u, "");
    // "Prime Minister Ana Lopes and her Chilean counterpart": the sentence names the holder with
    // the title, so the role names them too; otherwise "of the Prime Minister".
    const named = before.includes(`${post} ${holder}`);
    addRole(
      ctx,
      index,
      name,
      `${textOf(sentence, start, i + 1)} of ${named ? `${post} ${holder}` : `the ${post}`}`,
      0.7,
    );
    i = end - 1;
  }
}

function markCommentator(ctx: Context, name: string): void {
  ctx.commentators.add(name);
  const surname = name.split(" ").at(-1);
  if (surname && (ctx.surnames.get(surname.toLowerCase())?.size ?? 0) <= 1) ctx.commentators.add(surname);
}

export interface RolePhrase {
  /** First token of the role (after an article or a lower-case possessive). */
  start: number;
  /** Its last role word. */
  head: number;
  /** End (exclusive) of the whole role, complement included. */
  end: number;
  age?: string;
}

/**
 * A role phrase from token `from`: (a|an|the)? (N-year-old)? (lower-case possessive)? modifiers
 * HEAD (and modifiers HEAD)? (of|for|to|at complement | organisation name)?
 */
export function rolePhraseAt(sentence: Sentence, from: number, maxModifiers = 5): RolePhrase | undefined {
  const { tokens } = sentence;
  let i = from;
  if (/^(a|an|the)$/i.test(tokens[i]?.text ?? "")) i++;
  let age: string | undefined;
  const ageMatch = /^(\d{1,3})-year(-old)?$/.exec(tokens[i]?.text ?? "");
  // "a 25-year old winger" as "a 25-year-old winger".
  const spaced = !!ageMatch && !ageMatch[2] && lower(tokens[i + 1]) === "old" && !broken(sentence, i + 1);
  if (ageMatch && (ageMatch[2] || spaced)) {
    age = ageMatch[1];
    i += spaced ? 2 : 1;
  }
  // "the study's lead researcher": the role is "lead researcher".
  if (/^\p{Ll}+['’]s$/u.test(tokens[i]?.text ?? "")) i++;
  const start = i;
  let head = -1;
  for (let j = i; j < tokens.length && j - i <= maxModifiers; j++) {
    if (j > i && broken(sentence, j)) break;
    const token = tokens[j];
    if (!token) break;
    if (isRoleHead(token) && !/['’]s$/u.test(token.text)) {
      head = j;
      const next = tokens[j + 1];
      if (next && !broken(sentence, j + 1) && isRoleHead(next)) continue;
      // "founder and chief engineer": a second role joined by "and".
      if (lower(next) === "and" && !broken(sentence, j + 1)) {
        let k = j + 2;
        while (k < tokens.length && k - j < 5 && !broken(sentence, k) && !isRoleHead(tokens[k])) {
          if (!TITLE_MODIFIERS.has(lower(tokens[k])) && !isTitleNoun(lower(tokens[k]))) break;
          k++;
        }
        if (isRoleHead(tokens[k]) && !broken(sentence, k) && !/['’]s$/u.test(tokens[k]?.text ?? "")) {
          while (isRoleHead(tokens[k + 1]) && !broken(sentence, k + 1)) k++;
          head = k;
          j = k;
        }
      }
      break;
    }
    // "Under Secretary of State": "Under" only before a role word.
    if (token.text === "Under" && isRoleHead(tokens[j + 1])) continue;
    // "safety and security manager": modifiers joined by "and" before the head.
    if (
      token.text === "and" &&
      j > i &&
      isTitleNoun(lower(tokens[j - 1])) &&
      !broken(sentence, j + 1) &&
      (isTitleNoun(lower(tokens[j + 1])) || TITLE_MODIFIERS.has(lower(tokens[j + 1])))
    )
      continue;
    if (CAPITALISED_FUNCTION_WORDS.has(token.text) || isCalendarWord(token.text)) break;
    if (!(opensTitle(token) || isTitleNoun(token.text) || /['’]s$/u.test(token.text) || /^\d+$/.test(token.text)))
      break;
  }
  if (head < 0) return undefined;
  let end = complementEnd(sentence, head + 1);
  if (end === head + 1) {
    // "general secretary ATSU,": an organisation's name right after the role, up to the comma.
    const next = tokens[head + 1];
    const acronym = !!next && /^\p{Lu}[\p{L}]*\p{Lu}[\p{L}]*$/u.test(next.text);
    if (acronym && !broken(sentence, head + 1) && (head + 2 >= tokens.length || broken(sentence, head + 2)))
      end = head + 2;
  }
  return { start, head, end, age };
}

/** "Cui Heng, a scholar from the Shanghai-based ...", "Sergei Lavrov, Russia's foreign minister". */
function findAppositivePeople(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let comma = 1; comma < tokens.length; comma++) {
    if (!tokens[comma]?.gap.startsWith(",")) continue;
    // The name ends just before the comma.
    let start = comma - 1;
    while (
      start > 0 &&
      comma - start < 5 &&
      (!broken(sentence, start) || (tokens[start]?.gap === "." && isInitials(tokens[start - 1]))) &&
      (isNameToken(tokens[start - 1]) ||
        isInitials(tokens[start - 1]) ||
        (NAME_PARTICLES.has(lower(tokens[start - 1])) && isNameToken(tokens[start - 2])))
    )
      start--;
    while (
      start < comma &&
      ((!isNameToken(tokens[start]) && !isInitials(tokens[start])) || (isRoleHead(tokens[start]) && comma - start > 2))
    )
      start++;
    if (comma - start < 2 || !isNameToken(tokens[comma - 1])) continue;
    const name = textOf(sentence, start, comma);
    if (!looksLikePerson(ctx, name)) continue;
    // "X, who is the chief executive of Y,", "X, 58, a former finance minister,": the role after a
    // relative "who is/was" or after the age in commas.
    let roleFrom = comma;
    if (lower(tokens[comma]) === "who" && /^(is|was)$/.test(lower(tokens[comma + 1])) && !broken(sentence, comma + 1))
      roleFrom = comma + 2;
    else if (/^\d{1,3}$/.test(tokens[comma]?.text ?? "") && tokens[comma + 1]?.gap.startsWith(","))
      roleFrom = comma + 1;
    if (roleFrom > comma && !/^(a|an|the)$/i.test(tokens[roleFrom]?.text ?? "")) continue;
    const phrase = rolePhraseAt(sentence, roleFrom);
    if (!phrase) continue;
    const { head, age } = phrase;
    let { end } = phrase;
    const after = tokens[end];
    const afterWord = lower(after);
    if (
      after &&
      !broken(sentence, end) &&
      !["from", "at", "of", "in", "with", "for", "to", "who", "and", "based", "now"].includes(afterWord) &&
      !(end > head + 1 && COMPLEMENT_STOP.test(afterWord))
    ) {
      continue;
    }
    // "a scholar from X", "a fellow with X": where they are from or work, not part of the role.
    if (end === head + 1 && afterWord === "at") end = head + 1;
    addRole(ctx, index, name, textOf(sentence, phrase.start, end), 0.8);
    if (age) {
      add(ctx, index, {
        kind: "number",
        subject: `age of ${name}`,
        relation: "age",
        answer: age,
        type: "number",
        unit: "years",
        confidence: 0.75,
      });
    }
    const prepAt = end === head + 1 ? head + 1 : head + 1;
    const prep = lower(tokens[prepAt]);
    if (!broken(sentence, prepAt) && ["from", "at", "of", "with"].includes(prep)) {
      appositiveAffiliation(ctx, index, prepAt + 1, name, prep);
    }
  }
}

/**
 * "Ukraine's defence minister, Rustem Umerov,", "The Ambassador of Chile to Peru, Ambassador
 * Rosa Vidal,": a role phrase opening its clause, a comma, then the name (after its title).
 */
function findRoleBeforeName(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let comma = 1; comma < tokens.length; comma++) {
    if (!tokens[comma]?.gap.startsWith(",")) continue;
    // The role opens its clause or follows "that", "and", "by": "announced that the Ambassador of ...".
    const clause = clauseStart(sentence, comma - 1);
    if (clause > 0 && !/^[,;:(—–-]+$/.test(tokens[clause]?.gap ?? "")) continue;
    let phrase: RolePhrase | undefined;
    // "..., whose director, Dr. Ana Lopes,", "Its president, Paul Amis,": whose post it is comes
    // from the body named before "whose", or, for "Its", the body the sentence before opens with.
    let owner: string | undefined;
    if (/^(whose|Its)$/.test(tokens[clause]?.text ?? "")) {
      const candidate = rolePhraseAt(sentence, clause + 1, 6);
      if (!candidate || candidate.end !== comma) continue;
      owner = postOwner(ctx, index, clause);
      if (!owner) continue;
      phrase = candidate;
    }
    for (let start = clause; start < comma && !phrase; start++) {
      if (start > clause && !/^(that|and|by|with|as|of)$/.test(lower(tokens[start - 1]))) continue;
      const candidate = rolePhraseAt(sentence, start, 6);
      if (candidate && candidate.end === comma) phrase = candidate;
    }
    if (!phrase) continue;
    let nameFrom = comma;
    while (isRoleHead(tokens[nameFrom]) && !broken(sentence, nameFrom + 1)) nameFrom++;
    // "Dr. Ana Lopes": a courtesy title is no part of the name.
    if (/^(Dr|Mr|Mrs|Ms|Prof)$/.test(tokens[nameFrom]?.text ?? "") && tokens[nameFrom + 1]?.gap === ".") nameFrom++;
    const end = nameRunAt(sentence, nameFrom);
    if (end - nameFrom < 2 || (end < tokens.length && !broken(sentence, end))) continue;
    const name = textOf(sentence, nameFrom, end);
    if (!looksLikePerson(ctx, name)) continue;
    const role = textOf(sentence, phrase.start, phrase.end);
    addRole(ctx, index, name, owner ? `${lowerFirst(role)} of ${owner}` : role, 0.8);
  }
}

/**
 * The body a post belongs to when "whose" or "Its" stands for it: "the Vesi Institute, whose
 * director" -> "the Vesi Institute"; "Its president" -> the organisation the sentence before
 * opens with ("The Harbour Fishermen's Association, which represents ..."). None when unsure.
 */
function postOwner(ctx: Context, index: number, at: number): string | undefined {
  const sentence = ctx.sentences[index];
  if (!sentence) return undefined;
  const word = sentence.tokens[at]?.text ?? "";
  let run: { from: number; to: number; text: string } | undefined;
  let where = sentence;
  if (word === "whose") {
    if (at === 0 || !sentence.tokens[at]?.gap.startsWith(",")) return undefined;
    run = properRunEndingAt(sentence, at - 1);
  } else if (word === "Its" && at === 0) {
    const previous = ctx.sentences[index - 1];
    if (!previous || previous.paragraph !== sentence.paragraph) return undefined;
    const first = /^the$/i.test(previous.tokens[0]?.text ?? "") ? 1 : 0;
    run = properRun(previous, first);
    where = previous;
  }
  if (!run || !isOrganisationName(ctx, run.text)) return undefined;
  return /^the$/i.test(where.tokens[run.from - 1]?.text ?? "") ? `the ${run.text}` : run.text;
}

/** "Reporting by Nina Olsen; editing by ...": the wire byline. */
function findByline(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const match = /^(?:Additional )?[Rr]eporting by /.exec(sentence.text);
  if (!match) return;
  const from = sentence.tokens.findIndex((t) => t.start >= match[0].length);
  const end = nameRunAt(sentence, from);
  if (end - from < 2) return;
  addRole(ctx, index, textOf(sentence, from, end), "reporter", 0.8);
}

/** What follows "a scholar at|from|of ...": organisations (works at) or a place (from). */
function appositiveAffiliation(ctx: Context, index: number, from: number, person: string, preposition: string): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  let i = from;
  if (/^the$/i.test(sentence.tokens[i]?.text ?? "")) i++;
  if (/-based$/.test(sentence.tokens[i]?.text ?? "")) i++;
  const run = properRun(sentence, i, true);
  if (!run) return;
  let name = run.text;
  const tail = sentence.tokens[run.to];
  if (tail && !broken(sentence, run.to) && ORG_TAILS.has(lower(tail))) name = `${name} ${tail.text}`;
  if (isOrganisationName(ctx, name)) {
    // "the Institute of X of the Chinese Academy of Y": two organisations.
    const parts = name.split(/ of the (?=\p{Lu})/u).filter((part) => isOrganisationName(ctx, part));
    for (const part of parts.length > 1 ? parts : [name]) {
      add(ctx, index, {
        kind: "organisation",
        subject: person,
        relation: "works at",
        answer: part,
        type: "organisation",
        confidence: 0.75,
      });
    }
  } else if (preposition === "from" && !ctx.people.has(name)) {
    add(ctx, index, {
      kind: "place",
      subject: person,
      relation: "comes from",
      answer: name,
      type: "place",
      confidence: 0.6,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Proper names: organisations and places
// ---------------------------------------------------------------------------------------------

const CONNECTORS = new Set(["of", "for", "and", "de", "von", "van", "du", "la", "al"]);

/** Heads of names that go on with "of the": "Republic of the Congo", "Gulf of the Farallones". */
const NAME_WITH_OF_THE =
  /^(Republic|Kingdom|Gulf|Bay|Isle|Isles|Islands|Sea|Strait|Straits|Cape|Union|Federation|Emirates|Province|Territory|Principality|Commonwealth|Church|Order|Museum|Bank|Court|Council|Assembly|Ministry|Office|House|University|Institute)$/;
const OF_ONLY = new Set(["de", "von", "van", "du", "la", "al"]);

/** A run of capitalised words from token `from`, with "of/for/and" inside ("Globe and Mail"). */
function properRun(
  sentence: Sentence,
  from: number,
  allowCommas = false,
): { from: number; to: number; text: string } | undefined {
  const { tokens } = sentence;
  const first = tokens[from];
  if (
    !first ||
    !(isCapitalised(first.text) || PARTICLE_NAME.test(first.text)) ||
    CAPITALISED_FUNCTION_WORDS.has(first.text) ||
    isCalendarWord(first.text)
  )
    return undefined;
  let to = from + 1;
  while (to < tokens.length) {
    const token = tokens[to];
    if (!token) break;
    const gap = token.gap;
    const commaInsideName =
      allowCommas &&
      gap === "," &&
      /\b(Institute|Institutes|School|Academy|Centre|Center)\b/.test(textOf(sentence, from, to));
    // "St. Joseph Higher Secondary School": the full stop of an abbreviation stays inside the name.
    const abbreviation = gap === "." && /^(St|Mt|Ft|Pt)$/.test(tokens[to - 1]?.text ?? "") && isCapitalised(token.text);
    if (gap && !commaInsideName && !abbreviation) break;
    if (isCapitalised(token.text) && !isCalendarWord(token.text) && !CAPITALISED_FUNCTION_WORDS.has(token.text)) {
      to++;
      continue;
    }
    if (
      allowCommas &&
      token.text === "of" &&
      lower(tokens[to + 1]) === "the" &&
      isCapitalised(tokens[to + 2]?.text ?? "") &&
      !broken(sentence, to + 1) &&
      !broken(sentence, to + 2) &&
      textOf(sentence, from, to)
        .split(" ")
        .some((w) => ORG_HEADS.has(w))
    ) {
      to += 3;
      continue;
    }
    // "the Democratic Republic of the Congo", "the Gulf of the Farallones": "of the" inside a place's name.
    if (
      token.text === "of" &&
      lower(tokens[to + 1]) === "the" &&
      isCapitalised(tokens[to + 2]?.text ?? "") &&
      !broken(sentence, to + 1) &&
      !broken(sentence, to + 2) &&
      NAME_WITH_OF_THE.test(tokens[to - 1]?.text ?? "")
    ) {
      to += 3;
      continue;
    }
    if (CONNECTORS.has(token.text) && isCapitalised(tokens[to + 1]?.text ?? "") && !broken(sentence, to + 1)) {
      if (token.text === "and" && !allowCommas && !ORG_HEADS.has(tokens[to + 1]?.text ?? "") && to - from > 2) break;
      to += 2;
      continue;
    }
    break;
  }
  return { from, to, text: textOf(sentence, from, to) };
}

/** The capitalised run that ends at token `last` (inclusive). */
export function properRunEndingAt(
  sentence: Sentence,
  last: number,
  connectors: Set<string> = CONNECTORS,
): { from: number; to: number; text: string } | undefined {
  let from = last;
  const ok = (i: number) => {
    const word = sentence.tokens[i]?.text ?? "";
    return isCapitalised(word) && !CAPITALISED_FUNCTION_WORDS.has(word) && !isCalendarWord(word);
  };
  if (!ok(last)) return undefined;
  while (from > 0 && !broken(sentence, from)) {
    if (ok(from - 1)) from--;
    else if (
      connectors.has(sentence.tokens[from - 1]?.text ?? "") &&
      from >= 2 &&
      ok(from - 2) &&
      !broken(sentence, from - 1)
    )
      from -= 2;
    else break;
  }
  return { from, to: last + 1, text: textOf(sentence, from, last + 1) };
}

export function isOrganisationName(ctx: Context, name: string): boolean {
  const words = name.split(/[\s,]+/);
  if (words.some((w) => ORG_HEADS.has(w))) return true;
  if (ORG_TAILS.has((words.at(-1) ?? "").toLowerCase())) return true;
  return ctx.taggedOrganisations.has(name);
}

export function isKnownPerson(ctx: Context, name: string): boolean {
  return (
    ctx.people.has(name) ||
    (ctx.taggedPeople.has(name) && looksLikePerson(ctx, name)) ||
    resolveShortName(ctx, name) !== undefined
  );
}

/** An outlet or body named in an attribution: not a person, not a nationality ("Russian"). */
function isSourceName(ctx: Context, name: string): boolean {
  if (!name || isKnownPerson(ctx, name)) return false;
  if (/^(\p{Lu}\p{Ll}+(ian|ish|ese|an|i))$/u.test(name) && !isOrganisationName(ctx, name) && !/^\p{Lu}+$/u.test(name))
    return false;
  return true;
}

function looksLikePlace(ctx: Context, name: string, preposition: boolean): boolean {
  if (!name || isKnownPerson(ctx, name)) return false;
  const words = name.split(/\s+/);
  // "at St. Joseph Higher Secondary School": a venue, however long its name, and whoever runs it.
  if (preposition && words.length > 1 && VENUE_TAIL.test(words.at(-1) ?? "")) return true;
  if (isOrganisationName(ctx, name)) return false;
  if (words.some((w) => isCalendarWord(w))) return false;
  if (words.some((w) => PLACE_HEADS.has(w))) return true;
  if (ctx.taggedPlaces.has(name)) return true;
  // "the Democratic Republic of the Congo", "the Gulf of Mexico": a country's or a sea's long name.
  if (
    /^(?:\p{Lu}\S* )*(?:Republic|Kingdom|Gulf|Isle|Islands|Sea|Strait|Straits|Federation|Emirates|Principality|Commonwealth) of (?:the )?\p{Lu}/u.test(
      name,
    )
  )
    return true;
  // After "in/at", an unknown capitalised name is most often a place in news text.
  return preposition && words.length <= 3;
}

// ---------------------------------------------------------------------------------------------
// Clauses: what a fact is about
// ---------------------------------------------------------------------------------------------

/** Index of the first token of the clause that contains token i (after the last punctuation). */
export function clauseStart(sentence: Sentence, i: number): number {
  let start = i;
  while (start > 0 && !broken(sentence, start)) start--;
  return start;
}

export function clauseEnd(sentence: Sentence, i: number): number {
  let end = i + 1;
  while (end < sentence.tokens.length && !broken(sentence, end)) end++;
  return end;
}

const PREPOSITIONS = new Set([
  "by",
  "to",
  "with",
  "from",
  "for",
  "in",
  "on",
  "at",
  "into",
  "through",
  "was",
  "were",
  "is",
  "are",
  "that",
]);

/** The noun phrase that ends just before token `i`: "The Russian delegation", "the Stikine River First Nation". */
function nounPhraseBefore(sentence: Sentence, i: number): string {
  const start = clauseStart(sentence, i - 1);
  let from = start;
  for (let j = i - 1; j >= start; j--) {
    if (PREPOSITIONS.has(lower(sentence.tokens[j]))) {
      from = j + 1;
      // "The proposal for the talks was made by": the preposition's phrase belongs to the noun before it.
      if (j > start && isPrepositionalModifier(sentence, start, j, i)) from = start;
      break;
    }
  }
  return textOf(sentence, from, i);
}

/**
 * Whether tokens [start, i) are one noun phrase with the preposition at `preposition` inside it
 * ("The proposal for the talks", "A team of experts"): a determiner first, no verb, no other
 * clause word.
 */
function isPrepositionalModifier(sentence: Sentence, start: number, preposition: number, i: number): boolean {
  const { tokens } = sentence;
  if (!/^(of|for|on|in|to|with|from|at)$/.test(lower(tokens[preposition]))) return false;
  if (i - start > 8) return false;
  const words = tokens.slice(start, i).map((t) => t.text);
  if (words.some((w, k) => k > 0 && /^(was|were|is|are|be|been|has|have|had|that|which|who|and|by)$/i.test(w)))
    return false;
  const terms = (loadNlp()(words.join(" ")).json() as { terms: { tags: string[] }[] }[]).flatMap((t) => t.terms);
  return !terms.some((t) => t.tags.includes("Verb"));
}

/** "The party", "the club": the first organisation-like name of the previous sentence. */
function resolveGenericSubject(ctx: Context, index: number, subject: string): string {
  if (!/^the [a-z]+$/i.test(subject)) return subject;
  const previous = ctx.sentences[index - 1];
  if (!previous) return subject;
  for (let i = 0; i < previous.tokens.length; i++) {
    const run = properRun(previous, i);
    // Not a person, with or without a title ("Justice Claire Dubois").
    const person =
      isKnownPerson(ctx, run?.text ?? "") || isKnownPerson(ctx, run?.text.split(" ").slice(-2).join(" ") ?? "");
    if (run && run.to - run.from >= 2 && !person && !run.text.includes("'")) {
      return `${subject} (${run.text})`;
    }
    if (run) i = run.to - 1;
  }
  return subject;
}

/** Up to `max` words of the clause around token i, leaving out the tokens [skipFrom, skipTo). */
function clauseAround(sentence: Sentence, i: number, skipFrom: number, skipTo: number, max = 12): string {
  let start = clauseStart(sentence, i);
  let end = clauseEnd(sentence, i);
  const words = () => Math.max(0, skipFrom - start) + Math.max(0, end - skipTo);
  // A clause that is only the date or place ("On Friday, ..."): take the next clause too.
  // ... but not a description of the place in apposition ("met in Larnos, the Castrian capital").
  const appositive = end === skipTo && isAppositionAt(sentence, end);
  if (words() < 3 && end < sentence.tokens.length && !appositive) end = clauseEnd(sentence, end);
  if (words() < 3 && start > 0) start = clauseStart(sentence, start - 1);
  if (start > 0 && /^(which|who|where|when)$/i.test(sentence.tokens[start]?.text ?? ""))
    start = clauseStart(sentence, start - 1);
  const before = skipFrom > start ? textOf(sentence, Math.max(start, skipFrom - max), skipFrom) : "";
  const limit = Math.min(end, skipTo + max - Math.min(max, skipFrom - start));
  let afterEnd = limit;
  // Cut short by the limit inside a second count, the clause ends before it ("at least 40 have
  // been killed and more than 90 [are missing ...]" -> "at least 40 have been killed").
  if (limit < end)
    for (let k = limit - 1; k > skipTo + 2; k--) {
      const next = lower(sentence.tokens[k + 1]);
      if (
        lower(sentence.tokens[k]) === "and" &&
        (/^\d/.test(next) ||
          NUMBER_WORDS[next] !== undefined ||
          /^(more|fewer|less|at|about|nearly|over|some)$/.test(next))
      ) {
        afterEnd = k;
        break;
      }
    }
  const after = end > skipTo ? textOf(sentence, skipTo, afterEnd) : "";
  const head = start > 0 ? mainClauseHead(sentence, start) : "";
  return `${head ? `${head} … ` : ""}${before} ${after}`
    .replace(/["“”]/g, "")
    .replace(/\b(on|in|at|late|early|earlier|later|also)\s*$/i, "")
    .replace(/^\s*(also|and|but|then)\b/i, "")
    .trim();
}

const ADVERBIAL_OPENER =
  /^(After|Before|At|On|In|During|Also|Last|Earlier|Later|Citing|However|Currently|Meanwhile|Until|Since|According|When|While|As|Speaking)$/;

/** The first words of the sentence's main clause, skipping an opening "Last weekend," or "Before the talks,". */
function mainClauseHead(sentence: Sentence, before: number): string {
  let start = 0;
  while (start < before) {
    const end = clauseEnd(sentence, start);
    if (!ADVERBIAL_OPENER.test(sentence.tokens[start]?.text ?? "")) {
      return textOf(sentence, start, Math.min(end, start + 6, before));
    }
    start = end;
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Relations: what a named person did ("was presented by", "declared victory")
// ---------------------------------------------------------------------------------------------

/** Past participles that do not end in -ed. */
const IRREGULAR_PARTICIPLES = new Set(
  `led won beaten beat sent held chosen lost set met made given taken written brought built broken struck signed
  sworn shot hit run begun drawn driven found sold bought kept left read seen told thrown overseen undertaken`.split(
    /\s+/,
  ),
);

/**
 * Verbs whose "deed" is a statement or a state of mind, not an act a question can ask about
 * ("said the deal was fair", "expected a rise"), or whose object is not what was done.
 */
const NOT_DEEDS =
  /^(said|told|added|asked|stated|noted|explained|warned|claimed|argued|insisted|replied|reported|urged|called|described|believed|expected|hoped|wanted|needed|seemed|appeared|continued|agreed|tried|declined|refused|remained|planned|started|visited|arrived|returned|confirmed|thanked|welcomed|praised|criticised|criticized|accused|blamed|denied|admitted|acknowledged|stressed|emphasised|emphasized|suggested|recalled|mentioned|predicted|estimated|decided|used|based|saw|had|did|got|became)$/;

/** Deeds a person does to a thing that make a question ("Who declared victory?"): the active form reads only these. */
const ACTIVE_DEEDS =
  /^(led|headed|chaired|won|clinched|declared|announced|unveiled|launched|proposed|introduced|ordered|brokered|mandated|founded|set|broke|conceded|presented|issued|filed|lodged|tabled|vetoed|pardoned)$/;

const isParticiple = (word: string): boolean => /^[a-z]{3,}ed$/.test(word) || IRREGULAR_PARTICIPLES.has(word);

/** The person named from token `from` on, skipping a title before the name ("his deputy Kari Nilsen"). */
export function personAfter(ctx: Context, sentence: Sentence, from: number): { name: string; end: number } | undefined {
  let i = from;
  if (/^(the|his|her|their|its)$/i.test(sentence.tokens[i]?.text ?? "")) i++;
  let lastHead = -1;
  let j = i;
  while (j < sentence.tokens.length && j - i < 8 && (j === i || !broken(sentence, j))) {
    const token = sentence.tokens[j];
    if (!token) break;
    if (isRoleHead(token) || /^counterparts?$/.test(token.text)) lastHead = j;
    else if (!isCapitalised(token.text) && !TITLE_MODIFIERS.has(token.text.toLowerCase())) break;
    j++;
  }
  // "Minister of Culture and Heritage Carla Bonnici"
  if (lastHead >= 0 && lower(sentence.tokens[lastHead + 1]) === "of") {
    const titled = titleOfThenName(ctx, sentence, lastHead);
    if (titled) return { name: titled.name, end: titled.end };
  }
  const nameFrom = lastHead >= 0 ? lastHead + 1 : i;
  const end = nameRunAt(sentence, nameFrom);
  if (end - nameFrom >= 2) {
    const name = textOf(sentence, nameFrom, end);
    // Without a title before it, a name must be a person the article knows ("the Park Fire" is not).
    if (lastHead < 0 && !isKnownPerson(ctx, name)) return undefined;
    return looksLikePerson(ctx, name) ? { name, end } : undefined;
  }
  const single = sentence.tokens[nameFrom]?.text ?? "";
  const resolved = single ? resolveShortName(ctx, single) : undefined;
  return resolved ? { name: resolved, end: nameFrom + 1 } : undefined;
}

/**
 * A country or organisation named after "by" as the doer: "The proposal was made by Norland".
 * The name ends its clause (or a preposition follows), so "by Norland officials" is not it.
 */
function bodyAfter(
  ctx: Context,
  sentence: Sentence,
  from: number,
): { name: string; end: number; type: "place" | "organisation" } | undefined {
  const start = lower(sentence.tokens[from]) === "the" && !broken(sentence, from + 1) ? from + 1 : from;
  const run = properRun(sentence, start);
  if (!run || run.from !== start) return undefined;
  const next = lower(sentence.tokens[run.to]);
  if (next && !broken(sentence, run.to) && !/^(and|in|on|at|during|after|before|to|for|with|as|while)$/.test(next))
    return undefined;
  // "by X, led by Y, and the neighbouring Z Band": another doer later in the sentence.
  const rest = sentence.text.slice(sentence.tokens[run.to - 1]?.end ?? 0);
  if (/\band (?:\p{Ll}+ ){0,2}\p{Lu}/u.test(rest) && !/^\s*and \p{Ll}+ed\b/u.test(rest)) return undefined;
  // "by India and accepted by ...": a verb after "and"; "by X and the Y Band" names two doers.
  if (next === "and" && !broken(sentence, run.to) && !/^\p{Ll}+ed$/u.test(sentence.tokens[run.to + 1]?.text ?? ""))
    return undefined;
  const name = stripPossessive(run.text);
  if (name !== run.text || isKnownPerson(ctx, name)) return undefined;
  // A named fire or storm is an event, not a doer ("threatened by the Ridge Fire").
  if (/\b(Fire|Blaze|Storm|Typhoon|Hurricane|Cyclone|Flood|Floods|Earthquake|Quake|Outbreak|War)$/.test(name))
    return undefined;
  const type = ctx.taggedPlaces.has(name) ? "place" : isOrganisationName(ctx, name) ? "organisation" : undefined;
  return type ? { name, end: run.to, type } : undefined;
}

/** One person, or two joined by "and": "Ola Berg and his deputy Kari Nilsen". */
function peopleAfter(ctx: Context, sentence: Sentence, from: number): { name: string; end: number } | undefined {
  const first = personAfter(ctx, sentence, from);
  if (!first) return undefined;
  if (lower(sentence.tokens[first.end]) !== "and" || broken(sentence, first.end)) return first;
  const second = personAfter(ctx, sentence, first.end + 1);
  return second ? { name: `${first.name} and ${second.name}`, end: second.end } : first;
}

/** "his ruling party" -> "the ruling party": the subject stands on its own. */
export const ownSubject = (text: string): string =>
  text.replace(/^(his|her|their|its)\b/i, "the").replace(/\b(his|her|their|its)\b/gi, "the");

function findRelations(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const dates = ctx.datesBySentence[index] ?? [];
  const inDate = (k: number) =>
    dates.some((d) => (tokens[k]?.start ?? -1) >= d.start && (tokens[k]?.start ?? -1) < d.end);
  for (let i = 0; i < tokens.length; i++) {
    const verb = lower(tokens[i]);
    if (!isParticiple(verb) || isInside(sentence.quoted, tokens[i]?.start ?? 0)) continue;
    // Passive: "was presented (on Monday) by Finance Minister Lea Horvat".
    let by = i + 1;
    while (by < tokens.length && by - i < 5 && (inDate(by) || (/^(on|in)$/.test(lower(tokens[by])) && inDate(by + 1))))
      by++;
    if (lower(tokens[by]) === "by" && !broken(sentence, by) && !NOT_DEEDS.test(verb)) {
      // A country or body as the doer only in a whole passive clause ("was made by India"), not
      // after a bare participle ("lives endangered by the Park Fire").
      const passive = /^(was|were|is|are|been)$/.test(lower(tokens[i - 1])) && !broken(sentence, i);
      const person = peopleAfter(ctx, sentence, by + 1) ?? (passive ? bodyAfter(ctx, sentence, by + 1) : undefined);
      if (!person) continue;
      let subjectEnd = i;
      while (subjectEnd > 0 && /^(was|were|is|are|been|being|has|have|had)$/i.test(tokens[subjectEnd - 1]?.text ?? ""))
        subjectEnd--;
      if (subjectEnd === 0) continue;
      let subjectLast = broken(sentence, i) ? i : subjectEnd;
      // "France, which trades widely with the region, was represented by": the noun before the relative clause.
      const clause = clauseStart(sentence, subjectLast - 1);
      if (clause > 0 && /^(which|who)$/i.test(tokens[clause]?.text ?? "")) subjectLast = clause;
      let subject = nounPhraseBefore(sentence, subjectLast);
      // "Klaus Weber did not attend and was represented by": the subject is the clause's name.
      if (lower(tokens[subjectLast - 1]) === "and") {
        const lead = properRun(sentence, clauseStart(sentence, subjectLast - 1));
        subject = lead && isKnownPerson(ctx, lead.text.split(" ").slice(-2).join(" ")) ? lead.text : "";
      }
      // A noun phrase, not a clause: no finite verb inside it.
      if (/\b(did|does|do|not|said|says|was|were|is|are|has|have|had)\b/i.test(subject)) continue;
      if (!subject || /^(it|he|she|they|this|that|which|who)$/i.test(subject)) continue;
      subject = resolveGenericSubject(ctx, index, ownSubject(subject));
      const relation = `${verb} by`;
      const type: DraftAnswerType = "type" in person ? (person.type as DraftAnswerType) : "person";
      add(ctx, index, { kind: "relation", subject, relation, answer: person.name, type, confidence: 0.75 });
      i = person.end - 1;
      continue;
    }
    if (!ACTIVE_DEEDS.test(verb)) continue;
    // Active: "Hakan Fidan chaired the meeting", "Erik Lund, who led the talks", "Marco Rossi has declared victory".
    let nameEnd = i;
    while (nameEnd > 0 && /^(has|had|have)$/.test(lower(tokens[nameEnd - 1])) && !broken(sentence, nameEnd)) nameEnd--;
    if (lower(tokens[nameEnd - 1]) === "who" && broken(sentence, nameEnd - 1)) nameEnd--;
    else if (broken(sentence, nameEnd) || broken(sentence, i)) continue;
    const run = properRunEndingAt(sentence, nameEnd - 1);
    if (!run) continue;
    const name = resolveShortName(ctx, run.text) ?? (ctx.people.has(run.text) ? run.text : undefined);
    const fromName = [...ctx.people].find((p) => run.text.endsWith(p));
    // "Mira Holt and Jan Vos won": both did it.
    const pair = run.text
      .split(" and ")
      .map((part) => resolveShortName(ctx, part) ?? (ctx.people.has(part) ? part : ""));
    const person = pair.length === 2 && pair.every(Boolean) ? pair.join(" and ") : (name ?? fromName);
    if (!person) continue;
    let end = i + 1;
    while (
      end < tokens.length &&
      end - i <= 6 &&
      !broken(sentence, end) &&
      !inDate(end) &&
      !(/^(on|in)$/i.test(tokens[end]?.text ?? "") && inDate(end + 1)) &&
      !/^(and|while|but|which|who|as|after|before|since|when|until|during|to|with|shortly)$/i.test(
        tokens[end]?.text ?? "",
      )
    ) {
      end++;
    }
    // Cut by the limit, the object would be a fragment.
    if (end - i > 6 && end < tokens.length && !broken(sentence, end)) continue;
    const object = textOf(sentence, i + 1, end);
    const first = lower(tokens[i + 1]);
    if (first === "her" && end - i < 3) continue;
    if (/ly$/.test(first) || /^(twice|once|again|defeat|shortly|late|early)$/.test(first)) continue;
    // The object is a thing: not a clause, an infinitive, a pronoun or another person.
    if (!object || end - i < 2 || !/^\p{Ll}/u.test(object)) continue;
    if (
      /^(that|to|it|him|them|us|me|this|these|those|up|out|off|down|back|into|over|for|from|by|of|not|also)$/.test(
        first,
      )
    )
      continue;
    add(ctx, index, {
      kind: "relation",
      subject: ownSubject(object),
      relation: `${verb} by`,
      answer: person,
      type: "person",
      confidence: 0.65,
    });
  }
}

const BEAT_VERBS = /^(beat|defeated|overcame|edged|thrashed|routed|crushed|upset|stunned|outplayed|downed)$/;
const NAME_AND = new Set(["and"]);

/**
 * "Arlo City beat Tarn United 2-1 in the final", "Maria Berg defeated top seed Anna Lind 6-3 6-4 to
 * win the title": who beat whom, and what the win gave ("Who beat Tarn United in the final?", "Who
 * won the final?").
 */
function findMatchResults(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const nameOf = (text: string) =>
    text
      .split(" and ")
      .map((part) => resolveShortName(ctx, part) ?? part)
      .join(" and ");
  for (let i = 1; i < tokens.length - 1; i++) {
    if (!BEAT_VERBS.test(lower(tokens[i])) || broken(sentence, i) || isInside(sentence.quoted, tokens[i]?.start ?? 0))
      continue;
    const winner = properRunEndingAt(sentence, i - 1, NAME_AND);
    if (!winner || CAPITALISED_FUNCTION_WORDS.has(winner.text.split(" ")[0] ?? "")) continue;
    // Past the loser's description: "15th seeds", "top seed", "defending champion", "the".
    let from = i + 1;
    while (
      from < tokens.length &&
      from - i <= 3 &&
      !broken(sentence, from) &&
      /^(the|top|seed|seeds|defending|champion|champions|holders|favourite|favourites|favorite|favorites|hosts|rivals|\d+(st|nd|rd|th)|no)$/i.test(
        tokens[from]?.text ?? "",
      )
    )
      from++;
    if (broken(sentence, from)) continue;
    const loser = properRun(sentence, from);
    if (!loser) continue;
    // "Ana Ruiz of Spain": the player, not where she is from.
    const loserText = loser.text.replace(/\s+(?:of|for)(?:\s+[^]*)?$/, "");
    // What the win was: "in the final", "in the Wimbledon mixed doubles final", "to win the cup".
    let k = loser.to;
    while (k < tokens.length && /^[\d()-]+$/.test(tokens[k]?.text ?? "")) k++;
    let context: string | undefined;
    let won: string | undefined;
    if (lower(tokens[k]) === "in" && lower(tokens[k + 1]) === "the" && !broken(sentence, k + 1)) {
      let end = k + 2;
      while (end < tokens.length && end - k < 7 && !broken(sentence, end) && !/^final$/i.test(tokens[end]?.text ?? ""))
        end++;
      if (/^final$/i.test(tokens[end]?.text ?? "")) context = textOf(sentence, k + 1, end + 1);
    } else if (lower(tokens[k]) === "to" && /^(win|clinch|claim|lift|take)$/.test(lower(tokens[k + 1]))) {
      let end = k + 2;
      while (
        end < tokens.length &&
        end - k < 7 &&
        !broken(sentence, end) &&
        !/^(on|at|in|after|with|and)$/i.test(lower(tokens[end]))
      )
        end++;
      if (end > k + 2 && /^(the|a|her|his|their|its)$/i.test(tokens[k + 2]?.text ?? ""))
        won = textOf(sentence, k + 2, end).replace(/^(?:her|his|their|its|a) /i, "the ");
    }
    const beaten = nameOf(loserText);
    const victor = nameOf(winner.text);
    if (beaten === victor) continue;
    // A team is no person: its wrong options are other teams.
    const type: DraftAnswerType = victor.split(" and ").every((name) => looksLikePerson(ctx, name))
      ? "person"
      : "organisation";
    add(ctx, index, {
      kind: "relation",
      subject: beaten,
      relation: "beaten by",
      answer: victor,
      type,
      confidence: 0.7,
    });
    if (context || won)
      add(ctx, index, {
        kind: "relation",
        subject: (context ?? won)!,
        relation: "won by",
        answer: victor,
        type,
        confidence: 0.7,
      });
    i = loser.to - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

interface NumberReading {
  answer: string;
  /** Word after a hyphen: "30-day" -> "day". */
  hyphenUnit?: string;
  currency?: string;
  scale?: string;
  /** Index of the last token that belongs to the number (its scale word). */
  last: number;
}

function plural(word: string): string {
  if (/s$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function readNumberAt(sentence: Sentence, i: number): NumberReading | undefined {
  const token = sentence.tokens[i];
  if (!token) return undefined;
  const word = token.text;
  let currency: string | undefined;
  let rest = word;
  const sign = rest.charAt(0);
  if (CURRENCY_SIGNS[sign]) {
    currency = CURRENCY_SIGNS[sign];
    rest = rest.slice(1);
  } else if (i > 0 && !broken(sentence, i) && CURRENCY_CODES[sentence.tokens[i - 1]?.text ?? ""]) {
    // "USD 5 million": the code before the amount is its currency.
    currency = CURRENCY_CODES[sentence.tokens[i - 1]?.text ?? ""];
  }
  let answer: string;
  let hyphenUnit: string | undefined;
  let percent = false;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?(?:-([a-z]+(?:-[a-z]+)*))?$/.exec(rest);
  // "a million people": one of the scale.
  const scaleAfter = sentence.tokens[i + 1];
  if (
    /^a$/i.test(word) &&
    scaleAfter &&
    !broken(sentence, i + 1) &&
    SCALES.has(scaleAfter.text) &&
    (lower(sentence.tokens[i + 2]) === "" || /^[a-z]+$/.test(sentence.tokens[i + 2]?.text ?? ""))
  )
    return { answer: "1", scale: scaleAfter.text, last: i + 1 };
  if (digits) {
    answer = `${digits[1]}${digits[2] ?? ""}`;
    percent = !!digits[3];
    hyphenUnit = digits[4];
    // "25-million dollars": the scale joined by a hyphen is still the scale.
    if (hyphenUnit && SCALES.has(hyphenUnit)) {
      return { answer, scale: hyphenUnit, currency, last: i };
    }
    // A year, not a count: "in 2022", "since 1992".
    if (!hyphenUnit && !percent && !currency && /^(1[89]|20|21)\d\d$/.test(answer)) return undefined;
  } else {
    // "Seven pupils ...": a number word may open the sentence.
    const words = /^([a-z]+)(?:-([a-z]+(?:-[a-z]+)*))?$/.exec(i === 0 ? rest.toLowerCase() : rest);
    if (!words || NUMBER_WORDS[words[1] ?? ""] === undefined || isCapitalisedNumberNoise(word)) return undefined;
    answer = words[1] ?? "";
    hyphenUnit = words[2];
    // "Forty-two people": a compound number word is one number.
    if (hyphenUnit && /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/.test(answer)) {
      const [units, ...rest] = hyphenUnit.split("-");
      if (units && /^(one|two|three|four|five|six|seven|eight|nine)$/.test(units)) {
        answer = `${answer}-${units}`;
        hyphenUnit = rest.length ? rest.join("-") : undefined;
      }
    }
    // "one" counts only before its noun ("one death", "one man"), not in "one of", "one each".
    const nextWord = lower(sentence.tokens[i + 1]);
    // "... died in Kisumu and one each in Migori and Nairobi": the count before, elided, in a place.
    const elided =
      lower(sentence.tokens[i - 1]) === "and" &&
      (nextWord === "each" || (nextWord === "in" && isCapitalised(sentence.tokens[i + 2]?.text ?? "")));
    if (
      answer === "one" &&
      !hyphenUnit &&
      !elided &&
      (!/^[a-z]+$/.test(nextWord) || UNIT_STOP.has(nextWord) || isParticiple(nextWord) || broken(sentence, i + 1))
    )
      return undefined;
    if (answer === "hundred") return undefined;
    // "members of one family": "one" belongs to the phrase after "of", it counts nothing.
    if (answer === "one" && /^of$/i.test(sentence.tokens[i - 1]?.text ?? "")) return undefined;
    if (
      !hyphenUnit &&
      /^(the|these|those|its|their|his|her|our|both|no|between)$/i.test(sentence.tokens[i - 1]?.text ?? "")
    )
      return undefined;
  }
  let last = i;
  let scale: string | undefined;
  const next = sentence.tokens[i + 1];
  if (!hyphenUnit && next && !broken(sentence, i + 1) && SCALES.has(next.text.toLowerCase())) {
    scale = next.text.toLowerCase();
    last = i + 1;
  }
  if (percent) hyphenUnit = undefined;
  // "a 25-year old winger": an age written with a space before "old" is still an age.
  if (/^(year|month|week)$/.test(hyphenUnit ?? "") && lower(next) === "old" && !broken(sentence, i + 1)) {
    hyphenUnit = `${hyphenUnit}-old`;
    last = i + 1;
  }
  return { answer, hyphenUnit: percent ? "percent" : hyphenUnit, currency, scale, last };
}

/** Currency codes written before an amount: "USD 5 million", "INR 300 crore". */
const CURRENCY_CODES: Record<string, string> = {
  USD: "US dollars",
  EUR: "euros",
  GBP: "pounds",
  JPY: "yen",
  CNY: "yuan",
  INR: "rupees",
  Rs: "rupees",
  AUD: "Australian dollars",
  CAD: "Canadian dollars",
  CHF: "Swiss francs",
};

/** Nouns whose number names one of them, not a count: "Highway 696", "Gate 12", "Flight 370". */
const LABEL_NOUNS =
  /^(No|number|Section|Article|Pad|Crew|Flight|Route|Channel|Apollo|Highway|Interstate|Road|Street|Avenue|Gate|Terminal|Platform|Pier|Exit|Junction|Runway|Ward|Room|Block|Building|Chapter|Page|Bus|Train|Track|Lane|Bay|Berth|Level|Stage|Phase|Zone|Sector|Camp|Lot|Grade|Class|Group|Round|Game|Match|Week|Day|Mile)$/;

const isCapitalisedNumberNoise = (word: string): boolean => /^\p{Lu}/u.test(word) && false;

function qualifierBefore(sentence: Sentence, i: number): { qualifier?: string; from: number } {
  const before = sentence.tokens
    .slice(Math.max(0, i - 2), i)
    .map((t) => t.text.toLowerCase())
    .join(" ");
  for (const qualifier of QUALIFIERS_BEFORE) {
    const n = qualifier.split(" ").length;
    const candidate = before.split(" ").slice(-n).join(" ");
    if (candidate === qualifier && !broken(sentence, i)) return { qualifier, from: i - n };
  }
  // "~400": a tilde is "about".
  if (/~$/.test(sentence.tokens[i]?.gap ?? "")) return { qualifier: "about", from: i };
  return { from: i };
}

/** Words that make a figure an interim one: a count still under way. */
const INTERIM_MARKERS =
  /\b(preliminary|provisional|partial|incomplete|so far|early results|early count|interim|with (?:about |nearly |more than |over )?(?:half|\d+(?:\.\d+)? ?(?:%|percent|per cent)) of (?:the )?(?:votes?|ballots?|polling stations?)(?: \w+)? counted)\b/i;
const FINAL_MARKERS = /\b(final|official results?|final results?|final count|final tally|in the end|eventually)\b/i;

/**
 * A figure the article later replaces: a number from a sentence that says the count is still
 * under way ("with 60 percent of ballots counted, the Greens had 40 seats"), when a later
 * sentence gives a final figure with the same unit. Its subject says so ("interim count of ...").
 */
function markInterimFigures(ctx: Context, drafts: DraftFact[]): void {
  const numbers = drafts.filter((d) => d.kind === "number" && d.unit);
  const sentenceOf = (draft: DraftFact) => ctx.sentences.findIndex((s) => s.text === draft.quote);
  for (const draft of numbers) {
    if (!INTERIM_MARKERS.test(draft.quote)) continue;
    const at = sentenceOf(draft);
    const final = numbers.find(
      (other) =>
        other !== draft &&
        other.unit === draft.unit &&
        other.answer !== draft.answer &&
        sentenceOf(other) > at &&
        FINAL_MARKERS.test(other.quote) &&
        !INTERIM_MARKERS.test(other.quote),
    );
    if (!final) continue;
    draft.subject = `interim count of ${draft.subject.charAt(0).toLowerCase()}${draft.subject.slice(1)}`;
    draft.confidence = Math.min(draft.confidence, 0.5);
  }
}

/** Nouns that end in -s but count nothing by themselves: "41 mumps cases", "a news site". */
const NOT_PLURAL =
  /^(measles|mumps|rabies|diabetes|herpes|news|series|species|physics|economics|politics|athletics|gymnastics)$/;

/** The noun a number counts: "prisoners of war", "European countries", "polling stations". */
function unitAfter(sentence: Sentence, from: number): { unit: string; end: number } {
  const { tokens } = sentence;
  let end = from;
  /** "5,000 specially invited guests": an adverb before a participle that describes the noun. */
  let described = false;
  while (end < tokens.length && end - from < 4 && !broken(sentence, end)) {
    const token = tokens[end];
    if (!token) break;
    const word = token.text;
    const low = word.toLowerCase();
    if (
      end === from &&
      /^\p{Ll}{3,}ly$/u.test(word) &&
      /^\p{Ll}+ed$/u.test(tokens[end + 1]?.text ?? "") &&
      !broken(sentence, end + 1)
    ) {
      described = true;
      end += 2;
      continue;
    }
    if (
      low === "of" &&
      end > from &&
      !broken(sentence, end + 1) &&
      !UNIT_STOP.has(lower(tokens[end + 1])) &&
      // "seven members of one family": the count is of members, "one" opens a phrase of its own.
      NUMBER_WORDS[lower(tokens[end + 1])] === undefined &&
      !isCapitalised(tokens[end + 1]?.text ?? "")
    ) {
      // "prisoners of war": one more noun after "of".
      end += 2;
      break;
    }
    if (low === "basis" && lower(tokens[end + 1]) === "points" && !broken(sentence, end + 1)) {
      end += 2;
      break;
    }
    if (low === "per" && end === from && lower(tokens[end + 1]) === "cent" && !broken(sentence, end + 1)) {
      end += 2;
      break;
    }
    if (UNIT_STOP.has(low) || /^\d/.test(word) || isCalendarWord(word)) break;
    if (end > from && /ed$/.test(low) && !described) break;
    if (isCapitalised(word) && CAPITALISED_FUNCTION_WORDS.has(word)) break;
    end++;
    if (/[^s]s$/.test(low) && low.length > 3 && !NOT_PLURAL.test(low) && lower(tokens[end]) !== "of") break;
    if (CURRENCY_WORDS.has(low) || low === "percent" || low === "per") {
      if (low === "per" && lower(tokens[end]) === "cent") end++;
      break;
    }
  }
  return { unit: textOf(sentence, from, end), end };
}

function tailAfter(sentence: Sentence, from: number, dates: DateMention[]): string {
  const { tokens } = sentence;
  const first = lower(tokens[from]);
  if (!/^(of|in|on|for|to|from|at|aboard)$/.test(first) || broken(sentence, from)) return "";
  let end = from + 1;
  while (end < tokens.length && end - from < 6 && !broken(sentence, end)) {
    const token = tokens[end];
    if (!token || dates.some((d) => token.start >= d.start && token.start < d.end)) break;
    if (/^(and|but|while|which|who|that|according|was|were|is|are)$/i.test(token.text)) break;
    end++;
  }
  return end > from + 1 ? textOf(sentence, from, end) : "";
}

/** Verbs that link a noun phrase to its figure: "the death toll rose to", "turnout was". */
const LINK_VERBS =
  /^(rose|risen|fell|fallen|climbed|dropped|jumped|increased|decreased|grew|grown|reached|hit|stood|stands|totalled|totaled|totals|was|were|is|are|numbered|slowed|eased|accelerated|widened|narrowed|soared|surged|plunged|tumbled|slumped|shrank|expanded|swelled|declined|slipped|sank|edged)$/;
const AUXILIARIES = /^(had|has|have|been|be|having)$/;
/** Words between a linking verb and its figure: "was a relatively low 50.1 percent". */
const FIGURE_FILLERS = /^(a|an|to|at|by|relatively|record|new|mere|just|low|high|total|of)$/;

/** Words of "12.4 percent from a year earlier": the change a figure moved by before it reached the next. */
const CHANGE_SPAN = /^(\d[\d.,]*%?|percent|per|cent|points?|from|a|year|month|week|quarter|earlier|ago|before)$/;

/**
 * The noun phrase a figure is about when the sentence says it before the number: "The death
 * toll from the floods rose to at least 95" -> "The death toll from the floods".
 */
function predicateSubject(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  let j = before - 1;
  while (j >= 0 && FIGURE_FILLERS.test(lower(tokens[j])) && !broken(sentence, j + 1)) j--;
  // "Imports fell 12.4 percent from a year earlier to 3.2 trillion won": past the change to the verb.
  if (j >= 0 && lower(tokens[before - 1]) === "to" && !LINK_VERBS.test(lower(tokens[j]))) {
    let k = j;
    while (k >= 0 && j - k < 8 && CHANGE_SPAN.test(lower(tokens[k])) && !broken(sentence, k + 1)) k--;
    if (k >= 0 && k < j && LINK_VERBS.test(lower(tokens[k])) && /^\d/.test(tokens[k + 1]?.text ?? "")) j = k;
  }
  if (j < 0 || !LINK_VERBS.test(lower(tokens[j])) || broken(sentence, j + 1)) return undefined;
  // "Prices rose 33.9 percent": the figure is the change, not the level ("rose to 95").
  const change = j === before - 1 || (j === before - 2 && lower(tokens[before - 1]) === "by");
  const direction = !change
    ? ""
    : /^(rose|risen|climbed|jumped|increased|grew|grown|soared|surged|swelled|expanded)$/.test(lower(tokens[j]))
      ? "rise"
      : /^(fell|fallen|dropped|decreased|plunged|tumbled|slumped|shrank|declined|slipped|sank)$/.test(lower(tokens[j]))
        ? "fall"
        : "";
  let end = j;
  while (end > 0 && AUXILIARIES.test(lower(tokens[end - 1])) && !broken(sentence, end)) end--;
  let start = clauseStart(sentence, end - 1);
  while (start < end - 1 && /^(but|and|while|though|although|yet|so|meanwhile)$/i.test(tokens[start]?.text ?? ""))
    start++;
  // "The agency said the number of cases was 331": the noun phrase starts after the report verb.
  for (let k = end - 1; k > start; k--)
    if (/^(said|says|told|that|showed|shows)$/i.test(tokens[k]?.text ?? "")) {
      start = k + 1;
      // "officials told the Courier the toll ...": whom they told is not the subject.
      if (/^told$/i.test(tokens[k]?.text ?? "")) {
        const the = lower(tokens[start]) === "the" ? 1 : 0;
        const run = properRun(sentence, start + the);
        if (run && run.to < end) start = run.to;
      }
      break;
    }
  // "Exports to China, Japan's biggest trading partner, rose 22 percent": the noun before the appositive.
  const across = subjectAcross(sentence, start, end);
  if (across && across.didFrom === end && !/^(which|who|that)$/i.test(tokens[start]?.text ?? "")) {
    start = across.start;
    end = across.end;
  }
  // "as of 0600 GMT the number of cases was 331": the noun phrase starts at "the number of".
  for (let k = start; k < end - 2; k++)
    if (lower(tokens[k]) === "the" && lower(tokens[k + 1]) === "number" && lower(tokens[k + 2]) === "of") {
      start = k;
      break;
    }
  if (end - start < 1 || end - start > 14) return undefined;
  const first = lower(tokens[start]);
  // A pronoun or a clause ("it", "which", "he said") is no subject.
  if (/^(it|this|that|which|who|he|she|they|we|i|you|there|these|those)$/.test(first)) return undefined;
  // "the number of officially confirmed cases ... was 331": what is counted.
  const phrase = textOf(sentence, start, end).replace(/^the (?:total )?number of /i, "");
  if (end - start > 8 && phrase.length === textOf(sentence, start, end).length) return undefined;
  if (tokens.slice(start, end).some((t) => /^\d/.test(t.text) || /^(said|says|told)$/i.test(t.text))) return undefined;
  if (!direction) return phrase;
  const opening = start === 0 && !/['’]s$/.test(tokens[0]?.text ?? "") && !isCapitalised(tokens[1]?.text ?? "");
  return `the ${direction} in ${opening ? lowerFirst(phrase) : phrase}`;
}

/** Verbs that move a level up or down: "lifted the repo rate to", "raised its charges by". */
const RAISE_VERBS =
  /^(raise[sd]?|raising|lift(?:s|ed|ing)?|increas(?:e|es|ed|ing)|hike[sd]?|hiking|boost(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|extend(?:s|ed|ing)?)$/;
const CUT_VERBS =
  /^(cut|cuts|cutting|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|slash(?:es|ed|ing)?)$/;
const OBJECT_STOP = /^(to|by|from|in|on|at|for|with|and|which|that|who|as|after|before|since|of)$/;

/**
 * What a verb moved to or by a figure, as a noun phrase: "lifting the repo rate, which ..., to
 * 7.75 per cent" -> "the new repo rate"; "raised its key rates by 50 basis points" -> "the rise
 * in key rates". `before` is the token before the figure (and its bound).
 */
function changedObject(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  const preposition = lower(tokens[before]);
  if (preposition !== "to" && preposition !== "by") return undefined;
  // Where the object ends: before "from zero to", or before ", which it uses ..., to".
  let objectEnd = before;
  if (preposition === "to" && lower(tokens[before - 2]) === "from" && !broken(sentence, before - 1))
    objectEnd = before - 2;
  else if (preposition === "to" && broken(sentence, before)) {
    const inner = clauseStart(sentence, before - 1);
    if (inner > 0 && /^(which|who|that|where|whose|through)$/i.test(tokens[inner]?.text ?? "")) objectEnd = inner;
  }
  for (let k = objectEnd - 1; k >= 0 && objectEnd - k <= 16; k--) {
    const word = lower(tokens[k]);
    const raise = RAISE_VERBS.test(word);
    if (!raise && !CUT_VERBS.test(word)) {
      // Another figure or a clause of its own between the verb and this figure: not its object.
      if ((/^\d/.test(word) && !/^\d{4}-\d{2,4}$/.test(word)) || /^(to|by)$/.test(word)) return undefined;
      continue;
    }
    let from = k + 1;
    while (from < objectEnd && /^(the|its|their|his|her|a|an)$/.test(lower(tokens[from]))) from++;
    let end = from;
    while (
      end < objectEnd &&
      // "the capacity of the link": "of" joins the object's own noun.
      (!OBJECT_STOP.test(lower(tokens[end])) || (lower(tokens[end]) === "of" && lower(tokens[end + 1]) === "the")) &&
      // "its 2021-2025 defence plan": a span of years names the plan, it is no figure.
      (!/^\d/.test(tokens[end]?.text ?? "") || /^\d{4}-\d{2,4}$/.test(tokens[end]?.text ?? ""))
    ) {
      end++;
      if (broken(sentence, end)) break;
    }
    if (end === from || end - from > 8) return undefined;
    // "the capacity of the link between the two countries": a place phrase may follow the object.
    const placeAfter =
      /^(between|among|across)$/.test(lower(tokens[end])) &&
      !tokens.slice(end, objectEnd).some((t) => /^\d/.test(t.text));
    // "to": the object, then nothing or a clause in commas, then the figure.
    if (
      end !== objectEnd &&
      !placeAfter &&
      !(preposition === "to" && broken(sentence, end) && broken(sentence, before))
    )
      return undefined;
    const object = textOf(sentence, from, end);
    if (/^extend/.test(word))
      return preposition === "by" ? `the extension of ${textOf(sentence, k + 1, end)}` : undefined;
    if (preposition === "to") return `the new ${object}`;
    return `the ${raise ? "rise" : "cut"} in ${object}`;
  }
  return undefined;
}

/** "the Harbour Party has won 41 percent": the named winner's share of the vote. */
function voteShare(sentence: Sentence, before: number): string | undefined {
  if (!/^(won|wins|secured|took|received|garnered|polled|got)$/.test(lower(sentence.tokens[before]))) return undefined;
  let last = before - 1;
  if (/^(has|have|had)$/.test(lower(sentence.tokens[last])) && !broken(sentence, last + 1)) last--;
  const run = properRunEndingAt(sentence, last);
  if (!run || run.to !== last + 1) return undefined;
  return `${stripPossessive(run.text)}'s share of the vote`;
}

/**
 * "Results put Senator Ana Lopes in the lead with 41.2 percent and Paul Tan in second place with
 * 30.5 percent": a candidate's (or party's) place in a count, then the share it holds.
 */
function standingShare(ctx: Context, sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "with" || broken(sentence, before)) return undefined;
  if (
    !/\b(?:vote|votes|election|elections|poll|polls|ballot|ballots|results|count|runoff|primary)\b/i.test(sentence.text)
  )
    return undefined;
  // Back over the standing: "in the lead", "in second place", "ahead", "in front".
  let k = before - 1;
  const standing = /^(lead|place|ahead|front|first|second|third|fourth|last|behind|position)$/;
  if (!standing.test(lower(tokens[k]))) return undefined;
  while (
    k > 0 &&
    before - k < 6 &&
    /^(in|the|lead|place|ahead|front|first|second|third|fourth|last|position|a|distant|close|was|is|were|are|remained|stayed)$/.test(
      lower(tokens[k]),
    ) &&
    !broken(sentence, k)
  )
    k--;
  if (broken(sentence, k + 1)) return undefined;
  const run = properRunEndingAt(sentence, k);
  if (!run || run.to !== k + 1) return undefined;
  let name = run.text;
  // "dark-horse centrist Senator Rodrigo Paz": the name after its title.
  const words = name.split(" ");
  while (words.length > 1 && isRoleHead({ text: words[0]!, start: 0, end: 0, gap: "" })) words.shift();
  name = resolveShortName(ctx, words.join(" ")) ?? words.join(" ");
  if (!looksLikePerson(ctx, name) && !isOrganisationName(ctx, name)) return undefined;
  return `${stripPossessive(name)}'s share of the vote`;
}

/**
 * "an estimated value of 20,000 euros", "a death rate of 2.5 per cent": the quantity named
 * before "of", with what it belongs to when "with" ties it to a noun ("a tractor with ...").
 */
function quantityOf(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "of" || broken(sentence, before + 1)) return undefined;
  // "and prize money of 2 million pounds": two bare nouns after "and" or a verb of getting.
  const bare = before - 2;
  if (
    bare >= 1 &&
    /^(and|earns|earned|receives|received|gets|got|wins|won)$/.test(lower(tokens[bare - 1])) &&
    /^[a-z]+$/.test(tokens[bare]?.text ?? "") &&
    /^[a-z]+$/.test(tokens[bare + 1]?.text ?? "") &&
    !UNIT_STOP.has(lower(tokens[bare])) &&
    !broken(sentence, bare) &&
    !broken(sentence, bare + 1)
  )
    return `the ${textOf(sentence, bare, before)}`;
  // "Kestrel Bank reported net income of", "The company posted net losses of": whose, with no article.
  for (let verb = before - 2; verb >= before - 4 && verb > 0; verb--) {
    if (!/^(reported|posted|announced|recorded|booked)$/.test(lower(tokens[verb])) || broken(sentence, verb + 1))
      continue;
    const words = tokens.slice(verb + 1, before);
    if (words.some((t, k) => !/^[a-z-]+$/.test(t.text) || (k > 0 && t.gap) || /^(a|an|the)$/.test(t.text))) break;
    const noun = textOf(sentence, verb + 1, before);
    const owner = properRunEndingAt(sentence, verb - 1);
    if (owner && !broken(sentence, verb) && !/^The$/.test(owner.text))
      return `${stripPossessive(owner.text)}'s ${noun}`;
    // "The company reported ...": resolveOwner names the company, as for "its".
    if (
      /^(company|firm|bank|group|lender|carrier|airline|insurer|retailer)$/.test(lower(tokens[verb - 1])) &&
      /^the$/.test(lower(tokens[verb - 2]))
    )
      return `its ${noun}`;
    break;
  }
  let det = before - 1;
  while (det >= 0 && before - det <= 4 && !/^(a|an|the)$/.test(lower(tokens[det]))) {
    if (broken(sentence, det + 1) || /^\d/.test(tokens[det]?.text ?? "") || OBJECT_STOP.test(lower(tokens[det])))
      return undefined;
    det--;
  }
  if (det < 0 || det === before - 1 || !/^(a|an|the)$/.test(lower(tokens[det]))) return undefined;
  if (broken(sentence, det + 1)) return undefined;
  // "a total of", "an average of": no name of a quantity.
  if (
    /^(total|average|sum|number|amount|figure|high|low|record|level|maximum|minimum)$/.test(lower(tokens[before - 1]))
  )
    return undefined;
  const quantity = `the ${textOf(sentence, det + 1, before)}`;
  // "Kestrel Bank reported a net loss of": whose loss, when a name reported or posted it.
  if (/^(reported|posted|announced|recorded|booked|made)$/.test(lower(tokens[det - 1])) && !broken(sentence, det)) {
    const owner = properRunEndingAt(sentence, det - 2);
    if (owner && !broken(sentence, det - 1) && !/['’]s$/.test(owner.text))
      return `${stripPossessive(owner.text.replace(/^The\s+/, "the "))}'s ${textOf(sentence, det + 1, before)}`;
  }
  // "a tractor with an estimated value of": the owner is the noun phrase before "with".
  if (lower(tokens[det - 1]) === "with" && !broken(sentence, det) && !broken(sentence, det - 1)) {
    let from = det - 2;
    while (
      from >= 0 &&
      det - 1 - from <= 3 &&
      /^[a-z]+$/.test(tokens[from]?.text ?? "") &&
      !/^(a|an|the)$/.test(lower(tokens[from]))
    )
      from--;
    if (from >= 0 && from < det - 2 && /^(a|an|the)$/.test(lower(tokens[from])) && !broken(sentence, from + 1))
      return `${quantity} of the ${textOf(sentence, from + 1, det - 1)}`;
  }
  return quantity;
}

const POPULATED = /^(city|town|village|community|country|nation|island|district|region|state|province|suburb|county)$/;

/** "Chico, a city of about 100,000 people" -> "population of Chico" (else "population of the city"). */
function populationOf(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "of" || broken(sentence, before + 1)) return undefined;
  const noun = before - 1;
  if (!POPULATED.test(lower(tokens[noun])) || broken(sentence, noun + 1)) return undefined;
  let det = noun - 1;
  if (
    !/^(a|an|the)$/.test(lower(tokens[det])) &&
    /^[a-z]+$/.test(tokens[det]?.text ?? "") &&
    !broken(sentence, det + 1)
  )
    det--;
  if (!/^(a|an|the)$/.test(lower(tokens[det]))) return undefined;
  const name = broken(sentence, det) ? properRunEndingAt(sentence, det - 1) : undefined;
  if (name && name.to === det) return `population of ${stripPossessive(name.text)}`;
  return `population of the ${lower(tokens[noun])}`;
}

/** "seized drugs worth €150,000" -> "value of the drugs": the noun right before "worth". */
function worthOf(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "worth" || broken(sentence, before)) return undefined;
  let from = before;
  while (
    from > 0 &&
    before - from < 3 &&
    /^[a-z]+$/.test(tokens[from - 1]?.text ?? "") &&
    !UNIT_STOP.has(lower(tokens[from - 1])) &&
    !/ed$/.test(lower(tokens[from - 1])) &&
    !broken(sentence, from)
  )
    from--;
  return from < before ? `value of the ${textOf(sentence, from, before)}` : undefined;
}

/**
 * "Shelling in the village of X killed 21 people" -> "people killed by shelling in the village
 * of X"; "Police arrested one man" -> "men arrested by police": the people a verb acted on, with
 * the clause's subject as who acted when it is a noun phrase.
 */
/**
 * A count and where it was counted, up to the list's next figure: "40 confirmed cases with two
 * deaths in Peru and 75 ..." -> confirmed cases in Peru; "two deaths in Peru" -> deaths in Peru.
 */
function countedIn(ctx: Context, sentence: Sentence, unitEnd: number, unit: string): string | undefined {
  const { tokens } = sentence;
  for (let k = unitEnd; k < tokens.length && k - unitEnd < 8; k++) {
    if (k > unitEnd && (broken(sentence, k) || /^\d/.test(tokens[k]?.text ?? "") || lower(tokens[k]) === "and")) break;
    if (lower(tokens[k]) !== "in" || (k > unitEnd && broken(sentence, k))) continue;
    const place = placeAt(ctx, sentence, k + 1, true);
    // "in A and B and C and D regions": a list it cannot close is no place of the count.
    if (place && lower(tokens[place.end]) === "and" && isCapitalised(tokens[place.end + 1]?.text ?? ""))
      return undefined;
    if (place && !place.capitalOf) return `${countedPlural(unit)} in ${place.name}`;
    // "in the United States", "in the Senate": a name the tagger did not call a place is still where.
    const the = lower(tokens[k + 1]) === "the" && !broken(sentence, k + 2);
    const run = properRun(sentence, k + (the ? 2 : 1));
    if (run && lower(tokens[run.to]) === "and" && isCapitalised(tokens[run.to + 1]?.text ?? "")) return undefined;
    if (run && !broken(sentence, k + 1) && !isKnownPerson(ctx, run.text))
      return `${countedPlural(unit)} in ${the ? "the " : ""}${run.text}`;
    // "in the north", "in the capital": a common noun that ends the clause or the list item.
    const common = tokens[k + 2];
    if (
      the &&
      common &&
      REGION_NOUNS.test(common.text) &&
      (k + 3 >= tokens.length || broken(sentence, k + 3) || /^(and|with)$/.test(lower(tokens[k + 3])))
    )
      return `${countedPlural(unit)} in the ${common.text}`;
  }
  return undefined;
}

/** The last place named before token `before` of the sentence, or in the sentence before it. */
function placeNamedBefore(ctx: Context, index: number, before: number): string | undefined {
  for (const [k, limit] of [
    [index, before],
    [index - 1, Infinity],
  ] as const) {
    const sentence = ctx.sentences[k];
    if (!sentence) continue;
    let found: string | undefined;
    for (let j = 0; j < Math.min(limit, sentence.tokens.length); j++) {
      const run = properRun(sentence, j);
      if (!run) continue;
      const name = stripPossessive(run.text);
      const drafted = ctx.drafts.some((d) => d.kind === "place" && d.answer === name);
      if (ctx.taggedPlaces.has(name) || drafted) found = name;
      j = run.to - 1;
    }
    if (found) return found;
  }
  return undefined;
}

/**
 * Counts given in brackets after each place of a list: "Other countries with confirmed cases are
 * Peru (4), Chile (12) and Brazil (7)" -> confirmed cases in Peru: 4, in Chile: 12, in Brazil: 7.
 */
function findBracketCounts(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence || sentence.quoted.length > 0) return;
  const opening = /\bwith ((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*?s)\s+(?:are|were|include|included|:)\s/.exec(
    sentence.text,
  );
  if (!opening) return;
  const what = opening[1] ?? "";
  const items = [
    ...sentence.text
      .slice(opening.index + opening[0].length)
      .matchAll(/(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}) \((\d[\d,]*)\)/gu),
  ];
  if (items.length < 2) return;
  const unit = what.split(/\s+/).at(-1) ?? what;
  for (const item of items) {
    const place = item[1] ?? "";
    if (isKnownPerson(ctx, place)) continue;
    add(ctx, index, {
      kind: "number",
      subject: `${what} in ${place}`,
      relation: "number",
      answer: item[2] ?? "",
      type: "number",
      unit: item[2] === "1" ? unit.replace(/s$/, "") : unit,
      confidence: 0.6,
    });
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Common nouns for a part of a country a count can be "in": "in the north", "in the capital". */
const REGION_NOUNS =
  /^(north|south|east|west|northeast|northwest|southeast|southwest|capital|interior|countryside|city|region|province|state|country|provinces|regions|states)$/;

const PRONOUN_WORDS = /^(he|she|it|they|him|her|them|his|its|their|we|us|our|i|me|my|you|your|this|that|these|those)$/i;
const TIME_UNITS = /^(seconds|minutes|hours|days|weeks|months|years|decades)$/;

/**
 * "So far this season there have been 41 mumps cases": the count of the noun, with the time the
 * sentence opens with; a place after it goes with it unless it holds a figure of its own.
 */
function existentialCount(sentence: Sentence, before: number, noun: string, tail: string): string | undefined {
  const { tokens } = sentence;
  let k = before;
  while (k >= 0 && before - k < 2 && /^(been|have|has|had|were|are|was|is)$/.test(lower(tokens[k]))) k--;
  if (k === before || lower(tokens[k]) !== "there" || broken(sentence, k + 1)) return undefined;
  const start = clauseStart(sentence, k);
  const opener = start < k ? textOf(sentence, start, k) : "";
  const timed =
    opener && k - start <= 5 && /^(?:so far |)(?:this|last|in the past|over the past) [a-z ]+$/i.test(opener);
  const place = tail && !/\d/.test(tail) && /^in /.test(tail) ? ` ${tail}` : "";
  return `${countedPlural(noun)}${place}${timed ? ` ${opener.toLowerCase()}` : ""}`;
}

/**
 * The noun phrase a verb belongs to when commas stand between them: "The Harbour Party, led by Ana
 * Reyes, won" -> "The Harbour Party"; "The talks, which lasted" -> "The talks" (what they did
 * starts after "which"). Undefined when the clause has its own noun phrase.
 */
function subjectAcross(
  sentence: Sentence,
  start: number,
  end: number,
): { start: number; end: number; didFrom: number } | undefined {
  const { tokens } = sentence;
  if (start === 0 || !broken(sentence, start)) return undefined;
  // "The talks, which lasted two hours": the verb is in the relative clause (no comma before it).
  const relative = /^(which|who|that)$/i.test(tokens[start]?.text ?? "") && !broken(sentence, end);
  // "The Harbour Party, led by Ana Reyes, won": [start, end) is the insertion, the verb after its comma.
  if (!relative) {
    if (!broken(sentence, end)) return undefined;
    const opener = lower(tokens[start]);
    // "Exports to China, Japan's biggest trading partner, rose": a possessive opens an appositive too.
    if (!/^(whose|who|which|headed|led|owned|based|founded|a|an|the|\d+)$|ed$|['’]s$/.test(opener)) return undefined;
  }
  const from = clauseStart(sentence, start - 1);
  if (start - from < 1 || start - from > 7) return undefined;
  const first = tokens[from]?.text ?? "";
  if (!/^(the|a|an)$/i.test(first) && !isCapitalised(first)) return undefined;
  return { start: from, end: start, didFrom: relative ? start + 1 : end };
}

/** Words a short phrase after a figure stops at. */
const PHRASE_STOP = /^(and|but|while|which|who|according|said|says|on|after|before|because|as)$/i;

/** Up to `max` words from token `from`, to the clause's end or a stop word, trailing prepositions dropped. */
function phraseFrom(sentence: Sentence, from: number, dates: DateMention[], max = 8): string | undefined {
  const { tokens } = sentence;
  let end = from;
  while (end < tokens.length && end - from < max && (end === from || !broken(sentence, end))) {
    const token = tokens[end];
    if (!token || dates.some((d) => token.start >= d.start && token.start < d.end)) break;
    if (end > from && PHRASE_STOP.test(token.text)) break;
    if (/^\d/.test(token.text) || PRONOUN_WORDS.test(token.text)) return undefined;
    end++;
  }
  while (end > from && /^(on|in|at|the|a|an|of|to|for|from|by|with|since|until)$/i.test(tokens[end - 1]?.text ?? ""))
    end--;
  return end > from ? textOf(sentence, from, end) : undefined;
}

/** "$200 billion worth of Chinese products" -> the value of the Chinese products. */
function worthOfGoods(sentence: Sentence, unitEnd: number, dates: DateMention[]): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[unitEnd]) !== "worth" || lower(tokens[unitEnd + 1]) !== "of" || broken(sentence, unitEnd + 1))
    return undefined;
  let from = unitEnd + 2;
  if (/^(the|a|an)$/i.test(tokens[from]?.text ?? "")) from++;
  let end = from;
  while (
    end < tokens.length &&
    end - from < 5 &&
    (end === from || !broken(sentence, end)) &&
    /^[\p{L}-]+$/u.test(tokens[end]?.text ?? "") &&
    !PRONOUN_WORDS.test(tokens[end]?.text ?? "") &&
    !dates.some((d) => (tokens[end]?.start ?? -1) >= d.start && (tokens[end]?.start ?? -1) < d.end) &&
    !(
      end > from &&
      (PHRASE_STOP.test(tokens[end]?.text ?? "") ||
        /^(at|in|from|to|for|with|by|into|under|over)$/i.test(tokens[end]?.text ?? ""))
    )
  )
    end++;
  if (end === from || (!/^\p{Ll}+s$/u.test(lower(tokens[end - 1])) && !/^\p{Ll}+$/u.test(tokens[end - 1]?.text ?? "")))
    return undefined;
  return `the value of the ${textOf(sentence, from, end)}`;
}

/** "seven parties that won seats" -> parties that won seats. */
function relativeAfter(sentence: Sentence, unitEnd: number, noun: string, dates: DateMention[]): string | undefined {
  const rel = lower(sentence.tokens[unitEnd]);
  if (!/^(that|who|which)$/.test(rel) || broken(sentence, unitEnd)) return undefined;
  if (!/^[a-z]+$/.test(sentence.tokens[unitEnd + 1]?.text ?? "")) return undefined;
  const phrase = phraseFrom(sentence, unitEnd + 1, dates);
  // "which were reported in Suna East and West and Kuria ...": a list of names cut at its first item.
  const end = unitEnd + 1 + (phrase?.split(" ").length ?? 0);
  if (lower(sentence.tokens[end]) === "and" && isCapitalised(sentence.tokens[end - 1]?.text ?? "")) return undefined;
  return phrase && phrase.split(" ").length >= 2 ? `${countedPlural(noun)} ${rel} ${phrase}` : undefined;
}

/**
 * "the 4 percent threshold needed to enter parliament" -> the threshold needed to enter
 * parliament; "a 2.5 billion euro plan to modernise the railway" -> the value of the plan to ...
 */
/**
 * "Ferry workers in Arlo won a 4 percent pay rise" -> the pay rise ferry workers in Arlo won: the
 * noun a figure modifies, said of by the clause whose verb took it as its object.
 */
function figureModifiedNoun(sentence: Sentence, qualifierFrom: number, unitEnd: number): string | undefined {
  const { tokens } = sentence;
  if (!/^(a|an)$/i.test(tokens[qualifierFrom - 1]?.text ?? "") || broken(sentence, qualifierFrom)) return undefined;
  let end = unitEnd;
  while (
    end < tokens.length &&
    end - unitEnd < 2 &&
    !broken(sentence, end) &&
    /^[a-z]{3,}$/.test(tokens[end]?.text ?? "") &&
    !UNIT_STOP.has(tokens[end]!.text) &&
    !/(ly|ing)$/.test(tokens[end]!.text) &&
    !FINITE_PAST.test(tokens[end]!.text)
  )
    end++;
  if (end === unitEnd) return undefined;
  // The noun phrase ends there: a break, a preposition or the sentence's end.
  if (
    end < tokens.length &&
    !broken(sentence, end) &&
    !/^(for|in|on|at|from|to|with|after|since)$/.test(lower(tokens[end]))
  )
    return undefined;
  const verb = lower(tokens[qualifierFrom - 2]);
  if (!FINITE_PAST.test(verb) || broken(sentence, qualifierFrom - 1)) return undefined;
  const start = clauseStart(sentence, qualifierFrom - 3);
  const subject = tokens.slice(start, qualifierFrom - 2);
  if (subject.length < 1 || subject.length > 6) return undefined;
  if (
    subject.some(
      (t, k) =>
        /^\d/.test(t.text) || (k > 0 && t.gap) || /^(it|they|he|she|we|i|you|which|who|that|said)$/i.test(t.text),
    )
  )
    return undefined;
  const doer = textOf(sentence, start, qualifierFrom - 2);
  // "Kestrel Bank won", "Unite won": a name keeps its capital; "Ferry workers won" opened the sentence.
  const name =
    isCapitalised(subject[0]!.text) &&
    !/^(The|A|An)$/.test(subject[0]!.text) &&
    (subject.length === 1 ? !/s$/.test(subject[0]!.text) : isCapitalised(subject[1]!.text));
  return `the ${textOf(sentence, unitEnd, end)} ${name ? doer : lowerFirst(doer)} ${verb}`;
}

function measuredNoun(sentence: Sentence, unitEnd: number, amount: boolean, dates: DateMention[]): string | undefined {
  const { tokens } = sentence;
  const head = tokens[unitEnd];
  if (!head || broken(sentence, unitEnd) || !/^[a-z]{3,}$/.test(head.text) || UNIT_STOP.has(head.text))
    return undefined;
  if (/(ly|ed|ing)$/.test(head.text)) return undefined;
  // "the 43.3 percent growth recorded in the last quarter": growth of what is not said.
  if (/^(growth|rise|increase|fall|drop|decline|gain|loss|jump|cut)$/.test(head.text)) return undefined;
  const next = lower(tokens[unitEnd + 1]);
  if (!next || broken(sentence, unitEnd + 1)) return undefined;
  // The noun must be told apart by what follows it: "needed to ...", "to modernise ...".
  if (!(isParticiple(next) || next === "to")) return undefined;
  const phrase = phraseFrom(sentence, unitEnd + 1, dates);
  if (!phrase || phrase.split(" ").length < 2) return undefined;
  return amount ? `the value of the ${head.text} ${phrase}` : `the ${head.text} ${phrase}`;
}

/**
 * "Rovers won the cup for the first time in 41 years" -> time since Rovers last won the cup;
 * "Lena joined the club two years ago" -> time since Lena joined the club.
 */
function timeSince(
  ctx: Context,
  sentence: Sentence,
  before: number,
  unitEnd: number,
  noun: string,
): string | undefined {
  const { tokens } = sentence;
  if (!TIME_UNITS.test(noun)) return undefined;
  const ago = lower(tokens[unitEnd]) === "ago";
  const firstTime =
    textOf(sentence, Math.max(0, before - 4), before + 1).toLowerCase() === "for the first time in" &&
    !broken(sentence, before - 3);
  if (!ago && !firstTime) return undefined;
  const stop = firstTime ? before - 4 : before + 1;
  let start = clauseStart(sentence, stop - 1);
  let subject = "";
  if (/^[a-z]+$/.test(tokens[start]?.text ?? "") && isParticiple(lower(tokens[start])) && start > 0) {
    // "Harris, 24, joined ...": the name the sentence opens with.
    const run = properRun(sentence, 0);
    if (!run || !broken(sentence, run.to)) return undefined;
    subject = resolveShortName(ctx, run.text) ?? run.text;
  } else {
    while (start < stop && /^(and|but|while)$/i.test(tokens[start]?.text ?? "")) start++;
    // The noun phrase, then its verb.
    let verb = start;
    while (verb < stop && !(/^[a-z]+$/.test(tokens[verb]?.text ?? "") && isParticiple(lower(tokens[verb])))) verb++;
    if (verb === start || verb >= stop || verb - start > 5) return undefined;
    const np = textOf(sentence, start, verb);
    if (PRONOUN_WORDS.test(np)) return undefined;
    subject = /^(The|A|An)\b/.test(np) ? lowerFirst(np) : np;
    start = verb;
  }
  let end = start + 1;
  while (end < stop && !(end - start >= 2 && /^(from|for|in|on|at|with|after|before|since)$/.test(lower(tokens[end]))))
    end++;
  const words = tokens.slice(start, end);
  if (words.some((t, k) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text) || (k > 0 && broken(sentence, start + k))))
    return undefined;
  return `time since ${subject}${firstTime ? " last" : ""} ${textOf(sentence, start, end)}`;
}

/** "Leaders of eight countries agreed" -> countries whose leaders agreed. */
function whoseHead(sentence: Sentence, before: number, unitEnd: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "of" || before !== 1 || !/^[A-Z][a-z]+s$/.test(tokens[0]?.text ?? "")) return undefined;
  for (let k = unitEnd; k < tokens.length && k - unitEnd < 6; k++) {
    if (broken(sentence, k)) return undefined;
    const word = lower(tokens[k]);
    if (isParticiple(word) && !/^[A-Z]/.test(tokens[k]?.text ?? ""))
      return `${countedPlural(noun)} whose ${lower(tokens[0])} ${word}`;
  }
  return undefined;
}

/** "In a dissent joined by two colleagues" -> colleagues who joined the dissent. */
function passiveAgent(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "by" || broken(sentence, before)) return undefined;
  const verb = lower(tokens[before - 1]);
  if (!/^[a-z]{3,}ed$/.test(verb) || broken(sentence, before - 1)) return undefined;
  let det = before - 2;
  while (
    det >= 0 &&
    before - 2 - det < 3 &&
    /^[a-z]+$/.test(tokens[det]?.text ?? "") &&
    !/^(a|an|the)$/.test(lower(tokens[det]))
  )
    det--;
  if (det < 0 || det === before - 2 || !/^(a|an|the)$/i.test(tokens[det]?.text ?? "") || broken(sentence, det + 1))
    return undefined;
  const who =
    /^(people|persons|men|women|children|colleagues|members|judges|officers|soldiers|workers|residents)$/.test(
      noun.split(" ").at(-1) ?? "",
    )
      ? "who"
      : "that";
  return `${countedPlural(noun)} ${who} ${verb} the ${textOf(sentence, det + 1, before - 1)}`;
}

/** "a joint naval patrol of 12 vessels" -> vessels in the joint naval patrol. */
function membersOf(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "of" || broken(sentence, before)) return undefined;
  let det = before - 1;
  while (
    det >= 0 &&
    before - det <= 4 &&
    /^[a-z][a-z-]*$/.test(tokens[det]?.text ?? "") &&
    !/^(a|an|the)$/.test(lower(tokens[det]))
  ) {
    if (broken(sentence, det + 1) || UNIT_STOP.has(lower(tokens[det])) || isParticiple(lower(tokens[det])))
      return undefined;
    det--;
  }
  if (det < 0 || before - det < 3 || !/^(a|an)$/i.test(tokens[det]?.text ?? "") || broken(sentence, det + 1))
    return undefined;
  // "a total of", "a group of": no name of what holds them.
  if (
    /^(total|number|group|list|series|couple|handful|dozen|maximum|minimum|average|collection|range)$/.test(
      lower(tokens[before - 1]),
    )
  )
    return undefined;
  return `${countedPlural(noun)} in the ${textOf(sentence, det + 1, before)}`;
}

/** "The court gave the council 12 months to finish the review" -> time the council was given to finish the review. */
function timeGiven(
  sentence: Sentence,
  before: number,
  unitEnd: number,
  noun: string,
  dates: DateMention[],
): string | undefined {
  const { tokens } = sentence;
  if (!TIME_UNITS.test(noun) || lower(tokens[unitEnd]) !== "to" || broken(sentence, unitEnd)) return undefined;
  let k = before;
  while (k > 0 && before - k < 5 && !/^(gave|given|granted|allowed|gives|grants)$/.test(lower(tokens[k]))) {
    if (broken(sentence, k)) return undefined;
    k--;
  }
  if (!/^(gave|given|granted|allowed|gives|grants)$/.test(lower(tokens[k])) || k === before) return undefined;
  const who = tokens.slice(k + 1, before + 1);
  if (who.some((t) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text))) return undefined;
  if (!/^(the|a|an)$/i.test(who[0]?.text ?? "") && !isCapitalised(who[0]?.text ?? "")) return undefined;
  const phrase = phraseFrom(sentence, unitEnd + 1, dates);
  if (!phrase) return undefined;
  return `time ${textOf(sentence, k + 1, before + 1)} was given to ${phrase}`;
}

/** "the site, which lies about 150 kilometres north of Smithers" -> distance from the site to Smithers. */
function distanceTo(sentence: Sentence, before: number, unitEnd: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (!/^(kilometres|kilometers|miles|km|metres|meters)$/.test(noun)) return undefined;
  let j = unitEnd;
  if (
    /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)$/.test(
      lower(tokens[j]),
    )
  )
    j++;
  if (lower(tokens[j]) !== "of" && lower(tokens[j]) !== "from") return undefined;
  const run = properRun(sentence, j + 1);
  if (!run || broken(sentence, j + 1)) return undefined;
  // What lies there: the noun phrase before "which lies", "is located", "lies".
  let k = before;
  while (k > 0 && before - k < 3 && !/^(lies|lie|lay|is|are|was|located|situated|sits)$/.test(lower(tokens[k]))) k--;
  if (!/^(lies|lie|lay|is|are|was|located|situated|sits)$/.test(lower(tokens[k]))) return undefined;
  let np = clauseStart(sentence, k);
  let npEnd = k;
  while (npEnd > np && /^(is|are|was|which|that)$/i.test(tokens[npEnd - 1]?.text ?? "")) npEnd--;
  if (/^(which|that)$/i.test(tokens[np]?.text ?? "") && np > 0) {
    npEnd = np;
    np = clauseStart(sentence, np - 1);
    while (np < npEnd && !/^(the|a|an)$/i.test(tokens[np]?.text ?? "") && !isCapitalised(tokens[np]?.text ?? "")) np++;
  }
  const words = tokens.slice(np, npEnd).filter((t) => !/\d/.test(t.text));
  if (words.length < 1 || words.length > 5 || words.some((t) => PRONOUN_WORDS.test(t.text))) return undefined;
  const place = words.map((t) => t.text).join(" ");
  const from = /^(The|A|An)\b/.test(place) ? lowerFirst(place).replace(/^an? /, "the ") : place;
  return `distance from ${from} to ${run.text}`;
}

/** "an orbit about 36,000 km above the Earth" -> height of the orbit above the Earth. */
function heightAbove(sentence: Sentence, before: number, unitEnd: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (!/^(kilometres|kilometers|miles|km|metres|meters|feet|m)$/.test(noun)) return undefined;
  const where = lower(tokens[unitEnd]);
  if (!/^(above|below)$/.test(where) || broken(sentence, unitEnd)) return undefined;
  let det = before;
  while (
    det >= 0 &&
    before - det < 5 &&
    /^[a-z-]+$/.test(tokens[det]?.text ?? "") &&
    !/^(a|an|the)$/.test(lower(tokens[det]))
  ) {
    if (UNIT_STOP.has(lower(tokens[det])) || broken(sentence, det + 1)) return undefined;
    det--;
  }
  if (det < 0 || det === before || !/^(a|an|the)$/i.test(tokens[det]?.text ?? "") || broken(sentence, det + 1))
    return undefined;
  const the = lower(tokens[unitEnd + 1]) === "the" ? 1 : 0;
  const what = tokens[unitEnd + 1 + the];
  if (!what || broken(sentence, unitEnd + 1 + the)) return undefined;
  let stop = unitEnd + 1;
  while (stop < tokens.length && stop - unitEnd < 7 && !broken(sentence, stop) && lower(tokens[stop]) !== "and") stop++;
  const closest = tokens.slice(unitEnd, stop).some((t) => /^(closest|nearest|lowest)$/i.test(t.text));
  const farthest = tokens.slice(unitEnd, stop).some((t) => /^(farthest|furthest|highest)$/i.test(t.text));
  if (closest && farthest) return undefined;
  return `${where === "above" ? "height" : "depth"} of the ${textOf(sentence, det + 1, before + 1)} ${where} ${the ? "the " : ""}${what.text}${closest ? " at its closest point" : farthest ? " at its farthest point" : ""}`;
}

/** "The Harbour Party came third with 14 seats" -> seats the Harbour Party came third with. */
function endedWith(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "with" || broken(sentence, before)) return undefined;
  const verb = before - 1;
  let verbStart = verb;
  if (/^(first|second|third|fourth|fifth|last|top)$/.test(lower(tokens[verb]))) verbStart = verb - 1;
  if (!/^(came|finished|ended|won|emerged|led)$/.test(lower(tokens[verbStart])) || broken(sentence, verbStart + 1))
    return undefined;
  const start = clauseStart(sentence, verbStart - 1);
  let np = { start, end: verbStart };
  const across = broken(sentence, verbStart) ? subjectAcross(sentence, start, verbStart) : undefined;
  if (across) np = { start: across.start, end: across.end };
  else if (broken(sentence, verbStart)) return undefined;
  if (np.end - np.start < 1 || np.end - np.start > 6) return undefined;
  const words = tokens.slice(np.start, np.end);
  if (words.some((t) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text))) return undefined;
  const first = words[0]?.text ?? "";
  if (!/^(the|a|an)$/i.test(first) && !isCapitalised(first)) return undefined;
  const name = textOf(sentence, np.start, np.end);
  return `${countedPlural(noun)} with which ${/^(The|A|An)$/.test(first) ? lowerFirst(name) : name} ${textOf(sentence, verbStart, before)}`;
}

/** "The town of Brisk told 2,000 residents to leave" -> residents told to leave by the town of Brisk. */
function toldTo(sentence: Sentence, before: number, unitEnd: number, noun: string): string | undefined {
  const { tokens } = sentence;
  const verb = lower(tokens[before]);
  if (!/^(told|ordered|urged|asked|advised|instructed)$/.test(verb) || broken(sentence, before + 1)) return undefined;
  if (lower(tokens[unitEnd]) !== "to" || broken(sentence, unitEnd) || !/^[a-z]+$/.test(tokens[unitEnd + 1]?.text ?? ""))
    return undefined;
  const start = clauseStart(sentence, before - 1);
  const words = tokens.slice(start, before);
  if (words.length < 1 || words.length > 6) return undefined;
  if (
    words.some(
      (t) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text) || /^(said|says|and|but|who|which)$/i.test(t.text),
    )
  )
    return undefined;
  const first = words[0]?.text ?? "";
  if (!/^(the|a|an)$/i.test(first) && !isCapitalised(words[1]?.text ?? first)) return undefined;
  const agent = textOf(sentence, start, before);
  const by = /^(The|A|An)$/.test(first) ? lowerFirst(agent) : agent;
  return `${noun} ${verb} to ${lower(tokens[unitEnd + 1])} by ${by}`;
}

/**
 * "77 seats for the Greens": the count and the name its phrase ends with, when the phrase is whole
 * (it ends the clause or the list item).
 */
function namedTail(sentence: Sentence, unitEnd: number, noun: string, tail: string): string | undefined {
  if (!/^(for|in|at|from|to) (?:the )?\p{Lu}/u.test(tail)) return undefined;
  const words = tail.split(" ");
  if (words.some((w) => PRONOUN_WORDS.test(w))) return undefined;
  const after = unitEnd + words.length;
  const next = sentence.tokens[after];
  if (
    next &&
    !broken(sentence, after) &&
    !/^(and|but|while|which|who|that|according|was|were|is|are|on)$/.test(lower(next))
  )
    return undefined;
  return `${countedPlural(noun)} ${tail}`;
}

/** Nouns of people a relative clause takes "who" for. */
const PEOPLE_NOUN =
  /^(people|persons|men|women|children|residents|voters|citizens|civilians|patients|students|workers|adults|teenagers|respondents|members|employees|staff|teachers|doctors|nurses|parents|farmers|users|customers|households|families)$/;

/**
 * A share that opens its clause is what the clause's verb says of it: "Eighty percent of
 * residents voted in favour" -> of residents who voted in favour; "About 40 percent of the
 * town's homes were damaged" -> of the town's homes that were damaged. Undefined when the share
 * does not open its clause (read as before); "" when it does but no whole phrase can be built
 * (a relative clause inside it, no verb), which drafts nothing.
 */
function shareOpeningClause(sentence: Sentence, qualifierFrom: number, unitEnd: number): string | undefined {
  const { tokens } = sentence;
  const start = clauseStart(sentence, qualifierFrom);
  if (
    start !== qualifierFrom &&
    !(qualifierFrom - start === 1 && /^(only|just|some|nearly)$/i.test(tokens[start]?.text ?? ""))
  )
    return undefined;
  const end = clauseEnd(sentence, unitEnd);
  const words = tokens.slice(unitEnd, end).map((t) => t.text);
  const terms = (loadNlp()(words.join(" ")).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap(
    (t) => t.terms,
  );
  // compromise splits "aren't" into two terms; a word count keeps to the tokens.
  if (terms.length !== words.length) return "";
  const verb = terms.findIndex((t, k) => k > 1 && (t.tags.includes("Verb") || t.tags.includes("Copula")));
  if (verb < 0) return undefined;
  if (words.slice(0, verb).some((w) => /^(who|that|which|whose|whom)$/i.test(w))) return "";
  const noun = words[verb - 1]?.toLowerCase() ?? "";
  const predicate = words.slice(verb).join(" ");
  const owned = textOf(sentence, unitEnd, unitEnd + verb);
  return `${owned} ${PEOPLE_NOUN.test(noun) ? "who" : "that"} ${textOf(sentence, unitEnd + verb, end) || predicate}`;
}

/**
 * "Twelve minutes after take-off, the plane landed again" -> minutes from take-off until the
 * plane landed again: a time after an event that opens the sentence, up to what happened then
 * (the main clause, to its end or before its first figure; none when that would cut it).
 */
function timeFromTo(sentence: Sentence, unitEnd: number, noun: string, dates: DateMention[]): string | undefined {
  const { tokens } = sentence;
  if (!/^(seconds|minutes|hours|days|weeks|months|years)$/.test(noun) || lower(tokens[unitEnd]) !== "after")
    return undefined;
  if (broken(sentence, unitEnd)) return undefined;
  let comma = unitEnd + 1;
  while (comma < tokens.length && !broken(sentence, comma)) comma++;
  if (comma >= tokens.length || tokens[comma]?.gap !== "," || comma - unitEnd > 5) return undefined;
  const event = textOf(sentence, unitEnd + 1, comma);
  if (!event || /^(he|she|it|they|this|that)\b/i.test(event)) return undefined;
  let end = comma;
  while (end < tokens.length && (end === comma || !broken(sentence, end)) && end - comma < 14) {
    const token = tokens[end];
    if (!token || /^\d/.test(token.text) || dates.some((d) => token.start >= d.start && token.start < d.end)) break;
    end++;
  }
  // Whole: to the sentence's end, before a figure, or before a comma and a new clause.
  const whole =
    end >= tokens.length ||
    /^\d/.test(tokens[end]?.text ?? "") ||
    (tokens[end]?.gap === "," && /^(and|but|while|as|after|before|with)$/.test(lower(tokens[end])));
  if (!whole || end - comma < 3) return undefined;
  const terms = (loadNlp()(textOf(sentence, comma, end)).json() as { terms: { tags: string[] }[] }[]).flatMap(
    (t) => t.terms,
  );
  if (!terms.some((t) => t.tags.includes("Verb"))) return undefined;
  const clause = textOf(sentence, comma, end).replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by|and))+$/i, "");
  if (!/^(the|a|an|\p{Lu})/iu.test(clause) || /^(he|she|it|they|we|i)\b/i.test(clause)) return undefined;
  return `${noun} from ${event} until ${lowerFirst(clause)}`;
}

/** Prepositions a count may follow as the object of: "following two attacks", "amid three strikes". */
const COUNT_AFTER = /^(following|after|before|amid|despite|with|without|from|including|over|during|in|of|since)$/;

/**
 * A count that says itself what it counts with the phrase after its noun: "following two
 * deadly attacks on party offices since March" -> deadly attacks on party offices since
 * March. Only after a preposition (a count in its own clause is read with its verb), and only
 * when the phrase after the noun runs to the clause's end, holds no pronoun, and the phrase
 * has more than a bare noun ("in three provinces" says nothing on its own).
 */
function modifiedCount(
  sentence: Sentence,
  before: number,
  unitEnd: number,
  noun: string,
  dates: DateMention[],
): string | undefined {
  const { tokens } = sentence;
  if (!COUNT_AFTER.test(lower(tokens[before])) || broken(sentence, before + 1)) return undefined;
  if (!/^(on|against|of|at|for|to|into|from|by|between|among)$/.test(lower(tokens[unitEnd]))) return undefined;
  if (broken(sentence, unitEnd) || /^(of|to|for)$/.test(lower(tokens[before]))) return undefined;
  let end = unitEnd + 1;
  const inDate = (k: number) =>
    dates.find((d) => (tokens[k]?.start ?? -1) >= d.start && (tokens[k]?.start ?? -1) < d.end);
  while (end < tokens.length && !broken(sentence, end) && end - unitEnd <= 8) {
    const word = lower(tokens[end]);
    if (inDate(end)) {
      // "since March": a date after "since" bounds the count; any other date ends the phrase.
      if (lower(tokens[end - 1]) !== "since") break;
      const date = inDate(end)!;
      while (end < tokens.length && (tokens[end]?.start ?? Infinity) < date.end) end++;
      break;
    }
    // "talks between the unions and the company": a phrase cut at "and" would drop half of it.
    if (/^(and|or)$/.test(word)) return undefined;
    if (/^(but|while|which|who|that|according|was|were|is|are|has|have|had|said|says)$/.test(word)) break;
    if (PRONOUN_WORDS.test(word) || /^\d/.test(word)) return undefined;
    end++;
  }
  // The phrase must reach the clause's end (else a verb or another clause follows it).
  if (end < tokens.length && !broken(sentence, end) && !/^(but|while|which)$/.test(lower(tokens[end])))
    return undefined;
  const phrase = textOf(sentence, unitEnd, end).replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by|since))+$/i, "");
  if (phrase.split(" ").length < 2) return undefined;
  return `${countedPlural(noun)} ${phrase}`;
}

/** "A cargo ship carrying 20 containers" -> containers carried by the cargo ship. */
function carriedBy(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (!/^(carrying|transporting)$/.test(lower(tokens[before])) || broken(sentence, before + 1)) return undefined;
  const start = clauseStart(sentence, before - 1);
  if (!/^(a|an|the)$/.test(lower(tokens[start])) || before - start < 2 || before - start > 5) return undefined;
  const words = tokens.slice(start + 1, before);
  if (words.some((t, k) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text) || (k > 0 && t.gap.trim())))
    return undefined;
  return `${noun} carried by the ${textOf(sentence, start + 1, before)}`;
}

/** "Mr Dorsey was sentenced to four years" -> Mr Dorsey's sentence. */
function sentenceOf(ctx: Context, sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (!TIME_UNITS.test(noun) || !/^(to|for)$/.test(lower(tokens[before]))) return undefined;
  if (!/^(sentenced|jailed|imprisoned)$/.test(lower(tokens[before - 1]))) return undefined;
  let last = before - 2;
  while (last >= 0 && /^(was|were|has|have|had|been|also)$/.test(lower(tokens[last]))) last--;
  if (last === before - 2) return undefined;
  const run = properRunEndingAt(sentence, last);
  if (!run || run.to !== last + 1) return undefined;
  const name = resolveShortName(ctx, run.text) ?? run.text;
  return `${name}${/s$/.test(name) ? "'" : "'s"} sentence`;
}

/**
 * "teachers in the district have been striking for over three weeks" -> time teachers in the
 * district have been striking. The clause must name who, with no pronoun to resolve.
 */
function durationOf(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  if (!TIME_UNITS.test(noun) || lower(tokens[before]) !== "for" || broken(sentence, before)) return undefined;
  const isVerb = (word: string) => /^[a-z]{3,}ing$/.test(word) || isParticiple(word);
  // The verb, maybe with its object: "had reserved its decision for eight months".
  let v = before - 1;
  while (v > before - 4 && v > 0 && !isVerb(lower(tokens[v]))) v--;
  const verb = lower(tokens[v]);
  if (!isVerb(verb) || tokens.slice(v + 1, before).some((t, k) => broken(sentence, v + 1 + k))) return undefined;
  if (
    tokens
      .slice(v + 1, before)
      .some((t) => /^\d/.test(t.text) || (PRONOUN_WORDS.test(t.text) && !/^(its|their)$/i.test(t.text)))
  )
    return undefined;
  // "asked for eight years": what was asked for, not how long something lasted.
  if (/^(ask|call|press|push|beg|demand|appeal|appli|vote|bid|pay|paid|argu|plead|seek|sought)/.test(verb))
    return undefined;
  let start = clauseStart(sentence, v);
  while (start < v && /^(and|but|while)$/i.test(tokens[start]?.text ?? "")) start++;
  for (let k = v - 1; k >= start; k--)
    if (/^(said|says|told|that|showed|shows)$/i.test(tokens[k]?.text ?? "")) {
      start = k + 1;
      break;
    }
  if (v + 1 - start < 3 || before - start > 10) return undefined;
  const words = tokens.slice(start, v + 1);
  if (words.some((t) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text) || /^(for|and|but|which|who)$/i.test(t.text)))
    return undefined;
  // The clause opens with its noun phrase and has a verb before the participle.
  if (!words.slice(1, -1).some((t) => /^(has|have|had|is|are|was|were|been|be|will)$/.test(lower(t)))) return undefined;
  const phrase = textOf(sentence, start, before);
  return `time ${isCapitalised(tokens[start + 1]?.text ?? "") ? phrase : lowerFirst(phrase)}`;
}

/** "fined the Harbour Bank USD 5 million" -> the fine on the Harbour Bank. */
function fineOn(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  for (let k = before; k >= 0 && before - k < 6; k--) {
    if (broken(sentence, k + 1) && k < before) return undefined;
    if (!/^(fined|fines|fining)$/.test(lower(tokens[k]))) continue;
    if (k === before) return undefined;
    const words = tokens.slice(k + 1, before + 1);
    if (words.some((t) => /^\d/.test(t.text) || PRONOUN_WORDS.test(t.text))) return undefined;
    if (!/^(the|a|an)$/i.test(words[0]?.text ?? "") && !isCapitalised(words[0]?.text ?? "")) return undefined;
    return `the fine on ${textOf(sentence, k + 1, before + 1)}`;
  }
  return undefined;
}

/** The one organisation named before token `before` of the sentence, else in the sentence before. */
function ownerNamed(ctx: Context, index: number, before: number, sameSentence = true): string | undefined {
  for (const [k, limit] of [
    [index, sameSentence ? before : 0],
    [index - 1, Infinity],
  ] as const) {
    const sentence = ctx.sentences[k];
    if (!sentence) continue;
    const found = new Set<string>();
    for (let j = 0; j < Math.min(limit, sentence.tokens.length); j++) {
      const run = properRun(sentence, j);
      if (!run) continue;
      j = run.to - 1;
      const name = stripPossessive(run.text);
      if (isKnownPerson(ctx, name) || ctx.taggedPlaces.has(name) || isCalendarWord(name)) continue;
      if (ctx.taggedOrganisations.has(name) || run.to - run.from >= 2) found.add(name);
    }
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  return undefined;
}

/**
 * "its quarterly revenue", "the company's profit": the owner resolved to the organisation named
 * before, when only one is; undefined when it cannot be.
 */
function resolveOwner(ctx: Context, index: number, before: number, subject: string): string | undefined {
  const its = /\bits\b/i.test(subject);
  const generic = /\bthe (company|group|firm|organisation|organization|bank|airline|carrier)(?:'s)?(?![\w-])/i.exec(
    subject,
  );
  if (!its && !generic) return subject;
  // "The company, which owns part of Tarn Metals, ...": a name later in the same sentence is not "the company".
  const owner = ownerNamed(ctx, index, before, !generic);
  if (!owner) return undefined;
  const possessive = `${owner}${/s$/.test(owner) ? "'" : "'s"}`;
  let resolved = subject.replace(/\bits\b/i, possessive);
  if (generic) resolved = resolved.replace(generic[0], generic[0].endsWith("'s") ? possessive : owner);
  return resolved;
}

/** "In western Wales, officials said ...": the place a sentence opens with. */
function openingPlace(ctx: Context, sentence: Sentence): string | undefined {
  const { tokens } = sentence;
  if (!/^(in|across)$/i.test(tokens[0]?.text ?? "")) return undefined;
  let end = 1;
  while (end < tokens.length && end < 6 && !broken(sentence, end)) end++;
  if (end === 1 || end >= 6 || end >= tokens.length) return undefined;
  const words = tokens.slice(1, end);
  const last = words.at(-1)?.text ?? "";
  if (!isCapitalised(last) || isCalendarWord(last) || words.some((t) => /^\d/.test(t.text))) return undefined;
  const place = textOf(sentence, 1, end);
  const name = stripPossessive(properRunEndingAt(sentence, end - 1)?.text ?? last);
  if (isKnownPerson(ctx, name) || (ctx.taggedOrganisations.has(name) && !ctx.taggedPlaces.has(name))) return undefined;
  return place;
}

const RISE_WORDS = /^(expanded|grew|rose|climbed|jumped|surged|soared|increased|gained|advanced|rebounded)$/;
const FALL_WORDS = /^(fell|dropped|declined|slipped|shrank|contracted|slumped|plunged|tumbled|sank)$/;
const COUNT_VERBS = /^(reported|recorded|confirmed|registered|logged)$/;

/**
 * A number's subject from the clause that ends right before it, where a teacher would write one
 * (each made up): "Sales to the Gulf states expanded 8 percent" -> the rise in sales to the Gulf
 * states ("shot up", "were up"; "slipped" -> the fall in); "Port Alder has so far recorded 21
 * cases" -> cases recorded in Port Alder; "The smoke covered 300 square miles" -> square miles
 * the smoke covered. The clause's noun phrase must open it, short, with no figure of its own;
 * "those" in a second clause stands for the first clause's noun ("those to Chile" -> sales to Chile).
 */
function clauseNoun(ctx: Context, sentence: Sentence, before: number, unit: string, tail: string): string | undefined {
  const { tokens } = sentence;
  // "had lost all three of their finals": the verb before "all".
  if (lower(tokens[before]) === "all" && !broken(sentence, before) && before > 1)
    return clauseNoun(ctx, sentence, before - 1, unit, tail);
  const verbEnd = before + 1;
  let verbStart = before;
  const last = lower(tokens[before]);
  if (/^(up|down)$/.test(last) && /^(shot|was|were|is|are)$/.test(lower(tokens[before - 1]))) verbStart = before - 1;
  // The verb right before the figure, nothing in between.
  if (verbStart < 1 || broken(sentence, verbEnd) || (verbStart < before && broken(sentence, before))) return undefined;
  const verb = textOf(sentence, verbStart, verbEnd).toLowerCase();
  const rise = RISE_WORDS.test(verb) || /^(shot|was|were|is|are) up$/.test(verb);
  const fall = FALL_WORDS.test(verb) || /^(was|were|is|are) down$/.test(verb);
  const counted = COUNT_VERBS.test(verb);
  const modal = /^(will|would|could|can)$/.test(lower(tokens[verbStart - 1])) && /^[a-z]+$/.test(verb);
  // "agreed to exchange 1,000 prisoners": the verb a first verb leads to.
  const led =
    !modal &&
    lower(tokens[verbStart - 1]) === "to" &&
    /^(agreed|decided|plans|planned|promised|pledged|vowed|offered|wants|hopes|aims|intends|expected|due|set)$/.test(
      lower(tokens[verbStart - 2]),
    ) &&
    /^[a-z]+$/.test(verb);
  const finite =
    (/^[a-z]{3,}(ed|s)$/.test(verb) && !/(ss|us)$/.test(verb)) ||
    /^(has|have|had|won|lost|took|saw|held|got|gave|made|sold|bought|spent|paid|built|brought|drew|kept)$/.test(verb);
  if (!rise && !fall && !counted && !modal && !finite && !led) return undefined;
  // Back over "has so far", "will", "also".
  let end = modal ? verbStart - 1 : led ? verbStart - 2 : verbStart;
  while (
    end > 0 &&
    (/^(has|have|had|so|far|also|now|already)$/.test(lower(tokens[end - 1])) ||
      (led && /^(was|were|is|are|been)$/.test(lower(tokens[end - 1])))) &&
    !broken(sentence, end)
  )
    end--;
  let start = clauseStart(sentence, end - 1);
  // "Mexico says 40 died and the authorities have confirmed 12 deaths": the last clause joined by "and".
  for (let k = end - 2; k > start; k--)
    if (/^(and|but)$/.test(lower(tokens[k])) && /^(the|a|an)$/i.test(tokens[k + 1]?.text ?? "")) {
      start = k + 1;
      break;
    }
  while (start < end && /^(while|and|but|whereas|as)$/i.test(tokens[start]?.text ?? "")) start++;
  /** Where what the noun phrase did starts: after "which" in "The talks, which lasted ...". */
  let didFrom = end;
  const across = subjectAcross(sentence, start, end);
  if (across) {
    didFrom = across.didFrom;
    start = across.start;
    end = across.end;
  }
  // "Police arrested one man and seized 40 boxes": the second of two verbs; its doer is the first's.
  if (/^(and|or)$/.test(lower(tokens[end - 1])) && didFrom > end - 1) {
    let first = start + 1;
    while (first < end - 1 && !FINITE_PAST.test(lower(tokens[first]))) first++;
    if (first >= end - 1) return undefined;
    end = first;
  }
  if (end - start < 1 || end - start > 7) return undefined;
  const words = tokens.slice(start, end);
  if (
    words.some(
      (t, k) =>
        /^\d/.test(t.text) || /^(said|says|told|which|who|that|it|they|he|she)$/i.test(t.text) || (k > 0 && t.gap),
    )
  )
    return undefined;
  // "exports to the U.S." keeps the full stop of its abbreviation.
  let phrase = textOf(sentence, start, end);
  const first = words[0]?.text ?? "";
  if (/^those$/i.test(first)) {
    // "those to Chile": the noun the sentence opened with.
    const head = tokens[0]?.text ?? "";
    if (start === 0 || !/^\p{Lu}\p{Ll}+s$/u.test(head) || !/^(to|of|from|in|for)$/.test(lower(tokens[start + 1])))
      return undefined;
    phrase = `${head} ${textOf(sentence, start + 1, end)}`;
  } else if (
    !/^(the|a|an|its|their)$/i.test(first) &&
    !isCapitalised(first) &&
    // "enrolments expanded 12.5 percent": a bare plural noun opens a clause of change.
    !((rise || fall || counted) && /^[a-z]{3,}s$/.test(first) && words.length <= 4)
  )
    return undefined;
  const name =
    isCapitalised(first) &&
    !/^(the|a|an|its|their|those)$/i.test(first) &&
    (isCapitalised(words[1]?.text ?? "") ||
      ctx.taggedPlaces.has(phrase) ||
      // Capitalised inside a sentence somewhere in the article: a name, not an opening word.
      // (A claim's clause is read on its own: its first word may still follow words of the sentence.)
      ctx.sentences.some((other) =>
        other.tokens.some(
          (t, k) =>
            (k > 0 || /[\p{L}\p{N}]/u.test(other.text.slice(0, t.start))) && t.text === first && !broken(other, k),
        ),
      )) &&
    words.every((t) => isCapitalised(t.text));
  const np = (name ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1)).replace(/(\b\p{Lu}\.\p{Lu})$/u, "$1.");
  if (rise) return `the rise in ${np}`;
  if (fall) return `the fall in ${np}`;
  if (counted) return name ? `${unit} ${verb} in ${np}` : `${unit} ${verb} by ${np}`;
  // "The talks lasted two hours" -> time the talks lasted; "The fund holds $3 billion" -> the amount the fund holds.
  if (/^(percent|per cent)$/.test(unit)) return undefined;
  if (/ (an|a|per) (hour|second|minute)$/.test(unit)) unit = "the speed";
  else if (TIME_UNITS.test(unit)) unit = "time";
  else if (CURRENCY_WORDS.has(unit.split(" ").at(-1)?.toLowerCase() ?? "")) unit = "the amount";
  // The place or time after the figure, up to a second figure or what goes with it ("with 31.4 percent").
  const kept: string[] = [];
  for (const word of tail.split(" ").filter(Boolean)) {
    if (/\d/.test(word) || (kept.length > 0 && /^(with|and|but|as)$/i.test(word))) break;
    kept.push(word);
  }
  const rest = kept.join(" ").replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by|and|with))+$/i, "");
  const did = textOf(sentence, didFrom, verbEnd).replace(/\b(?:now|already|also|so far)\s+/g, "");
  return `${unit} ${np} ${did}${rest ? ` ${rest}` : ""}`;
}

/** A past form, crudely: the first verb of "arrested one man and seized ...". */
const FINITE_PAST =
  /^(?:[a-z]{3,}ed|won|lost|took|saw|held|got|gave|made|sold|bought|spent|paid|built|brought|drew|kept|found|caught|shot|hit)$/;

function actedOn(ctx: Context, sentence: Sentence, before: number, unit: string, tail: string): string | undefined {
  const { tokens } = sentence;
  const verb = lower(tokens[before]);
  if (!ACTED_ON.test(verb) || broken(sentence, before + 1)) return undefined;
  let end = before;
  while (
    end > 0 &&
    /^(have|has|had|been|reportedly|also|allegedly)$/.test(lower(tokens[end - 1])) &&
    !broken(sentence, end)
  )
    end--;
  const start = clauseStart(sentence, end - 1);
  let agent = "";
  if (end > start && end - start <= 8 && !NOT_AN_AGENT.test(tokens[start]?.text ?? "")) {
    const words = tokens.slice(start, end);
    if (!words.some((t) => /^\d/.test(t.text) || /^(said|says|told|and|but|who|which|that)$/i.test(t.text))) {
      agent = textOf(sentence, start, end);
      const first = tokens[start]?.text ?? "";
      const proper =
        isCapitalised(tokens[start + 1]?.text ?? "") ||
        [...ctx.taggedPeople, ...ctx.taggedPlaces, ...ctx.taggedOrganisations].some((name) => name.startsWith(first));
      if (start === 0 && !proper) agent = agent.charAt(0).toLowerCase() + agent.slice(1);
    }
  }
  // "in Orange County, Calif., has sickened": a word in commas is an appositive, not who acted.
  if (end - start === 1 && start > 0 && broken(sentence, start) && broken(sentence, end)) agent = "";
  const cleanTail = tail.replace(/\s+(?:in|on|at|the|a|an|of|to|for|from|by|last|first)$/i, "");
  // "killed seven members of one family": the "of" phrase is the counted noun's own.
  const own = /^of\s/.test(cleanTail) ? ` ${cleanTail}` : "";
  const rest = own ? "" : cleanTail;
  return `${countedPlural(unit)}${own} ${verb}${agent ? ` by ${agent}` : ""}${rest ? ` ${rest}` : ""}`;
}

const AUXILIARY_START = /^(have|has|had|were|was|are|is|will|would|could|may|might|remain|remained)$/;

/** The verb phrase after a number and its noun, up to the end of the clause: "have died in Migori". */
function verbPhraseAfter(sentence: Sentence, from: number, dates: DateMention[]): string | undefined {
  const { tokens } = sentence;
  const first = lower(tokens[from]);
  if (!first || broken(sentence, from) || !(AUXILIARY_START.test(first) || /^[a-z]+ed$/.test(first))) return undefined;
  let end = from + 1;
  while (end < tokens.length && end - from < 12 && !broken(sentence, end)) {
    const token = tokens[end];
    if (!token || dates.some((d) => token.start >= d.start && token.start < d.end)) break;
    if (/^(and|but|while|which|who|according|said|says)$/i.test(token.text)) break;
    end++;
  }
  // "died in Migori, Kisumu and Nairobi": a list cut at its first comma would say "in Migori"
  // alone, so the place phrase goes.
  if (end < tokens.length && (tokens[end]?.gap ?? "").startsWith(",") && isCapitalised(tokens[end]?.text ?? "")) {
    let cut = end - 1;
    while (cut > from && !/^(in|at|on|from|across)$/i.test(tokens[cut]?.text ?? "")) cut--;
    if (cut > from) end = cut;
  }
  while (
    end > from + 1 &&
    /^(on|in|at|the|a|an|of|to|for|from|by|with|as|since|until|after|before|late|early)$/i.test(
      tokens[end - 1]?.text ?? "",
    )
  )
    end--;
  // "At least 9 people drowned": one word says what happened to them.
  return end - from >= 2 || (end - from === 1 && PEOPLE_OUTCOMES.test(first)) ? textOf(sentence, from, end) : undefined;
}

/** What happened to the people a bare number counts: "12 have been killed", "30 are missing". */
const PEOPLE_OUTCOMES =
  /^(killed|injured|wounded|missing|dead|died|arrested|hurt|evacuated|displaced|rescued|detained|drowned|infected|hospitalised|hospitalized)$/;

function peopleOutcome(sentence: Sentence, from: number): { outcome: string; end: number } | undefined {
  const { tokens } = sentence;
  let j = from;
  while (
    j < tokens.length &&
    j - from < 3 &&
    /^(have|has|had|were|are|was|been|is|reported|now|still)$/.test(lower(tokens[j]))
  )
    j++;
  if (broken(sentence, from) || !PEOPLE_OUTCOMES.test(lower(tokens[j]))) return undefined;
  // "250 missing pupils": the word describes the noun after it.
  const next = tokens[j + 1];
  if (j === from && next && !broken(sentence, j + 1) && /^[a-z]+$/.test(next.text) && !UNIT_STOP.has(next.text))
    return undefined;
  const reported = tokens.slice(from, j).some((t) => lower(t) === "reported");
  return { outcome: `${reported ? "reported " : ""}${lower(tokens[j])}`, end: j + 1 };
}

/**
 * Who says the quoted words of a sentence: "…," said Mara Diaz; "…," election officer Mara Diaz
 * said; Diaz said: "…". A name the article gives in full, or a surname it resolves.
 */
function speakerOf(ctx: Context, sentence: Sentence): string | undefined {
  let outside = sentence.text;
  for (const [from, to] of [...sentence.quoted].reverse())
    outside = `${outside.slice(0, from)} ${" ".repeat(to - from - 1)}${outside.slice(to)}`;
  if (!/\b(said|says|told|added|asked|wrote|stated|declared)\b/.test(outside)) return undefined;
  let best: string | undefined;
  for (const person of ctx.people) {
    if (outside.includes(person) && (!best || person.length > best.length)) best = person;
  }
  if (best) return best;
  for (const token of sentence.tokens) {
    if (isInside(sentence.quoted, token.start) || !isNameToken(token)) continue;
    const resolved = resolveShortName(ctx, token.text);
    if (resolved) return resolved;
  }
  return undefined;
}

/** Whether the clause around token i hedges ("may fall", "could reach"): its figure is no fact. */
function clauseHedges(sentence: Sentence, i: number): boolean {
  let start = clauseStart(sentence, i);
  // "..., who have now lost four finals": a relative clause belongs to the clause before it.
  while (start > 0 && /^(who|which|that|where|whose)$/i.test(sentence.tokens[start]?.text ?? ""))
    start = clauseStart(sentence, start - 1);
  const from = sentence.tokens[start]?.start ?? 0;
  const last = sentence.tokens[clauseEnd(sentence, i) - 1];
  const clause = sentence.text.slice(from, last?.end ?? sentence.text.length).replace(FEARED, " ");
  if (OPINION_MARKERS.test(clause)) return true;
  return /\bmay\b/.test(clause) && !/\b(no|not)\b(\s+\w+){0,2}\s+may\b|\bmay not\b/.test(clause);
}

/**
 * A number's subject that reads without the sentence, or "": a speaker's "we" said of what was
 * done ("ballots we counted" -> "ballots counted"), else no "we/our/you", no pronoun first, no
 * share of a bare noun ("Ninety percent of people who ..." -> "share of people").
 */
function standingNumberSubject(subject: string): string {
  const repaired = subject.replace(/^([\p{L} -]+?) (?:we|they) ([a-z]{3,}ed)\b/u, "$1 $2");
  if (/\b(?:we|us|our|me|my|you|your)\b/i.test(repaired.replace(/\bUS\b/g, "")) || /\bI\b/.test(repaired)) return "";
  if (/^(?:he|she|it|they|his|her|its|their|this|these|those)\b/i.test(repaired)) return "";
  return /^share of [a-z]+$/i.test(repaired) ? "" : repaired;
}

/**
 * "Ouattara was reelected with nearly 90 percent of the vote" -> "Ouattara's ": whose share a
 * figure after "won/elected with" is, when the clause opens with a name.
 */
function winnerOf(ctx: Context, sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[before]) !== "with" || broken(sentence, before)) return undefined;
  if (!/^(won|elected|reelected|re-elected|returned|chosen)$/.test(lower(tokens[before - 1]))) return undefined;
  const start = clauseStart(sentence, before - 1);
  const run = properRun(sentence, start);
  if (
    !run ||
    run.to < before - 3 ||
    tokens.slice(run.to, before - 1).some((t) => !/^(was|were|has|have|been|is)$/.test(lower(t)))
  )
    return undefined;
  const name = resolveShortName(ctx, run.text) ?? run.text;
  return `${name}'s `;
}

/** Generic nouns a number's subject may use for a named fire or storm the article has named before. */
const NAMED_KIND: Array<[RegExp, RegExp]> = [
  [/^the (?:blaze|fire|wildfire)\b/i, /\b((?:\p{Lu}[\p{L}-]+ )+Fire)\b/gu],
  [
    /^the (?:storm|typhoon|hurricane|cyclone)\b/i,
    /\b((?:Typhoon|Hurricane|Cyclone|Storm|Tropical Storm) \p{Lu}[\p{L}-]+)\b/gu,
  ],
];

/**
 * "The blaze spanned more than 562 square miles" -> square miles the Park Fire spanned: "the blaze"
 * names the fire the sentence or the two before it name, when they name exactly one.
 */
function namedKindIn(ctx: Context, index: number, subject: string): string {
  for (const [generic, named] of NAMED_KIND) {
    const match = / the (?:blaze|fire|wildfire|storm|typhoon|hurricane|cyclone)\b/i.exec(` ${subject}`);
    if (!match || !generic.test(match[0].trim())) continue;
    const names = new Set<string>();
    for (let k = Math.max(0, index - 2); k <= index; k++)
      for (const m of (ctx.sentences[k]?.text ?? "").matchAll(named))
        names.add((m[1] ?? "").replace(/^(?:The|So-called) /, ""));
    if (names.size !== 1) return subject;
    const name = [...names][0] ?? "";
    return ` ${subject}`
      .replace(match[0], ` the ${name}`)
      .trim()
      .replace(/^the the /i, "the ");
  }
  return subject;
}

/**
 * "a magnitude 7.0 quake struck Lombok island" -> "magnitude of the quake that struck Lombok
 * island"; "the category five cyclone" -> "category of the cyclone": the number after a scale's
 * name measures the noun after it.
 */
function scaleMeasure(ctx: Context, index: number, last: number): string | undefined {
  const sentence = ctx.sentences[index];
  if (!sentence) return undefined;
  const { tokens } = sentence;
  const first = tokens.findIndex(
    (t, k) =>
      k <= last && k >= last - 1 && /^(magnitude|category)$/i.test(tokens[k - 1]?.text ?? "") && !broken(sentence, k),
  );
  if (first < 1) return undefined;
  const scale = lower(tokens[first - 1]);
  const noun = tokens[last + 1];
  if (!noun || broken(sentence, last + 1) || !/^\p{Ll}+$/u.test(noun.text)) return undefined;
  let subject = `${scale} of the ${noun.text}`;
  // The clause that tells which one: "that struck Lombok island", "that also hit the island".
  const verbAt = last + 2;
  const tags = ctx.termTags.get(sentence.start + (tokens[verbAt]?.start ?? -1));
  let from = verbAt;
  if (/^(also|then|later|again)$/.test(lower(tokens[from])) && !broken(sentence, from)) from++;
  const verbTags = ctx.termTags.get(sentence.start + (tokens[from]?.start ?? -1));
  const pastVerb = verbTags?.has("PastTense") || STRUCK_VERBS.test(lower(tokens[from]));
  if ((tags ?? verbTags) && pastVerb && !broken(sentence, from)) {
    let end = from + 1;
    while (
      end < tokens.length &&
      end - from < 6 &&
      !broken(sentence, end) &&
      !/^(and|but|while|which|who|that|on|after|before|as|when)$/i.test(tokens[end]?.text ?? "")
    )
      end++;
    if (end > from + 1) subject += ` that ${textOf(sentence, from, end)}`;
  }
  return subject;
}

/** "The vote was 7 to 3", "passed by 12 votes to 5": a score's two numbers count nothing alone. */
function isScore(sentence: Sentence, i: number): boolean {
  const { tokens } = sentence;
  const bare = (k: number) => /^\d+$/.test(tokens[k]?.text ?? "") && !broken(sentence, k);
  const opens = (k: number) => /^(was|were|is|are|by|of|vote|votes|voted)$/.test(lower(tokens[k]));
  if (bare(i) && lower(tokens[i + 1]) === "to" && /^\d+$/.test(tokens[i + 2]?.text ?? "") && opens(i - 1)) return true;
  return bare(i) && lower(tokens[i - 1]) === "to" && /^\d+$/.test(tokens[i - 2]?.text ?? "") && opens(i - 3);
}

/** A speaker's frame before what they said: "PAHO said (that)", "Officials said on Monday", "Police told reporters". */
function reportingFrame(ctx: Context, sentence: Sentence): { end: number; speaker: string } | undefined {
  const { tokens } = sentence;
  // "Given its large population, PAHO said": the frame may follow an opening phrase and its comma.
  const verb = tokens.findIndex((t, k) => {
    if (!/^(said|says|reported|stated|told)$/.test(t.text) || k === 0) return false;
    const start = clauseStart(sentence, k);
    return k - start <= 6 && (start === 0 || (tokens[start]?.gap === "," && start <= 10));
  });
  if (verb < 1) return undefined;
  const from = clauseStart(sentence, verb);
  if (from === verb || isInside(sentence.quoted, tokens[from]?.start ?? 0)) return undefined;
  // The speaker: a name ("PAHO", "Khomotso Phahlane") or officials of some kind ("Health officials").
  const speakerText = textOf(sentence, from, verb);
  const named = properRunEndingAt(sentence, verb - 1);
  const officials =
    /^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(officials|authorities|police|investigators|scientists|researchers|experts|ministry|government|agency|organisation|organization)$/iu;
  if (!(named && named.from === from) && !officials.test(speakerText)) return undefined;
  let end = verb + 1;
  if (tokens[verb]?.text === "told") {
    // "told reporters", "told the AFP news agency": the hearer is no part of the claim.
    while (end < tokens.length && end - verb <= 4 && !broken(sentence, end) && lower(tokens[end]) !== "that") end++;
    if (lower(tokens[end]) !== "that") return undefined;
  }
  if (/^(on|late|early|last|this)$/.test(lower(tokens[end])) && isCalendarWord(tokens[end + 1]?.text ?? "")) end += 2;
  else if (isCalendarWord(tokens[end]?.text ?? "")) end++;
  if (lower(tokens[end]) === "that") end++;
  // "Kestrel Bank reported a net loss": "reported" frames a claim only with its "that".
  else if (tokens[verb]?.text === "reported") return undefined;
  if (end >= tokens.length - 2 || broken(sentence, end)) return undefined;
  // "Volmark said its revenue ...", "Peru says 40 died there": the claim needs its speaker.
  if (tokens.slice(end).some((t) => /^(its|their|his|her|it|they|he|she|we|our|there)$/i.test(t.text)))
    return undefined;
  const speaker = named && named.from === from ? (resolveShortName(ctx, named.text) ?? named.text) : speakerText;
  return { end, speaker: speaker.replace(/^The /, "the ") };
}

/**
 * "PAHO said Brazil had 2,241,974 cases": the numbers of what a speaker said, read in the clause
 * after the frame and given with who said it; else the sentence as it stands.
 */
function findNumbersAfterFrame(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  const frame = sentence && reportingFrame(ctx, sentence);
  if (!sentence || !frame) {
    findNumbers(ctx, index);
    return;
  }
  const rest = sentence.tokens.slice(frame.end);
  if (rest[0]) rest[0] = { ...rest[0], gap: "" };
  ctx.sentences[index] = { ...sentence, tokens: rest };
  try {
    findNumbers(ctx, index, frame.speaker);
  } finally {
    ctx.sentences[index] = sentence;
  }
}

function findNumbers(ctx: Context, index: number, saidBy?: string): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const dates = ctx.datesBySentence[index] ?? [];
  const { tokens } = sentence;
  const seenValues = new Set<string>();
  /** The unit of the sentence's last counted number: "58 for the coalition", "10 of them". */
  let lastUnit = "";
  let lastSaid: string | undefined;
  /** The sentence's last count and where its noun ends: "512 in 14 provinces, including 9 deaths". */
  let lastCount: { subject: string; end: number } | undefined;
  let speaker: string | null | undefined;
  /** The event of "..., killing N people and torching M homes", for the list's next participle. */
  const eventOfList: { event?: string } = {};
  /** The sentence's last count with its subject: "carrying two pilots and three engineers". */
  let lastListed: { noun: string; subject: string; end: number } | undefined;
  /** A count whose subject names its owner: "Mexico reported 268,458 cases; Nicaragua, 186,173 cases". */
  let framed: { subject: string; owner: string; noun: string; unit: string } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    let claimedBy: string | undefined = saidBy;
    if (isInside(sentence.quoted, token.start)) {
      // Reported speech: a fact only with who said it.
      if (speaker === undefined) speaker = speakerOf(ctx, sentence) ?? null;
      if (!speaker) continue;
      claimedBy = speaker;
    }
    if (dates.some((d) => token.start >= d.start && token.start < d.end)) continue;
    if (/^\d+(-\d+)+$/.test(token.text) || /\d(st|nd|rd|th)$/.test(token.text)) continue;
    if (isScore(sentence, i)) continue;
    const reading = readNumberAt(sentence, i);
    if (!reading) continue;
    // "a magnitude 7.0 quake struck Lombok", "the category five cyclone": the scale of the thing named.
    const scaled = scaleMeasure(ctx, index, reading.last);
    if (scaled && !broken(sentence, i)) {
      if (!seenValues.has(`${scaled}|${reading.answer}`)) {
        seenValues.add(`${scaled}|${reading.answer}`);
        add(ctx, index, {
          kind: "number",
          subject: scaled.replace(/^(magnitude|category) of /, ""),
          relation: scaled.split(" ")[0] ?? "number",
          answer: reading.answer,
          type: "number",
          claimedBy,
          confidence: 0.65,
        });
      }
      i = reading.last + 1;
      continue;
    }
    // A label, not a count: "Section 2", "No. 2 economy", "number two", "Pad 39".
    const previousWord = tokens[i - 1]?.text ?? "";
    if (
      i > 0 &&
      !broken(sentence, i) &&
      (LABEL_NOUNS.test(previousWord) ||
        (i > 1 &&
          isCapitalised(previousWord) &&
          /^\d+$/.test(token.text) &&
          !CAPITALISED_FUNCTION_WORDS.has(previousWord) &&
          !isCalendarWord(previousWord) &&
          // "..., the Greens 21 and Labour 9": a name in a list of counts, no label.
          !(framed && /^(and|the)$/i.test(tokens[i - 2]?.text ?? "")) &&
          // "the Greens 44 seats" counts; "Section 2 Criminal Justice Act", "Crew 2 Mission" label.
          (!tokens[i + 1] || broken(sentence, i + 1) || isCapitalised(tokens[i + 1]?.text ?? ""))))
    )
      continue;
    if (i > 0 && token.gap === "." && previousWord === "No") continue;
    // A street number: "at 12 Harbour Road" is an address (a place), no count.
    if (/^(at|on)$/i.test(previousWord) && /^\d{1,4}$/.test(token.text) && !broken(sentence, i + 1)) {
      const street = properRun(sentence, i + 1);
      if (street && ON_VENUE_TAIL.test(street.text.split(" ").at(-1) ?? "")) continue;
    }
    // A conversion in brackets after an amount: "5.18 trillion yen ($59.3 billion)".
    if (reading.currency && token.gap.includes("(") && CURRENCY_WORDS.has(lower(tokens[i - 1]))) continue;
    // ... and after a measure: "562 square miles (1,455 square kilometres)".
    if (token.gap.includes("(") && measureOf(lower(tokens[i - 1]), "")) continue;
    const after = tokens[reading.last + 1];
    if (after && /^(pm|am|p\.m|a\.m|gmt|o'clock)$/i.test(after.text)) continue;
    if (!claimedBy && clauseHedges(sentence, i)) continue;
    // Ages: "Marta Kovac, 52, served ..." are found with the appositive pattern instead.
    // ("109, 355 candidates" is a number mistyped with a space, no age.)
    if (
      token.gap === "," &&
      after?.gap === "," &&
      /^\d{1,3}$/.test(token.text) &&
      Number(token.text) <= 110 &&
      !/^\d/.test(after.text)
    ) {
      const run = properRunEndingAt(sentence, i - 1);
      if (run) {
        const person = resolveShortName(ctx, run.text) ?? run.text;
        add(ctx, index, {
          kind: "number",
          subject: `age of ${person}`,
          relation: "age",
          answer: reading.answer,
          type: "number",
          unit: "years",
          confidence: 0.7,
        });
        continue;
      }
    }
    // "USD 5 million": the currency code belongs to the number.
    const numberStart = reading.currency && !CURRENCY_SIGNS[token.text.charAt(0)] ? i - 1 : i;
    const { qualifier, from: qualifierFrom } = qualifierBefore(sentence, numberStart);
    let unit = "";
    let subject = "";
    let relation = "number";
    let unitEnd = reading.last + 1;
    /** Where the scan goes on: past the unit, or to the next number of "N of the M". */
    let resume: number | undefined;
    if (reading.hyphenUnit === "year-old") {
      // "A 30-year-old man was arrested": the age of the man arrested; a named person's age is
      // found with the person it describes.
      let age = ageOfNoun(sentence, reading.last);
      // "the over 50-year old McMeeken Arena": the age of the named thing it describes.
      const named = age ? undefined : properRun(sentence, reading.last + 1);
      // ("a 30-year-old Arlo man": the run describes the noun after it.)
      if (
        named &&
        !looksLikePerson(ctx, named.text) &&
        (broken(sentence, named.to) ||
          !/^\p{Ll}+$/u.test(tokens[named.to]?.text ?? "") ||
          isParticiple(lower(tokens[named.to])) ||
          /^(is|was|will|has|had|would|with)$/.test(lower(tokens[named.to])))
      )
        age = `age of ${lower(tokens[qualifierBefore(sentence, i).from - 1]) === "the" ? "the " : ""}${named.text}`;
      if (age)
        add(ctx, index, {
          kind: "number",
          subject: age,
          relation: "age",
          answer: reading.answer,
          type: "number",
          unit: "years",
          qualifier: qualifierBefore(sentence, i).qualifier,
          confidence: 0.65,
        });
      continue;
    } else if (reading.hyphenUnit && reading.hyphenUnit !== "percent") {
      const hyphen = reading.hyphenUnit;
      // "86-yen levels": a currency before a hyphen names a level, not an amount.
      if (CURRENCY_WORDS.has(hyphen) || CURRENCY_WORDS.has(plural(hyphen))) continue;
      unit = plural(hyphen);
      const what = unitAfter(sentence, reading.last + 1);
      const measure = measureOf(hyphen, what.unit);
      if (!what.unit || !/^[\p{L}]/u.test(what.unit) || NOT_A_NOUN.test(what.unit.split(" ")[0] ?? "")) {
        // "spend nine-months aboard": the plain measure, its subject found as for any number.
        if (!measure) continue;
      } else if (measure) {
        // "the 43.5-metre rocket" -> the rocket's height, in metres.
        unitEnd = what.end;
        const tail = tailAfter(sentence, unitEnd, dates);
        subject = `${measure} of the ${what.unit}${tail ? ` ${tail}` : ""}`;
        relation = measure;
      } else {
        // "one-time", "one-party": an adjective, not a count.
        if (reading.answer.toLowerCase() === "one") continue;
        unitEnd = what.end;
        const tail = tailAfter(sentence, unitEnd, dates);
        subject = `${unit} of the ${what.unit}${tail ? ` ${tail}` : ""}`;
        relation = "length";
      }
    } else if (reading.hyphenUnit === "percent") {
      unit = "percent";
    } else if (lower(after) === "of" && /^(the|their|its|his|her|those|these)$/.test(lower(tokens[reading.last + 2]))) {
      // "34 of the 90 seats", "three of their previous finals"
      let j = reading.last + 3;
      const firstAfter = j;
      while (
        j < tokens.length &&
        (readNumberAt(sentence, j) || /^(previous|last|first|remaining)$/.test(lower(tokens[j])))
      )
        j++;
      const what = unitAfter(sentence, j);
      if (!what.unit) continue;
      unit = what.unit;
      unitEnd = what.end;
      if (readNumberAt(sentence, firstAfter)) resume = firstAfter;
    } else if (lower(after) === "of" && lower(tokens[reading.last + 2]) === "them" && lastUnit) {
      // "only 10 of them": what the sentence counted before.
      unit = lastUnit;
      unitEnd = reading.last + 3;
    } else {
      // "12 reported missing", "30 are missing": what happened to them, not a noun.
      const outcome = reading.currency ? undefined : peopleOutcome(sentence, reading.last + 1);
      const what = outcome ? { unit: "", end: reading.last + 1 } : unitAfter(sentence, reading.last + 1);
      unit = what.unit;
      unitEnd = what.end;
      if (outcome) {
        unit = "people";
        unitEnd = outcome.end;
        const tail = tailAfter(sentence, unitEnd, dates);
        subject = `people ${outcome.outcome}${tail ? ` ${tail}` : ""}`;
      } else if (!unit && !reading.currency && lastListed && / in \S/.test(lastListed.subject)) {
        // "four people had died in Kisumu and one each in Migori and Nairobi", "... and 12 in
        // Nairobi": the count before, in another place.
        let k = reading.last + 1;
        const each = lower(tokens[k]) === "each";
        if (each) k++;
        const place =
          lower(tokens[k]) === "in" && !broken(sentence, k) ? placeAt(ctx, sentence, k + 1, true) : undefined;
        if (place) {
          const frame = lastListed.subject.replace(/ in [^]+$/, "");
          const names = each ? place.name.split(/, | and /) : [place.name];
          for (const name of names)
            add(ctx, index, {
              kind: "number",
              subject: `${frame} in ${name}`,
              relation: "number",
              answer: reading.answer,
              type: "number",
              unit: /^(one|1)$/i.test(reading.answer) && lastListed.noun === "people" ? "person" : lastListed.noun,
              confidence: 0.6,
            });
          i = place.end - 1;
          continue;
        }
        if (lastUnit) unit = lastUnit;
      } else if (
        !unit &&
        lastUnit &&
        // "drugs worth €150,000 in X": an amount has its currency, not the last count's noun.
        !reading.currency &&
        (!after || broken(sentence, reading.last + 1) || /^(for|in|to|from|and|on|at|with)$/.test(lower(after)))
      ) {
        // "77 seats for Labor, 58 for the coalition and 16 for others"
        unit = lastUnit;
      }
    }
    // "144 kilometres (89 miles) an hour": a speed, past a conversion in brackets.
    if (unit && measureOf(unit, "")) {
      let j = unitEnd;
      if ((tokens[j]?.gap ?? "").includes("(")) while (j < tokens.length && !(tokens[j]?.gap ?? "").includes(")")) j++;
      if (/^(an|a|per)$/.test(lower(tokens[j])) && /^(hour|second|minute)$/.test(lower(tokens[j + 1]))) {
        unit = `${unit} ${lower(tokens[j])} ${lower(tokens[j + 1])}`;
        unitEnd = j + 2;
        relation = "speed";
        const of = qualifierFrom - 1;
        if (
          !subject &&
          lower(tokens[of]) === "of" &&
          /^[a-z]+$/.test(tokens[of - 1]?.text ?? "") &&
          !UNIT_STOP.has(lower(tokens[of - 1]))
        )
          subject = `speed of the ${lower(tokens[of - 1])}`;
      }
    }
    if (!subject && /^(people|residents|inhabitants)$/.test(unit))
      subject = populationOf(sentence, qualifierFrom - 1) ?? "";
    // No noun after the number: the sentence may say what it counts before it ("the death toll rose to 95").
    const measured =
      !unit ||
      /^(percent|per cent)$/.test(unit) ||
      !!reading.currency ||
      !!reading.scale ||
      CURRENCY_WORDS.has(unit.split(" ").at(-1)?.toLowerCase() ?? "");
    // "eased to 10.40 per cent from 12.47 per cent": the figure it moved from has the same subject.
    const said = !measured
      ? undefined
      : lower(tokens[qualifierFrom - 1]) === "from" && lastSaid
        ? lastSaid
        : predicateSubject(sentence, qualifierFrom);
    if (said) lastSaid = said;
    if (!unit && !reading.currency && !reading.scale && !said) continue;
    if (/^(of|them|us)$/i.test(unit)) continue;
    // "The Kirin 970 chip": a model's number before a singular noun, no count (970 chips would be).
    if (
      i > 0 &&
      isCapitalised(previousWord) &&
      !CAPITALISED_FUNCTION_WORDS.has(previousWord) &&
      !broken(sentence, i) &&
      /^\d+$/.test(token.text) &&
      Number(token.text) > 1 &&
      /^\p{Ll}+$/u.test(unit) &&
      !/s$/.test(unit) &&
      !measured &&
      !measureOf(unit, "") &&
      countedPlural(unit) !== unit
    )
      continue;
    if (reading.currency)
      unit = `${unit.startsWith(reading.currency) ? "" : reading.currency}${unit ? ` ${unit}` : ""}`.trim();
    if (reading.scale) unit = `${reading.scale} ${unit}`.trim();
    if (CURRENCY_WORDS.has(unit.split(" ").at(-1)?.toLowerCase() ?? "") || reading.currency) relation = "amount";
    if (/percent|per cent/.test(unit)) relation = "percentage";
    let afterQualifier: string | undefined;
    const following = tokens
      .slice(unitEnd, unitEnd + 2)
      .map((t) => t.text.toLowerCase())
      .join(" ");
    for (const q of QUALIFIERS_AFTER)
      if (following === q || following.startsWith(`${q} `) || following.split(" ")[0] === q) afterQualifier = q;
    // "33.9 percent a year earlier": a comparison, not a rate.
    if (
      afterQualifier &&
      /^(earlier|ago|before|later|on)$/.test(lower(tokens[unitEnd + afterQualifier.split(" ").length]))
    )
      afterQualifier = undefined;
    const tail = tailAfter(sentence, afterQualifier ? unitEnd + afterQualifier.split(" ").length : unitEnd, dates);
    // "90,000 tonnes a year": a rate belongs to the unit, it is no bound.
    const rate = afterQualifier && !/^(each|apiece)$/.test(afterQualifier) && unit ? afterQualifier : undefined;
    if (rate) afterQualifier = undefined;
    /** The counted noun without its scale: "2.5 million customers" counts customers. */
    const noun = unit.replace(/^(?:thousand|million|billion|trillion|dozen)\s+/, "");
    let derived = false;
    if (!subject && unit && !measured && lastCount) {
      const word = lower(tokens[qualifierFrom - 1]);
      // "was 512 in 14 provinces": the provinces that have the count before.
      if (word === "in" && qualifierFrom - 1 === lastCount.end) subject = `${noun} with ${lastCount.subject}`;
      // "..., including 9 deaths": part of the count before.
      if (word === "including") subject = `${countedPlural(noun)} among the ${lastCount.subject}`;
      derived = !!subject;
    }
    if (!subject && unit && !measured && /^(down|up)$/.test(lower(tokens[qualifierFrom - 2])) && lastCount) {
      // "won 27 seats, down from 33 in the last election": the same count, then.
      const when = tail.replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by))+$/i, "");
      if (lower(tokens[qualifierFrom - 1]) === "from" && /^in /.test(when) && !/\d/.test(when))
        subject = `${lastCount.subject} ${when}`;
      derived = !!subject;
    }
    if (
      !subject &&
      unit &&
      !measured &&
      lower(tokens[qualifierFrom - 1]) === "the" &&
      lower(tokens[qualifierFrom - 2]) === "of" &&
      readNumberAt(sentence, qualifierFrom - 3) &&
      /^(in|on|at) /.test(tail)
    )
      // "40 of the 120 seats in the council": the whole the part is out of.
      subject = `total ${noun} ${tail.replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by))+$/i, "")}`;
    // "Three of the 15 members abstained": the whole is the members in total, not those who abstained.
    if (
      !subject &&
      unit &&
      lower(tokens[qualifierFrom - 1]) === "the" &&
      lower(tokens[qualifierFrom - 2]) === "of" &&
      readNumberAt(sentence, qualifierFrom - 3)
    )
      subject = `${noun} in total`;
    if (!subject && framed && !measured && (!unit || noun === framed.noun)) {
      // "...; Nicaragua, 186,173 cases; and Honduras, 112,708": the frame of the list's first count,
      // with the name before this number in its owner's place.
      const run = properRunEndingAt(sentence, qualifierFrom - 1);
      let opener = run ? run.from : -1;
      if (/^the$/i.test(tokens[opener - 1]?.text ?? "") && !broken(sentence, opener)) opener--;
      const listed = opener > 0 && (/[,;]/.test(tokens[opener]?.gap ?? "") || lower(tokens[opener - 1]) === "and");
      if (run && listed && run.text !== framed.owner && (token.gap === "," || token.gap === "")) {
        const the = /^the$/i.test(tokens[run.from - 1]?.text ?? "") ? "the " : "";
        subject = framed.subject.replace(new RegExp(`(?:\\bthe )?${escapeRegExp(framed.owner)}`), `${the}${run.text}`);
        unit = framed.unit;
        derived = true;
      }
    }
    if (!subject && unit && !measured) subject = highestNumberOf(sentence, qualifierFrom - 1) ?? "";
    if (!subject && unit && !reading.currency) subject = handedTo(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && reading.currency) subject = worthOfGoods(sentence, unitEnd, dates) ?? "";
    if (!subject && reading.currency) subject = amountOfMoney(sentence, qualifierFrom) ?? "";
    if (!subject && unit && !measured) subject = participleCount(sentence, qualifierFrom - 1, noun, eventOfList) ?? "";
    if (!subject && unit && !measured) {
      subject = doneToCount(sentence, qualifierFrom - 1, unit, tail) ?? "";
      // "acquitting 10 activists of perjury": the count is of activists.
      if (subject) unit = unit.replace(/ of [^]*$/, "");
    }
    if (!subject && unit && !measured) subject = listedCount(sentence, qualifierFrom, noun, lastListed) ?? "";
    if (!subject && unit && !measured) subject = existentialCount(sentence, qualifierFrom - 1, noun, tail) ?? "";
    if (!subject && unit && !measured) subject = timeGiven(sentence, qualifierFrom - 1, unitEnd, noun, dates) ?? "";
    if (!subject && unit && !measured) subject = distanceTo(sentence, qualifierFrom - 1, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = heightAbove(sentence, qualifierFrom - 1, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = endedWith(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && unit && !measured) subject = timeSince(ctx, sentence, qualifierFrom - 1, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = whoseHead(sentence, qualifierFrom - 1, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = passiveAgent(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && unit && !measured) subject = relativeAfter(sentence, unitEnd, noun, dates) ?? "";
    if (!subject && (relation === "percentage" || relation === "amount"))
      subject =
        measuredNoun(sentence, unitEnd, relation === "amount", dates) ??
        figureModifiedNoun(sentence, qualifierFrom, unitEnd) ??
        "";
    if (!subject && unit && !measured) subject = carriedBy(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && unit && !measured) subject = sentenceOf(ctx, sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && unit && !measured) subject = durationOf(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && reading.currency) subject = fineOn(sentence, qualifierFrom - 1) ?? "";
    if (!subject && said) {
      // "eased to 10.40 per cent in December from 12.47 per cent in November": each figure's period.
      const next = tokens[unitEnd];
      const period =
        next && !broken(sentence, unitEnd) && /^(in|on)$/.test(lower(next))
          ? dates.find((d) => d.start === tokens[unitEnd + 1]?.start)
          : undefined;
      const movedFrom = lower(tokens[qualifierFrom - 1]) === "from";
      subject = period ? `${said} in ${period.phrase}` : movedFrom ? `${said} before the change` : said;
    }
    if (!subject && reading.currency) subject = worthOf(sentence, qualifierFrom - 1) ?? "";
    if (!subject && unit && !measured) subject = actedOn(ctx, sentence, qualifierFrom - 1, noun, tail) ?? "";
    // "33.2 percent of the vote": the share of what.
    if (!subject && relation === "percentage" && lower(tokens[unitEnd]) === "of" && !broken(sentence, unitEnd)) {
      const opening = shareOpeningClause(sentence, qualifierFrom, unitEnd);
      if (opening !== undefined) subject = opening ? `share ${opening}` : "";
      else {
        const share = tailAfter(sentence, unitEnd, dates);
        const winner = winnerOf(ctx, sentence, qualifierFrom - 1);
        // "The Harbour Party won 45 percent of the vote": whose share, when the clause names it.
        const named =
          !winner && /^of the (?:vote|votes|ballots)$/.test(share)
            ? (voteShare(sentence, qualifierFrom - 1) ?? standingShare(ctx, sentence, qualifierFrom - 1))
            : undefined;
        if (named) subject = named;
        else if (share) subject = `${winner ?? ""}share ${share}`;
      }
    }
    if (!subject && unit && !measured) subject = timeFromTo(sentence, unitEnd, noun, dates) ?? "";
    if (!subject) {
      // "six people have died in ...": the number is the clause's subject, what it did says what it counts.
      const deed = verbPhraseAfter(sentence, unitEnd, dates);
      if (deed && unit) {
        const who =
          /^(people|persons|men|women|children|residents|civilians|patients|students|workers|soldiers|troops)\b/.test(
            unit,
          )
            ? "who"
            : "that";
        subject = `${unit} ${who} ${deed}`;
      }
    }
    if (!subject && relation === "percentage") subject = voteShare(sentence, qualifierFrom - 1) ?? "";
    if (!subject && relation === "percentage") subject = standingShare(ctx, sentence, qualifierFrom - 1) ?? "";
    if (!subject) {
      subject =
        changedObject(sentence, qualifierFrom - 1) ??
        (measured || CURRENCY_WORDS.has(unit.split(" ").at(-1)?.toLowerCase() ?? "")
          ? quantityOf(sentence, qualifierFrom - 1)
          : "") ??
        "";
    }
    // "landed 12 minutes after take-off": a time relative to an event is no duration of the clause.
    const relativeTime = TIME_UNITS.test(noun) && /^(after|before|later|earlier|ago)$/.test(lower(tokens[unitEnd]));
    if (!subject && unit && !relativeTime) subject = clauseNoun(ctx, sentence, qualifierFrom - 1, noun, tail) ?? "";
    if (!subject && unit) subject = countedIn(ctx, sentence, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = toldTo(sentence, qualifierFrom - 1, unitEnd, noun) ?? "";
    if (!subject && unit && !measured) subject = namedTail(sentence, unitEnd, noun, tail) ?? "";
    if (!subject && unit && !measured) subject = membersOf(sentence, qualifierFrom - 1, noun) ?? "";
    if (!subject && unit && !measured) subject = modifiedCount(sentence, qualifierFrom - 1, unitEnd, noun, dates) ?? "";
    // "its quarterly revenue": the organisation the sentence (or the one before) names, when only one.
    if (subject) subject = resolveOwner(ctx, index, i, subject) ?? "";
    // A subject that does not stand alone: a speaker's "we", a pronoun first, a share of a bare noun.
    if (subject) subject = standingNumberSubject(namedKindIn(ctx, index, subject));
    // "a fine of USD 5 million": the currency's code is the figure's, not the subject's.
    subject = subject.replace(
      /\s+(?:USD|EUR|GBP|INR|JPY|CNY|RMB|AUD|CAD|CHF|NZD|SGD|HKD|ZAR|MVR|PKR|BDT|KES|NGN)$/,
      "",
    );
    // "people missing in the north after": a subject never ends on a function word.
    subject = subject.replace(/(?:\s+(?:in|on|at|the|a|an|of|to|for|from|by|and|after|before|since|with))+$/i, "");
    if (subject && !derived && !/\bin\b/.test(subject)) {
      // "In western Wales, ... 12 reported missing": the sentence's opening place holds for its counts.
      const place = openingPlace(ctx, sentence);
      if (place && !subject.includes(place)) subject = `${subject} in ${place}`;
    }
    if (subject && !derived) {
      // "For the April-June quarter, exports expanded 33.2 percent": the period the sentence opens with.
      const period =
        /^(?:For|In|During|Over) (the (?:[\w-]+ ){0,2}(?:quarter|half|year|month|week|period|season)),/.exec(
          sentence.text,
        );
      if (period && !/\b(?:in|during|over) the\b/.test(subject)) subject = `${subject} in ${period[1]}`;
    }
    if (!subject) {
      // No noun phrase a teacher would publish: the clause around the number is no subject.
      if (unit && !/percent|per cent/.test(unit) && !reading.currency) lastUnit = unit;
      i = unitEnd - 1;
      continue;
    }
    // "from one school to another", "three times": no count of anything.
    if (
      reading.answer.toLowerCase() === "one" &&
      lower(tokens[unitEnd]) === "to" &&
      lower(tokens[unitEnd + 1]) === "another"
    )
      continue;
    if (/^times?$/i.test(unit)) continue;
    if (rate) unit = `${unit} ${rate}`;
    const key = `${reading.answer}|${unit}`;
    if (seenValues.has(key)) continue;
    seenValues.add(key);
    if (!/percent|per cent/.test(unit)) lastUnit = unit;
    if (relation === "number" && unit) lastListed = { noun, subject, end: unitEnd };
    if (relation === "number" && unit && !framed) {
      // The owner: a name before the number that the subject holds.
      for (let k = qualifierFrom - 1; k >= 0; k--) {
        const run = properRunEndingAt(sentence, k);
        if (!run) continue;
        if (subject.toLowerCase().includes(run.text.toLowerCase()) && !/^(The|A|An)$/.test(run.text)) {
          const at = subject.toLowerCase().indexOf(run.text.toLowerCase());
          const owner = subject.slice(at, at + run.text.length);
          framed = { subject, owner, noun, unit };
          break;
        }
        k = run.from;
      }
    }
    if (!derived && relation === "number") {
      const named = /^(The|A|An)\b/.test(subject) || !isCapitalised(subject) ? lowerFirst(subject) : subject;
      lastCount = { subject: named, end: unitEnd };
    }
    // "up to 40 people have died there": the place the sentence (or the one before) names.
    if (/\bthere$/.test(subject)) {
      const place = placeNamedBefore(ctx, index, i);
      if (place) subject = subject.replace(/\bthere$/, `in ${place}`);
    }
    // "which already owned 42 percent": a state that holds now, whatever day the sentence's event has.
    const clauseFrom = tokens[clauseStart(sentence, i)]?.start ?? 0;
    const holdsNow = /\b(already|currently|now)\b/i.test(sentence.text.slice(clauseFrom, token.start));
    add(ctx, index, {
      kind: "number",
      subject,
      relation,
      asOf: holdsNow ? ctx.publishedOn : undefined,
      answer: reading.answer,
      type: "number",
      unit,
      qualifier: afterQualifier ?? qualifier,
      claimedBy,
      confidence: qualifier || afterQualifier ? 0.7 : 0.65,
    });
    i = (resume ?? unitEnd) - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

/** The place named from token i: "the Pomurje region", "Albania's capital Tirana", "northern British Columbia". */
function placeAt(
  ctx: Context,
  sentence: Sentence,
  i: number,
  preposition: boolean,
): { name: string; capitalOf?: string; end: number } | undefined {
  const { tokens } = sentence;
  let j = i;
  if (/^the$/i.test(tokens[j]?.text ?? "")) j++;
  // "the (nearby) village of al-Haas", "the town of Paradise": the place is the name after "of".
  const settlement = /^(nearby|small|northern|southern|eastern|western|coastal|remote)$/.test(lower(tokens[j]))
    ? j + 1
    : j;
  // "the states of Kerala, Goa and Odisha": plural too.
  const settled =
    SETTLEMENT_NOUNS.has(singularise(lower(tokens[settlement]))) && lower(tokens[settlement + 1]) === "of";
  if (settled) j = settlement + 2;
  // "northwestern Syria": the direction stays with the place.
  const direction = DIRECTIONS.has(lower(tokens[j])) && !broken(sentence, j + 1) ? tokens[j]?.text : undefined;
  if (direction) j++;
  const first = tokens[j];
  if (!first) return undefined;
  // "Albania's capital Tirana", "Ukraine's Donetsk region"
  if (/['’]s$/u.test(first.text) && isCapitalised(first.text)) {
    if (lower(tokens[j + 1]) === "capital") {
      const run = properRun(sentence, j + 2);
      if (run) return { name: run.text, capitalOf: stripPossessive(first.text), end: run.to };
      return undefined;
    }
    const run = properRun(sentence, j + 1);
    if (run && PLACE_TAILS.has(lower(tokens[run.to])) && !broken(sentence, run.to)) {
      return { name: `${run.text} ${tokens[run.to]?.text}`, end: run.to + 1 };
    }
    return undefined;
  }
  // "the crippled Ridgeview nuclear plant": a facility is named with its kind.
  const adjective = /^[a-z]+$/.test(tokens[j]?.text ?? "") && j > i && !broken(sentence, j + 1) ? 1 : 0;
  const facility = properRun(sentence, j + adjective);
  if (facility && !broken(sentence, facility.to)) {
    let k = facility.to;
    if (/^[a-z]+$/.test(tokens[k]?.text ?? "") && !FACILITY_NOUNS.test(lower(tokens[k])) && !broken(sentence, k + 1))
      k++;
    if (FACILITY_NOUNS.test(lower(tokens[k])) && (k > facility.to || adjective)) {
      return { name: textOf(sentence, facility.from, k + 1), end: k + 1 };
    }
  }
  const run = properRun(sentence, j);
  if (!run) return undefined;
  let name = run.text;
  let end = run.to;
  const venue = preposition && VENUE_TAIL.test(name.split(" ").at(-1) ?? "") && name.includes(" ");
  if (venue) {
    // "at the Carden Bay Refinery jetty": the venue's name is the place.
  } else if (PLACE_TAILS.has(lower(tokens[end])) && !broken(sentence, end)) {
    name = `${name} ${tokens[end]?.text}`;
    end++;
  } else if (lower(tokens[end]) === "area" && !broken(sentence, end)) {
    // "the Ridgeway area of Leeds": the place is Ridgeway.
    end++;
  } else if (
    end < tokens.length &&
    !broken(sentence, end) &&
    /^[a-z]/.test(tokens[end]?.text ?? "") &&
    !UNIT_STOP.has(lower(tokens[end]))
  ) {
    // "in Russian delegation", "at Dolmabahce meetings": a modifier, not a place.
    if (
      !/^(on|and|for|to|where|when|after|before|late|early|last|this|next|earlier|later|rather|today|yesterday|tonight)$/.test(
        lower(tokens[end]),
      ) &&
      // "in the village of X killed nine": a verb after the place ends it; so does a participle
      // ("with roads in X cut off by mud", "officials in X welcomed the deal").
      !(j > i + 1 && /ed$/.test(lower(tokens[end]))) &&
      !isParticiple(lower(tokens[end])) &&
      !/^(cut|shut|hit)$/.test(lower(tokens[end]))
    )
      return undefined;
  }
  // "the village of X" says X is a place, whatever the tagger thought.
  if (!(settled && !isOrganisationName(ctx, name)) && !looksLikePlace(ctx, name, preposition)) return undefined;
  // "in Migori, Kisumu and Nairobi counties": a list of places ending in "and" is one answer.
  const items = [name];
  let listEnd = end;
  let closed = false;
  while (items.length < 6 && !closed) {
    let at: number;
    if (tokens[listEnd]?.gap === ",") at = lower(tokens[listEnd]) === "and" ? listEnd + 1 : listEnd;
    else if (lower(tokens[listEnd]) === "and" && !broken(sentence, listEnd)) at = listEnd + 1;
    else break;
    closed = lower(tokens[at - 1]) === "and" && at > listEnd;
    if (closed && broken(sentence, at)) break;
    const next = properRun(sentence, at);
    if (!next || isKnownPerson(ctx, next.text) || isOrganisationName(ctx, next.text)) break;
    const parts = next.text.split(" and ");
    if (parts.length > 1) closed = true;
    items.push(...parts);
    listEnd = next.to;
  }
  if (closed && items.length > 1) {
    end = listEnd;
    if (PLACE_TAILS.has(singularise(lower(tokens[end]))) && !broken(sentence, end)) end++;
    name = `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
  } else if (direction && !/['’]s$/u.test(name)) name = `${direction} ${name}`;
  return { name, end };
}

const singularise = (word: string): string => word.replace(/ies$/, "y").replace(/s$/, "");

const VENUE_TAIL =
  /^(School|College|Hospital|Church|Mosque|Temple|Museum|Hotel|Station|Stadium|Court|Terminal|Refinery|Airport|Arena|Parks)$/;

/** Venues a sentence puts something "on": "on Centre Court", "on Harbour Road". */
const ON_VENUE_TAIL = /^(Court|Street|Road|Avenue|Lane|Boulevard|Square|Drive)$/;

/** What a facility is, after its name: "the Ridgeview nuclear plant", "the Carden refinery". */
const FACILITY_NOUNS = /^(plant|refinery|airport|terminal|dam|mine|reactor)$/;

/** Nouns whose "of X" names a place: "the village of al-Haas". */
const SETTLEMENT_NOUNS = new Set([
  "village",
  "town",
  "city",
  "community",
  "hamlet",
  "district",
  "province",
  "region",
  "state",
  "island",
  "county",
  "subcounty",
  "municipality",
  "prefecture",
  "parish",
  "borough",
]);

/** Words before a place: "in Kisumu", "into Chico", "towards the coast". */
const PLACE_PREPOSITIONS = new Set(["in", "at", "through", "near", "outside", "across", "into", "towards", "toward"]);

/** `basedOnly`: only "X-based", which holds even in a sentence of opinion. */
const COUNTED_CLAUSE =
  /^(?:(?:[Aa]t least|[Mm]ore than|[Nn]early|[Aa]bout|[Ss]ome|[Oo]ver|[Uu]p to|[Aa]lmost)\s+)?(\d[\d,.]*|[a-z]+)\s+(?:(people|persons|civilians|residents|children|students|soldiers|men|women)\s+)?(?:(?:have|has|had|were|was|are)\s+)?(?:been\s+)?(?:reported\s+)?(killed|died|injured|wounded|missing|evacuated|displaced|arrested|hurt|rescued|detained)((?:\s+(?:in|of|from|by|after|during)(?:\s+[a-z]+){1,3}))?$/;

/**
 * A place's subject when the clause around it is a count of people: from after a report verb,
 * "four people had died" -> "four people who died", "at least 12 people were arrested" -> "12
 * people arrested". Any other clause as it is.
 */
function countedSubject(clause: string): string {
  const reported = /\b(?:said|says|told)\s+(?:that\s+)?(.+)$/.exec(clause);
  const text = reported && (reported[1] ?? "").split(" ").length >= 3 ? (reported[1] ?? "") : clause;
  const count = COUNTED_CLAUSE.exec(text);
  if (!count) return clause;
  const number = count[1] ?? "";
  if (!/^\d/.test(number) && NUMBER_WORDS[number.toLowerCase()] === undefined) return clause;
  const outcome = (count[3] ?? "").toLowerCase();
  return `${number} ${count[2] ?? "people"} ${outcome === "died" ? "who died" : outcome}${count[4] ?? ""}`;
}

/**
 * The thing a verb made happen at a place, as a noun phrase: "convened a joint meeting at the
 * town hall" -> "the joint meeting". Only a verb's object with its article, right before the
 * preposition.
 */
function heldObject(sentence: Sentence, preposition: number): string | undefined {
  const { tokens } = sentence;
  if (!/^(at|in)$/.test(lower(tokens[preposition])) || broken(sentence, preposition)) return undefined;
  let det = preposition - 1;
  while (det > 0 && preposition - det <= 3 && /^[a-z]+$/.test(tokens[det]?.text ?? "") && !broken(sentence, det + 1)) {
    if (/^(a|an|the)$/.test(lower(tokens[det]))) break;
    det--;
  }
  if (!/^(a|an|the)$/.test(lower(tokens[det])) || det === preposition - 1 || broken(sentence, det + 1))
    return undefined;
  const words = tokens.slice(det + 1, preposition).map((t) => t.text);
  if (words.some((w) => UNIT_STOP.has(w) || PREPOSITIONS.has(w) || /^(and|or|but)$/.test(w))) return undefined;
  const verb = lower(tokens[det - 1]);
  if (
    broken(sentence, det) ||
    !(isParticiple(verb) || /^(held|holds|hold|holding|convened|convenes|opened|staged)$/.test(verb))
  )
    return undefined;
  return `the ${words.join(" ")}`;
}

/**
 * "convened a joint meeting at St. Joseph School in Imphal" -> the joint meeting: what was held at
 * a venue is also in the town the venue is in.
 */
function venueChain(sentence: Sentence, preposition: number): string | undefined {
  const { tokens } = sentence;
  if (lower(tokens[preposition]) !== "in" || broken(sentence, preposition)) return undefined;
  for (let k = preposition - 1; k > 0 && preposition - k <= 8; k--) {
    const word = tokens[k]?.text ?? "";
    if (!isCapitalised(word) || (broken(sentence, k) && tokens[k]?.gap !== ".")) return undefined;
    if (lower(tokens[k - 1]) === "at" && !broken(sentence, k)) return heldObject(sentence, k - 1);
  }
  return undefined;
}

/**
 * "Sarkozy was accused of offering to help a judge obtain a senior job in X": the whole clause up
 * to the place, when the words kept around it were cut from it ("of offering to help ...") and it
 * is short enough to read as one event.
 */
function wholeClauseBefore(sentence: Sentence, preposition: number): string | undefined {
  const start = clauseStart(sentence, preposition);
  if (preposition - start > 16 || preposition - start < 3) return undefined;
  // "The latest wave of cases to be identified is in X": the copula goes with the place.
  const copula = /^(is|are|was|were)$/.test(lower(sentence.tokens[preposition - 1])) ? 1 : 0;
  const clause = textOf(sentence, start, preposition - copula);
  // "a city of about 100,000 people just west of X": an appositive names no particular one.
  if (/^(a|an)$/i.test(sentence.tokens[start]?.text ?? "")) return undefined;
  return standsAlone(clause) && !clause.includes('"') ? clause : undefined;
}

/**
 * The clause around a place as its subject when it stands on its own; else a repair from the
 * sentence ("with" absolute, the noun phrase of what is there, the clause after an ellipsis), or
 * none: the place is then not drafted.
 */
function standingPlaceSubject(sentence: Sentence, preposition: number, placeEnd: number, clause: string) {
  // "Polls closed across the country with the Government faring better than expected in X": what is in X.
  const absolute = absoluteWith(sentence, preposition, placeEnd);
  if (absolute) return absolute;
  if (standsAlone(clause) && !startsMidPhrase(sentence, clause)) return clause;
  return (
    objectOfPronounClause(sentence, preposition) ??
    locatedNounPhrase(sentence, preposition) ??
    clauseAfterEllipsis(clause)
  );
}

/**
 * Where a place's phrase ends with what is joined to it by "and" or "or", to the clause's end:
 * "in Norland and three other provinces", "in Norland and police closed roads" are no part of
 * what is in Norland. `placeEnd` when nothing is joined.
 */
function coordinatedWith(sentence: Sentence, placeEnd: number): number {
  if (!/^(and|or)$/.test(lower(sentence.tokens[placeEnd])) || broken(sentence, placeEnd)) return placeEnd;
  return clauseEnd(sentence, placeEnd);
}

/** Words after which "to" names a place: a visit, a summons, a transfer. */
const MOVED_TO =
  /^(visitors|visitor|tourists|travellers|travelers|trips?|visits?|summoned|recalled|flown|transferred|deported|evacuated|relocated|airlifted)$/;

/**
 * "Wang Yi has begun his official visit to Mongolia" -> Wang Yi's official visit; "Xi Jinping's
 * state visit to Russia" -> that: a visit or trip with whose it is, when the sentence says.
 */
/**
 * "Wang Yi has begun his official visit to Mongolia" -> Wang Yi; "Xi Jinping's state visit to
 * Russia" -> Xi Jinping: whose visit or trip it is, when the sentence says.
 */
function visitorOf(ctx: Context, sentence: Sentence, to: number): string | undefined {
  const { tokens } = sentence;
  const noun = to - 1;
  if (!/^(visits?|trips?)$/.test(lower(tokens[noun]))) return undefined;
  let from = noun;
  while (from > 0 && noun - from < 4 && !broken(sentence, from)) {
    const word = tokens[from - 1]?.text ?? "";
    if (/^(his|her|their)$/i.test(word) || /['’]s$/.test(word)) {
      from--;
      break;
    }
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || DETERMINERS.test(word.toLowerCase())) return undefined;
    from--;
  }
  // "will make a visit to", "plans a trip to": not yet made.
  if (
    /\b(will|would|plans?|planned|planning|intends?|expected|scheduled|due|set to|is to|are to)\b/i.test(sentence.text)
  )
    return undefined;
  const owner = tokens[from]?.text ?? "";
  if (/['’]s$/.test(owner)) {
    const run = properRunEndingAt(sentence, from);
    if (!run) return undefined;
    const name = stripPossessive(run.text);
    // "President Xi Jinping's": the person, without the title.
    const person = [...ctx.people].find((p) => name.endsWith(p));
    return person ?? name;
  }
  if (!/^(his|her|their)$/i.test(owner)) return undefined;
  // "his": the person the clause opens with.
  return [...ctx.people].find((p) => sentence.text.slice(0, tokens[from]?.start ?? 0).includes(p));
}

const CLAUSE_VERB =
  /^(will|would|is|are|was|were|has|have|had|can|could|may|might|must|shall|should|opens?|opened|stands?|stood|lies|lay|remains?|remained)$/;

/**
 * The noun phrase a sentence opens with, up to its verb ("The craft fair will open at ..." -> "The
 * craft fair"); none when the sentence opens otherwise or the verb is not before `before`.
 */
function clauseSubject(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (!/^(the|a|an)$/i.test(tokens[0]?.text ?? "")) return undefined;
  for (let k = 1; k < Math.min(before, 8); k++) {
    if (broken(sentence, k)) return undefined;
    if (CLAUSE_VERB.test(lower(tokens[k])) || (k > 1 && /^[a-z]+ed$/.test(tokens[k]?.text ?? "")))
      return k > 1 ? textOf(sentence, 0, k) : undefined;
  }
  return undefined;
}

/**
 * Where something headed: "A cargo rocket carrying three crew members lifted off, then sped
 * towards X" -> the destination of a cargo rocket carrying three crew members; "Storm Ada, with
 * winds of ..., could move north, possibly towards X" -> the destination of Storm Ada. The
 * sentence's opening noun phrase up to its first comma or verb.
 */
function destinationOf(sentence: Sentence, towards: number): string | undefined {
  const { tokens } = sentence;
  const verb = lower(tokens[towards - 1]);
  const mover =
    /^(sped|speeding|headed|heading|heads|moved|moving|move|moves|flew|flying|sailed|sailing|drifted|drifting|marched|marching|travelled|traveling|travelling|bound|possibly|probably)$/;
  if (!mover.test(verb) || broken(sentence, towards)) return undefined;
  let end = 1;
  while (
    end < tokens.length &&
    end < towards &&
    end < 9 &&
    !broken(sentence, end) &&
    !CLAUSE_VERB.test(lower(tokens[end])) &&
    !/^(lifted|left|made|make|makes|took|landed|launched|sped|headed|moved|could|and)$/.test(lower(tokens[end]))
  )
    end++;
  if (end >= towards || end < 2 || end >= 9) return undefined;
  const first = tokens[0]?.text ?? "";
  const opener = /^(The|A|An)$/.test(first) ? first.toLowerCase() : first;
  return `destination of ${[opener, textOf(sentence, 1, end)].join(" ")}`;
}

/**
 * A venue named by its kind, with what happened there: "The home pair won the final on Arena
 * Court" -> the court where the home pair won the final. Only when the sentence opens with the
 * clause, whole and short, right before the venue.
 */
function venueSubject(sentence: Sentence, preposition: number, venue: string): string | undefined {
  const kind = venue.split(" ").at(-1) ?? "";
  if (!/^(Court|Stadium|Arena|Museum|Hospital|School|College|Hotel|Terminal|Airport|Park|Parks)$/.test(kind))
    return undefined;
  const { tokens } = sentence;
  const at = tokens[preposition];
  const first = tokens[0];
  if (!at || !first || preposition > 30 || sentence.quoted.length > 0) return undefined;
  // The clause without an opening adverbial ("On Sunday,") or an appositive in commas ("The pair,
  // playing together for the first time, won"); a list's commas stay.
  let text = sentence.text.slice(first.start, at.start).trim();
  if (ADVERBIAL_OPENER.test(first.text)) text = text.replace(/^[^,]*,\s*/, "");
  text = text.replace(/,\s+(?:\p{Ll}+ing|who|which|a|an|the)\b[^,;:]{1,80},/u, "");
  // "after the release of oil from a pipeline at X": the venue is the pipeline's, not the clause's.
  if (/[;:—–]|\b(said|says|told|after|before|from|during|since|while)\b/i.test(text)) return undefined;
  const clause = text.split(/\s+/);
  if (clause.length < 3 || clause.length > 24) return undefined;
  const opener = /^(The|A|An|Its|Their|His|Her)$/i.test(clause[0] ?? "") ? (clause[0] ?? "").toLowerCase() : clause[0];
  const noun = kind === "Parks" ? "parks" : kind.toLowerCase();
  return `the ${noun} where ${[opener, ...clause.slice(1)].join(" ")}`;
}

const CUT_END =
  /\s+(?:the|a|an|their|his|her|its|to|of|in|on|at|by|for|from|and|or|just|with|according to|as|than|more than)$/i;
const TIME_WORDS = /^(morning|afternoon|evening|night|today|yesterday|earlier|later|again|too|also)$/i;

/**
 * A place's subject a teacher could write: a clause cut mid-phrase loses its dangling words ("...
 * civilians in the" -> "... civilians"), and a bare clause that says only that something happened
 * ("Calm weather conditions prevailed", "History was made on Friday morning") names nothing a
 * question can ask about: none.
 */
export function placeSubject(clause: string): string | undefined {
  let subject = clause.trim();
  while (CUT_END.test(subject)) subject = subject.replace(CUT_END, "").trim();
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  // The last word that is not a time: a verb there means the clause has no object.
  let last = words.length - 1;
  while (
    last > 0 &&
    (TIME_WORDS.test(words[last] ?? "") || isCalendarWord(words[last] ?? "") || /^(on|in|at)$/i.test(words[last] ?? ""))
  )
    last--;
  // A state or a figure of speech, no event: "conditions prevailed", "history was made".
  const verb = (words[last] ?? "").toLowerCase();
  const state =
    /^(prevailed|reigned|persisted|lingered|existed)$/.test(verb) ||
    (verb === "made" && /^(was|were)$/i.test(words[last - 1] ?? ""));
  if (words.length <= 7 && last >= 1 && state) return undefined;
  return subject;
}

/** Verbs whose object is the place something befell: "a quake struck Lombok", "the storm battered Fiji". */
const STRUCK_VERBS =
  /^(struck|hit|rattled|battered|lashed|pounded|ravaged|devastated|shook|flooded|swept|engulfed|rocked|slammed)$/;

/**
 * "a magnitude 7.0 quake struck Indonesia's Lombok island and rattled neighbouring Bali" -> the
 * place the quake struck, and the one it rattled: a place as the object of what befell it, with
 * the noun phrase that did it (a name, or a phrase opened by an article) as the subject.
 */
/** A verb in its finite use ("battered"), not a noun compromise also reads as one ("storm"). */
const finiteVerb = (tags: Set<string> | undefined): boolean => !!tags?.has("Verb") && !tags.has("Noun");

function findPlacesStruck(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  let doer: string | undefined;
  for (let i = 1; i < tokens.length - 1; i++) {
    const verb = lower(tokens[i]);
    if (!STRUCK_VERBS.test(verb) || broken(sentence, i + 1) || isInside(sentence.quoted, tokens[i]?.start ?? 0)) {
      continue;
    }
    // "... and rattled neighbouring Bali": the same doer.
    let subject = lower(tokens[i - 1]) === "and" && !broken(sentence, i - 1) ? doer : undefined;
    if (!subject && !broken(sentence, i)) {
      const named = properRunEndingAt(sentence, i - 1);
      const start = clauseStart(sentence, i);
      const article = tokens.slice(start, i).findLastIndex((t) => /^(a|an|the)$/i.test(t.text));
      if (
        named &&
        named.from >= start &&
        isCapitalised(tokens[named.from]?.text ?? "") &&
        !looksLikePlace(ctx, named.text, false)
      )
        subject = `${/^the$/i.test(tokens[named.from - 1]?.text ?? "") ? "the " : ""}${named.text}`;
      else if (article >= 0 && i - (start + article) <= 6) {
        const from = start + article;
        const between = tokens.slice(from + 1, i);
        if (
          between.every(
            (t, k) => !finiteVerb(ctx.termTags.get(sentence.start + t.start)) && !broken(sentence, from + 1 + k),
          )
        )
          subject = textOf(sentence, from, i);
      }
    }
    if (!subject) continue;
    doer = subject;
    let at = i + 1;
    if (/^(neighbou?ring|nearby)$/.test(lower(tokens[at])) && !broken(sentence, at + 1)) at++;
    // After such a verb a name is a place as it would be after "in".
    const place = placeAt(ctx, sentence, at, true);
    if (!place) continue;
    add(ctx, index, { kind: "place", subject, relation: verb, answer: place.name, type: "place", confidence: 0.6 });
    i = place.end - 1;
  }
}

function findPlaces(ctx: Context, index: number, basedOnly = false): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const dates = ctx.datesBySentence[index] ?? [];
  const found = new Set<string>();
  let claimedBy: string | undefined;
  const emit = (clause: string, relation: string, answer: string, confidence: number) => {
    const subject = placeSubject(clause);
    const key = `${answer}|${subject}`;
    if (!subject || found.has(key)) return;
    found.add(key);
    add(ctx, index, { kind: "place", subject, relation, answer, type: "place", claimedBy, confidence });
  };
  // Reported speech: places inside quotation marks, with who said them.
  const speaker = sentence.quoted.length > 0 ? speakerOf(ctx, sentence) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const quoted = isInside(sentence.quoted, token.start);
    if (quoted && !speaker) continue;
    claimedBy = quoted ? speaker : undefined;
    const word = token.text;
    const based = /^(\p{Lu}[\p{L}.]*(?:[ -]\p{Lu}[\p{L}]*)*)-based$/u.exec(word);
    if (based) {
      let j = i + 1;
      while (
        j < tokens.length &&
        j - i < 4 &&
        /^[a-z]+$/.test(tokens[j]?.text ?? "") &&
        !UNIT_STOP.has(lower(tokens[j])) &&
        !broken(sentence, j)
      )
        j++;
      const run = properRun(sentence, j, true);
      const end = run ? run.to : j;
      let what = textOf(sentence, i + 1, end);
      if (run && ORG_TAILS.has(lower(tokens[end])) && !broken(sentence, end)) what = `${what} ${tokens[end]?.text}`;
      if (what) emit(what, "based in", based[1] ?? "", 0.75);
      continue;
    }
    // A forecast path: "could move north, possibly towards X" -> the possible destination of ...
    if (basedOnly && /^towards?$/i.test(word) && /^(possibly|probably)$/.test(lower(tokens[i - 1])) && !quoted) {
      const place = placeAt(ctx, sentence, i + 1, true);
      const subject = place && destinationOf(sentence, i);
      if (place && subject) emit(`possible ${subject}`, "name", place.name, 0.55);
      continue;
    }
    // "the Doha based broadcaster": "based" without its hyphen.
    if (isCapitalised(word) && !quoted) {
      const run = properRun(sentence, i);
      if (
        run &&
        lower(tokens[run.to]) === "based" &&
        !broken(sentence, run.to) &&
        looksLikePlace(ctx, run.text, false)
      ) {
        const what = properRun(sentence, run.to + 1, true);
        if (what && !broken(sentence, run.to + 1)) {
          let text = what.text;
          if (ORG_TAILS.has(lower(tokens[what.to])) && !broken(sentence, what.to))
            text = `${text} ${tokens[what.to]?.text}`;
          emit(text, "based in", run.text, 0.7);
          i = what.to - 1;
          continue;
        }
      }
    }
    if (basedOnly) continue;
    // "Tearing away from Pad 39-A", "from Launch Complex 40": a launch pad, of the rocket the sentence names.
    if (/^(Pad|Complex)$/.test(word) && /^\d+[\w-]*$/.test(tokens[i + 1]?.text ?? "") && !broken(sentence, i + 1)) {
      const from = lower(tokens[i - 1]) === "launch" && !broken(sentence, i) ? i - 1 : i;
      if (/^(from|at|on)$/.test(lower(tokens[from - 1])) && !broken(sentence, from)) {
        const rocket = tokens.findIndex((t) => /^(rocket|spacecraft|capsule|launcher)$/.test(t.text));
        const article = rocket > 0 ? tokens.slice(0, rocket).findLastIndex((t) => /^(the|a|an)$/i.test(t.text)) : -1;
        const vehicle =
          article >= 0 && rocket - article <= 4
            ? ` of ${lower(tokens[article])} ${textOf(sentence, article + 1, rocket + 1)}`
            : "";
        emit(`launch pad${vehicle}`, "name", textOf(sentence, from, i + 2), 0.65);
        i++;
        continue;
      }
    }
    const low = word.toLowerCase();
    // "will open at 12 Harbour Road": an address is a place; what is there is the clause's subject.
    if (/^(at|on)$/.test(low) && /^\d{1,4}[A-Za-z]?$/.test(tokens[i + 1]?.text ?? "") && !broken(sentence, i + 2)) {
      const street = properRun(sentence, i + 2);
      if (street && ON_VENUE_TAIL.test(street.text.split(" ").at(-1) ?? "")) {
        const owner = clauseSubject(sentence, i);
        if (owner) emit(owner, "held at", `${tokens[i + 1]?.text} ${street.text}`, 0.65);
        i = street.to - 1;
        continue;
      }
    }
    // "won the final on Centre Court": "on" before a court or a street only.
    if (low === "on" && isCapitalised(tokens[i + 1]?.text ?? "")) {
      const place = placeAt(ctx, sentence, i + 1, true);
      if (place && ON_VENUE_TAIL.test(place.name.split(" ").at(-1) ?? "")) {
        const venue = venueSubject(sentence, i, place.name);
        emit(venue ?? clauseAround(sentence, i, i, place.end, 10), venue ? "name" : "held at", place.name, 0.6);
        i = place.end - 1;
      }
      continue;
    }
    // "visitors to X", "was summoned to X": "to" names a place after a visit or a move only.
    const movedTo = low === "to" && !broken(sentence, i) && MOVED_TO.test(lower(tokens[i - 1]));
    // "Oil Clean Up A Success In Hampshire": a headline in title case, no clause to ask about.
    if (i > 0 && PLACE_PREPOSITIONS.has(low) && isCapitalised(word)) continue;
    if (
      movedTo ||
      PLACE_PREPOSITIONS.has(low) ||
      (/^(north|south|east|west)$/.test(low) && lower(tokens[i + 1]) === "of")
    ) {
      // "Two people died in Vesi and one in Arlo": the second count's verb is elided, its clause
      // is the first place's.
      const count = lower(tokens[i - 1]);
      if (
        lower(tokens[i - 2]) === "and" &&
        (/^\d[\d,.]*$/.test(count) || NUMBER_WORDS[count] !== undefined) &&
        tokens.slice(0, i - 2).some((t) => PLACE_PREPOSITIONS.has(lower(t)))
      )
        continue;
      const start = PLACE_PREPOSITIONS.has(low) || movedTo ? i + 1 : i + 2;
      if (dates.some((d) => (tokens[start]?.start ?? -1) >= d.start && (tokens[start]?.start ?? -1) < d.end)) continue;
      const place = placeAt(ctx, sentence, start, true);
      if (!place) continue;
      if (SETTING_NOUNS.has(lower(tokens[i - 1]))) continue;
      if (place.capitalOf) emit(`capital of ${place.capitalOf}`, "is", place.name, 0.75);
      const relation =
        low === "to"
          ? "to"
          : low === "at"
            ? "held at"
            : /^(through|across|into|towards?)$/.test(low)
              ? low.replace(/^toward$/, "towards")
              : /^(north|south|east|west)$/.test(low)
                ? `${low} of`
                : "in";
      const skipFrom = i;
      // "in Norland and three other provinces": what is joined to the place goes with it.
      const skipTo = coordinatedWith(sentence, place.end);
      // "the destination of X", "the museum where Y": the place is what the subject names.
      // "his official visit to Mongolia", "visitors to Tallinn": where they went is the destination.
      // "his official visit to Mongolia", "Xi Jinping's state visit to Russia": the visitor visited it.
      if (movedTo && /^(visits?|trips?)$/.test(lower(tokens[i - 1]))) {
        const visitor = visitorOf(ctx, sentence, i);
        if (visitor) emit(visitor, "visited", place.name, 0.6);
        i = place.end - 1;
        continue;
      }
      const named =
        (/^towards?$/.test(low) ? destinationOf(sentence, i) : undefined) ??
        (low === "at" ? venueSubject(sentence, i, place.name) : undefined);
      const subject =
        heldObject(sentence, i) ??
        named ??
        (movedTo && /^(visitors?|tourists|travellers|travelers)$/.test(lower(tokens[i - 1]))
          ? textOf(sentence, clauseStart(sentence, i - 1), i)
          : undefined) ??
        venueChain(sentence, i) ??
        standingPlaceSubject(sentence, i, place.end, countedSubject(clauseAround(sentence, i, skipFrom, skipTo, 10)));
      // "the 2018 Camp Fire that tore through X": the noun the relative clause describes, always.
      const relative = heldObject(sentence, i) || named ? undefined : relativeClauseSubject(sentence, i);
      const whole = subject || relative ? undefined : wholeClauseBefore(sentence, i);
      if (relative) emit(relative.subject, relative.relation, place.name, 0.55);
      else if (subject)
        emit(subject, named && subject === named ? "name" : heldAtOrAt(subject, relation), place.name, 0.6);
      else if (whole) emit(whole, heldAtOrAt(whole, relation), place.name, 0.55);
      i = place.end - 1;
      continue;
    }
    if (low === "between" && !PARTY_NOUNS.has(lower(tokens[i - 1]))) {
      const andIndex = tokens.findIndex((t, k) => k > i && t.text === "and");
      if (andIndex < 0 || andIndex - i > 7) continue;
      const a = properRunEndingAt(sentence, andIndex - 1, OF_ONLY);
      const bEnd = clauseEnd(sentence, andIndex);
      const b = properRunEndingAt(sentence, bEnd - 1, OF_ONLY);
      if (!a || !b || b.from <= andIndex || bEnd - andIndex > 6) continue;
      if (!looksLikePlace(ctx, a.text, true) || !looksLikePlace(ctx, b.text, true)) continue;
      // The thing that lies between: back to its article ("a gas pipeline", "the first section").
      const last = broken(sentence, i) ? i : i;
      let from = last - 1;
      while (from > 0 && last - from < 5 && !/^(a|an|the)$/i.test(tokens[from]?.text ?? "") && !broken(sentence, from))
        from--;
      const subject = textOf(sentence, from, last);
      emit(subject, "between", stripPossessive(a.text), 0.6);
      emit(subject, "between", stripPossessive(b.text), 0.6);
      i = b.to - 1;
    }
  }
}

/** What is "held" somewhere: a gathering, a contest, a vote; a release or a crash only happens there. */
const HELD_THINGS =
  /^(meeting|meetings|talks|summit|conference|ceremony|rally|festival|exhibition|election|elections|vote|referendum|match|game|games|final|race|concert|funeral|trial|hearing|session|forum|event|events|celebration|celebrations|protest|protests|march|parade|show|auction|congress|assembly|competition|tournament|championship|championships|convention|debate|service|mass|wedding|inauguration|negotiations|consultations|symposium|workshop|fair|expo|show|screening|premiere|launch)$/;

/** "held at" for what is held ("the talks were held at the palace"); plain "at" for anything else. */
function heldAtOrAt(subject: string, relation: string): string {
  if (relation !== "held at") return relation;
  const head = subject
    .toLowerCase()
    .split(/\s+(?:of|from|by|for|between|with|on|in|at|to|that|which|who)\s+/)[0]!
    .split(/\s+/)
    .at(-1);
  return head && HELD_THINGS.test(head) ? relation : "at";
}

/**
 * A place named before what it holds: "after the 2016 Lisbon bomb attacks" -> the 2016 bomb
 * attacks, in Lisbon; "several Kern County communities were under a warning" -> communities
 * that were under a warning; "the club's Leeds and York offices" -> the club's offices.
 */
function findPlaceModifiers(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const dates = ctx.datesBySentence[index] ?? [];
  for (let i = 0; i < tokens.length; i++) {
    if (isInside(sentence.quoted, tokens[i]?.start ?? 0)) continue;
    // "The town of X, a fishing port, ordered everyone to leave": the town, with what it did.
    if (
      lower(tokens[i]) === "the" &&
      (i === 0 || broken(sentence, i)) &&
      SETTLEMENT_NOUNS.has(lower(tokens[i + 1])) &&
      lower(tokens[i + 2]) === "of" &&
      !broken(sentence, i + 1) &&
      !broken(sentence, i + 2)
    ) {
      const town = properRun(sentence, i + 3);
      if (town && !broken(sentence, i + 3)) {
        // Past an appositive in commas.
        let next = town.to;
        if (broken(sentence, next) && (tokens[next]?.gap ?? "").includes(",")) next = clauseEnd(sentence, next);
        // The verb after the appositive's closing comma opens the rest of the clause.
        const joined = { ...sentence, tokens: tokens.map((t, k) => (k === next ? { ...t, gap: "" } : t)) };
        const deed = verbPhraseAfter(joined, next, dates);
        if (deed) {
          add(ctx, index, {
            kind: "place",
            subject: `the ${lower(tokens[i + 1])} that ${deed}`,
            relation: "is",
            answer: town.text,
            type: "place",
            confidence: 0.6,
          });
          i = town.to - 1;
          continue;
        }
      }
    }
    const run = properRun(sentence, i);
    if (!run) continue;
    i = run.to - 1;
    // The nouns after the name: one or two lower-case words, the last one a held noun.
    let end = run.to;
    while (
      end < tokens.length &&
      end - run.to < 2 &&
      /^[a-z]+$/.test(tokens[end]?.text ?? "") &&
      !broken(sentence, end)
    )
      end++;
    while (end > run.to && !HELD_BY_PLACE.test(lower(tokens[end - 1]))) end--;
    if (end === run.to || broken(sentence, run.to)) continue;
    const names = run.text.split(/ and /);
    if (names.some((name) => !looksLikePlace(ctx, stripPossessive(name), false))) continue;
    if (/['’]s$/.test(run.text) || NOT_A_PLACE_TAIL.test(run.text.split(" ").at(-1) ?? "")) continue;
    // What comes before the name in its noun phrase: "the November 2008", "the party's".
    let from = run.from;
    while (
      from > 0 &&
      run.from - from < 4 &&
      !broken(sentence, from) &&
      (/^(?:[a-z]+(?:['’]s)?|\d{4})$/.test(tokens[from - 1]?.text ?? "") ||
        isCalendarWord(tokens[from - 1]?.text ?? "")) &&
      !PREPOSITIONS.has(lower(tokens[from - 1])) &&
      !PLACE_PREPOSITIONS.has(lower(tokens[from - 1])) &&
      !/^(after|before|since|during|of|and|or|but|said|says|were|was|had|has|have)$/.test(lower(tokens[from - 1]))
    )
      from--;
    while (from < run.from && COUNTING_WORDS.test(tokens[from]?.text ?? "")) from++;
    const before = from < run.from ? `${textOf(sentence, from, run.from)} ` : "";
    const nouns = textOf(sentence, run.to, end);
    const deed = verbPhraseAfter(sentence, end, dates);
    const subject = deed ? `${before}${nouns} that ${deed}` : `the ${before}${nouns}`;
    add(ctx, index, { kind: "place", subject, relation: "in", answer: run.text, type: "place", confidence: 0.55 });
  }
}

/** An all-capitals place name as a name: "FOREST RANCH" -> "Forest Ranch", "ĐÀ NẴNG" -> "Đà Nẵng". */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/\b(Of|The|And|On|De|Al)\b(?!$)/g, (word, _w, offset: number) =>
      offset === 0 ? word : word.toLowerCase(),
    );
}

const DATELINE_CAPS =
  /^(\p{Lu}[\p{Lu}.'’ -]*\p{Lu})(?:,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?(?:,\s*\p{Lu}\p{Ll}+\.? \d{1,2})?(?:\s*\([^()]{1,40}\))?\s*(?:--|[-—–:])\s/u;
const DATELINE_AFTER_DATE = /^\p{Lu}\p{Ll}+\.? \d{1,2},? \d{4},? \((\p{Lu}[\p{Lu} .'’-]*\p{Lu})\)\s*(?:--|[-—–:])\s/u;
const DATELINE_NAME = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}):\s+\p{Lu}/u;
/** "Ulaanbaatar/MONTSAME/.", "BEIJING, March 23. /TASS/.": the agency between slashes. */
const DATELINE_SLASH =
  /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})(?:,\s*\p{Lu}\p{Ll}+\.? \d{1,2})?\.?\s*\/(\p{Lu}[\p{Lu}\p{L}.& -]{1,30})\/\.?(?:\s+|$)/u;

/**
 * The dateline of a report, at the start of one of its first paragraphs: "TOKYO (AP) --",
 * "ANKARA, Turkey (AP) —", "ISTANBUL, May 16 (Reuters) --", "June 1, 2019 (KHARTOUM) -",
 * "Sriharikota: ...". The place the report was filed from.
 */
function findDateline(ctx: Context): void {
  for (let index = 0; index < ctx.sentences.length; index++) {
    const sentence = ctx.sentences[index];
    if (!sentence || sentence.paragraph > 6) return;
    if (index > 0 && ctx.sentences[index - 1]?.paragraph === sentence.paragraph) continue;
    const slash = DATELINE_SLASH.exec(sentence.text);
    const caps = slash ? undefined : DATELINE_CAPS.exec(sentence.text);
    const afterDate = caps || slash ? undefined : DATELINE_AFTER_DATE.exec(sentence.text);
    // "Sriharikota: ..." opens the report, or the paragraph after its headline (no full stop).
    const afterHeadline = index === 1 && !/[.!?]["”’)]*$/.test(ctx.sentences[0]?.text ?? ".");
    const named =
      caps || afterDate || slash || (index > 0 && !afterHeadline) ? undefined : DATELINE_NAME.exec(sentence.text);
    const place = slash?.[1] ?? caps?.[1] ?? afterDate?.[1] ?? named?.[1];
    if (!place || place.replace(/[^\p{L}]/gu, "").length < 3) continue;
    // All capitals, or the plain name before a colon; not an acronym of an outlet ("AP", "UN").
    if (caps && (place.length < 4 || !/\s|\p{Lu}{4,}/u.test(place))) continue;
    const region = caps?.[2];
    const name = titleCase(place.trim());
    // "TOKYO (AP) --", "ISTANBUL, May 16 (Reuters) --": the agency that filed the report.
    const agency = slash ? slash[2]?.trim() : caps ? /\(([^()]{2,40})\)/u.exec(caps[0])?.[1]?.trim() : undefined;
    if (agency && /^\p{Lu}[\p{L}.&'’ -]*$/u.test(agency) && agency.split(" ").length <= 4)
      addFiler(ctx, index, agency, 0.75);
    add(ctx, index, {
      kind: "place",
      subject: "dateline of the report",
      relation: "names",
      answer: name,
      type: "place",
      aliases: region ? [`${name}, ${titleCase(region)}`] : [],
      confidence: 0.8,
    });
    // The other patterns read the sentence after its dateline ("ISTANBUL KUNA" is no event).
    const end = (slash ?? caps ?? afterDate ?? named)?.[0].length ?? 0;
    const rest = sentence.tokens.filter((token) => token.start >= end);
    if (rest[0]) rest[0] = { ...rest[0], gap: "" };
    ctx.sentences[index] = { ...sentence, tokens: rest };
    return;
  }
}

/** The news agency that filed the report: asked "Which news agency filed this report?". */
function addFiler(ctx: Context, index: number, agency: string, confidence: number): void {
  add(ctx, index, {
    kind: "organisation",
    subject: "this report",
    relation: "filed by",
    answer: agency,
    type: "organisation",
    confidence,
  });
}

/**
 * A news service's credit at the end of the report ("... New Year festival. — VNS", a last line
 * "(Reuters)"): who filed the report, as a dateline's agency is. Only when no dateline gave one.
 */
function findCredit(ctx: Context): void {
  if (ctx.drafts.some((d) => d.relation === "filed by")) return;
  const index = ctx.sentences.length - 1;
  const last = ctx.sentences[index];
  const credit = last && /(?:^|\s)(?:[—–]|--)\s*(\p{Lu}{2,8})\s*$|^\((\p{Lu}[\p{L}]{1,20})\)$/u.exec(last.text.trim());
  const agency = credit?.[1] ?? credit?.[2];
  // "— AGENCIES", "— STAFF": a credit that names no one.
  if (agency && !/^(AGENCIES|AGENCY|STAFF|WIRES?|DESK|NEWS|REPORTER|BUREAU)$/i.test(agency))
    addFiler(ctx, index, agency, 0.7);
}

// ---------------------------------------------------------------------------------------------
// Organisations: sources and owners
// ---------------------------------------------------------------------------------------------

const LEADING_ADVERBIAL =
  /^(?:After|Before|At|On|In|During|Also|Last|Earlier|Later|Citing|However|Currently|Meanwhile|Until|Since)\b[^,]{0,80},\s*/;

/** A claim longer than this is cut at its first main clause (a whole sentence up to it stays whole). */
const MAX_CLAIM_WORDS = 35;

function claimText(text: string): string {
  // "according to the weather service, which recorded ...": a relative clause describes the
  // source; it is never what the source said.
  if (/^[\s,]*(?:which|who|whom|whose)\b/i.test(text)) return "";
  let cleaned = text
    .replace(/["“”]/g, "")
    .replace(/^\s*(that|also)\s+/i, "")
    .trim();
  const stripped = cleaned.replace(LEADING_ADVERBIAL, "");
  if (stripped.split(/\s+/).length >= 5) cleaned = stripped;
  cleaned = cleaned
    // "on Friday that as of 0600 GMT ...": the day of saying is no part of what was said.
    .replace(/^(?:on|in|at|late|early)\s+[^,]{1,25}?\s+that\s+/i, "")
    // "said Friday it had ...": nor is a bare day.
    .replace(/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s+(?:that\s+)?/, "")
    // "..., Jay Tracy, a spokesperson at the headquarters": the speaker is no part of it either.
    .replace(/,\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+,\s*(?:a|an|the)\s[^,]*[,.]?\s*$/u, "");
  let words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length > MAX_CLAIM_WORDS) {
    // A claim cut mid-clause is a fragment: keep it to its first main clause, ended by a comma
    // before "and", "but", "while", "adding" or "which" (never inside a relative clause), or none.
    const cut = words
      .slice(0, MAX_CLAIM_WORDS + 1)
      .findIndex((w, k) => k >= 5 && /,$/.test(w) && /^(and|but|while|adding|which|as)$/i.test(words[k + 1] ?? ""));
    if (cut < 0 || words.slice(0, cut).some((w) => /,$/.test(w))) return "";
    words = words.slice(0, cut + 1);
  }
  const claim = words.join(" ").replace(/[,.;:]+$/, "");
  // A claim is a clause: it has a verb ("In neighbouring Nepal" is none), and does not open on
  // an adverb of manner ("possibly swept away in a river").
  const terms = (loadNlp()(claim).json() as { terms: { tags: string[] }[] }[]).flatMap((t) => t.terms);
  const verbLike = (w: string) =>
    LINK_VERBS.test(w) ||
    IRREGULAR_PARTICIPLES.has(w) ||
    /^[a-z]{3,}ed$/.test(w) ||
    /^(won|lost|took|made|came|went|met|held|gave|told|left|began|says|said|has|have|had|will|would|can|could)$/.test(
      w,
    );
  if (!terms.some((t) => t.tags.includes("Verb")) && !words.some((w) => verbLike(w.toLowerCase()))) return "";
  if (/^\p{Ll}+ly$/u.test(words[0] ?? "")) return "";
  return claim;
}

/** A nationality's adjective, or the compass word before one ("South Korean"). */
const NATIONALITY = /^(?:North|South|East|West|\p{Lu}\p{Ll}+(?:an|ese|ish|ic|i|ch))$/u;

/** What a party is said to be before its name: "the ruling Justice and Development Party". */
const PARTY_DESCRIPTORS =
  /^(ruling|governing|opposition|pro-[\p{L}]+|centre-right|centre-left|center-right|center-left|centrist|conservative|liberal|socialist|nationalist|far-right|far-left|left-wing|right-wing|populist|main)$/u;
const PARTY_HEADS = /^(Party|Alliance|Front|Movement|Congress|League|Coalition|Union)$/;
/** Bodies a country has one of, named by the country's article ("Turkey's ruling party"). */
const NATIONAL_BODY =
  /^the (ruling|governing|main opposition|national|state-run|state|central) (party|coalition|broadcaster|bank|news agency|television)$/i;

/**
 * "German rail union Transnet", "the state-run broadcaster TRN", "South Korean tech titan Arlo
 * Electronics": a body named right after what kind of body it is -> which body that is.
 */
function findDescribedOrganisations(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  // "the ruling Justice and Development Party", "the pro-Kurdish People's Democratic Party".
  for (let k = 1; k < tokens.length - 1; k++) {
    // (A capital makes it part of the name: "the Liberal Democratic Party".)
    if (!/^the$/i.test(tokens[k - 1]?.text ?? "") || !PARTY_DESCRIPTORS.test(tokens[k]?.text ?? "")) continue;
    let at = k + 1;
    if (lower(tokens[k]) === "main" && lower(tokens[at]) === "opposition") at++;
    if (broken(sentence, at) || isInside(sentence.quoted, tokens[k]?.start ?? 0)) continue;
    const run = properRun(sentence, at);
    const last = run ? (tokens[run.to - 1]?.text ?? "") : "";
    if (!run || !PARTY_HEADS.test(last) || run.to - run.from < 2) continue;
    add(ctx, index, {
      kind: "organisation",
      subject: `the ${textOf(sentence, k, at)} ${last.toLowerCase()}`,
      relation: "name",
      answer: run.text,
      type: "organisation",
      confidence: 0.6,
    });
    k = run.to - 1;
  }
  for (let head = 1; head < tokens.length - 1; head++) {
    if (!BODY_NOUNS.has(lower(tokens[head])) || !/^\p{Ll}/u.test(tokens[head]?.text ?? "")) continue;
    if (broken(sentence, head + 1) || isInside(sentence.quoted, tokens[head]?.start ?? 0)) continue;
    const run = properRun(sentence, head + 1);
    if (!run) continue;
    const name = run.text.replace(/\s+(?:of|for|and)$/, "");
    // After a body's kind the name is the body's, unless the article knows it as a person's
    // ("union leader X" has "leader" as its head, not "union").
    if (isKnownPerson(ctx, name)) continue;
    // "German rail union Transnet head Alexander Kirchner": the body is the run before "head".
    if (isRoleHead(tokens[run.to]) && run.to - run.from > 3) continue;
    // The description: modifiers before the kind, back to "the" or the clause's start.
    let from = head;
    while (from > 0 && head - from < 4 && !broken(sentence, from)) {
      const word = tokens[from - 1]?.text ?? "";
      if (/^(the|a|an)$/i.test(word)) break;
      // "South Korean tech titan", "state-run broadcaster", "German rail union".
      if (!/^[\p{L}-]+$/u.test(word) || CAPITALISED_FUNCTION_WORDS.has(word) || isCalendarWord(word)) break;
      if (/^\p{Lu}/u.test(word) && !ctx.taggedPlaces.has(word) && !NATIONALITY.test(word)) break;
      if (/^(said|says|told|and|or|but|by|of|in|on|at|to|for|with|from|as)$/i.test(word)) break;
      from--;
    }
    const description = textOf(sentence, from, head + 1);
    if (description.split(" ").length < 2) continue;
    add(ctx, index, {
      kind: "organisation",
      // "the German rail union", "the state-run broadcaster": a sentence's capital is no name's.
      subject: `the ${NATIONALITY.test(tokens[from]?.text ?? "") || /^\p{Lu}{2}/u.test(description) ? description : lowerFirst(description)}`,
      relation: "name",
      answer: name,
      type: "organisation",
      confidence: 0.6,
    });
    head = run.to - 1;
  }
}

function findOrganisations(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens, text } = sentence;
  const found = new Set<string>();
  const emit = (subject: string, relation: string, answer: string, confidence: number) => {
    // No whole claim: no fact ("statement that" with nothing after it).
    if (/^(report|statement) that\s*$/.test(subject)) return;
    const cleaned = answer.replace(/^the\s+/i, "");
    if (!cleaned || found.has(cleaned) || !isSourceName(ctx, cleaned)) return;
    found.add(cleaned);
    add(ctx, index, { kind: "organisation", subject, relation, answer: cleaned, type: "organisation", confidence });
  };
  const claimBefore = (i: number) =>
    claimText(text.slice(0, tokens[clauseStart(sentence, i)]?.start ?? 0).replace(/^According to [^,]+,\s*/i, ""));
  const claimAfterThat = (i: number) => {
    const rest = text.slice(tokens[i]?.end ?? text.length);
    return /^\s*that\b/i.test(rest) ? claimText(rest) : "";
  };
  for (let i = 0; i < tokens.length; i++) {
    const low = lower(tokens[i]);
    // "according to (a|the) Tass (report)"
    if (low === "according" && lower(tokens[i + 1]) === "to") {
      let j = i + 2;
      if (/^(a|an|the)$/i.test(tokens[j]?.text ?? "")) j++;
      const run = properRun(sentence, j);
      if (!run) continue;
      const next = lower(tokens[run.to]);
      if (next && !broken(sentence, run.to) && !OUTLET_DESCRIPTORS.has(next)) continue;
      const before = claimText(text.slice(0, tokens[i]?.start ?? 0));
      const after = claimText(text.slice(tokens[clauseEnd(sentence, run.to - 1)]?.start ?? text.length));
      const claim = before.split(" ").length >= after.split(" ").length ? before : after;
      emit(`report that ${claim}`, "reported by", run.text, 0.75);
      i = run.to - 1;
      continue;
    }
    // "X reported (that ...)", "reported CNN", "per Reuters"
    if (low === "reported" || low === "reports") {
      const after = properRun(sentence, i + 1);
      // "AFP news agency reported": the name before its description.
      let nameEnd = i - 1;
      if (OUTLET_DESCRIPTORS.has(lower(tokens[nameEnd])) && !broken(sentence, nameEnd)) {
        nameEnd--;
        if (lower(tokens[nameEnd]) === "news" && !broken(sentence, nameEnd)) nameEnd--;
      }
      const run = properRunEndingAt(sentence, nameEnd);
      if (run && !broken(sentence, i)) {
        let name = run.text;
        // "the Latvian news agency LETA reported": the name, without its description.
        const words = name.split(" ");
        if (words.length > 1 && /^(The)$/.test(words[0] ?? "")) name = words.slice(1).join(" ");
        const that = claimAfterThat(i);
        emit(`report that ${that || claimBefore(run.from)}`, "reported by", name, 0.75);
      } else if (after && broken(sentence, i)) {
        emit(`report that ${claimBefore(i)}`, "reported by", after.text, 0.75);
      }
      continue;
    }
    if (low === "per" && broken(sentence, i)) {
      const run = properRun(sentence, i + 1);
      if (run) emit(`report that ${claimBefore(i)}`, "reported by", run.text, 0.7);
      continue;
    }
    // "told the Global Times", "told CBC News"
    if (low === "told") {
      let j = i + 1;
      if (/^the$/i.test(tokens[j]?.text ?? "")) j++;
      let run = properRun(sentence, j);
      if (!run || broken(sentence, j)) continue;
      // "told the Dutch broadcaster NOS": the name comes after its description.
      if (OUTLET_DESCRIPTORS.has(lower(tokens[run.to])) && !broken(sentence, run.to + 1)) {
        run = properRun(sentence, run.to + 1) ?? run;
      }
      // "told The Current's guest host X": the person was told, not the programme.
      if (/['’]s$/u.test(run.text)) continue;
      const descriptor = OUTLET_DESCRIPTORS.has(lower(tokens[run.to])) ? run.to : run.to - 1;
      // "officials told Al Jazeera the death toll had risen": the clause right after the name.
      const next = tokens[descriptor + 1];
      const clauseAfter =
        next && !broken(sentence, descriptor + 1) && /^(the|a|an|his|her|their|its)$/i.test(next.text)
          ? claimText(text.slice(next.start))
          : "";
      const speakerClaim =
        claimAfterThat(descriptor) || clauseAfter || claimBefore(i) || claimText(text.replace(/,?\s*told [^,.]*/, ""));
      emit(`statement that ${speakerClaim}`, "given to", run.text, 0.7);
      continue;
    }
    // "The Mining Association of Canada said in a statement", "published by the State Election Commission", "owned by ..."
    if (low === "said" && !broken(sentence, i)) {
      // "the FNV union said": a description between the name and the verb.
      const described = OUTLET_DESCRIPTORS.has(lower(tokens[i - 1])) || lower(tokens[i - 1]) === "union";
      const run = properRunEndingAt(sentence, described ? i - 2 : i - 1);
      if (!run) continue;
      const acronym = /^\p{Lu}{2,}$/u.test(run.text);
      const organisation = run.to - run.from >= 2 && isOrganisationName(ctx, run.text);
      if (!acronym && !organisation) continue;
      const inStatement = lower(tokens[i + 1]) === "in" && lower(tokens[i + 3]) === "statement";
      // "..., the Bureau of Statistics said Thursday.": the claim is what came before, not "Thursday".
      const rest = claimText(text.slice(tokens[i + 1]?.start ?? text.length));
      const claim =
        claimAfterThat(inStatement ? i + 3 : i) ||
        (rest.split(" ").length >= 4 ? rest : "") ||
        claimBefore(run.from) ||
        rest;
      emit(`statement that ${claim}`, "said by", run.text, 0.6);
      continue;
    }
    if (/^(published|released|issued|owned)$/.test(low) && lower(tokens[i + 1]) === "by") {
      let j = i + 2;
      if (/^the$/i.test(tokens[j]?.text ?? "")) j++;
      if (/-based$/.test(tokens[j]?.text ?? "")) j++;
      const run = properRun(sentence, j);
      if (!run || (!isOrganisationName(ctx, run.text) && low !== "owned")) continue;
      const subject =
        low === "owned"
          ? `owner of ${nounPhraseBefore(sentence, i)}`
          : `${low} ${textOf(sentence, clauseStart(sentence, i), i)}`;
      emit(subject, `${low} by`, run.text, 0.65);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Nouns that name an event a date can belong to ("the election", "talks", "the launch"). */
const EVENT_NOUNS = new Set(
  `election elections vote referendum ballot meeting meetings talks summit conference call visit trip tour interaction
  dialogue negotiations negotiation launch liftoff lift-off landing attack attacks bombing bombings raid raids airstrike
  airstrikes offensive invasion operation arrest arrests trial hearing verdict ruling sentencing appeal ceremony
  inauguration swearing-in announcement speech release spill leak explosion earthquake quake storm typhoon hurricane
  cyclone flood floods fire blaze outbreak match final semi-final game race tournament championship exhibition festival
  reopening closure motion filing signing treaty ceasefire truce coup protest protests rally rallies crash collision
  accident eruption session debate escalation briefing statement parade`.split(/\s+/),
);

/** Event nouns that need their owner to stand alone ("a statement" of whom?): taken only with "the" or a possessive. */
const OWNED_EVENTS = new Set(["call", "briefing", "session", "release", "announcement", "speech", "statement"]);

const DETERMINERS = /^(the|a|an|its|his|her|their|this|that|last|next|first|second|third|final)$/i;
const NP_STOP =
  /^(and|or|but|of|in|on|at|to|by|with|from|for|into|after|before|during|since|until|till|as|than|that|which|who|was|were|is|are|be|been|has|have|had|will|would|could|said|says|held|says)$/i;

/**
 * The event noun phrase nearest the date, within its clause: "the regional election", "the talks
 * between the two foreign ministers", "the meeting in the capital"; undefined when the clause names none.
 */
function eventPhrase(sentence: Sentence, skipFrom: number, skipTo: number): string | undefined {
  let start = clauseStart(sentence, skipFrom);
  // "its first session, which will be held on ...": the relative clause's noun is in the clause before.
  if (start > 0 && /^(which|that)$/i.test(sentence.tokens[start]?.text ?? "")) start = clauseStart(sentence, start - 1);
  const end = clauseEnd(sentence, Math.max(skipFrom, skipTo - 1));
  let best: number | undefined;
  for (let j = start; j < end; j++) {
    if (j >= skipFrom && j < skipTo) continue;
    if (!EVENT_NOUNS.has(lower(sentence.tokens[j]))) continue;
    // "The police announced on Tuesday that arrests have been made": the day is the announcing's.
    if (j >= skipTo && sentence.tokens.slice(skipTo, j).some((t) => lower(t) === "that")) continue;
    // "the State Election Commission": part of a name, not an event.
    if (
      isCapitalised(sentence.tokens[j]?.text ?? "") &&
      isCapitalised(sentence.tokens[j + 1]?.text ?? "") &&
      !broken(sentence, j + 1)
    )
      continue;
    if (best === undefined || Math.abs(j - skipFrom) < Math.abs(best - skipFrom)) best = j;
  }
  if (best === undefined) return undefined;
  // Left: modifiers back to a determiner ("the regional", "a no-confidence").
  let from = best;
  while (from > start && best - from < 4) {
    const previous = sentence.tokens[from - 1];
    const word = lower(previous);
    if (broken(sentence, from) || (from - 1 >= skipFrom && from - 1 < skipTo)) break;
    if (DETERMINERS.test(word)) {
      from--;
      break;
    }
    if (NP_STOP.test(word) || /^\d/.test(word) || /(ed|ing|ly)$/.test(word)) break;
    from--;
  }
  const determiner = lower(sentence.tokens[from]);
  // "President Xi Jinping's state visit": an owner anywhere before the noun.
  const owned =
    sentence.tokens.slice(from, best).some((t) => /['’]s$/.test(t.text)) || /^(its|his|her|their)$/.test(determiner);
  let owner: string | undefined;
  if (!owned && !/^(the|this)$/.test(determiner) && OWNED_EVENTS.has(lower(sentence.tokens[best]))) {
    // "the police said in a statement", "X told reporters at a briefing": the statement is X's.
    owner = speakerPhrase(sentence, best);
    if (!owner) return undefined;
  }
  // Right: an "of/between/in/with/at" complement of up to five words, not into the date.
  let to = best + 1;
  const preposition = lower(sentence.tokens[to]);
  if (/^(of|between|in|with|at|against|to)$/.test(preposition) && !broken(sentence, to) && to !== skipFrom) {
    let k = to + 1;
    while (
      k < end &&
      k - to <= 5 &&
      !broken(sentence, k) &&
      !(k >= skipFrom && k < skipTo) &&
      // "Talks between the two sides resumed": the complement ends at the clause's verb.
      !(/^[a-z]+ed$/.test(sentence.tokens[k]?.text ?? "") && !DETERMINERS.test(lower(sentence.tokens[k - 1]))) &&
      (!NP_STOP.test(lower(sentence.tokens[k])) || (preposition === "between" && lower(sentence.tokens[k]) === "and"))
    )
      k++;
    if (k > to + 1) to = k;
  }
  // "after the vote, on Monday": an event the dated one is measured from (unless the date is its own).
  if (/^(after|before|following|since|until|ahead)$/.test(lower(sentence.tokens[from - 1])) && to !== skipFrom)
    return undefined;
  let phrase = textOf(sentence, from, to).replace(/["“”]/g, "");
  // "Protests rocked Paris on Sunday" -> "the protests": the sentence's capital is no name's.
  if (from === 0 && isCommonWord(sentence.tokens[0]?.text ?? "") && !isCapitalised(sentence.tokens[1]?.text ?? ""))
    phrase = phrase.charAt(0).toLowerCase() + phrase.slice(1);
  if (owner) return `${owner}'s ${phrase.replace(/^(a|an|the)\s+/i, "")}`;
  if (/^(a|an|this|that)\s/i.test(phrase)) phrase = phrase.replace(/^\S+/, "the");
  else if (!/^(the|a|an|its|his|her|their|this|that)$/.test(determiner) && !owned) phrase = `the ${phrase}`;
  return phrase;
}

/** The named speaker of "X said ..." / "..., X said": a capitalised noun phrase before the verb. */
function speakerPhrase(sentence: Sentence, near: number): string | undefined {
  const verbs = sentence.tokens.flatMap((t, i) => (/^(said|says|told|announced)$/i.test(t.text) ? [i] : []));
  // The verb nearest before the event noun ("X said in a statement"), else the first after it.
  const verb = verbs.filter((i) => i < near).at(-1) ?? verbs.find((i) => i > near);
  if (verb === undefined || verb <= 0) return undefined;
  const phrase = nounPhraseBefore(sentence, verb)
    .replace(/^(and|but|as|while)\s+/i, "")
    .replace(/["“”]/g, "");
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  if (!words.some((w) => isCapitalised(w)) || /^(he|she|they|it|we|i)$/i.test(phrase)) return undefined;
  if (words.some((w) => WEEKDAY_OR_MONTH.test(w.replace(/['’]s$/, "")))) return undefined;
  return phrase;
}

const WEEKDAY_OR_MONTH =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

const FRAGMENT_END =
  /\s+(a|an|the|and|or|but|of|to|by|with|from|for|into|after|before|since|until|till|as|than|that|which|its|their|his|her|in|on|at)$/i;
const VERB_LIKE =
  /^([a-z]+ed|is|was|were|are|has|have|had|will|would|can|could|met|won|held|took|made|gave|began|came|went|left|saw|told|said|led|hit|ran|struck|shot|sank|spoke|grew|drew|flew|broke|stood|sent|spent|lost|kept|found|set|cut|became|put|rose|fell|beat|signed|sworn)$/;

/**
 * Whether a clause kept as a date's subject reads as a whole event ("The mayor arrived in the
 * harbour town"): it opens the clause with its own subject, has a verb, and is not cut off.
 */
function wholeClause(sentence: Sentence, clause: string, month: boolean): string | undefined {
  let subject = clause.replace(/^according to\s+/i, "");
  while (FRAGMENT_END.test(subject)) subject = subject.replace(FRAGMENT_END, "");
  if (subject.includes("…") || /\sper$/i.test(subject)) return undefined;
  // A report of something else ("X said that ...") or a statistic of a period (the figure is its own fact).
  if (/\b(said|says|showed|shows) that\b/i.test(subject)) return undefined;
  if (month && /\d\s*(%|percent\b|per cent\b)/i.test(subject)) return undefined;
  if (subject.split(/\s+/).some((w) => WEEKDAY_OR_MONTH.test(w) && w !== "May")) return undefined;
  const words = subject.split(/\s+/);
  const first = words[0] ?? "";
  if (words.length < 3 || /^(it|this|that|there|these|those|which|who|where)$/i.test(first)) return undefined;
  // The first word as the sentence writes it: a lower-case word opens a fragment ("to 10 per cent", "will open").
  const token = sentence.tokens.find((t) => t.text === first);
  if (!token) return undefined;
  const opensNounPhrase =
    isCapitalised(token.text) || /^\d/.test(token.text) || /^(the|a|an|its|their|his|her)$/.test(token.text);
  if (!opensNounPhrase && clause === subject) return undefined;
  if (/^(to|of|as|will|would|area|give|recover|arrested|reelected|re-elected)$/i.test(first)) return undefined;
  return words.slice(1).some((word) => VERB_LIKE.test(word.toLowerCase())) ? subject : undefined;
}

function findDateFacts(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  for (const mention of ctx.datesBySentence[index] ?? []) {
    if (isInside(sentence.quoted, mention.start)) continue;
    const tokenIndex = sentence.tokens.findIndex((t) => t.start >= mention.start);
    if (tokenIndex < 0) continue;
    let skipTo = tokenIndex;
    while (skipTo < sentence.tokens.length && (sentence.tokens[skipTo]?.start ?? Infinity) < mention.end) skipTo++;
    // "Friday morning", "last night": the part of the day goes with the date.
    while (/^(morning|afternoon|evening|night)$/.test(lower(sentence.tokens[skipTo]))) skipTo++;
    // "since May", "until Sunday", "as of Monday": a bound of something else, not the day an event happened.
    const before = lower(sentence.tokens[tokenIndex - 1]);
    if (/^(since|until|till|through|by)$/.test(before)) continue;
    if (before === "of" && lower(sentence.tokens[tokenIndex - 2]) === "as") continue;
    let skipFrom = tokenIndex;
    while (
      skipFrom > 0 &&
      /^(on|in|late|early|earlier|later|also|since|until)$/i.test(sentence.tokens[skipFrom - 1]?.text ?? "")
    )
      skipFrom--;
    const clause = clauseAround(sentence, tokenIndex, skipFrom, skipTo, 14);
    const event = eventPhrase(sentence, skipFrom, skipTo);
    const subject = event ?? wholeClause(sentence, clause, mention.type !== "date");
    if (!subject || subject.split(" ").length < 2) continue;
    const same = (d: DraftFact) => d.kind === "date" && d.answer === mention.value;
    if (ctx.drafts.some((d) => same(d) && d.subject.toLowerCase() === subject.toLowerCase())) continue;
    // Already drafted as the date of a named doer's deed (lib/drafting/doers.ts).
    if (ctx.drafts.some((d) => same(d) && d.quote === sentence.text)) continue;
    // "In a statement", "Following the vote": an adverbial alone names no event.
    if (subject.split(" ").length <= 3 && /^(in|on|at|following|after|before|during|with|by)\b/i.test(subject))
      continue;
    add(ctx, index, {
      kind: "date",
      subject,
      relation: mention.type === "date" ? "happened on" : "happened in",
      answer: mention.value,
      type: mention.type,
      confidence: mention.type === "date" ? 0.7 : 0.6,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------------------------

const CONTENT_STOP = new Set(
  "the a an of and in on at to for by with from that this its their his her is was were are be".split(" "),
);

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/['’]s\b/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !CONTENT_STOP.has(w))
      .map((w) => w.replace(/s$/, "")),
  );
}

const normaliseKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/defence/g, "defense")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * One role for a person in one sentence: the fullest ("Ambassador of Chile to Peru, Ambassador
 * Rosa Vidal"); a bare one-word title before the name gives way to the post the sentence spells
 * out ("Chair of the Harbour Board, Councillor Maria Stone" -> Chair of the Harbour Board).
 */
function oneRolePerMention(drafts: DraftFact[]): DraftFact[] {
  return drafts.filter(
    (draft) =>
      draft.kind !== "person-role" ||
      !drafts.some(
        (other) =>
          other !== draft &&
          other.kind === "person-role" &&
          other.subject === draft.subject &&
          other.quote === draft.quote &&
          ((new RegExp(`\\b${escapeRegExp(draft.answer.toLowerCase())}\\b`).test(other.answer.toLowerCase()) &&
            (other.answer.length > draft.answer.length || drafts.indexOf(other) < drafts.indexOf(draft))) ||
            (!draft.answer.includes(" ") &&
              other.answer.includes(" ") &&
              other.quote.includes(`${draft.answer} ${draft.subject}`))),
      ),
  );
}

/** Drops repeats: the same person and role, or the same answer about an overlapping subject. */
/**
 * "Statement that They are being targeted": the claim's first word keeps the capital it had at the
 * start of its sentence only when it is a name (the body writes it capitalised mid-sentence too).
 */
function claimOpeningInCase(drafts: DraftFact[], body: string): DraftFact[] {
  return drafts.map((draft) => {
    const opening = /^((?:Statement|Report) that )(\p{Lu}[\p{Ll}'’-]+)\b(?!\s+\p{Lu})/u.exec(draft.subject);
    // No capital to drop, or a name of several words ("Bangladesh Bank raised ...").
    if (!opening) return draft;
    const word = opening[2]!;
    const midSentence = new RegExp(`[\\p{Ll},;:]\\s+${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u");
    if (midSentence.test(body)) return draft;
    return { ...draft, subject: `${opening[1]}${word.toLowerCase()}${draft.subject.slice(opening[0].length)}` };
  });
}

function dedupe(drafts: DraftFact[]): DraftFact[] {
  const kept: DraftFact[] = [];
  for (const draft of drafts) {
    const duplicate = kept.some((other) => {
      if (other.kind !== draft.kind || normaliseKey(other.answer) !== normaliseKey(draft.answer)) return false;
      if (draft.kind === "person-role" || draft.kind === "relation")
        return normaliseKey(other.subject) === normaliseKey(draft.subject);
      if (draft.kind === "organisation" && other.relation === "works at")
        return normaliseKey(other.subject) === normaliseKey(draft.subject);
      // "people who died in Migori" and "... in Nairobi": the same figure of two named places.
      const names = (text: string) => text.split(" ").slice(1).filter(isCapitalised).join(" ");
      if (
        draft.kind === "number" &&
        names(draft.subject) &&
        names(other.subject) &&
        names(draft.subject) !== names(other.subject)
      )
        return false;
      const a = contentWords(other.subject);
      let shared = 0;
      for (const word of contentWords(draft.subject)) if (a.has(word)) shared++;
      return (
        shared >= 2 || (draft.kind === "number" && normaliseKey(other.unit ?? "") === normaliseKey(draft.unit ?? ""))
      );
    });
    if (!duplicate) kept.push(draft);
  }
  return kept;
}

function kebab(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 6)
      .join("-") || "fact"
  );
}

function assignIds(drafts: DraftFact[]): void {
  const used = new Map<string, number>();
  for (const draft of drafts) {
    const base = kebab(
      draft.kind === "person-role" ? `${draft.subject} role` : `${draft.kind} ${draft.answer} ${draft.subject}`,
    );
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    draft.id = count === 1 ? base : `${base}-${count}`;
  }
}

/** Figures a country has: "inflation", "exports", "the trade surplus", "turnout". */
const NATIONAL_MEASURE =
  /\b(?:inflation|exports|imports|shipments|trade surplus|trade deficit|current account|economic growth|economy|gdp|unemployment|turnout)\b/i;
/** "the country's", "the west African nation": the country referred back to by its kind. */
const COUNTRY_REFERENCE = /\bthe (?:[\p{L}-]+ ){0,2}(?:country|nation)(['’]s)?(?![\p{L}-])/iu;
const MODIFIER_STOP = /^(?:the|a|an|in|of|to|for|from|on|at|by|with|and|or|its|their)$/i;

/** The countries compromise tags in `text`, cleaned ("Japan's" -> "Japan", "Ivory Coast." -> "Ivory Coast"). */
function countriesIn(text: string): string[] {
  const found = loadNlp()(text).match("#Country+").out("array") as string[];
  return [
    ...new Set(
      found
        .flatMap((match) => match.split(/[,;]\s*/))
        // "Chile —" after a dateline is Chile.
        .map((match) => {
          const name = cleanTagged(match).replace(/[^\p{L}.)]+$/u, "");
          // ("U.S." keeps its full stop.)
          return /\p{L}\.\p{L}/u.test(name) ? name : name.replace(/\.$/, "");
        })
        .filter(Boolean),
    ),
  ];
}

/**
 * A national figure with no owner ("Annual inflation in December", "The rise in machinery
 * exports", "Turnout in the west African nation") says whose: the one country the headline and
 * the opening sentence name ("Bangladesh's annual inflation in December", "Turnout in Ivory
 * Coast"); a country referred to by its kind may also be the one its sentence opens with ("In
 * Nepal, ... the country's"). Left as it is when no one country is named (the gates hold it back).
 */
function anchorNationalFigures(ctx: Context, title: string): void {
  const lede = ctx.sentences.find((sentence) => sentence.text.length > 40)?.text ?? "";
  const countries = countriesIn(`${title}. ${lede}`);
  const articleCountry = countries.length === 1 ? countries[0] : undefined;
  for (const draft of ctx.drafts) {
    // "the ruling party", "the national broadcaster": the article's country's.
    if (
      draft.kind === "organisation" &&
      draft.relation === "name" &&
      articleCountry &&
      NATIONAL_BODY.test(draft.subject)
    ) {
      draft.subject = `${articleCountry}'s ${draft.subject.replace(/^the /i, "")}`;
      continue;
    }
    if (draft.kind !== "number") continue;
    const reference = COUNTRY_REFERENCE.exec(draft.subject);
    if (reference) {
      const sentence = ctx.sentences.find((s) => s.text === draft.quote);
      const opening = sentence ? openingPlace(ctx, sentence) : undefined;
      const own = opening ? countriesIn(opening) : [];
      const country = own.length === 1 ? own[0] : articleCountry;
      if (country) {
        const named = reference[1] ? `${country}'s` : country;
        draft.subject = draft.subject.replace(reference[0], named);
        draft.subject = draft.subject.charAt(0).toUpperCase() + draft.subject.slice(1);
      }
      continue;
    }
    if (!articleCountry) continue;
    const measure = NATIONAL_MEASURE.exec(draft.subject);
    if (!measure || draft.subject.includes(articleCountry) || /\p{Lu}[\p{L}.-]*['’]s?\b/u.test(draft.subject)) continue;
    // Back over the measure's modifiers ("annual", "machinery", "non-food") to where its phrase starts.
    const before = draft.subject.slice(0, measure.index).split(" ").filter(Boolean);
    let start = before.length;
    while (start > 0 && !MODIFIER_STOP.test(before[start - 1]!) && /^\p{L}/u.test(before[start - 1]!)) start--;
    const kept = before.slice(0, start);
    if (/^the$/i.test(kept.at(-1) ?? "")) kept.pop();
    const phrase = [...before.slice(start), draft.subject.slice(measure.index)].join(" ");
    const owned = `${articleCountry}'s ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`;
    const subject = [...kept, owned].join(" ");
    draft.subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  }
}

/** Proposes facts stated by a news article. Deterministic; loads compromise once per process. */
export function draftFacts(input: DraftInput): DraftFact[] {
  const sentences = splitSentences(input.body);
  const ctx: Context = {
    sentences,
    publishedOn: input.publishedOn,
    people: new Set(),
    surnames: new Map(),
    commentators: new Set(),
    ...tagArticle(input.body),
    datesBySentence: [],
    drafts: [],
  };
  let previous: string | undefined;
  for (const sentence of sentences) {
    const dates = findDates(sentence.text, input.publishedOn, previous);
    ctx.datesBySentence.push(dates);
    const lastDay = dates.filter((d) => d.type === "date").at(-1);
    if (lastDay) previous = lastDay.value;
  }
  findDateline(ctx);
  // People first: later patterns need to know who is a person and who only comments.
  sentences.forEach((_, index) => {
    findTitledPeople(ctx, index);
    findTitleCommaName(ctx, index);
    findAppositivePeople(ctx, index);
    findRoleBeforeName(ctx, index);
    findCounterparts(ctx, index);
    findByline(ctx, index);
    findRolesByExample(ctx, index);
    findGroupMembers(ctx, index);
    findOrganisationPeople(ctx, index);
  });
  for (const name of ctx.taggedPeople) if (name.includes(" ") && looksLikePerson(ctx, name)) registerPerson(ctx, name);
  sentences.forEach((sentence, index) => {
    findOrganisations(ctx, index);
    findDescribedOrganisations(ctx, index);
    // Numbers judge their own clause: a hedge elsewhere in the sentence leaves them standing.
    if (!isCommentary(ctx, sentence)) {
      findNumbersAfterFrame(ctx, index);
      findBracketCounts(ctx, index);
      findVoteTallies(ctx, index);
    }
    if (isOpinion(ctx, sentence)) {
      findPlaces(ctx, index, true);
      // Who holds the view is a fact, even where the view is not.
      findDoers(ctx, index, true);
      return;
    }
    findRelations(ctx, index);
    findMatchResults(ctx, index);
    findDoers(ctx, index);
    findAppositiveNames(ctx, index);
    findPeopleSent(ctx, index);
    findRolesByVerb(ctx, index);
    findCharges(ctx, index);
    findPlaces(ctx, index);
    findPlacesStruck(ctx, index);
    findPlaceModifiers(ctx, index);
    findDateFacts(ctx, index);
  });
  findNamedThings(ctx);
  findCredit(ctx);
  anchorNationalFigures(ctx, input.title);
  markInterimFigures(ctx, ctx.drafts);
  const order = new Map(DRAFT_KINDS.map((kind, i) => [kind, i]));
  const drafts = dedupe(
    claimOpeningInCase(
      resolveBareSubjects(splitClauseSubjects(oneRolePerMention(ctx.drafts)), input.title, input.body),
      input.body,
    ),
  ).sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  assignIds(drafts);
  return drafts;
}

/** The draft as a facts.yaml entry (FactSchema's input shape). */
export function toFactInput(draft: DraftFact): FactInput {
  const fact: FactInput = {
    id: draft.id,
    subject: draft.subject,
    relation: draft.relation,
    answer: draft.answer,
    type: draft.type,
    aliases: draft.aliases,
    quote: draft.quote,
    asOf: draft.asOf,
  };
  if (draft.type === "number" && draft.unit) fact.unit = draft.unit;
  if (draft.type === "number" && draft.qualifier) fact.qualifier = draft.qualifier;
  if (draft.claimedBy) fact.claimedBy = draft.claimedBy;
  return fact;
}

/** Drafts as a facts.yaml file, ready to paste under content/articles/<slug>/. */
export function toFactsYaml(drafts: DraftFact[], title?: string): string {
  const facts = drafts.map((draft) => {
    const fact = toFactInput(draft);
    const { aliases, ...rest } = fact;
    return aliases.length > 0 ? { ...rest, aliases } : rest;
  });
  const header = [
    `# Draft facts${title ? ` for "${title}"` : ""}: proposed by the drafting engine, to be reviewed by a teacher.`,
    "# Check every answer against its quote; delete what is opinion or not worth asking.",
  ].join("\n");
  return `${header}\n${stringify({ facts }, { lineWidth: 0 })}`;
}

/** Whether a draft passes FactSchema once mapped (for tests and the command line). */
export function checkDraft(draft: DraftFact): string[] {
  const result = FactSchema.safeParse(toFactInput(draft));
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}
