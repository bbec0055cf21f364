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
