// Counts whose subject is built from a frame the sentence gives once and uses for several figures:
// a participle after a comma ("..., killing 85 people and destroying 900 homes"), a list after one
// verb ("carrying two pilots and three engineers"), an age written before a noun ("a 30-year-old
// man was arrested").
import { broken, lower, textOf } from "./draft";
import { countedPlural } from "./numbers";
import { CAPITALISED_FUNCTION_WORDS, type Sentence } from "./text";

/** "-ing" forms after a comma whose object is a count of what the event did, with their participles. */
const PARTICIPLES: Record<string, string> = {
  killing: "killed",
  injuring: "injured",
  wounding: "wounded",
  destroying: "destroyed",
  damaging: "damaged",
  torching: "torched",
  burning: "burned",
  flooding: "flooded",
  displacing: "displaced",
  affecting: "affected",
  sickening: "sickened",
  infecting: "infected",
  stranding: "stranded",
  forcing: "forced",
  leaving: "left",
  claiming: "claimed",
};

/**
 * The noun phrase a participle's event is: the noun a relative clause before the comma describes
 * ("the 2018 Camp Fire that tore through X, killing ...") or the noun phrase the sentence opens
 * with ("A landslide in X buried the road, killing ..."); none when the sentence opens otherwise.
 */
function eventBefore(sentence: Sentence, comma: number): string | undefined {
  const { tokens } = sentence;
  let start = comma - 1;
  while (start > 0 && !broken(sentence, start)) start--;
  for (let k = comma - 1; k > start; k--) {
    if (!/^(that|which)$/.test(lower(tokens[k]))) continue;
    let det = k - 1;
    while (det > start && k - det <= 6 && !/^(the|a|an)$/i.test(tokens[det]?.text ?? "")) det--;
    if (!/^(the|a|an)$/i.test(tokens[det]?.text ?? "") || det === k - 1) return undefined;
    return `the ${textOf(sentence, det + 1, k)}`;
  }
  // The sentence's opening noun phrase, up to its verb.
  if (start !== 0 || !/^(The|A|An)$/.test(tokens[0]?.text ?? "")) return undefined;
  let end = 1;
  while (
    end < comma &&
    end < 7 &&
    !broken(sentence, end) &&
    !/^(is|are|was|were|has|have|had|will|would|could|[a-z]+ed|hit|struck|swept|tore|left|caused|brought)$/.test(
      lower(tokens[end]),
    )
  )
    end++;
  if (end >= comma || end === 1 || end >= 7) return undefined;
  return `the ${textOf(sentence, 1, end)}`;
}

/**
 * "..., killing 85 people and torching 11,000 homes" -> people killed by the 2018 Camp Fire, homes
 * torched by the 2018 Camp Fire. `before` is the token before the number; `agent` carries the
 * event from the list's first participle to the next.
 */
export function participleCount(
  sentence: Sentence,
  before: number,
  noun: string,
  agent: { event?: string },
): string | undefined {
  const { tokens } = sentence;
  const participle = PARTICIPLES[lower(tokens[before])];
  if (!participle || broken(sentence, before + 1)) return undefined;
  let event: string | undefined;
  if ((tokens[before]?.gap ?? "") === "," && before > 0) event = eventBefore(sentence, before);
  else if (lower(tokens[before - 1]) === "and" && !broken(sentence, before)) event = agent.event;
  agent.event = event;
  if (!event) return undefined;
  return `${countedPlural(noun)} ${participle} by ${event}`;
}

/** Verbs done to people, as an -ing form with the count as its object, and their participles. */
const DONE_TO: Record<string, string> = {
  acquitting: "acquitted",
  arresting: "arrested",
  convicting: "convicted",
  charging: "charged",
  detaining: "detained",
  freeing: "freed",
  releasing: "released",
  rescuing: "rescued",
  evacuating: "evacuated",
  sentencing: "sentenced",
  deporting: "deported",
  clearing: "cleared",
  hiring: "hired",
  recruiting: "recruited",
  vaccinating: "vaccinated",
  treating: "treated",
  expelling: "expelled",
  suspending: "suspended",
  dismissing: "dismissed",
};

/**
 * "a decision acquitting 10 activists of perjury" -> activists acquitted of perjury; "announced a
 * breakthrough, arresting four suspects in the investigation" -> suspects arrested in the
 * investigation: an -ing form whose object is the count, with what follows it. `unit` is the
 * counted noun as read ("activists of perjury": the "of" phrase is the verb's, not the noun's).
 */
export function doneToCount(sentence: Sentence, before: number, unit: string, tail: string): string | undefined {
  const { tokens } = sentence;
  const participle = DONE_TO[lower(tokens[before])];
  if (!participle || broken(sentence, before + 1) || !/^\p{Ll}/u.test(unit)) return undefined;
  const [noun = "", ofPhrase] = unit.split(/ (?=of )/);
  if (noun.split(" ").length > 3) return undefined;
  const rest = ofPhrase ?? (/^(?:in|for|over|at|from|after|on) /.test(tail) ? tail : "");
  return `${countedPlural(noun)} ${participle}${rest ? ` ${rest}` : ""}`;
}

/**
 * "A 30-year-old man was arrested at the scene" -> age of the man arrested: an age before a noun
 * that the clause's passive verb says what happened to. `hyphen` is the number's token index.
 */
export function ageOfNoun(sentence: Sentence, number: number): string | undefined {
  const { tokens } = sentence;
  const noun = tokens[number + 1];
  if (!noun || broken(sentence, number + 1) || !/^\p{Ll}+$/u.test(noun.text)) return undefined;
  if (
    !/^(man|woman|boy|girl|teenager|driver|motorist|cyclist|pedestrian|suspect|worker|student|soldier)$/.test(noun.text)
  )
    return undefined;
  if (!/^(was|has|had|is)$/.test(lower(tokens[number + 2]))) return undefined;
  let verb = number + 3;
  if (lower(tokens[verb]) === "been") verb++;
  const word = lower(tokens[verb]);
  if (!/^[a-z]{3,}ed$|^(taken|held|found|hit|struck|shot|killed|charged)$/.test(word) || broken(sentence, verb))
    return undefined;
  if (/^(been|said)$/.test(word)) return undefined;
  return `age of the ${noun.text} ${word}`;
}

/**
 * "carrying two NASA astronauts, and two international crew members": the count after "and"
 * right after the count before takes the same frame with its own noun ("NASA astronauts carried by
 * the rocket" -> "international crew members carried by the rocket").
 */
export function listedCount(
  sentence: Sentence,
  qualifierFrom: number,
  noun: string,
  last: { noun: string; subject: string; end: number } | undefined,
): string | undefined {
  if (!last || !noun || !/^\p{Ll}/u.test(noun)) return undefined;
  const { tokens } = sentence;
  const and = qualifierFrom - 1;
  if (lower(tokens[and]) !== "and" || broken(sentence, qualifierFrom)) return undefined;
  // Only "and" (after an optional comma) between the two counts.
  if (and !== last.end) return undefined;
  const first = last.subject.split(" ")[0] ?? "";
  if (CAPITALISED_FUNCTION_WORDS.has(first)) return undefined;
  const lastNoun = countedPlural(last.noun);
  if (!last.subject.toLowerCase().startsWith(`${lastNoun.toLowerCase()} `)) return undefined;
  const frame = last.subject.slice(lastNoun.length);
  // A frame that names the first noun's own place or owner ("in Kisumu", "of the party") is its own.
  if (
    !/^ (?:carried|killed|injured|arrested|rescued|evacuated|aboard|on board|detained|held|freed|released)\b/.test(
      frame,
    )
  )
    return undefined;
  return `${countedPlural(noun)}${frame}`;
}

/** Verbs that hand something to a count of people: "issued an advisory to 1.2 million residents". */
const HANDED = /^(issued|given|sent|offered|granted|awarded|paid|delivered|distributed|handed|extended)$/;

/**
 * "evacuation advisories have been issued to a total of 1.32 million people" -> people issued
 * evacuation advisories; "The city issued an evacuation advisory to some 1.09 million residents"
 * -> residents issued an evacuation advisory. `before` is the token before the number and its bound.
 */
export function handedTo(sentence: Sentence, before: number, noun: string): string | undefined {
  const { tokens } = sentence;
  let to = before;
  // "to a total of N".
  if (lower(tokens[to]) === "of" && lower(tokens[to - 1]) === "total" && /^(a|the)$/.test(lower(tokens[to - 2])))
    to -= 3;
  if (lower(tokens[to]) !== "to" || broken(sentence, to + 1)) return undefined;
  let verb = to - 1;
  while (verb > 0 && to - verb <= 6 && !HANDED.test(lower(tokens[verb])) && !broken(sentence, verb + 1)) verb--;
  if (!HANDED.test(lower(tokens[verb])) || broken(sentence, verb + 1)) return undefined;
  let object: string;
  if (verb < to - 1) {
    // Active: the object follows the verb.
    const words = tokens.slice(verb + 1, to).map((t) => t.text);
    if (!/^(a|an|the)$/i.test(words[0] ?? "") || words.some((w) => !/^[\p{Ll}-]+$/u.test(w))) return undefined;
    object = words.join(" ");
  } else {
    // Passive: the clause's subject before "have been issued".
    let aux = verb;
    while (aux > 0 && /^(has|have|had|been|was|were|be|being|already|also)$/.test(lower(tokens[aux - 1]))) aux--;
    let start = aux;
    while (start > 0 && !broken(sentence, start) && aux - start < 5) start--;
    const words = tokens.slice(start, aux).map((t) => t.text);
    if (words.length === 0 || words.some((w) => !/^[\p{L}-]+$/u.test(w) || /^(it|they|he|she|we)$/i.test(w)))
      return undefined;
    object = textOf(sentence, start, aux);
    if (/^\p{Lu}/u.test(object) && !/^\p{Lu}\p{L}*\s+\p{Lu}/u.test(object))
      object = object.charAt(0).toLowerCase() + object.slice(1);
  }
  return `${countedPlural(noun)} ${lower(tokens[verb])} ${object}`;
}

/**
 * "A sum of cash €1,130 and a watch were also seized" -> cash seized: an amount of a named kind of
 * money, said of by its clause's passive verb.
 */
export function amountOfMoney(sentence: Sentence, numberStart: number): string | undefined {
  const { tokens } = sentence;
  const kind = lower(tokens[numberStart - 1]);
  if (!/^(cash|money|funds)$/.test(kind) || broken(sentence, numberStart)) return undefined;
  for (let k = numberStart + 1; k < tokens.length - 1 && k - numberStart <= 8; k++) {
    if (broken(sentence, k) && !/^,?$/.test(tokens[k]?.gap ?? "")) return undefined;
    if (!/^(was|were)$/.test(lower(tokens[k]))) continue;
    let verb = k + 1;
    if (/^(also|later|then)$/.test(lower(tokens[verb]))) verb++;
    const word = lower(tokens[verb]);
    return /^[a-z]{3,}ed$|^(found|seized|taken|stolen)$/.test(word) ? `${kind} ${word}` : undefined;
  }
  return undefined;
}

/**
 * "Migori has the highest number of recorded cases at 53" -> recorded cases in Migori: a place
 * that has the most of something, and how many.
 */
export function highestNumberOf(sentence: Sentence, before: number): string | undefined {
  const { tokens } = sentence;
  if (!/^(at|with)$/.test(lower(tokens[before]))) return undefined;
  let of = before - 1;
  while (of > 0 && before - of <= 4 && lower(tokens[of]) !== "of") of--;
  if (lower(tokens[of]) !== "of" || lower(tokens[of - 1]) !== "number") return undefined;
  if (!/^(highest|largest|most|biggest|greatest|lowest|smallest)$/.test(lower(tokens[of - 2]))) return undefined;
  if (lower(tokens[of - 3]) !== "the" || !/^(has|had|have|recorded|reported)$/.test(lower(tokens[of - 4])))
    return undefined;
  const place = tokens.slice(0, of - 4);
  if (place.length === 0 || place.length > 4 || place.some((t) => !/^\p{Lu}/u.test(t.text))) return undefined;
  if (place.some((t, k) => k > 0 && (t.gap ?? "") !== "")) return undefined;
  if (CAPITALISED_FUNCTION_WORDS.has(place[0]?.text ?? "")) return undefined;
  return `${textOf(sentence, of + 1, before)} in ${textOf(sentence, 0, of - 4)}`;
}
