// Stems checked, not trusted. A template fills a fact's subject, relation and unit into a
// question; drafted facts from unseen articles often carry a subject that is a sentence fragment
// ("Across the country with the", "Their talks will be preceded by"), a bare unit ("Days"), or a
// figure the article gives several times ("Confirmed cases": 331 in all, 109 in one country, 156
// in another). These checks read the subject and the finished stem and say, in words a teacher
// understands, why a question built on them would not read as an English question with one
// answer. The fill-in-the-blank question, which shows the article's own sentence, needs none of
// this and is still served.
import { ADVERBS, analyseVerb, PREPOSITIONS, singularise } from "@/lib/questions/english";
import { headOf } from "@/lib/questions/measures";
import { CLAUSE_OPENERS, phraseShapeProblem, zeroRelativeStart } from "@/lib/questions/noun-phrase";
import { MULTI_DAY_EVENTS } from "@/lib/questions/stems";
import { normaliseText } from "@/lib/questions/normalise";
import type { GeneratorFact } from "@/lib/questions/types";

const DETERMINERS = new Set("the a an this that these those its their his her our your my".split(" "));
const CONJUNCTIONS = new Set("and or but nor because although though while whereas if unless so yet".split(" "));
/** Words a noun phrase can start with even though they are prepositions elsewhere. */
const NP_STARTERS = new Set(["over", "about", "around", "under", "nearly", "some"]);
/** Words that end a noun phrase only when something should have followed them. */
const OPEN_ENDINGS = new Set([
  ...DETERMINERS,
  ...CONJUNCTIONS,
  "approximately",
  "about",
  "nearly",
  "almost",
  "last",
  "next",
  "than",
  "be",
  "been",
  "being",
  "is",
  "are",
  "was",
  "were",
  "will",
  "would",
  "has",
  "have",
  "had",
  "which",
  "who",
  "whose",
  "what",
  "when",
  "where",
]);
/** Verbs that make a clause of whatever holds them, unless a relative pronoun comes first. */
const AUXILIARIES = new Set(
  "is are was were will would has have had can could should shall may might must did does do says said told".split(" "),
);
const RELATIVES = new Set("who whom whose which that where when".split(" "));
/** Prepositions that never follow "the" in a phrase ("the near future" is fine, "the of" is not). */
const PURE_PREPOSITIONS = new Set(
  "of in on at to for from with by into across through during since until after before among between against".split(
    " ",
  ),
);
/** Nouns that name part of a group and need to say which: "members of one family". */
const RELATIONAL_HEADS = new Set(["members", "member", "relatives", "rest", "remainder", "majority", "part"]);
const OBJECT_STARTERS = new Set([...DETERMINERS, "him", "them", "us", "it", "he", "she", "they", "we"]);

function words(text: string): string[] {
  return text
    .replace(/[“”"‘’]/g, "")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’-]+$/gu, ""))
    .filter(Boolean);
}

/** The subject without its notes in brackets ("Days (He can be held for)" -> "Days"). */
export function subjectWithoutNotes(subject: string): string {
  return subject
    .replace(/\s*\([^()]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Why `subject` (notes removed) cannot stand in a question as a noun phrase, or undefined when it
 * can: it is cut from a sentence, starts with a preposition or conjunction, breaks off at its end,
 * or is a whole clause with its own verb.
 */
export function subjectProblem(subject: string, options: { relational?: boolean } = {}): string | undefined {
  const raw = subjectWithoutNotes(subject);
  const shown = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
  if (!raw) return "the fact has no subject to ask about";
  // "It emerged on Monday that Labor won": a clause with a pronoun for its subject.
  const opener = /^(it|there|he|she|they|we|i|you)\s+(\S+)/i.exec(raw);
  if (opener && !PREPOSITIONS.has(opener[2]!.toLowerCase()))
    return `the subject “${shown}” is a clause (it starts “${opener[1]} ${opener[2]}”), not a noun phrase`;
  // "party's headquarters": a common noun's possessive needs its own "the" (whose party?).
  const owner = /^(\p{Ll}[\p{L}-]*)['’]s\s/u.exec(raw);
  if (owner && !PLURAL_NOUNS.has(owner[1]!) && owner[1] !== "one")
    return `the subject “${shown}” does not say whose (“${owner[0].trim()}” has no “the”)`;
  // A quotation is shown as the speaker's words, not read as a phrase.
  if (/^["“‘'].*["”’']$/.test(raw)) return undefined;
  if (/…|\.\.\./.test(raw)) return `the subject “${shown}” is pieced together from a sentence, not a phrase`;
  const list = words(raw);
  const lower = list.map((w) => w.toLowerCase());
  const first = lower[0] ?? "";
  const last = lower.at(-1) ?? "";
  if (
    (PREPOSITIONS.has(first) && !NP_STARTERS.has(first)) ||
    CONJUNCTIONS.has(first) ||
    first === "to" ||
    first === "let"
  ) {
    return `the subject “${shown}” is not a noun phrase (it starts with “${list[0]}”)`;
  }
  // "The table the delegates sat around" strands its preposition after a verb, as English may.
  // A reported clause ("Statement that inflation rose to") may not strand one.
  const reported = /^\w+ that /i.test(raw);
  const stranded =
    !reported && PREPOSITIONS.has(last) && lower.length > 2 && analyseVerb(lower.at(-2) ?? "") !== undefined;
  // "Members the two communities have": a clause with no "that" may end on its verb.
  const zeroAt = zeroRelativeStart(raw);
  const verbEnds = zeroAt > 0 && AUXILIARIES.has(last);
  if (lower.length > 1 && ((PREPOSITIONS.has(last) && !stranded) || (OPEN_ENDINGS.has(last) && !verbEnds))) {
    return `the subject “${shown}” breaks off after “${list.at(-1)}”`;
  }
  // "Members killed in the raid of one family": a word that needs its "of" (members of what?) without it.
  if (options.relational !== false && RELATIONAL_HEADS.has(first) && lower.length > 1 && lower[1] !== "of")
    return `the subject “${shown}” does not say ${first} of what right after “${list[0]}”`;
  // "Al Jazeera the death toll": a name run into another noun phrase.
  const glued = list.findIndex(
    (w, i) =>
      i > 1 &&
      /^the$/i.test(w) &&
      /^\p{Lu}/u.test(list[i - 1] ?? "") &&
      /^\p{Lu}/u.test(list[i - 2] ?? "") &&
      i < list.length - 1,
  );
  if (glued > 0 && !lower.slice(0, glued).some((w) => RELATIVES.has(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w)))
    return `the subject “${shown}” runs a name into another phrase (“${list[glued - 1]} the”)`;
  // "Villages the rebels took over": a noun followed at once by a clause of its own (no "that").
  const second = list[1] ?? "";
  const zeroRelative = !DETERMINERS.has(first) && (/^\p{Lu}/u.test(second) || DETERMINERS.has(second.toLowerCase()));
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i] ?? "";
    // "Deaths since the outbreak began": a clause opened inside the phrase has its own verb.
    const afterRelative =
      lower.slice(0, i).some((w) => RELATIVES.has(w) || CLAUSE_OPENERS.has(w)) ||
      (zeroRelative && i >= 2) ||
      (zeroAt > 0 && i > zeroAt);
    if (afterRelative) break;
    if (i === 0 && AUXILIARIES.has(word))
      return `the subject “${shown}” is not a noun phrase (it starts with “${list[0]}”)`;
    if (i === 0) continue;
    // "Food prices in May": the month, not the verb.
    if (word === "may" && /^M/.test(list[i] ?? "")) continue;
    // "People told to leave": the passive's participle.
    if (i === 1 && word === "told" && lower[2] === "to" && !DETERMINERS.has(first)) continue;
    if (AUXILIARIES.has(word)) return `the subject “${shown}” is a whole clause (“${list[i]}”), not a noun phrase`;
    const verb = analyseVerb(word);
    const next = lower[i + 1] ?? "";
    const irregularPast = verb?.form === "past" && !DETERMINERS.has(lower[i - 1] ?? "");
    // "Residents issued an evacuation order", "people told to leave": right after a bare noun,
    // a form that may be a participle is read as one (a reduced relative clause).
    // Unless the form takes an object as only a verb can: "Airstrikes killed 13 people" is a
    // clause, while "Residents issued an evacuation order" may be residents who were issued one.
    const objectFollows = DETERMINERS.has(next) || /^\d/.test(next) || NUMBER_WORDS.has(next);
    if (
      i === 1 &&
      verb &&
      verb.form !== "present" &&
      verb.past === verb.participle &&
      !DETERMINERS.has(first) &&
      !(objectFollows && !TWO_OBJECT_VERBS.has(verb.base))
    )
      continue;
    // "The storm flattened barns": after "the" and a noun, a past form with an object is the verb.
    // ("The intelligence led operation": "led", "run", "backed" between two nouns make a compound.)
    const objectAfter =
      i === 2 &&
      !COMPOUND_PARTICIPLES.has(word) &&
      ARTICLES.has(first) &&
      verb?.form === "both" &&
      /^\p{Ll}/u.test(list[i + 1] ?? "") &&
      !PREPOSITIONS.has(next) &&
      !ADVERBS.has(next);
    if (
      verb &&
      verb.form !== "participle" &&
      (irregularPast ||
        objectAfter ||
        OBJECT_STARTERS.has(next) ||
        /^\d/.test(next) ||
        // "Gardaí arrested one man": a count after the verb is its object.
        (i === 1 && NUMBER_WORDS.has(next) && !TWO_OBJECT_VERBS.has(verb.base)))
    ) {
      return `the subject “${shown}” is a whole clause (“${list[i]}”), not a noun phrase`;
    }
  }
  return phraseShapeProblem(raw);
}

const QUESTION_WORDS = new Set(
  "what who whom which how when where why much many long far did do does was were is are has have had will would by in of to for at on".split(
    " ",
  ),
);
const STEM_PRONOUNS = new Set("it its they their them he she his her him".split(" "));
/** Leads a template puts before the statement or question proper. */
const STEM_LEAD = /^(?:true or false\?\s*)?(?:according to the article,\s*)?(?:as of [^,]+,\s*)?/i;

/**
 * Why a stem points at someone or something it never names, or undefined: a pronoun with no name
 * before it ("How much did its shares fall?"), or "the company", "the group", "the two sides"
 * (the fact's subject is resolved to a name before this, where the article gives one).
 */
export function unclearReferentInStem(stem: string): string | undefined {
  const body = stem.replace(STEM_LEAD, "");
  const anaphor = /\bthe (?:company|firm|group|two sides)\b/i.exec(body);
  if (anaphor) return `the question says “${anaphor[0]}” without saying which`;
  const list = body.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, ""));
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!.toLowerCase().replace(/['’]s$/, "");
    if (!STEM_PRONOUNS.has(word)) continue;
    // Only question words before it ("How much did its shares fall?"): nothing it could refer to.
    const before = list.slice(0, i).map((w) => w.toLowerCase());
    if (before.every((w) => QUESTION_WORDS.has(w))) return `the question says “${list[i]}” without saying who or what`;
  }
  return undefined;
}

/** Words a template itself writes around a subject: a pronoun after only these has nothing to point back to. */
const TEMPLATE_WORDS = new Set([
  ...QUESTION_WORDS,
  ..."the a an figure article give gave post posts hold held number share percentage amount value date age name role according say said describe describes as true false or there".split(
    " ",
  ),
]);
const PERSONAL_PRONOUNS = new Set("he she it they them him his her its their".split(" "));
/** Nouns that are plural without an s. */
const PLURAL_NOUNS = new Set("people men women children police cattle".split(" "));

function isPlural(word: string): boolean {
  if (PLURAL_NOUNS.has(word)) return true;
  return /[^s]s$/.test(word) && singularise(word) !== word && analyseVerb(word)?.form !== "present";
}

/**
 * Why a stem's grammar does not hold together, read word by word (the template is not trusted):
 * a second finite verb after "did" ("did the talks took place"), a relative pronoun with no
 * clause ("people who in the city"), "one" before a plural ("one cases"), a pronoun with no name
 * before it ("What post did he hold?"), a word said twice, or a count of a bare noun ("the number
 * of hours?"), which could be any figure of the article.
 */
export function grammarProblem(stem: string): string | undefined {
  const body = stem.replace(STEM_LEAD, "");
  // Quoted words are the speaker's, not the template's.
  const shown = words(body.replace(/[“"][^”"]*[”"]/g, " "));
  const lower = shown.map((w) => w.toLowerCase());
  const isName = (i: number) => i > 0 && /^\p{Lu}/u.test(shown[i] ?? "");
  for (let i = 1; i < lower.length; i++) {
    if (lower[i] === lower[i - 1] && !isName(i) && !/^\d/.test(lower[i] ?? ""))
      return `the question says “${shown[i]}” twice in a row`;
  }
  // "On what date did the negotiations took place ... happen?": "did" takes one verb, in its base form.
  const did = lower.findIndex((w, i) => i <= 3 && /^(did|does|do)$/.test(w));
  if (did >= 0 && /^(what|which|who|whom|how|when|where|why|on|in|at|by|from|for|to)$/.test(lower[0] ?? "")) {
    for (let i = did + 2; i < lower.length; i++) {
      if (isName(i)) continue;
      const word = lower[i] ?? "";
      // "did Ana say she had lost": a clause of its own may follow the verb.
      if (/^(that|he|she|they|we|it|who|which)$/.test(word)) break;
      const verb = analyseVerb(word);
      const object = DETERMINERS.has(lower[i + 1] ?? "") || OBJECT_STARTERS.has(lower[i + 1] ?? "");
      const finiteBe = FINITE_BE.has(word) && word !== "will";
      const last = i === lower.length - 1 && verb?.form === "both" && verb.base !== word;
      if (
        finiteBe ||
        last ||
        verb?.form === "past" ||
        (verb?.form === "both" && object && !DETERMINERS.has(lower[i - 1] ?? ""))
      )
        return `the question has a second verb (“${shown[i]}”) after “${shown[did]}”`;
    }
  }
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i] ?? "";
    const next = lower[i + 1];
    // "the number of people who in the city": a relative pronoun must open a clause.
    if (/^(who|which|whom)$/.test(word) && i > 0 && (next === undefined || PURE_PREPOSITIONS.has(next)))
      return `the question's “${shown[i]}” opens no clause`;
    // "One cases were ...": a figure of one before a plural.
    if (/^(one|1)$/.test(word) && next && !isName(i + 1) && next !== "of" && isPlural(next))
      return `the question reads “${shown[i]} ${shown[i + 1]}”`;
  }
  // "What post did he hold?": a pronoun after nothing but the template's own words.
  for (let i = 0; i < lower.length; i++) {
    const word = (lower[i] ?? "").replace(/['’]s$/, "");
    if (!PERSONAL_PRONOUNS.has(word)) continue;
    if (lower.slice(0, i).every((w, j) => TEMPLATE_WORDS.has(w) && !isName(j)))
      return `the question says “${shown[i]}” without saying who or what`;
    break;
  }
  // "True or false? This was 40 percent.": a demonstrative standing for what the stem never names.
  if (/^(this|that|these|those)$/.test(lower[0] ?? "") && FINITE_BE.has(lower[1] ?? ""))
    return `the question says “${shown[0]}” without saying what`;
  // "Where were party's headquarters ...?": a common noun's possessive with no "the" (whose party?).
  for (let i = 1; i < shown.length; i++) {
    const owner = /^(\p{Ll}[\p{L}-]*)['’]s$/u.exec(shown[i] ?? "");
    if (owner && !PLURAL_NOUNS.has(owner[1]!) && FINITE_BE.has(lower[i - 1] ?? ""))
      return `the question reads “${shown[i - 1]} ${shown[i]}” (whose ${owner[1]}?)`;
  }
  // "Where was the meeting held at?"
  if (lower[0] === "where" && lower.at(-1) === "at") return "the question ends on “at” after “Where”";
  // "What figure did the article give for the number of hours?": which hours?
  const bare = /\b(?:number|amount|total|count) of (?:the )?([\p{L}-]+)$/u.exec(lower.join(" "));
  if (bare && !isName(lower.length - 1)) return `the question does not say which ${bare[1]} it counts`;
  return undefined;
}

/** Why a finished stem does not read as English, or undefined: "the in in the", "the of". */
export function stemProblem(stem: string): string | undefined {
  const unclear = unclearReferentInStem(stem);
  if (unclear) return unclear;
  const list = words(stem).map((w) => w.toLowerCase());
  const functionWord = (w: string) => PREPOSITIONS.has(w) || DETERMINERS.has(w) || CONJUNCTIONS.has(w);
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1] ?? "";
    if (a === list[i] && functionWord(a)) return `the question repeats “${a} ${a}”`;
  }
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1] ?? "";
    const b = list[i] ?? "";
    if (DETERMINERS.has(a) && (PURE_PREPOSITIONS.has(b) || CONJUNCTIONS.has(b)))
      return `the question reads “${a} ${b}”`;
    // "the is of", "The rejected the plan": an article before a verb (not "that was") has lost its noun.
    if (ARTICLES.has(a) && FINITE_BE.has(b)) return `the question reads “${a} ${b}”`;
    // "The tore through in the fire": an article before a past tense, its noun lost.
    if (ARTICLES.has(a) && analyseVerb(b)?.form === "past") return `the question reads “${a} ${b}”`;
    const c = list[i + 1] ?? "";
    if (ARTICLES.has(a) && DETERMINERS.has(c) && analyseVerb(b) !== undefined && /ed$/.test(b))
      return `the question reads “${a} ${b} ${c}”`;
    // "What was the beaten by in X?": a passive's participle taken for a noun.
    if (ARTICLES.has(a) && c === "by" && /^(participle|both)$/.test(analyseVerb(b)?.form ?? ""))
      return `the question reads “${a} ${b} ${c}”`;
  }
  // "The weight of the weight of the rocket": a template's noun and the subject's said twice.
  for (let i = 0; i + 1 < list.length; i++) {
    const pair = `${list[i]} ${list[i + 1]}`;
    if (functionWord(list[i] ?? "") || !PURE_PREPOSITIONS.has(list[i + 1] ?? "")) continue;
    for (let j = i + 2; j + 1 < list.length && j <= i + 4; j++)
      if (`${list[j]} ${list[j + 1]}` === pair) return `the question repeats “${pair}”`;
  }
  // "the number of death toll": a count of something that is itself a count.
  const counted = /\bnumber of (?:the )?(?:[\p{L}-]+ )?(toll|tally|total|number|figure|count)\b/u.exec(list.join(" "));
  if (counted) return `the question asks for “the number of” a ${counted[1]}`;
  // "What was the time the astronauts will spend ...?": asked in the past of what will happen.
  if (/^(?:what|who|which|how \w+) (?:was|were)\b.* will\b/.test(list.join(" ")))
    return "the question asks in the past tense about what will happen";
  // "The time the crew will spend aboard was four months": a statement of the same mix.
  // (Lower-case "will" only: "Will Humble was director" names a person.)
  if (/\bwill (?!have\b)\w+\b(?:(?!\b(?:and|but|that|which|who)\b).)* (?:was|were)\b/.test(words(stem).join(" ")))
    return "the statement says in the past tense what will happen";
  return grammarProblem(stem);
}

/** Verbs whose passive keeps an object: "residents issued an order", "staff given a warning". */
const TWO_OBJECT_VERBS = new Set(
  "issue give hand offer award grant send show tell promise pay deny owe serve".split(" "),
);
const NUMBER_WORDS = new Set("one two three four five six seven eight nine ten dozens hundreds thousands".split(" "));

/** Participles that join a noun before them into a modifier: "state-run", "army led", "Russian-backed". */
const COMPOUND_PARTICIPLES = new Set(["led", "run", "backed", "based", "owned", "funded", "sponsored", "made"]);
const FINITE_BE = new Set(["is", "are", "was", "were", "has", "have", "will"]);
const ARTICLES = new Set(["the", "a", "an"]);

/** The words of a unit and their singulars: "confirmed cases" -> confirmed, cases, case. */
function unitWords(unit: string | undefined): Set<string> {
  const result = new Set<string>();
  for (const word of normaliseText(unit ?? "")
    .split(" ")
    .filter(Boolean)) {
    result.add(word);
    result.add(singularise(word));
  }
  return result;
}

const EMPTY_WORDS = new Set([
  ...DETERMINERS,
  ...PREPOSITIONS,
  ...CONJUNCTIONS,
  "number",
  "amount",
  "total",
  "figure",
  "count",
  "percentage",
  "share",
  "per",
  "cent",
  "percent",
  "people",
  "person",
  "death",
  "deaths",
  "toll",
  "dead",
  "casualties",
  "victims",
]);

/**
 * Numbers: why the question would not say what is counted. "Days" or "the number of people"
 * alone could be any figure of the article; the subject must name the thing counted beyond the
 * bare unit ("people who died in the floods", "annual inflation in December").
 */
export function countProblem(fact: GeneratorFact): string | undefined {
  if (fact.type !== "number") return undefined;
  const raw = subjectWithoutNotes(fact.subject);
  const units = unitWords(fact.unit);
  const content = normaliseText(raw)
    .split(" ")
    .filter((w) => w && !units.has(w) && !units.has(singularise(w)) && !EMPTY_WORDS.has(w) && !/^\d/.test(w));
  if (content.length === 0)
    return `the question would not say what is counted (only “${raw || fact.unit || "a number"}”)`;
  const unit = normaliseText(fact.unit ?? "");
  const unitEnd = unit.split(" ").at(-1) ?? "";
  if (PREPOSITIONS.has(unitEnd) || OPEN_ENDINGS.has(unitEnd)) return `the unit “${fact.unit}” is cut from a sentence`;
  return undefined;
}

/**
 * Numbers: why a question on `fact` could be answered with another of the article's figures. Two
 * facts of the same unit whose subjects read the same leave the student to guess which is meant.
 */
export function ambiguityProblem(fact: GeneratorFact, others: readonly GeneratorFact[]): string | undefined {
  if (fact.type !== "number") return undefined;
  // "Non-food inflation" and "non-food inflation before the change" are one measure at two times.
  const key = (f: GeneratorFact) =>
    normaliseText(subjectWithoutNotes(f.subject).replace(/\b(?:before|after) the change\b/gi, ""))
      .split(" ")
      .map(singularise)
      .join(" ");
  const unit = (f: GeneratorFact) =>
    [...unitWords((f.unit ?? "").replace(/^(?:per cent|%)$/i, "percent"))].sort().join(" ");
  const mine = key(fact);
  const rival = others.find(
    (o) =>
      o !== fact &&
      o.type === "number" &&
      !o.superseded &&
      o.answer !== fact.answer &&
      unit(o) === unit(fact) &&
      key(o) === mine,
  );
  if (!rival) {
    // "The rise in Japan's exports" beside "the rise in Japan's exports in the April-June quarter":
    // the shorter subject fits the longer one's figure too.
    const mineWords = mine.split(" ").filter(Boolean);
    const wider = others.find((o) => {
      if (o === fact || o.type !== "number" || o.superseded || o.answer === fact.answer || unit(o) !== unit(fact))
        return false;
      // Only what follows the head narrows it ("... to China"); a word before it names another
      // thing ("the reverse repo rate" is not a kind of "the repo rate").
      const theirs = key(o).split(" ");
      return theirs.length > mineWords.length && mineWords.every((w, i) => theirs[i] === w);
    });
    if (!wider) return undefined;
    return `“${subjectWithoutNotes(fact.subject)}” also fits the article's figure for “${subjectWithoutNotes(wider.subject)}” (${wider.answer}); the question does not say which`;
  }
  return `the article gives more than one figure for “${subjectWithoutNotes(fact.subject)}” (${fact.answer} and ${rival.answer}); the question does not say which`;
}

/** Past forms that make a date's subject a clause: "The ministry barred schools", "Work started on the beach". */
function clauseVerb(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const verb = analyseVerb(word);
    if (!verb || verb.form === "present") continue;
    if (DETERMINERS.has(words[i - 1] ?? "")) continue;
    if (/ed$/.test(word) || verb.form === "past") return word;
  }
  return undefined;
}

/**
 * Dates: why "On what date did ... happen?" cannot be asked of this subject. An event of several
 * days ("the trade fair") has no one date to "happen on" unless the relation says which day
 * (started, opened); a subject that is a clause ("The ministry barred schools") is not an event.
 */
export function eventProblem(fact: GeneratorFact): string | undefined {
  if (fact.type !== "date") return undefined;
  const relation = subjectWithoutNotes(fact.relation).toLowerCase();
  if (!/^(happened|occurred|took place) on$/.test(relation)) return undefined;
  const raw = subjectWithoutNotes(fact.subject);
  const verb = clauseVerb(words(raw).map((w) => w.toLowerCase()));
  if (verb) return `the subject “${raw}” is a clause (“${verb}”), not an event a date can belong to`;
  const head = headOf(raw);
  if (MULTI_DAY_EVENTS.has(head))
    return `“${raw}” may last several days, and “${fact.relation}” does not say whether the date is its first day`;
  return undefined;
}
