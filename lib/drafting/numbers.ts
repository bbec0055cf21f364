// Words for reading numbers cleanly: what a unit of measure measures ("the 43.5-metre rocket" ->
// the rocket's height), the plural a counted noun takes in a subject ("one man" -> "men
// arrested"), and the verbs whose object is a count of people ("arrested one man").

/** Units of measure, by what they measure. */
const MEASURES: Array<[RegExp, string]> = [
  [
    /^(?:metre|meter|foot|feet|inch|inche|yard|mile|kilometre|kilometer|km|centimetre|centimeter|cm|millimetre|mm)s?$/,
    "length",
  ],
  [/^(?:tonne|ton|kilogram|kilo|kg|gram|pound|lb)s?$/, "weight"],
  [/^(?:second|minute|hour|day|week|fortnight|month|year|decade|century)s?$/, "length"],
  [/^(?:acre|hectare)s?$/, "area"],
  [/^(?:litre|liter|gallon)s?$/, "volume"],
];

/** Things whose length is their height: "the 30-metre tower" -> its height. */
const TALL =
  /^(?:tower|rocket|building|skyscraper|statue|wall|tree|mast|spire|dam|wave|mountain|peak|monument|column|chimney|crane|cliff)s?$/i;

/**
 * What a unit measures on the thing it describes: "metre" on "tower" -> "height", "tonne" ->
 * "weight", "year" on "sentence" -> "length"; undefined for a counted noun ("seat", "party").
 */
export function measureOf(unit: string, thing: string): string | undefined {
  const found = MEASURES.find(([pattern]) => pattern.test(unit.toLowerCase()))?.[1];
  if (
    found === "length" &&
    TALL.test(thing.split(/\s+/).at(-1) ?? "") &&
    !/^(?:second|minute|hour|day|week|month|year)/i.test(unit)
  )
    return "height";
  return found;
}

const IRREGULAR_PLURALS: Record<string, string> = {
  man: "men",
  woman: "women",
  person: "people",
  child: "children",
  policeman: "policemen",
  policewoman: "policewomen",
};

/** The plural of a counted noun for a subject: "man" -> "men", "suspect" -> "suspects". */
export function countedPlural(noun: string): string {
  const words = noun.split(" ");
  const last = words.at(-1) ?? "";
  const irregular = IRREGULAR_PLURALS[last.toLowerCase()];
  let plural = last;
  if (irregular) plural = irregular;
  else if (/(?:s|people|children|men)$/i.test(last)) plural = last;
  else if (/[^aeiou]y$/i.test(last)) plural = `${last.slice(0, -1)}ies`;
  else if (/(?:x|ch|sh)$/i.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words.slice(0, -1), plural].join(" ");
}

/** Verbs whose object is a count of people it happened to: "killed 13 people", "arrested one man". */
export const ACTED_ON =
  /^(killed|injured|wounded|arrested|detained|evacuated|rescued|displaced|hurt|infected|sickened|deported|freed|released|charged|hospitalised|hospitalized|kidnapped|abducted|convicted|sentenced|executed)$/;

/** Words of a verb's agent that make it no noun phrase: a pronoun, a report, a figure. */
export const NOT_AN_AGENT = /^(it|this|that|which|who|he|she|they|we|i|you|there|these|those|said|says|told|and|but)$/i;

/** Words after "nine-months" that show the hyphen joins no noun: "spend nine-months aboard". */
export const NOT_A_NOUN =
  /^(aboard|ago|old|long|later|earlier|away|behind|ahead|apart|abroad|overseas|inside|outside|together|late|early|now|then|there|here)$/i;
