// What a figure measures, read from the fact's relation, unit and subject, so that a number is
// asked as a teacher would ask it: a subject that is itself a rate or level ("annual inflation in
// March") as "What was annual inflation in March?", money as "How much ...?" or "What were ...
// worth?", a length or an age as "How long ...?" / "How old ...?", things counted as "How many
// deaths were there in ...?". Where the subject cannot carry the figure (it holds its own unit,
// or a percentage of something that is not a rate), the reason says why and the question is
// held back; the fill-in-the-blank question, which shows the article's sentence, is still served.
import { analyseVerb, isPluralNoun, PREPOSITIONS, singularise } from "@/lib/questions/english";
import { normaliseText } from "@/lib/questions/normalise";
import { parseNumber } from "@/lib/questions/numbers";
import type { GeneratorFact } from "@/lib/questions/types";

export type Measure =
  /** "What was annual inflation in March?": the subject is itself the quantity. */
  | { kind: "value"; subject: string; mass: boolean }
  /** "How much was the trade surplus?" or, for goods and trade, "What were car exports worth?". */
  | { kind: "money"; subject: string; worth: boolean }
  /** "How long was the harbour bridge?", "How old was President Kessel?". */
  | { kind: "extent"; subject: string; adjective: string }
  /** "How many deaths were there in Port Alder?": the subject is what is counted. */
  | { kind: "count"; head: string; rest: string }
  /** "How many people were killed by the floods in the north?". */
  | { kind: "count-passive"; head: string; participle: string; rest: string }
  | { kind: "held"; reason: string };

const RATE_RELATIONS = new Set(["percentage", "percent", "per cent", "rate", "share", "proportion", "level"]);
const MONEY_RELATIONS = new Set(["amount", "value", "cost", "price", "worth", "sum"]);
const EXTENT_ADJECTIVES: Record<string, string> = {
  length: "long",
  duration: "long",
  age: "old",
  height: "tall",
  depth: "deep",
  width: "wide",
};
const COUNT_RELATIONS = new Set(["number", "count", "total"]);
/** Heads of noun phrases that are themselves a rate, share or level. */
const RATE_HEADS = new Set(
  "inflation rate share turnout growth unemployment level proportion percentage majority support approval yield margin inflation deflation contraction expansion index".split(
    " ",
  ),
);
/**
 * Changes, which a percentage measures as well as a rate: "the rise in Japan's exports" was
 * 27.7 percent (of what they were), as "the fall in sales" or "the increase in fares" is.
 */
const CHANGE_HEADS = new Set(
  "rise increase fall drop decline decrease jump gain climb surge slump cut reduction hike".split(" "),
);
/** Rates read without "the": "annual inflation", "economic growth". */
const MASS_HEADS = new Set(
  "inflation growth unemployment turnout support approval deflation contraction expansion".split(" "),
);
/** Goods and trade are "worth" an amount; a surplus or a fine simply "is" one. */
const WORTH_HEADS = new Set(
  "exports imports shipments sales deal contract assets drugs goods property haul seizure cargo jewellery jewelry".split(
    " ",
  ),
);
/** Units that measure rather than count: a subject made of one of these names no thing. */
const MEASURE_UNITS = new Set(
  "km kms kilometres kilometers metres meters miles feet inches cm mm kg kilograms tonnes tons pounds percent cent years months weeks days hours minutes seconds kmph mph degrees acres hectares".split(
    " ",
  ),
);
/** People counted: "people in California" does not say what happened to them. */
const PEOPLE_UNITS = new Set(
  "people persons residents civilians children adults students members workers passengers patients migrants refugees voters soldiers troops".split(
    " ",
  ),
);
/** Words a unit may end with although they are not plural nouns. */
const UNIT_ENDINGS = new Set(
  "cent percent km kmph mph kg cm mm m ft lb bn mn gw mw kw kwh yen yuan won rand baht riyal dollars euros euro pounds".split(
    " ",
  ),
);
const AUXILIARIES = new Set("have has had been be being was were is are will would".split(" "));

export function subjectText(subject: string): string {
  return subject
    .replace(/\s*\([^()]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function relationText(relation: string): string {
  return subjectText(relation)
    .toLowerCase()
    .replace(/^(is|are|was|were)\s+/, "")
    .replace(/^the\s+/, "");
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** The unit's words and their singulars. */
function unitWordSet(unit: string): Set<string> {
  const set = new Set<string>();
  for (const w of normaliseText(unit).split(" ").filter(Boolean)) {
    set.add(w);
    set.add(singularise(w));
  }
  return set;
}

/** The subject's head noun: the last word before its first preposition or relative pronoun. */
export function headOf(text: string): string {
  const list = words(text);
  let end = list.length;
  for (let i = 1; i < list.length; i++) {
    const w = (list[i] ?? "").toLowerCase();
    if (PREPOSITIONS.has(w) || /^(who|that|which|whose|where)$/.test(w)) {
      end = i;
      break;
    }
  }
  return (list[end - 1] ?? "").toLowerCase().replace(/['’]s?$/, "");
}

/** Why the fact's unit is not a unit ("euros man", "reported missing"), or undefined. */
export function unitProblem(fact: GeneratorFact): string | undefined {
  if (fact.type !== "number" || !fact.unit) return undefined;
  const all = normaliseText(fact.unit).split(" ").filter(Boolean);
  // "barrels of oil", "prisoners of war": the head is the word before the first preposition.
  const cut = all.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w) && i < all.length - 1);
  const list = cut > 0 ? all.slice(0, cut) : all;
  const last = list.at(-1) ?? "";
  const one = parseNumber(fact.answer) === 1;
  const verbLike = list.some((w) => /ed$/.test(w) && analyseVerb(w) !== undefined && !isPluralNoun(w));
  const nounEnd = isPluralNoun(last) || UNIT_ENDINGS.has(last) || (one && !PREPOSITIONS.has(last));
  if (verbLike || !nounEnd) return `the unit “${fact.unit}” does not read as a unit`;
  return undefined;
}

/** "Metres of the rocket" -> "the rocket"; "Age of President Kessel" -> "President Kessel". */
function withoutUnitOf(subject: string, units: Set<string>, relation: string): string | undefined {
  const match = /^(\S+)\s+of\s+(.+)$/i.exec(subject);
  if (!match) return undefined;
  const first = normaliseText(match[1] ?? "");
  if (!(units.has(first) || units.has(singularise(first)) || first === relation)) return undefined;
  // "Months of the aboard": what is left must name something, not end on a preposition.
  const rest = normaliseText(match[2] ?? "").split(" ");
  const last = rest.at(-1) ?? "";
  if (PREPOSITIONS.has(last) || last === "aboard" || rest.every((w) => /^(the|a|an)$/.test(w))) return "";
  return match[2];
}

function containsUnit(subject: string, units: Set<string>): boolean {
  return normaliseText(subject)
    .split(" ")
    .some((w) => units.has(w) || units.has(singularise(w)));
}

/**
 * How a number fact is asked, or undefined when its relation already says it ("lasted",
 * "number of troops lost", "people who died in ..." with a verb of their own).
 */
export function numberMeasure(fact: GeneratorFact): Measure | undefined {
  if (fact.type !== "number") return undefined;
  const relation = relationText(fact.relation);
  const subject = subjectText(fact.subject);
  const unit = fact.unit ?? "";
  const units = unitWordSet(unit);
  const isPercent = /^(per ?cent|percent|%)$/i.test(unit.trim());
  const head = headOf(subject);

  if (RATE_RELATIONS.has(relation) || (COUNT_RELATIONS.has(relation) && isPercent)) {
    if (RATE_HEADS.has(singularise(head)) || RATE_HEADS.has(head) || (isPercent && CHANGE_HEADS.has(singularise(head))))
      return { kind: "value", subject, mass: MASS_HEADS.has(head) };
    if (containsUnit(subject, units)) return undefined; // "Percent": held back as a bare unit
    return {
      kind: "held",
      reason: `“${subject}” is not itself a rate or share, so the question could not say what “${fact.answer} ${unit}” measures (a rise? a share?)`,
    };
  }
  if (MONEY_RELATIONS.has(relation)) {
    if (containsUnit(subject, units))
      return { kind: "held", reason: `the subject “${subject}” holds its own unit “${unit}”` };
    const before = normaliseText(subject).split(" ");
    const cut = before.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    const worth = (cut > 0 ? before.slice(0, cut) : before).some((w) => WORTH_HEADS.has(w));
    return { kind: "money", subject, worth };
  }
  const adjective = EXTENT_ADJECTIVES[relation];
  if (adjective) {
    const stripped = withoutUnitOf(subject, units, relation);
    if (stripped === "") return { kind: "held", reason: `the subject “${subject}” does not say what is measured` };
    if (stripped) return { kind: "extent", subject: stripped, adjective };
    if (containsUnit(subject, units))
      return { kind: "held", reason: `the subject “${subject}” holds its own unit “${unit}”` };
    return { kind: "extent", subject, adjective };
  }
  if (!COUNT_RELATIONS.has(relation)) return undefined;

  const list = words(subject);
  const lower = list.map((w) => w.toLowerCase());
  // "1 million people" counts people: the scale word belongs to the figure, not to what is counted.
  const counted = unit.replace(/^(?:dozens?|hundreds?|thousands?|millions?|billions?)\s+/i, "");
  const unitLength = units.size ? normaliseText(counted).split(" ").length : 0;
  const startsWithUnit =
    unitLength > 0 && normaliseText(list.slice(0, unitLength).join(" ")) === normaliseText(counted);
  if (unit && !startsWithUnit) {
    // "The rise in key interest rates" in basis points: the subject is the quantity itself.
    if (!containsUnit(subject, units)) return { kind: "value", subject, mass: false };
    return undefined;
  }
  // The counted thing and what follows it.
  const headLength = startsWithUnit
    ? unitLength
    : Math.max(
        1,
        lower.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w)),
      );
  const headWords = list.slice(0, headLength === -1 ? list.length : headLength);
  const rest = list.slice(headWords.length);
  const restLower = rest.map((w) => w.toLowerCase());
  const headLast = (headWords.at(-1) ?? "").toLowerCase();
  const relative = /^(who|that|which)$/.test(restLower[0] ?? "");
  if (relative) {
    // "people who have been killed" says no event; "... by flash floods" does.
    const content = restLower.slice(1).filter((w) => !AUXILIARIES.has(w));
    if (content.length <= 1)
      return { kind: "held", reason: `“${subject}” does not say in what event (the question would fit any figure)` };
    return undefined;
  }
  const verb = analyseVerb(restLower[0] ?? "");
  if (verb && (verb.form === "participle" || verb.form === "both") && !PREPOSITIONS.has(restLower[0] ?? "")) {
    if (rest.length <= 1)
      return { kind: "held", reason: `“${subject}” does not say in what event (the question would fit any figure)` };
    return {
      kind: "count-passive",
      head: headWords.join(" "),
      participle: rest[0] ?? "",
      rest: rest.slice(1).join(" "),
    };
  }
  if (verb && rest.length > 0 && !PREPOSITIONS.has(restLower[0] ?? "")) return undefined; // a clause: other frames ask it
  if (rest.length > 0 && !PREPOSITIONS.has(restLower[0] ?? "")) return undefined;
  if (MEASURE_UNITS.has(headLast))
    return { kind: "held", reason: `“${subject}” names the unit “${unit || headLast}”, not what is measured` };
  if (PEOPLE_UNITS.has(headLast))
    return { kind: "held", reason: `“${subject}” does not say what happened to the ${headLast} counted` };
  if (rest.length === 0 && !/\s/.test(subject)) return undefined; // a bare unit: countProblem says why
  if (!isPluralNoun(headLast) && parseNumber(fact.answer) !== 1) return undefined;
  return { kind: "count", head: headWords.join(" "), rest: rest.join(" ") };
}

/** Why a number fact cannot be asked as the figure it is, or undefined. */
export function measureProblem(fact: GeneratorFact): string | undefined {
  const problem = unitProblem(fact);
  if (problem) return problem;
  const measure = numberMeasure(fact);
  return measure?.kind === "held" ? measure.reason : undefined;
}
